"""Homework between meetings: assigning it, drafts, hand-ins, due dates, and
showing it at the next meeting. Each function is one transaction.

A homework is a live session in mode "homework" with one activity, open from the
moment it is assigned until the leader closes it (docs/homework.md).
"""

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sessions.activity import ActivityState, check_accepts_submissions, check_due_date
from sessions.errors import N_, DomainError
from sessions.homework import check_draft, check_is_homework
from sessions.live import SessionMode, SessionStatus, new_join_code

from . import models, repository
from .activity_setup import activity_config
from .extensions import db
from .timeutil import utcnow

HOMEWORK = SessionMode.HOMEWORK.value


def assign(
    item: models.ProgrammeItem, due_at: datetime, *, allow_anonymous: bool
) -> models.LiveSession:
    """Open ``item`` as homework until ``due_at`` (naive UTC)."""
    check_is_homework(item.kind)
    check_due_date(due_at, utcnow())
    meeting = db.session.get(models.Meeting, item.meeting_id)
    config = activity_config(item)
    for _attempt in range(5):
        live = models.LiveSession(
            meeting=meeting,
            mode=HOMEWORK,
            join_code=new_join_code(),
            projector_token=secrets.token_urlsafe(24),
            allow_anonymous=allow_anonymous,
        )
        row = models.Activity(
            position=item.position,
            item_id=item.id,
            series_id=item.series_id,
            kind=item.kind,
            prompt=item.prompt,
            config=config,
            state=ActivityState.OPEN.value,
            # It is shown at the next meeting when the leader chooses to.
            hide_results=False,
            due_at=due_at,
            merges={},
        )
        live.activities.append(row)
        db.session.add(live)
        try:
            db.session.flush()
            live.current_activity_id = row.id
            db.session.commit()
            return live
        except IntegrityError:  # a join code already taken: draw again
            db.session.rollback()
    raise RuntimeError("could not draw a free join code")


def homework_activity(live: models.LiveSession) -> models.Activity:
    return live.activities[0]


def _running(live: models.LiveSession) -> None:
    if live.mode != HOMEWORK:
        raise DomainError("not_homework", N_("This session is no homework."))
    if live.status != SessionStatus.RUNNING:
        raise DomainError(
            "session_ended", N_("This homework is closed; its archive is read-only.")
        )


def save_draft(
    participant_id: int, session_id: int, activity_id: int, answer: object
) -> datetime:
    """Keep what the participant has typed so far; returns when it was saved."""
    draft = check_draft(answer)
    # The row lock orders a draft after a close or a new due date.
    row = db.session.get(models.Activity, activity_id, with_for_update=True)
    if row is None or row.session_id != session_id:
        raise DomainError("unknown_activity", N_("There is no such activity."))
    if row.live_session.mode != HOMEWORK:  # an answer in the room is sent at once
        raise DomainError("not_homework", N_("Only homework keeps drafts."))
    now = utcnow()
    check_accepts_submissions(repository.to_activity(row), now)
    stored = repository.own_draft(activity_id, participant_id)
    if stored is None:
        stored = models.Draft(activity_id=activity_id, participant_id=participant_id)
        db.session.add(stored)
    stored.answer = draft
    stored.updated_at = now
    db.session.commit()
    return now


def set_due(live: models.LiveSession, due_at: datetime) -> models.Activity:
    _running(live)
    check_due_date(due_at, utcnow())
    row = homework_activity(live)
    row.due_at = due_at
    repository.bump_version(row.id)
    db.session.commit()
    return row


@dataclass(frozen=True)
class HandIn:
    participant: models.Participant
    submitted_at: datetime | None
    draft_at: datetime | None


def hand_ins(live: models.LiveSession) -> list[HandIn]:
    """Everyone who opened the homework, by organisation, then name."""
    row = homework_activity(live)
    submitted = dict(
        db.session.execute(
            select(
                models.Submission.participant_id, models.Submission.updated_at
            ).where(models.Submission.activity_id == row.id)
        ).all()
    )
    drafted = dict(
        db.session.execute(
            select(models.Draft.participant_id, models.Draft.updated_at).where(
                models.Draft.activity_id == row.id
            )
        ).all()
    )
    people = db.session.scalars(
        select(models.Participant)
        .where(models.Participant.session_id == live.id)
        .order_by(models.Participant.organisation, models.Participant.name)
    )
    return [HandIn(p, submitted.get(p.id), drafted.get(p.id)) for p in people]


def project_homework(project_id: int) -> list[models.LiveSession]:
    """The project's homework, newest first: what a meeting can show."""
    return list(
        db.session.scalars(
            select(models.LiveSession)
            .join(models.Meeting)
            .where(
                models.Meeting.project_id == project_id,
                models.LiveSession.mode == HOMEWORK,
            )
            .order_by(models.LiveSession.started_at.desc())
        )
    )


def show(live: models.LiveSession, activity_id: int) -> models.Activity:
    """Put a homework of the same project on the meeting's projector."""
    if live.status != SessionStatus.RUNNING:
        raise DomainError(
            "session_ended", N_("This session has ended; its archive is read-only.")
        )
    row = db.session.get(models.Activity, activity_id)
    source = db.session.get(models.LiveSession, row.session_id) if row else None
    if (
        source is None
        or source.mode != HOMEWORK
        or source.meeting.project_id != live.meeting.project_id
    ):
        raise DomainError("unknown_activity", N_("There is no such homework."))
    live.current_activity_id = row.id
    db.session.commit()
    return row
