"""The programme editor: a project's meetings and each meeting's items. Each
function that changes something is one transaction.

A copied item keeps a link to its origin (``origin_id``: the first asking), so
"Vem är du?" asked in Träff 1, 3 and 4 can be compared. An item whose copies in
live sessions have answers (submissions or drafts) keeps its kind, question and
settings: the answers would otherwise be read against other words. The
foreign keys have no ON DELETE on purpose; removing clears references first.
"""

from sqlalchemy import exists, or_, select, update

from sessions.errors import N_, DomainError
from sessions.live import SessionMode
from sessions.programme import ItemFields, MeetingFields

from . import models
from .extensions import db
from .timeutil import local_day, room_zone


def add_meeting(project: models.Project, fields: MeetingFields) -> models.Meeting:
    meeting = models.Meeting(
        position=len(project.meetings) + 1,
        title=fields.title,
        held_on=fields.held_on,
        place=fields.place,
    )
    project.meetings.append(meeting)
    db.session.commit()
    return meeting


def update_meeting(meeting: models.Meeting, fields: MeetingFields) -> None:
    meeting.title = fields.title
    meeting.held_on = fields.held_on
    meeting.place = fields.place
    db.session.commit()


def move_meeting(meeting: models.Meeting, step: int) -> None:
    _move(meeting.project.meetings, meeting, step)


def remove_meeting(meeting: models.Meeting) -> None:
    """Refused once the meeting has sessions: their archive belongs to it."""
    if meeting.live_sessions:
        raise DomainError(
            "has_sessions",
            N_(
                "%(meeting)s has sessions (%(count)d). Their archive belongs to "
                "the meeting, so it stays."
            ),
            meeting=meeting.title,
            count=len(meeting.live_sessions),
        )
    project = meeting.project
    for item in list(meeting.items):
        _unlink(item)
    project.meetings.remove(meeting)
    _renumber(project.meetings)
    db.session.commit()


def add_item(meeting: models.Meeting, fields: ItemFields) -> models.ProgrammeItem:
    item = models.ProgrammeItem(
        position=len(meeting.items) + 1,
        kind=fields.kind,
        prompt=fields.prompt,
        config=fields.config,
        hide_results=fields.hide_results,
    )
    meeting.items.append(item)
    db.session.commit()
    return item


def answered_in(item: models.ProgrammeItem) -> models.Activity | None:
    """The first activity copied from ``item`` that has answers or drafts."""
    has_answers = or_(
        exists().where(models.Submission.activity_id == models.Activity.id),
        exists().where(models.Draft.activity_id == models.Activity.id),
    )
    return db.session.scalar(
        select(models.Activity)
        .where(models.Activity.item_id == item.id, has_answers)
        .order_by(models.Activity.id)
        .limit(1)
    )


def _lock_copies(item: models.ProgrammeItem) -> None:
    """Hold off answers to the item's live copies until this transaction ends,
    so none lands between the check for answers and the change. A submit
    claims its activity's row (submit_store.claim_activity): PostgreSQL waits on
    the row lock taken here, SQLite on the write lock the update takes."""
    db.session.execute(
        update(models.ProgrammeItem)
        .where(models.ProgrammeItem.id == item.id)
        .values(position=models.ProgrammeItem.position)
    )
    db.session.execute(
        select(models.Activity.id)
        .where(models.Activity.item_id == item.id)
        .with_for_update()
    ).all()


def update_item(
    item: models.ProgrammeItem, fields: ItemFields, *, unchanged_settings: dict
) -> None:
    """Save ``fields``; refused when answers exist and more than whether
    results are hidden would change. ``unchanged_settings`` is the item's
    settings as the form would save them untouched."""
    changed = (
        fields.kind != item.kind
        or fields.prompt != item.prompt
        or fields.config != unchanged_settings
    )
    if changed:
        _lock_copies(item)
    if changed and (answered := answered_in(item)) is not None:
        raise _has_answers(item, answered)
    if changed:
        item.kind = fields.kind
        item.prompt = fields.prompt
        item.config = fields.config
    item.hide_results = fields.hide_results
    db.session.commit()


def _has_answers(item: models.ProgrammeItem, answered: models.Activity) -> DomainError:
    live = answered.live_session
    where = {
        "meeting": live.meeting.title,
        "started": local_day(live.started_at, room_zone()).isoformat(),
    }
    if live.mode == SessionMode.HOMEWORK:
        message = N_(
            "This activity already has answers, in the homework from %(meeting)s "
            "(assigned %(started)s). Its kind, question and settings stay as they "
            "are, so those answers keep their meaning. To ask something changed, "
            "copy it and edit the copy."
        )
    else:
        message = N_(
            "This activity already has answers, in the session of %(meeting)s "
            "started %(started)s. Its kind, question and settings stay as they "
            "are, so those answers keep their meaning. To ask something changed, "
            "copy it and edit the copy."
        )
    return DomainError("has_answers", message, **where)


def move_item(item: models.ProgrammeItem, step: int) -> None:
    _move(item.meeting.items, item, step)


def remove_item(item: models.ProgrammeItem) -> None:
    """Remove ``item``; its sessions keep their activities, and its copies
    keep comparing with one another."""
    meeting = item.meeting
    _unlink(item)
    meeting.items.remove(item)
    _renumber(meeting.items)
    db.session.commit()


def copy_item(
    source: models.ProgrammeItem, meeting: models.Meeting
) -> models.ProgrammeItem:
    """Append a copy of ``source`` (from another meeting of the project) to
    ``meeting``, linked to the first asking."""
    if source.meeting.project_id != meeting.project_id:
        raise DomainError(
            "other_project", N_("Copy activities from this project's meetings only.")
        )
    copy = models.ProgrammeItem(
        position=len(meeting.items) + 1,
        kind=source.kind,
        prompt=source.prompt,
        config=dict(source.config or {}),
        hide_results=source.hide_results,
        origin_id=source.origin_id or source.id,
    )
    meeting.items.append(copy)
    db.session.commit()
    return copy


def copies_of(item: models.ProgrammeItem) -> list[models.ProgrammeItem]:
    """The items linked to ``item`` as their origin, in programme order."""
    return list(
        db.session.scalars(
            select(models.ProgrammeItem)
            .join(models.Meeting)
            .where(models.ProgrammeItem.origin_id == item.id)
            .order_by(models.Meeting.position, models.ProgrammeItem.position)
        )
    )


def _unlink(item: models.ProgrammeItem) -> None:
    """Clear the references to ``item`` before it goes: its activities forget
    it, and its copies link to the earliest remaining one instead. The runs
    stay in their series: when the first asking goes, the whole series is
    re-keyed to the new first one, so past and future runs still compare. A
    series with no item left is dissolved, since SQLite may give its id to a
    new item."""
    db.session.execute(
        update(models.Activity)
        .where(models.Activity.item_id == item.id)
        .values(item_id=None)
    )
    copies = copies_of(item)
    if copies:
        first, rest = copies[0], copies[1:]
        first.origin_id = None
        for copy in rest:
            copy.origin_id = first.id
    if item.origin_id is None:
        db.session.execute(
            update(models.Activity)
            .where(models.Activity.series_id == item.id)
            .values(series_id=copies[0].id if copies else None)
        )
    db.session.flush()


def _move(rows: list, row: object, step: int) -> None:
    """Swap ``row`` with its neighbour ``step`` (-1 up, 1 down) in ``rows``."""
    index = rows.index(row)
    other = index + step
    if 0 <= other < len(rows):
        rows[index].position, rows[other].position = (
            rows[other].position,
            rows[index].position,
        )
    db.session.commit()


def _renumber(rows: list) -> None:
    for position, row in enumerate(rows, start=1):
        row.position = position
