"""Loads the built-in learning project and the first leader into an empty database."""

from collections.abc import Iterable

from sqlalchemy import select

from sessions.builtin import INTEGRATION, MeetingSpec, ProjectSpec

from . import models
from .extensions import db

DEFAULT_LEADER_EMAIL = "processledare@localhost"


def load_project(spec: ProjectSpec) -> models.Project:
    """A new project as ``spec`` describes it, added to the database session."""
    project = models.Project(
        name=spec.name,
        description=spec.description,
        catalogues={name: list(words) for name, words in spec.catalogues.items()},
    )
    project.organisations = [
        models.Organisation(name=o.name, kind=o.kind) for o in spec.organisations
    ]
    add_meetings(project, spec.meetings)
    db.session.add(project)
    return project


def add_meetings(project: models.Project, meetings: Iterable[MeetingSpec]) -> None:
    """Append the meetings and their programmes (a template's) to ``project``.
    An item that repeats an earlier one (the same ``origin`` name) is linked to
    it, so "Vem är du?" asked again can be compared."""
    origins: dict[str, models.ProgrammeItem] = {}
    start = len(project.meetings)
    for position, meeting_spec in enumerate(meetings, start=start + 1):
        meeting = models.Meeting(
            position=position,
            title=meeting_spec.title,
            held_on=meeting_spec.date,
            place=meeting_spec.place,
        )
        for i, item in enumerate(meeting_spec.items, start=1):
            row = models.ProgrammeItem(
                position=i,
                kind=item.kind,
                prompt=item.prompt,
                config=dict(item.config),
                hide_results=item.hide_results,
            )
            if item.origin:
                if item.origin in origins:
                    row.origin = origins[item.origin]
                else:
                    origins[item.origin] = row
            meeting.items.append(row)
        project.meetings.append(meeting)


def seed_if_empty() -> None:
    """Idempotent: a second run leaves existing data alone."""
    leader = default_leader()
    if db.session.scalar(select(models.Project.id).limit(1)) is None:
        project = load_project(INTEGRATION)
        db.session.flush()
        db.session.add(models.ProjectLeader(project_id=project.id, leader_id=leader.id))
    db.session.commit()


def default_leader() -> models.Leader:
    leader = db.session.scalar(select(models.Leader).order_by(models.Leader.id))
    if leader is None:
        leader = models.Leader(name="Processledare", email=DEFAULT_LEADER_EMAIL)
        db.session.add(leader)
        db.session.flush()
    return leader
