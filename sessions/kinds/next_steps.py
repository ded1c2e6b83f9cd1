"""Next steps (next_steps): concrete commitments, what, which organisation and by
when. Each participant gives one or more; at the next meeting a status check
(status_check.py) lists them for their owners to mark.

A commitment is named by ``"<submission id>.<index>"``: the stored answer's row
and the step's place in it, which never change once the session has ended.
"""

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from .. import text
from ..errors import N_, DomainError
from ..submission import Submission
from . import common

DEFAULT_MAX_STEPS = 3
MOST_STEPS = 10
DEFAULT_MAX_LENGTH = 200
MOST_LENGTH = 1000
MAX_ORGANISATION = 120  # as a participant's organisation (models.Participant)
SHOWN_LENGTH = 60  # how much of a step an error message repeats
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MALFORMED = N_("The form is malformed. Reload the page and try again.")


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    return {
        "max_steps": common.number(
            settings, "max_steps", DEFAULT_MAX_STEPS, least=1, most=MOST_STEPS
        ),
        "max_length": common.number(
            settings, "max_length", DEFAULT_MAX_LENGTH, least=1, most=MOST_LENGTH
        ),
    }


def shown(what: str) -> str:
    return what if len(what) <= SHOWN_LENGTH else what[: SHOWN_LENGTH - 1] + "…"


def check_date(value: object, *, number: int) -> str:
    """A step's date as ``YYYY-MM-DD``; anything else is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise DomainError(
            "required", N_("Step %(number)d: give a date to finish by."), number=number
        )
    # fromisoformat alone would also take "20170630" and week dates.
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value.strip()):
        raise DomainError(
            "invalid_date",
            N_("Step %(number)d: write the date as YYYY-MM-DD, like 2017-06-30."),
            number=number,
        )
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise DomainError(
            "invalid_date",
            N_("Step %(number)d: %(date)s is no date in the calendar."),
            number=number,
            date=value.strip(),
        ) from None


def owner(value: object, *, what: str, number: int) -> str:
    """The organisation that owns a step; a step nobody owns is refused."""
    organisation = text.clean(
        value, field=N_("Organisation"), max_length=MAX_ORGANISATION, required=False
    )
    if not organisation:
        raise DomainError(
            "no_owner",
            N_(
                "Step %(number)d (%(what)s): say which organisation will do it. "
                "Pick one from the list or type its name."
            ),
            number=number,
            what=shown(what),
        )
    return organisation


def clean_step(step: object, *, number: int, max_length: int) -> dict:
    if not isinstance(step, dict):
        raise DomainError("invalid", MALFORMED)
    what = text.clean(
        step.get("what"), field=N_("Step"), max_length=max_length, required=False
    )
    if not what:
        raise DomainError(
            "required", N_("Step %(number)d: say what will be done."), number=number
        )
    return {
        "what": what,
        "organisation": owner(step.get("organisation"), what=what, number=number),
        "by": check_date(step.get("by"), number=number),
    }


def validate_answer(config: dict, answer: object) -> dict:
    """The steps as given, cleaned; one given twice is kept once."""
    raw = common.items(answer, "steps", MALFORMED, required=False)
    most = config["max_steps"]
    common.check_count(raw, most, N_("Give at most %(max)d steps."))
    steps: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    for number, step in enumerate(raw, start=1):
        cleaned = clean_step(step, number=number, max_length=config["max_length"])
        same = (
            text.key(cleaned["what"]),
            text.key(cleaned["organisation"]),
            cleaned["by"],
        )
        if same not in seen:
            seen.add(same)
            steps.append(cleaned)
    if not steps:
        raise DomainError("required", N_("Give at least one step."))
    return {"steps": steps}


def commitments(submissions: Sequence[Submission]) -> list[dict]:
    """Every step of the visible answers, by date, then organisation, then the
    order given; each with its key and the answer it came from."""
    found = []
    for sub in submissions:
        if sub.hidden or sub.id is None:
            continue
        for index, step in enumerate(sub.answer.get("steps", ())):
            found.append(
                {
                    "key": f"{sub.id}.{index}",
                    "what": step["what"],
                    "organisation": step["organisation"],
                    "by": step["by"],
                    "submission_id": sub.id,
                }
            )
    return sorted(
        found,
        key=lambda c: (
            c["by"],
            text.key(c["organisation"]),
            c["submission_id"],
            int(c["key"].split(".")[1]),
        ),
    )


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """The commitments by date, and how many each organisation took on (most
    first; an organisation's spelling is the one it is first seen in)."""
    listed = commitments(submissions)
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for commitment in listed:
        k = text.key(commitment["organisation"])
        counts[k] += 1
        spelling.setdefault(k, commitment["organisation"])
    return {
        "answers": sum(1 for s in submissions if not s.hidden),
        "commitments": listed,
        "organisations": [
            {"organisation": spelling[k], "count": n}
            for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
    }
