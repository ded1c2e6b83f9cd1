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
from .present import submission_view
from .timeutil import utcnow


@dataclass(frozen=True)
class Accepted:
    submission: dict  # as the protocol sends it (present.submission_view)
    duplicate: bool  # True when this client id had been applied before


def submit(
    participant: models.Participant, activity_id: int, client_id: str, answer: object
) -> Accepted:
    try:
        return _submit_once(participant, activity_id, client_id, answer)
    except IntegrityError:
        # Should the lock below ever be bypassed (a database without row locks),
        # the other request's commit is visible now: do it again, once.
        db.session.rollback()
        return _submit_once(participant, activity_id, client_id, answer)


def _submit_once(
    participant: models.Participant, activity_id: int, client_id: str, answer: object
) -> Accepted:
    # Claim the activity first: bumping its version takes the row lock on
    # PostgreSQL and the write lock on SQLite, so the checks below cannot race a
    # retry of the same answer, a second tab, or the leader closing. A refusal
    # rolls the bump back with everything else.
    if not repository.bump_version(activity_id):
        raise DomainError("unknown_activity", N_("There is no such activity."))
    receipt = db.session.get(models.SubmitReceipt, client_id)
    if receipt is not None:
        db.session.rollback()
        if receipt.participant_id != participant.id:
            raise DomainError(
                "invalid", N_("This answer's id is already in use. Send it again.")
            )
        stored = db.session.get(models.Submission, receipt.submission_id)
        return Accepted(submission_view(stored), True)

    row = db.session.get(models.Activity, activity_id, populate_existing=True)
    if row.session_id != participant.session_id:
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
    # Built before the commit, which expires the row: no second read for the ack.
    view = submission_view(submission)
    db.session.commit()
    return Accepted(view, False)
