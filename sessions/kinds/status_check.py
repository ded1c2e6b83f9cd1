"""Status check (status_check): the previous meeting's next steps come back, and
each owner marks theirs done, under way or not started.

The commitments are copied into the config when the session starts
(server/status_check.py), so the list stays as it was shown, whatever happens to
the old answers later. Only someone of a step's organisation may mark it
(``check_submit``).

When several people of one organisation mark the same step differently, the
least advanced mark counts (not started before under way before done): a step
is shown done only when nobody who owns it says otherwise. The aggregate also
gives every step's marks, so the room can see where colleagues disagree.
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import text
from ..errors import N_, DomainError
from ..submission import Submission
from . import common, next_steps

if TYPE_CHECKING:
    from . import SubmitContext

# From least to most advanced: the order the tally and the rule above use.
STATUSES = ("not_started", "under_way", "done")
UNMARKED = "unmarked"
# Well above a room of 45 giving ten steps each, and a conference's hundreds;
# every phone is sent the list.
MAX_COMMITMENTS = 2000
KEY = re.compile(r"\d{1,18}\.\d{1,3}")
MALFORMED = N_("The form is malformed. Reload the page and try again.")


def clean_commitment(commitment: object, number: int) -> dict:
    if not isinstance(commitment, dict):
        raise DomainError("invalid", N_("The commitments are malformed."))
    key = commitment.get("key")
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise DomainError("invalid", N_("The commitments are malformed."))
    step = next_steps.clean_step(
        commitment, number=number, max_length=next_steps.MOST_LENGTH
    )
    return {"key": key, **step}


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    raw = settings.get("commitments")
    if raw is None:
        raw = []  # none yet: the server fills them in when the session starts
    if not isinstance(raw, list):
        raise DomainError("invalid", N_("The commitments are malformed."))
    if len(raw) > MAX_COMMITMENTS:
        raise DomainError(
            "too_many",
            N_(
                "The previous meeting made more than %(max)d commitments; a "
                "status check lists at most that many. Remove the status check "
                "from this meeting's programme, or hide answers there."
            ),
            max=MAX_COMMITMENTS,
        )
    cleaned = [clean_commitment(c, number) for number, c in enumerate(raw, start=1)]
    if len({c["key"] for c in cleaned}) != len(cleaned):
        raise DomainError("invalid", N_("The commitments name a step twice."))
    return {"commitments": cleaned}


def validate_answer(config: dict, answer: object) -> dict:
    """The marks, in the commitments' order; each names a step and a status."""
    if not isinstance(answer, dict):
        raise DomainError("invalid", MALFORMED)
    marks = answer.get("marks")
    if marks is None:
        marks = {}
    if not isinstance(marks, dict):
        raise DomainError("invalid", MALFORMED)
    known = {c["key"] for c in config["commitments"]}
    for key, status in marks.items():
        if key not in known:
            raise DomainError(
                "unknown_commitment",
                N_("One of the steps is not on the list any more. Reload the page."),
            )
        if status not in STATUSES:
            raise DomainError(
                "unknown_status",
                N_("Mark each step done, under way or not started."),
            )
    if not marks:
        raise DomainError("required", N_("Mark at least one step."))
    return {
        "marks": {
            c["key"]: marks[c["key"]]
            for c in config["commitments"]
            if c["key"] in marks
        }
    }


def owns(organisation: str, commitment: dict) -> bool:
    return bool(organisation.strip()) and text.key(organisation) == text.key(
        commitment["organisation"]
    )


def check_submit(answer: dict, context: "SubmitContext") -> dict:
    """Refuse a mark on a step of another organisation."""
    by_key = {c["key"]: c for c in context.activity.config["commitments"]}
    for key in answer["marks"]:
        commitment = by_key[key]
        if not owns(context.organisation, commitment):
            raise DomainError(
                "not_owner",
                N_("Only someone from %(organisation)s can mark “%(what)s”."),
                organisation=commitment["organisation"],
                what=next_steps.shown(commitment["what"]),
            )
    return answer


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """Each commitment with its status and marks, and the tally of statuses."""
    rows = []
    for commitment in config["commitments"]:
        marks = dict.fromkeys(STATUSES, 0)
        for sub in submissions:
            status = sub.answer.get("marks", {}).get(commitment["key"])
            # A mark only its owners could have sent counts; hidden ones never.
            if (
                sub.hidden
                or status not in marks
                or not owns(sub.organisation, commitment)
            ):
                continue
            marks[status] += 1
        marked = [s for s in STATUSES if marks[s]]
        rows.append(
            {
                "key": commitment["key"],
                "what": commitment["what"],
                "organisation": commitment["organisation"],
                "by": commitment["by"],
                "status": marked[0] if marked else UNMARKED,
                "marks": marks,
                "agreed": len(marked) <= 1,
            }
        )
    tally = {status: 0 for status in (*reversed(STATUSES), UNMARKED)}
    for row in rows:
        tally[row["status"]] += 1
    return {
        "answers": sum(1 for s in submissions if not s.hidden),
        "commitments": rows,
        "tally": tally,
    }
