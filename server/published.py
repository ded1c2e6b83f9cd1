"""Outcomes published to a session's participants (docs/review.md). Once a
session has ended its participants see nothing of it, except the outcomes the
leader publishes, one activity at a time.

Publishing is a mark beside the frozen outcome, like a comment: it never
touches the activity's ``final_snapshot`` or ``version``, and nothing is
broadcast (an ended session has no live pages).
"""

from sqlalchemy import select, update

from sessions.errors import N_, DomainError
from sessions.live import SessionStatus

from . import models
from .extensions import db

# Keys of frozen results that point at a participant or one of their answers:
# never sent to participants. Frozen results carry organisations, never names
# (docs/kinds.md); these are ids that would tie an answer to a person.
PRIVATE_KEYS = frozenset(
    {"submission_id", "participant_id", "submissions", "participant"}
)


def set_published(activity: models.Activity, published: bool) -> None:
    """Publish or unpublish an activity's frozen outcome. Refused while the
    session runs, and for an activity that was not run."""
    if activity.live_session.status != SessionStatus.ENDED:
        raise DomainError(
            "session_running",
            N_("Outcomes can be published once the session has ended."),
        )
    if activity.final_snapshot is None:
        raise DomainError(
            "not_run", N_("This activity was not run: it has no outcome to publish.")
        )
    # One statement on this column alone: the outcome and version stay as stored.
    db.session.execute(
        update(models.Activity)
        .where(models.Activity.id == activity.id)
        .values(published=published)
    )
    db.session.commit()


def without_private(value: object) -> object:
    """A copy of frozen results with every PRIVATE_KEYS entry left out, at
    any depth."""
    if isinstance(value, dict):
        return {
            k: without_private(v) for k, v in value.items() if k not in PRIVATE_KEYS
        }
    if isinstance(value, list):
        return [without_private(v) for v in value]
    return value


def published_view(session_id: int) -> list[dict]:
    """The session's published outcomes, in programme order, as participants
    see them: no names, no ids of answers."""
    rows = db.session.scalars(
        select(models.Activity)
        .where(
            models.Activity.session_id == session_id,
            models.Activity.published.is_(True),
        )
        .order_by(models.Activity.position, models.Activity.id)
    )
    return [
        {
            "id": row.id,
            "position": row.position,
            "kind": row.kind,
            "prompt": row.prompt,
            "config": row.config or {},
            "answer_count": row.final_snapshot.get("answer_count", 0),
            "results": without_private(row.final_snapshot.get("results")),
        }
        for row in rows
        # A JSON column may hold a JSON null: tested here, not in SQL.
        if row.final_snapshot
    ]
