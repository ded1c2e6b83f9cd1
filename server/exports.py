"""Exports read from the database (docs/exports.md): an activity's CSV and a
project's workbook. Answers are streamed from the database a batch at a time
(``yield_per``: a server-side cursor on PostgreSQL), through the domain's rows
(sessions/exports.py), into the response or a write-only workbook, so memory
does not grow with the number of participants."""

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext
from openpyxl import Workbook
from sqlalchemy import Row, select

from sessions import exports

from . import models
from .extensions import db, socketio

# Answers fetched from the database per round trip. SQLAlchemy holds a few
# batches at once, so this, not the participants, bounds an export's memory
# (500 held ~4 MB more than 100; docs/exports.md).
BATCH = 100
BOM = "\ufeff"  # so Excel reads the CSV as UTF-8: å, ä and ö stay themselves


def _local_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    """A stored (naive UTC) time as the room's clock read it, naive for Excel."""
    return moment.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def _activity_query():
    return (
        select(
            models.Activity.id,
            models.Activity.kind,
            models.Activity.prompt,
            models.Activity.config,
            models.Activity.merges,
            models.Meeting.title,
            models.Meeting.held_on,
            models.LiveSession.started_at,
        )
        .join(models.LiveSession, models.Activity.session_id == models.LiveSession.id)
        .join(models.Meeting, models.LiveSession.meeting_id == models.Meeting.id)
    )


def _to_activity(row: Row, zone: ZoneInfo) -> exports.ExportedActivity:
    return exports.ExportedActivity(
        kind=row.kind,
        prompt=row.prompt,
        meeting=row.title,
        meeting_date=row.held_on or _local(row.started_at, zone).date(),
        config=dict(row.config or {}),
        merges=dict(row.merges or {}),
    )


def exported_activity(activity_id: int) -> exports.ExportedActivity | None:
    row = db.session.execute(
        _activity_query().where(models.Activity.id == activity_id)
    ).first()
    return None if row is None else _to_activity(row, _local_zone())


def project_activities(
    project_id: int,
) -> list[tuple[int, exports.ExportedActivity]]:
    """Every activity of the project's sessions with its id: meeting by meeting,
    each meeting's sessions by start, each session's in programme order."""
    zone = _local_zone()
    found = db.session.execute(
        _activity_query()
        .where(models.Meeting.project_id == project_id)
        .order_by(
            models.Meeting.position,
            models.LiveSession.started_at,
            models.LiveSession.id,
            models.Activity.position,
            models.Activity.id,
        )
    ).all()
    return [(row.id, _to_activity(row, zone)) for row in found]


def answers(activity_id: int) -> Iterator[exports.ExportedAnswer]:
    """The activity's answers in the order they first came, read in batches."""
    zone = _local_zone()
    result = db.session.execute(
        select(
            models.Submission.id,
            models.Submission.answer,
            models.Submission.hidden,
            models.Submission.updated_at,
            models.Participant.name,
            models.Participant.organisation,
            models.Participant.anonymous,
        )
        .join(models.Participant)
        .where(models.Submission.activity_id == activity_id)
        .order_by(models.Submission.id)
        .execution_options(yield_per=BATCH)
    )
    try:
        for count, row in enumerate(result, start=1):
            if count % BATCH == 0:
                socketio.sleep(0)  # under eventlet, let live sockets have a turn
            yield exports.ExportedAnswer(
                submission_id=row.id,
                participant="" if row.anonymous else row.name,
                organisation=row.organisation,
                answered_at=_local(row.updated_at, zone),
                hidden=row.hidden,
                answer=row.answer,
            )
    finally:
        result.close()


def csv_chunks(activity_id: int, activity: exports.ExportedActivity) -> Iterator[bytes]:
    """The activity's CSV, UTF-8 with a byte order mark, a chunk at a time."""
    first = True
    for text in exports.csv_chunks(
        exports.header_keys(activity.kind),
        exports.rows(activity, answers(activity_id)),
    ):
        if first:
            text, first = BOM + text, False
        if text:
            yield text.encode("utf-8")


def write_workbook(project_id: int, target: BinaryIO) -> None:
    """The project's workbook, a sheet per activity, into ``target``. Write-only:
    each sheet's rows go to a temporary file as they come, never all in memory."""
    workbook = Workbook(write_only=True)
    listed = project_activities(project_id)
    names = exports.sheet_names(exports.sheet_title(a) for _id, a in listed)
    for (activity_id, activity), name in zip(listed, names, strict=True):
        sheet = workbook.create_sheet(title=name)
        sheet.append(
            [
                exports.sheet_cell(gettext(h))
                for h in exports.header_labels(activity.kind)
            ]
        )
        for row in exports.rows(activity, answers(activity_id)):
            sheet.append([exports.sheet_cell(v) for v in row])
    if not listed:
        # A workbook needs a sheet; a translation may hold what names cannot.
        workbook.create_sheet(title=exports.sheet_names([gettext("No activities")])[0])
    workbook.save(target)
