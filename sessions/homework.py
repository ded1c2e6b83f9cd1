"""Homework: an activity open between meetings, answered at home.

Which kinds can be homework, and what a draft may be. A draft is what the
participant last typed, complete or not, so only its shape and size are checked;
the kind's own rules apply when it is submitted.
"""

import json

from .errors import N_, DomainError

HOMEWORK_KINDS = frozenset({"others_view", "actor_map"})
# Room for the largest answer a kind accepts (an actor mapping at its limits is
# about 200 kB of UTF-8), and within a Socket.IO message (server/app.py).
MAX_DRAFT_BYTES = 224 * 1024


def check_is_homework(kind: str) -> None:
    if kind not in HOMEWORK_KINDS:
        raise DomainError(
            "not_homework", N_("Only a homework activity can be assigned as homework.")
        )


def check_draft(answer: object) -> dict:
    if not isinstance(answer, dict):
        raise DomainError("invalid", N_("The draft is malformed. Reload the page."))
    try:
        size = len(json.dumps(answer, ensure_ascii=False).encode())
    except UnicodeEncodeError:  # a lone surrogate: no text anyone typed
        raise DomainError(
            "invalid", N_("The draft holds characters that cannot be saved.")
        ) from None
    if size > MAX_DRAFT_BYTES:
        raise DomainError(
            "too_long",
            N_("The form is too large to save: at most %(max)d kB."),
            max=MAX_DRAFT_BYTES // 1024,
        )
    return answer
