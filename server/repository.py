"""The one place rows become domain objects and back, plus the queries on them."""

import re

from sqlalchemy import (
    Row,
    func,
    literal,
    select,
    update,
)

from sessions.activity import Activity as DomainActivity
from sessions.activity import ActivityState
from sessions.privacy import is_anonymous
from sessions.submission import Submission as DomainSubmission

from . import models
from .extensions import db


def to_activity(row: models.Activity) -> DomainActivity:
    return DomainActivity(
        id=row.id,
        kind=row.kind,
        prompt=row.prompt,
        config=dict(row.config or {}),
        state=ActivityState(row.state),
        hide_results=row.hide_results,
        timer_ends_at=row.timer_ends_at,
        due_at=row.due_at,
        merges=dict(row.merges or {}),
    )


def store_activity(row: models.Activity, activity: DomainActivity) -> None:
    """Copy a changed domain activity onto its row and bump the version."""
    row.state = activity.state.value
    row.hide_results = activity.hide_results
    row.timer_ends_at = activity.timer_ends_at
    row.merges = dict(activity.merges)
    bump_version(row.id)


def bump_version(activity_id: int) -> bool:
    """Bump the activity's version; False when there is no such activity.

    An UPDATE ... SET version = version + 1 holds under concurrent writers, where
    reading and writing the attribute in Python would lose updates. It also locks
    the row until the transaction ends.
    """
    result = db.session.execute(
        update(models.Activity)
        .where(models.Activity.id == activity_id)
        .values(version=models.Activity.version + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def answer_rows(activity_id: int) -> list[Row]:
    """Every answer to an activity with who gave it, as plain columns: one query
    that both the aggregate and the leader's list are built from. In an
    anonymous activity (sessions/privacy.py) who gave it reads as nobody."""
    config = db.session.scalar(
        select(models.Activity.config).where(models.Activity.id == activity_id)
    )
    if is_anonymous(config):
        name, organisation = (
            literal("").label("name"),
            literal("").label("organisation"),
        )
    else:
        name, organisation = models.Participant.name, models.Participant.organisation
    return db.session.execute(
        select(
            models.Submission.id,
            models.Submission.participant_id,
            name,
            organisation,
            models.Submission.answer,
            models.Submission.hidden,
            models.Submission.starred,
            models.Submission.updated_at,
        )
        .join(models.Participant)
        .where(models.Submission.activity_id == activity_id)
        .order_by(models.Submission.id)
    ).all()


def to_submissions(rows: list[Row]) -> list[DomainSubmission]:
    return [
        DomainSubmission(r.participant_id, r.organisation, r.answer, r.hidden, r.id)
        for r in rows
    ]


def joined_count(session_id: int) -> int:
    return db.session.scalar(
        select(func.count(models.Participant.id)).where(
            models.Participant.session_id == session_id
        )
    )


def session_by_code(code: str) -> models.LiveSession | None:
    return db.session.scalar(
        select(models.LiveSession).where(models.LiveSession.join_code == code)
    )


# What a projector token can be (secrets.token_urlsafe, at most the column's 64).
PROJECTOR_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def session_by_projector_token(token: str) -> models.LiveSession | None:
    # Anything else names no session, and some of it fails in the database
    # instead of finding none: a NUL on PostgreSQL, a lone surrogate on either.
    if not PROJECTOR_TOKEN.fullmatch(token):
        return None
    return db.session.scalar(
        select(models.LiveSession).where(models.LiveSession.projector_token == token)
    )


def own_submission(activity_id: int, participant_id: int) -> models.Submission | None:
    return db.session.scalar(
        select(models.Submission).where(
            models.Submission.activity_id == activity_id,
            models.Submission.participant_id == participant_id,
        )
    )


def participant_organisation(participant_id: int) -> str:
    return (
        db.session.scalar(
            select(models.Participant.organisation).where(
                models.Participant.id == participant_id
            )
        )
        or ""
    )


def own_draft(activity_id: int, participant_id: int) -> models.Draft | None:
    return db.session.scalar(
        select(models.Draft).where(
            models.Draft.activity_id == activity_id,
            models.Draft.participant_id == participant_id,
        )
    )


def latest_answered(session_id: int, kind: str) -> models.Activity | None:
    """The project's latest activity of ``kind`` that has answers, across all
    its meetings' sessions; ``session_id`` names any session of the project."""
    project_id = (
        select(models.Meeting.project_id)
        .join(models.LiveSession)
        .where(models.LiveSession.id == session_id)
        .scalar_subquery()
    )
    return db.session.scalar(
        select(models.Activity)
        .join(models.LiveSession)
        .join(models.Meeting)
        .where(
            models.Meeting.project_id == project_id,
            models.Activity.kind == kind,
            select(models.Submission.id)
            .where(models.Submission.activity_id == models.Activity.id)
            .exists(),
        )
        .order_by(models.LiveSession.started_at.desc(), models.Activity.position.desc())
        .limit(1)
    )
