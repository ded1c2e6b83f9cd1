"""Annotations: a leader's comments on an archived activity.

A comment is kept beside the activity's frozen outcome and never changes it. It
is written once the session has ended: while a session runs, its outcome is
still moving. Any leader may add, edit or remove any comment, since a
project's leaders co-facilitate; the comment keeps the name of whoever wrote it.

Unlike the short texts typed on phones, a comment keeps its line breaks: each
line is cleaned on its own (``text.clean``) and blank lines between paragraphs
fold to one.
"""

from . import text
from .errors import N_, DomainError
from .live import SessionStatus

MAX_LENGTH = 2000
FIELD = N_("Comment")


def check_text(written: object) -> str:
    """The comment as it is stored: NFC, runs of spaces folded, line breaks kept
    (at most one blank line in a row, none at either end), 1–MAX_LENGTH
    characters counting each line break as one."""
    if not isinstance(written, str):
        raise DomainError("invalid", N_("%(field)s must be text."), field=FIELD)
    lines: list[str] = []
    for line in written.splitlines():
        cleaned = text.clean(line, field=FIELD, max_length=MAX_LENGTH, required=False)
        if cleaned or (lines and lines[-1]):
            lines.append(cleaned)
    while lines and not lines[-1]:
        lines.pop()
    joined = "\n".join(lines)
    if not joined:
        raise DomainError("required", N_("%(field)s is required."), field=FIELD)
    if len(joined) > MAX_LENGTH:
        raise DomainError(
            "too_long",
            N_("%(field)s is too long: at most %(max)d characters."),
            field=FIELD,
            max=MAX_LENGTH,
        )
    return joined


def check_annotatable(session_status: str) -> None:
    """Comments belong to the archive: a running session's activities get them
    once it has ended."""
    if session_status != SessionStatus.ENDED:
        raise DomainError(
            "session_running",
            N_("Comments can be written once the session has ended."),
        )
