"""Step 3 and 4 of the path a submission takes (see docs/architecture.md):
the domain validates the answer, and one transaction commits it, idempotent on
the client's id. The handler in events/participant.py does the rest."""

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from sessions.activity import check_accepts_submissions
from sessions.errors import N_, DomainError
from sessions.kinds import get_kind

from . import repository
from .extensions import db
from .present import submission_view
from .timeutil import utcnow


@dataclass(frozen=True)
class Accepted:
    submission: dict  # as the protocol sends it (present.submission_view)
    duplicate: bool  # True when this client id had been applied before


def submit(
    participant_id: int,
    session_id: int,
    activity_id: int,
    client_id: str,
    answer: object,
) -> Accepted:
    """Commit a participant's answer; ``session_id`` is the participant's."""
    try:
        return _submit_once(participant_id, session_id, activity_id, client_id, answer)
    except IntegrityError:
        # Should the lock below ever be bypassed (a database without row locks),
        # the other request's commit is visible now: do it again, once.
        db.session.rollback()
        return _submit_once(participant_id, session_id, activity_id, client_id, answer)


def _submit_once(
    participant_id: int,
    session_id: int,
    activity_id: int,
    client_id: str,
    answer: object,
) -> Accepted:
    # Claim the activity first: bumping its version takes the row lock on
    # PostgreSQL and the write lock on SQLite, so the checks below cannot race a
    # retry of the same answer, a second tab, or the leader closing. A refusal
    # rolls the bump back with everything else.
    claimed = repository.claim_activity(activity_id)
    if claimed is None or claimed.session_id != session_id:
        raise DomainError("unknown_activity", N_("There is no such activity."))
    seen = repository.receipt(client_id)
    if seen is not None:
        db.session.rollback()
        if seen.participant_id != participant_id:
            raise DomainError(
                "invalid", N_("This answer's id is already in use. Send it again.")
            )
        stored = repository.submission_columns(seen.submission_id)
        return Accepted(submission_view(stored), True)

    activity = repository.to_activity(claimed)
    now = utcnow()
    check_accepts_submissions(activity, now)
    cleaned = get_kind(activity.kind).validate_answer(activity.config, answer)
    stored = repository.upsert_submission(activity_id, participant_id, cleaned, now)
    repository.add_receipt(client_id, participant_id, stored.id, now)
    # Built before the commit: no second read for the ack.
    view = submission_view(stored)
    db.session.commit()
    return Accepted(view, False)
