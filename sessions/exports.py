"""Exports of an activity's answers as flat rows: one CSV per activity, one
spreadsheet per project (docs/exports.md). Pure: the server reads the answers,
streams them through here, and writes the bytes.

Every CSV row starts with the same columns (the meeting, its date, the
activity's prompt, who answered and when, and whether the leader hid the
answer); the kind's own columns follow (export_kinds.py). The CSV's header is
the columns' fixed snake_case keys, so programs can rely on it. A workbook's
sheet is one activity: its meeting, date and prompt stand once in a title block
above the header instead of on every row, and its header is the columns'
English msgids, translated by the server.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be read as a formula by a spreadsheet: it gets a leading apostrophe.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from .errors import N_
from .export_kinds import Cell, Column, kind_export
from .xlsx import NOT_XML

# The same for every answer of an activity: a workbook's title block.
ACTIVITY_COLUMNS: tuple[Column, ...] = (
    ("meeting", N_("Meeting")),
    ("meeting_date", N_("Date")),
    ("activity", N_("Activity")),
)
ANSWER_COLUMNS: tuple[Column, ...] = (
    ("participant", N_("Participant")),
    ("organisation", N_("Organisation")),
    ("answered_at", N_("Answered at")),
    ("hidden", N_("Hidden")),
)
COMMON_COLUMNS = ACTIVITY_COLUMNS + ANSWER_COLUMNS
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_MAX = 31
NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
CSV_ROWS_PER_CHUNK = 256


@dataclass(frozen=True, slots=True)
class ExportedActivity:
    """What an export needs of an activity and the meeting it ran in."""

    kind: str
    prompt: str
    meeting: str
    meeting_date: date | None  # the meeting's date, else the day its session began
    config: dict
    merges: dict  # a lessons board names the themes of lessons and dots


@dataclass(frozen=True, slots=True)
class ExportedAnswer:
    submission_id: int
    participant: str  # "" when the participant stayed anonymous
    organisation: str
    # The answer's last change, in the server's local time; None in an
    # anonymous activity (docs/privacy.md).
    answered_at: datetime | None
    hidden: bool
    answer: dict


def columns(kind: str) -> tuple[Column, ...]:
    return COMMON_COLUMNS + kind_export(kind).columns


def header_keys(kind: str) -> list[str]:
    """The CSV's header: fixed snake_case keys, the same in every language."""
    return [key for key, _label in columns(kind)]


def header_labels(kind: str) -> list[str]:
    """The columns' English msgids, for the server to translate."""
    return [label for _key, label in columns(kind)]


def sheet_header_labels(kind: str) -> list[str]:
    """A sheet's header: the columns without the title block's, as msgids."""
    return [label for _key, label in ANSWER_COLUMNS + kind_export(kind).columns]


def title_block(activity: ExportedActivity) -> list[tuple[str, Cell]]:
    """A sheet's first rows: each activity column's msgid and its one value."""
    values = (activity.meeting, activity.meeting_date, activity.prompt)
    return [
        (label, value)
        for (_key, label), value in zip(ACTIVITY_COLUMNS, values, strict=True)
    ]


def answer_rows(
    activity: ExportedActivity, answers: Iterable[ExportedAnswer]
) -> Iterator[list[Cell]]:
    """The answers' rows without the activity columns (a sheet's rows), in the
    order given; one pass, so answers may stream."""
    export = kind_export(activity.kind)
    rows_of = export.prepare(activity.config, activity.merges)
    empty: list[Cell] = [None] * len(export.columns)
    for answer in answers:
        common: list[Cell] = [
            answer.participant,
            answer.organisation,
            answer.answered_at,
            answer.hidden,
        ]
        stored = answer.answer if isinstance(answer.answer, dict) else {}
        for own in rows_of(stored, answer.submission_id) or [empty]:
            yield common + own


def rows(
    activity: ExportedActivity, answers: Iterable[ExportedAnswer]
) -> Iterator[list[Cell]]:
    """The answers' CSV rows, each led by the activity columns."""
    lead: list[Cell] = [activity.meeting, activity.meeting_date, activity.prompt]
    for row in answer_rows(activity, answers):
        yield lead + row


def guard(value: str) -> str:
    """A text no spreadsheet will run as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_cell(value: Cell | datetime) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return guard(str(value))


def sheet_cell(value: Cell | datetime) -> Cell | datetime:
    """A cell for a spreadsheet: texts guarded and XML-safe, the rest as typed."""
    if isinstance(value, str):
        return guard(NOT_XML.sub("", value))
    return value


def csv_chunks(
    header: list[str], rows: Iterable[list[Cell]], rows_per_chunk: int = 0
) -> Iterator[str]:
    """The CSV (RFC 4180: quoted where needed, CRLF) as text, a few hundred rows
    at a time, so a response can stream it."""
    per_chunk = rows_per_chunk or CSV_ROWS_PER_CHUNK
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    pending = 0
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
        pending += 1
        if pending >= per_chunk:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def sheet_title(activity: ExportedActivity) -> str:
    return f"{activity.meeting} – {activity.prompt}"


def sheet_names(titles: Iterable[str]) -> list[str]:
    """Names a workbook accepts, one per title, in order: no ``[]:*?/\\``, no
    apostrophe at either end, at most 31 characters, no two the same (case
    ignored, as Excel compares them); a repeated name gets " (2)", " (3)"…"""
    taken: set[str] = set()
    names = []
    for title in titles:
        base = " ".join(NOT_IN_SHEET_NAME.sub(" ", title).split()).strip("'")
        base = base.strip() or "Sheet"
        name = base[:SHEET_NAME_MAX].rstrip().rstrip("'")
        number = 1
        # "History" is reserved by Excel.
        while name.casefold() in taken or name.casefold() == "history":
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_MAX - len(suffix)].rstrip().rstrip("'") + suffix
        taken.add(name.casefold())
        names.append(name)
    return names
