"""Exports read from the database (docs/exports.md): an activity's CSV and a
project's workbook. Answers are streamed from the database a batch at a time
(``yield_per``: a server-side cursor on PostgreSQL), through the domain's rows
(sessions/exports.py), into the response or a streamed workbook
(sessions/xlsx.py), so memory does not grow with the number of participants."""

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

from flask import request
from flask_babel import gettext
from sqlalchemy import Row, select

from sessions import exports, text, xlsx
from sessions.live import SessionStatus
from sessions.privacy import is_anonymous

from . import models
from .access import Reader
from .extensions import db, socketio
from .timeutil import room_zone

# Answers fetched from the database per round trip. SQLAlchemy holds a few
# batches at once, so this, not the participants, bounds an export's memory
# (500 held ~4 MB more than 100; docs/exports.md).
BATCH = 100
BOM = "\ufeff"  # so Excel reads the CSV as UTF-8: å, ä and ö stay themselves
# Between two turns for eventlet's other greenlets: rows written (an answer may
# give a dozen, so reading's batches alone would leave ~0.1 s gaps) and bytes
# of zipped workbook (docs/performance.md#exports).
YIELD_ROWS = 500
YIELD_BYTES = 16 * 1024
TITLE = (xlsx.Style.BOLD, xlsx.Style.PLAIN)  # a title block's label and value


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
    return None if row is None else _to_activity(row, room_zone())


def project_activities(
    project_id: int, *, ended_only: bool = False
) -> list[tuple[int, exports.ExportedActivity]]:
    """Every activity of the project's sessions with its id: meeting by meeting,
    each meeting's sessions by start, each session's in programme order. Only
    the ended sessions' with ``ended_only`` (a reviewer's, docs/review.md)."""
    zone = room_zone()
    query = _activity_query().where(models.Meeting.project_id == project_id)
    if ended_only:
        query = query.where(models.LiveSession.status == SessionStatus.ENDED.value)
    found = db.session.execute(
        query.order_by(
            models.Meeting.position,
            models.LiveSession.started_at,
            models.LiveSession.id,
            models.Activity.position,
            models.Activity.id,
        )
    ).all()
    return [(row.id, _to_activity(row, zone)) for row in found]


def wants_anonymised(reader: Reader) -> bool:
    """``?anonymised=1`` asks for an anonymised export; a reviewer, who may be
    a participant afterwards, gets nothing else (docs/privacy.md)."""
    return request.args.get("anonymised") == "1" or not reader.is_leader


def member_organisations(project_id: int) -> frozenset[str]:
    """The project's member organisations, as ``text.key`` reads them: what an
    anonymised export keeps of who answered (docs/privacy.md)."""
    names = db.session.scalars(
        select(models.Organisation.name).where(
            models.Organisation.project_id == project_id
        )
    )
    return frozenset(text.key(name) for name in names)


def answers(
    activity_id: int,
    activity: exports.ExportedActivity,
    members: frozenset[str] | None = None,
) -> Iterator[exports.ExportedAnswer]:
    """The activity's answers in the order they first came, read in batches.
    ``members`` anonymises: no names, and an organisation only when it is one
    of these; an anonymous activity's answers name nobody at all."""
    zone = room_zone()
    anonymous = is_anonymous(activity.config)
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
            named = not (row.anonymous or anonymous or members is not None)
            organisation = "" if anonymous else row.organisation
            if members is not None and text.key(organisation) not in members:
                organisation = ""
            yield exports.ExportedAnswer(
                submission_id=row.id,
                participant=row.name if named else "",
                organisation=organisation,
                # An anonymous activity's times would match its hand-ins.
                answered_at=None if anonymous else _local(row.updated_at, zone),
                hidden=row.hidden,
                answer=row.answer,
            )
    finally:
        result.close()


def csv_chunks(
    activity_id: int,
    activity: exports.ExportedActivity,
    members: frozenset[str] | None = None,
) -> Iterator[bytes]:
    """The activity's CSV, UTF-8 with a byte order mark, a chunk at a time;
    anonymised with ``members`` (see ``answers``)."""
    first = True
    for chunk in exports.csv_chunks(
        exports.header_keys(activity.kind),
        exports.rows(activity, answers(activity_id, activity, members)),
    ):
        if first:
            chunk, first = BOM + chunk, False
        if chunk:
            yield chunk.encode("utf-8")


class _Yielding:
    """The workbook's target, letting eventlet's other greenlets run every
    ``YIELD_BYTES`` the zip writes."""

    def __init__(self, target: BinaryIO) -> None:
        self._target = target
        self._pending = 0

    def write(self, data: bytes) -> int:
        self._pending += len(data)
        if self._pending >= YIELD_BYTES:
            self._pending = 0
            socketio.sleep(0)
        return self._target.write(data)

    def __getattr__(self, name: str):
        return getattr(self._target, name)  # tell, seek, flush: the target's own


def _guarded(cells: Iterable) -> list:
    """Texts guarded against formulas; dates, numbers and booleans as typed."""
    return [exports.sheet_cell(v) if type(v) is str else v for v in cells]


def _write_sheet(
    book: xlsx.Workbook,
    name: str,
    activity_id: int,
    activity: exports.ExportedActivity,
    members: frozenset[str] | None,
) -> None:
    """The title block (meeting, date, prompt), a blank row, the header, then a
    row per answer (or per record); the header stays in view when scrolling."""
    labels = [gettext(label) for label in exports.sheet_header_labels(activity.kind)]
    header = len(exports.ACTIVITY_COLUMNS) + 1
    sheet = book.add_sheet(
        name,
        frozen_rows=header + 1,
        # Wide enough for names, organisations and "2017-03-01 10:15:30".
        widths=[(0, 1, 24), (2, 2, 19), (4, max(4, len(labels) - 1), 20)],
    )
    for number, (label, value) in enumerate(exports.title_block(activity)):
        sheet.row(number, _guarded([gettext(label), value]), TITLE)
    sheet.row(header, _guarded(labels), xlsx.Style.BOLD)
    last = header
    for last, row in enumerate(
        exports.answer_rows(activity, answers(activity_id, activity, members)),
        start=header + 1,
    ):
        sheet.row(last, _guarded(row))
        if last % YIELD_ROWS == 0:
            socketio.sleep(0)
    sheet.autofilter(header, last, len(labels) - 1)


def _write_sheets(
    book: xlsx.Workbook, project_id: int, ended_only: bool, anonymised: bool
) -> None:
    listed = project_activities(project_id, ended_only=ended_only)
    names = exports.sheet_names(exports.sheet_title(a) for _id, a in listed)
    members = member_organisations(project_id) if anonymised else None
    for (activity_id, activity), name in zip(listed, names, strict=True):
        _write_sheet(book, name, activity_id, activity, members)
    if not listed:
        # A workbook needs a sheet; a translation may hold what names cannot.
        empty = gettext("No activities")
        book.add_sheet(exports.sheet_names([empty])[0]).row(0, _guarded([empty]))


def write_workbook(
    project_id: int,
    target: BinaryIO,
    *,
    ended_only: bool = False,
    anonymised: bool = False,
) -> None:
    """The project's workbook, a sheet per activity, into ``target`` (which
    must be seekable: a zip's directory is written last). When building fails
    halfway, what was written is left for the caller to throw away."""
    with xlsx.Workbook(_Yielding(target)) as book:
        _write_sheets(book, project_id, ended_only, anonymised)
