"""Step 3 and 4 of the path a submission takes (see docs/architecture.md):
the domain validates the answer, and one transaction commits it, idempotent on
the client's id. The handler in events/participant.py does the rest."""

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from sessions.activity import check_accepts_submissions
from sessions.errors import N_, DomainError
from sessions.kinds import get_kind

from . import models, repository
from .extensions import db
from .timeutil import utcnow


@dataclass(frozen=True)
class Accepted:
    submission: models.Submission
    duplicate: bool  # True when this client id had been applied before


def submit(
    participant: models.Participant, activity_id: int, client_id: str, answer: object
) -> Accepted:
    try:
        return _submit_once(participant, activity_id, client_id, answer)
    except IntegrityError:
        # Another request won a race: the same client id from a retry, or a first
        # answer from a second tab. Its commit is visible now; do it again.
        db.session.rollback()
        return _submit_once(participant, activity_id, client_id, answer)


def _submit_once(
    participant: models.Participant, activity_id: int, client_id: str, answer: object
) -> Accepted:
    receipt = db.session.get(models.SubmitReceipt, client_id)
    if receipt is not None:
        if receipt.participant_id != participant.id:
            raise DomainError(
                "invalid", N_("This answer's id is already in use. Send it again.")
            )
        return Accepted(db.session.get(models.Submission, receipt.submission_id), True)

    # The row lock makes a close that commits meanwhile wait for this answer, or
    # this answer see the close (PostgreSQL; SQLite serialises writers anyway).
    row = db.session.get(models.Activity, activity_id, with_for_update=True)
    if row is None or row.session_id != participant.session_id:
        raise DomainError("unknown_activity", N_("There is no such activity."))
    activity = repository.to_activity(row)
    now = utcnow()
    check_accepts_submissions(activity, now)
    cleaned = get_kind(activity.kind).validate_answer(activity.config, answer)

    submission = repository.own_submission(activity_id, participant.id)
    if submission is None:
        submission = models.Submission(
            activity_id=activity_id, participant_id=participant.id, answer=cleaned
        )
        db.session.add(submission)
    else:
        submission.answer = cleaned
        submission.updated_at = now
    db.session.flush()
    db.session.add(
        models.SubmitReceipt(
            client_id=client_id,
            participant_id=participant.id,
            submission_id=submission.id,
        )
    )
    repository.bump_version(activity_id)
    db.session.commit()
    return Accepted(submission, False)
