"""Privacy rules (docs/privacy.md): anonymous activities, what is left of a
frozen outcome once a participant's answers are erased, and when personal data
has been kept long enough.

An anonymous activity keeps the link from an answer to its participant (the
one-answer-per-participant rule, replacing an answer and idempotent submits
need it), but nothing shows or exports it: the answer's name and organisation
are blanked where answers are read (server/repository.answer_rows).
"""

import calendar
from datetime import datetime

from . import text
from .errors import N_, DomainError

# The key in an item's and an activity's settings (their ``config`` JSON).
ANONYMOUS = "anonymous"
# A status check counts a mark only from someone of the step's organisation:
# it cannot work without knowing the answerer's organisation.
NEVER_ANONYMOUS = frozenset({"status_check"})
# Keys of frozen results that tie an entry to one answer.
ANSWER_KEYS = ("submission_id",)


def is_anonymous(config: object) -> bool:
    return isinstance(config, dict) and config.get(ANONYMOUS) is True


def with_anonymous(kind: str, config: dict, anonymous: bool) -> dict:
    """``config`` with the anonymous mark set or cleared; refused for a kind
    that needs to know who answered."""
    settings = {k: v for k, v in config.items() if k != ANONYMOUS}
    if not anonymous:
        return settings
    if kind in NEVER_ANONYMOUS:
        raise DomainError(
            "not_anonymous",
            N_("A status check needs to know each answer’s organisation."),
        )
    return {**settings, ANONYMOUS: True}


def _points_at(entry: dict, submission_ids: set[int]) -> bool:
    if any(entry.get(key) in submission_ids for key in ANSWER_KEYS):
        return True
    # Lessons and next steps are keyed "<submission id>.<index>".
    key = entry.get("key")
    if isinstance(key, str) and "." in key:
        head = key.split(".", 1)[0]
        return head.isdigit() and int(head) in submission_ids
    return False


def without_answers(results: object, submission_ids: set[int]) -> object:
    """Frozen results with every entry that points at one of the erased
    answers left out, at any depth: their texts and who wrote them go, the
    counts stay as they were frozen."""
    if isinstance(results, dict):
        return {k: without_answers(v, submission_ids) for k, v in results.items()}
    if isinstance(results, list):
        return [
            without_answers(v, submission_ids)
            for v in results
            if not (isinstance(v, dict) and _points_at(v, submission_ids))
        ]
    return results


def retention_cutoff(now: datetime, months: int) -> datetime:
    """The moment before which an ended session's personal data is removed:
    ``months`` calendar months before ``now`` (the day clamped to the month's
    end, so 31 May less 3 months is 28 or 29 February)."""
    if months < 1:
        raise ValueError("months must be at least 1")
    total = now.year * 12 + now.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    days = calendar.monthrange(year, month)[1]
    return now.replace(year=year, month=month, day=min(now.day, days))


def anonymised_archive(document: dict, members: frozenset[str]) -> dict:
    """A project archive (sessions/archive_format.py) without participants'
    names, and with an organisation only where it is one of the project's
    member organisations (``text.key`` of each), also in the frozen outcomes:
    the file still imports."""
    for meeting in document["project"]["meetings"]:
        for live in meeting["sessions"]:
            for person in live["participants"]:
                person.update(
                    name="",
                    organisation=member_or_blank(person["organisation"], members),
                    anonymous=True,
                    quote_by_name=False,
                )
            for activity in live["activities"]:
                activity["final_snapshot"] = members_only(
                    activity["final_snapshot"], members
                )
    return document


def member_or_blank(organisation: str, members: frozenset[str]) -> str:
    return organisation if text.key(organisation) in members else ""


def members_only(value: object, members: frozenset[str]) -> object:
    """Frozen results whose organisations are the project's members only: any
    other under an ``organisation`` key reads "", and a ``by_organisation``
    count of others adds to the "" count."""
    if isinstance(value, list):
        return [members_only(v, members) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict = {}
    for key, inner in value.items():
        if key == "organisation" and isinstance(inner, str):
            out[key] = member_or_blank(inner, members)
        elif key == "by_organisation" and isinstance(inner, dict):
            counts: dict = {}
            for organisation, count in inner.items():
                kept = member_or_blank(organisation, members)
                counts[kept] = counts.get(kept, 0) + count
            out[key] = counts
        else:
            out[key] = members_only(inner, members)
    return out
