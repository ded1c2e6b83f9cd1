"""Leaders' comments on archived activities (sessions/annotations.py). Each
change is one transaction.

A comment sits beside the activity's frozen outcome: adding, editing or removing
one never touches the activity row, so neither its ``final_snapshot`` nor its
``version`` changes, and nothing is broadcast (an ended session has no live
pages). Any signed-in leader may edit or remove any comment; two edits of one
comment at once keep the later.
"""

from collections import defaultdict

from sqlalchemy import delete, select, update
from sqlalchemy.orm import selectinload

from sessions.annotations import check_annotatable, check_text
from sessions.errors import N_, DomainError

from . import models
from .extensions import db
from .timeutil import utcnow

UNKNOWN = N_("There is no such comment. Someone may have removed it.")


def add(activity: models.Activity, leader_id: int, written: object) -> int:
    """A new comment on ``activity``, by the leader ``leader_id``; its id."""
    check_annotatable(activity.live_session.status)
    cleaned = check_text(written)
    now = utcnow()  # one moment, so a comment never edited reads as such
    row = models.Annotation(
        activity_id=activity.id,
        leader_id=leader_id,
        text=cleaned,
        created_at=now,
        updated_at=now,
    )
    db.session.add(row)
    db.session.commit()
    return row.id


def edit(annotation_id: int, written: object) -> int:
    """Replace a comment's text; returns its activity's id."""
    cleaned = check_text(written)
    # One statement: a comment removed meanwhile is refused, never a stale write.
    activity_id = db.session.scalar(
        update(models.Annotation)
        .where(models.Annotation.id == annotation_id)
        .values(text=cleaned, updated_at=utcnow())
        .returning(models.Annotation.activity_id)
    )
    return _done(activity_id)


def remove(annotation_id: int) -> int:
    """Remove a comment; returns its activity's id."""
    activity_id = db.session.scalar(
        delete(models.Annotation)
        .where(models.Annotation.id == annotation_id)
        .returning(models.Annotation.activity_id)
    )
    return _done(activity_id)


def _done(activity_id: int | None) -> int:
    if activity_id is None:
        db.session.rollback()
        raise DomainError("unknown_annotation", UNKNOWN)
    db.session.commit()
    return activity_id


def activity_of(annotation_id: int) -> models.Activity | None:
    """The activity a comment is on, or None when there is no such comment."""
    return db.session.scalar(
        select(models.Activity)
        .join(models.Annotation, models.Annotation.activity_id == models.Activity.id)
        .where(models.Annotation.id == annotation_id)
    )


def by_activity(session_id: int) -> dict[int, list[models.Annotation]]:
    """A session's comments by activity id, oldest first, with their authors."""
    rows = db.session.scalars(
        select(models.Annotation)
        .join(models.Activity, models.Annotation.activity_id == models.Activity.id)
        .where(models.Activity.session_id == session_id)
        .options(selectinload(models.Annotation.leader))
        .order_by(models.Annotation.created_at, models.Annotation.id)
    )
    found: dict[int, list[models.Annotation]] = defaultdict(list)
    for row in rows:
        found[row.activity_id].append(row)
    return dict(found)
