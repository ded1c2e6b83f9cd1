"""A streamed spreadsheet (Office Open XML, ``.xlsx``), written a row at a
time: each sheet is one deflated zip entry, so memory holds a few rows, never a
sheet. Only what the project's workbook needs (docs/exports.md): texts inline,
numbers, booleans, dates, a bold style, column widths, frozen header rows and
an autofilter; the parts around the sheets are xlsx_package.py. XlsxWriter
and openpyxl took 12.6 s and 24 s for the benchmark's 1.6 million cells, this
4.5 s (docs/performance.md#exports), because a row is one string here instead
of a dozen calls per cell.

Pure: stdlib only. The caller guards texts against formulas (exports.py); this
module makes them XML-safe and keeps them texts (inline strings are never read
as formulas, links or numbers).
"""

import contextlib
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import IntEnum
from typing import IO, BinaryIO

from . import xlsx_package as package
from .export_kinds import Cell
from .xlsx_package import MAIN, RELS, XML_HEAD

# Characters XML 1.0 cannot hold; Excel refuses a file with one.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TEXT_MAX = 32_767  # characters in a cell, Excel's limit
ROWS_MAX = 1_048_576
COLUMNS_MAX = 16_384
FLUSH_CHARS = 64 * 1024  # rows gathered before they go to the zip
EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's (1900) date system


class Style(IntEnum):
    """A cell's style: its index in the ``cellXfs`` of xlsx_package.STYLES."""

    PLAIN = 0
    BOLD = 1
    DAY = 2  # yyyy-mm-dd
    MOMENT = 3  # yyyy-mm-dd hh:mm:ss


def column_name(index: int) -> str:
    """A 0-based column index as Excel names it: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


COLUMN = [column_name(i) for i in range(COLUMNS_MAX)]


def text(value: str) -> str:
    """A text as an XML element's content: no character XML refuses, no more
    than a cell holds, and ``&``, ``<`` and ``>`` escaped."""
    value = NOT_XML.sub("", value)
    # Excel counts UTF-16 units: an emoji is two. Only a long text can be over.
    if len(value) > TEXT_MAX // 2:
        units = value.encode("utf-16-le")
        if len(units) > 2 * TEXT_MAX:
            value = units[: 2 * TEXT_MAX].decode("utf-16-le", "ignore")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def serial(moment: date) -> float | int:
    """A date or naive datetime as Excel's day number (fraction = time)."""
    if type(moment) is datetime:
        since = moment - EPOCH
        return since.days + (since.seconds + since.microseconds / 1e6) / 86400
    return (moment - EPOCH.date()).days


class Sheet:
    """One sheet, open for rows in ascending order; closed by the workbook."""

    def __init__(
        self,
        stream: IO[bytes],
        name: str,
        frozen_rows: int,
        widths: Sequence[tuple[int, int, float]],
    ) -> None:
        self.name = NOT_XML.sub("", name)
        self.filter: str | None = None
        self._stream = stream
        self._pending: list[str] = []
        self._size = 0
        self._last = -1
        pane = ""
        if frozen_rows:
            pane = (
                f'<pane ySplit="{frozen_rows}" topLeftCell="A{frozen_rows + 1}" '
                'activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft"/>'
            )
        cols = "".join(
            f'<col min="{first + 1}" max="{last + 1}" width="{width}" customWidth="1"/>'
            for first, last, width in widths
        )
        self._put(
            XML_HEAD + f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView>'
            '</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>"
        )

    def row(
        self,
        number: int,
        cells: Iterable[Cell],
        style: Style | Sequence[Style] = Style.PLAIN,
    ) -> None:
        """Row ``number`` (0-based, after the last one written): texts inline,
        numbers, booleans, dates as dates; None and "" leave a cell empty.
        ``style`` is the row's, or one per cell; dates keep their own."""
        if not self._last < number < ROWS_MAX:
            raise ValueError(f"row {number} after {self._last} or past the last")
        self._last = number
        r = number + 1
        each = None if isinstance(style, Style) else style
        s = f' s="{style:d}"' if isinstance(style, Style) and style else ""
        parts = [f'<row r="{r}">']
        add = parts.append
        for index, value in enumerate(cells):
            if each is not None:
                s = f' s="{each[index]:d}"' if each[index] else ""
            kind = type(value)
            if kind is str:
                if value:
                    add(
                        f'<c r="{COLUMN[index]}{r}"{s} t="inlineStr"><is>'
                        f'<t xml:space="preserve">{text(value)}</t></is></c>'
                    )
            elif value is None:
                continue
            elif kind is bool:
                add(f'<c r="{COLUMN[index]}{r}"{s} t="b"><v>{value:d}</v></c>')
            elif kind is int:
                add(f'<c r="{COLUMN[index]}{r}"{s}><v>{value}</v></c>')
            elif kind is float:
                if math.isfinite(value):
                    add(f'<c r="{COLUMN[index]}{r}"{s}><v>{value!r}</v></c>')
                else:  # as Excel shows an impossible number
                    add(f'<c r="{COLUMN[index]}{r}"{s} t="e"><v>#NUM!</v></c>')
            elif kind is datetime:
                add(f'<c r="{COLUMN[index]}{r}" s="3"><v>{serial(value)!r}</v></c>')
            elif kind is date:
                add(f'<c r="{COLUMN[index]}{r}" s="2"><v>{serial(value)}</v></c>')
            else:
                raise TypeError(f"not a cell: {kind.__name__}")
        add("</row>")
        self._put("".join(parts))

    def autofilter(self, first_row: int, last_row: int, last_column: int) -> None:
        """Filter buttons on ``first_row`` (the header) over the rows below."""
        self.filter = f"$A${first_row + 1}:${COLUMN[last_column]}${last_row + 1}"

    def _put(self, xml: str) -> None:
        self._pending.append(xml)
        self._size += len(xml)
        if self._size >= FLUSH_CHARS:
            self._flush()

    def _flush(self) -> None:
        self._stream.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()
        self._size = 0

    def abandon(self) -> None:
        self._stream.close()

    def close(self) -> None:
        self._put("</sheetData>")
        if self.filter:
            self._put(f'<autoFilter ref="{self.filter.replace("$", "")}"/>')
        self._put(
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
            'header="0.3" footer="0.3"/></worksheet>'
        )
        self._flush()
        self._stream.close()


class Workbook:
    """Sheets one after another into ``target`` (seekable: the zip's directory
    comes last). Names must already be valid (exports.sheet_names)."""

    def __init__(self, target: BinaryIO, compresslevel: int = 6) -> None:
        self._zip = zipfile.ZipFile(
            target, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel
        )
        self._sheets: list[Sheet] = []

    def add_sheet(
        self,
        name: str,
        *,
        frozen_rows: int = 0,
        widths: Sequence[tuple[int, int, float]] = (),
    ) -> Sheet:
        """A new sheet, closing the one before; ``widths`` are (first column,
        last column, width in characters)."""
        if self._sheets:
            self._sheets[-1].close()
        number = len(self._sheets) + 1
        stream = self._zip.open(f"xl/worksheets/sheet{number}.xml", "w")
        sheet = Sheet(stream, name, frozen_rows, widths)
        self._sheets.append(sheet)
        return sheet

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
            return
        # Failed halfway: end the open entry and the zip without a word, so
        # nothing is left open; the caller throws the target away.
        with contextlib.suppress(Exception):
            if self._sheets:
                self._sheets[-1].abandon()
            self._zip.close()

    def close(self) -> None:
        if not self._sheets:
            raise ValueError("a workbook needs a sheet")
        self._sheets[-1].close()
        named = [(sheet.name, sheet.filter) for sheet in self._sheets]
        for name, xml in package.parts(named):
            self._zip.writestr(name, xml.encode("utf-8"))
        self._zip.close()
