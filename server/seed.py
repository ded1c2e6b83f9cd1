"""Loads the built-in learning project and the first leader into an empty database."""

from sqlalchemy import select

from sessions.builtin import INTEGRATION, ProjectSpec

from . import models
from .extensions import db

DEFAULT_LEADER_EMAIL = "processledare@localhost"


def load_project(spec: ProjectSpec) -> models.Project:
    project = models.Project(name=spec.name, description=spec.description)
    project.organisations = [models.Organisation(name=n) for n in spec.organisations]
    for position, meeting_spec in enumerate(spec.meetings, start=1):
        meeting = models.Meeting(
            position=position,
            title=meeting_spec.title,
            held_on=meeting_spec.date,
            place=meeting_spec.place,
        )
        meeting.items = [
            models.ProgrammeItem(
                position=i,
                kind=item.kind,
                prompt=item.prompt,
                config=item.config,
                hide_results=item.hide_results,
            )
            for i, item in enumerate(meeting_spec.items, start=1)
        ]
        project.meetings.append(meeting)
    db.session.add(project)
    return project


def seed_if_empty() -> None:
    """Idempotent: a second run leaves existing data alone."""
    if db.session.scalar(select(models.Project.id).limit(1)) is None:
        load_project(INTEGRATION)
    default_leader()
    db.session.commit()


def default_leader() -> models.Leader:
    leader = db.session.scalar(select(models.Leader).order_by(models.Leader.id))
    if leader is None:
        leader = models.Leader(name="Processledare", email=DEFAULT_LEADER_EMAIL)
        db.session.add(leader)
        db.session.flush()
    return leader
