"""Where a status check's commitments come from: the next steps given at the
previous meeting of the same project (sessions/kinds/status_check.py)."""

from sqlalchemy import select

from sessions.kinds import next_steps

from . import models, repository
from .extensions import db


def previous_meeting(meeting: models.Meeting) -> models.Meeting | None:
    """The meeting before ``meeting`` in its project's order, if any."""
    return db.session.scalar(
        select(models.Meeting)
        .where(
            models.Meeting.project_id == meeting.project_id,
            models.Meeting.position < meeting.position,
        )
        .order_by(models.Meeting.position.desc())
        .limit(1)
    )


def previous_commitments(meeting: models.Meeting) -> list[dict]:
    """The commitments of the previous meeting's latest session whose next
    steps have visible answers: ``[{key, what, organisation, by}]`` by date.
    A session whose answers were all hidden is passed over for an earlier one;
    none at all, or no previous meeting, gives an empty list."""
    # Read while a new session is being built (live.start_session): flushing
    # it here would raise a taken join code outside the retry that expects it.
    with db.session.no_autoflush:
        return _commitments_of(previous_meeting(meeting))


def _commitments_of(previous: models.Meeting | None) -> list[dict]:
    if previous is None:
        return []
    sessions = db.session.scalars(
        select(models.LiveSession)
        .where(models.LiveSession.meeting_id == previous.id)
        .order_by(models.LiveSession.started_at.desc(), models.LiveSession.id.desc())
    ).all()
    for live in sessions:
        submissions = [
            sub
            for row in live.activities
            if row.kind == "next_steps"
            for sub in repository.to_submissions(repository.answer_rows(row.id))
        ]
        # Sorted once over the whole session: two next-steps activities read
        # as one list.
        found = next_steps.commitments(submissions)
        if found:
            return [
                {name: c[name] for name in ("key", "what", "organisation", "by")}
                for c in found
            ]
    return []
