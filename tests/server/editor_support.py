"""Helpers of the project set-up and programme editor tests: rows looked up by
name, and answers put straight into the database."""

from sqlalchemy import func, select

from server import live, models
from server.extensions import db


def project_named(name: str) -> models.Project:
    return db.session.scalar(select(models.Project).where(models.Project.name == name))


def meeting_titled(title: str, project_id: int = 1) -> models.Meeting:
    return db.session.scalar(
        select(models.Meeting).where(
            models.Meeting.title == title, models.Meeting.project_id == project_id
        )
    )


def item_asking(prefix: str, meeting: models.Meeting) -> models.ProgrammeItem:
    return next(i for i in meeting.items if i.prompt.startswith(prefix))


def ids(app, title="Träff 1", prefix=None):
    """The meeting's id, or with ``prefix`` the id of its item asking that."""
    with app.app_context():
        meeting = meeting_titled(title)
        return item_asking(prefix, meeting).id if prefix else meeting.id


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def snapshot(item: models.ProgrammeItem) -> tuple:
    """What an edit may change, to compare before and after."""
    return (item.kind, item.prompt, dict(item.config), item.hide_results, item.position)


def answer(item: models.ProgrammeItem, *, draft: bool = False) -> models.Activity:
    """Start a session of the item's meeting and answer its activity once (a
    draft instead, for homework)."""
    started = live.start_session(item.meeting, allow_anonymous=True)
    activity = next((a for a in started.activities if a.item_id == item.id), None)
    if activity is None:  # homework: no activity in the meeting's session
        activity = models.Activity(
            position=1, item_id=item.id, kind=item.kind, prompt=item.prompt, config={}
        )
        started.activities.append(activity)
    person = models.Participant(session_id=started.id, name="Anna")
    db.session.add(person)
    db.session.flush()
    row = models.Draft if draft else models.Submission
    db.session.add(
        row(activity_id=activity.id, participant_id=person.id, answer={"roles": ["A"]})
    )
    db.session.commit()
    return activity
