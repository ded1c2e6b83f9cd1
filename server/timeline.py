"""The project's timeline (views/timeline.py): its meetings in order, each with
its live sessions and what they hold, read with a few grouped queries."""

from dataclasses import dataclass

from sqlalchemy import func, select

from . import models
from .extensions import db


@dataclass(frozen=True)
class ActivityLine:
    id: int
    kind: str
    prompt: str
    run: bool  # it has a frozen outcome
    answers: int  # visible answers in that outcome
    published: bool


@dataclass(frozen=True)
class SessionLine:
    row: models.LiveSession
    participants: int
    activities: list[ActivityLine]


@dataclass(frozen=True)
class MeetingLine:
    row: models.Meeting
    sessions: list[SessionLine]


def timeline(project: models.Project) -> list[MeetingLine]:
    meeting_ids = [m.id for m in project.meetings]
    sessions = list(
        db.session.scalars(
            select(models.LiveSession)
            .where(models.LiveSession.meeting_id.in_(meeting_ids))
            .order_by(models.LiveSession.started_at, models.LiveSession.id)
        )
    )
    session_ids = [s.id for s in sessions]
    joined = dict(
        db.session.execute(
            select(models.Participant.session_id, func.count())
            .where(models.Participant.session_id.in_(session_ids))
            .group_by(models.Participant.session_id)
        ).all()
    )
    activities: dict[int, list[ActivityLine]] = {s: [] for s in session_ids}
    for row in db.session.execute(
        select(
            models.Activity.id,
            models.Activity.session_id,
            models.Activity.kind,
            models.Activity.prompt,
            models.Activity.final_snapshot,
            models.Activity.published,
        )
        .where(models.Activity.session_id.in_(session_ids))
        .order_by(models.Activity.position, models.Activity.id)
    ):
        frozen = row.final_snapshot
        activities[row.session_id].append(
            ActivityLine(
                id=row.id,
                kind=row.kind,
                prompt=row.prompt,
                run=frozen is not None,
                answers=int(frozen.get("answer_count", 0)) if frozen else 0,
                published=row.published,
            )
        )
    by_meeting: dict[int, list[SessionLine]] = {m: [] for m in meeting_ids}
    for live in sessions:
        by_meeting[live.meeting_id].append(
            SessionLine(live, joined.get(live.id, 0), activities[live.id])
        )
    return [MeetingLine(m, by_meeting[m.id]) for m in project.meetings]
