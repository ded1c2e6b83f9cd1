"""The streamed spreadsheet writer, read back by openpyxl (as a spreadsheet
program would) and by ElementTree (every part must be well-formed XML)."""

import io
import math
import zipfile
from datetime import date, datetime
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from sessions import xlsx


def build(write) -> io.BytesIO:
    target = io.BytesIO()
    with xlsx.Workbook(target) as book:
        write(book)
    target.seek(0)
    return target


def test_cells_keep_their_types():
    def write(book):
        sheet = book.add_sheet("Träff 1")
        sheet.row(0, ["Roll", 3, 2.5, True, False, date(2017, 3, 1)])
        sheet.row(1, [None, "", datetime(2017, 3, 1, 10, 15, 30), -2, 0])

    target = build(write)
    sheet = load_workbook(target)["Träff 1"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [
        ("Roll", 3, 2.5, True, False, datetime(2017, 3, 1)),
        (None, None, datetime(2017, 3, 1, 10, 15, 30), -2, 0, None),
    ]
    assert sheet["F1"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert sheet["A2"].value is None  # None and "" write no cell at all


def test_texts_stay_texts_and_xml_safe():
    hostile = [
        '=HYPERLINK("http://x")',  # the caller guards; the writer keeps a text
        "a & b <c> \"d\" 'e'",
        "  leading and trailing  ",
        "två\nrader",
        "noll\x00byte\x1f och \ud800 ensam surrogat \ufffe",
        "0123",
        "x" * (xlsx.TEXT_MAX + 10),
    ]
    target = build(lambda book: book.add_sheet("S").row(0, hostile))
    row = next(load_workbook(target)["S"].iter_rows(values_only=True))
    assert row[:6] == (
        '=HYPERLINK("http://x")',
        "a & b <c> \"d\" 'e'",
        "  leading and trailing  ",
        "två\nrader",
        "nollbyte och  ensam surrogat ",
        "0123",
    )
    assert row[6] == "x" * xlsx.TEXT_MAX
    assert load_workbook(target)["S"]["A1"].data_type == "s"  # not a formula


def test_a_long_text_is_cut_where_excel_counts_it():
    """Excel counts UTF-16 units: an emoji is two, and half of one is none."""
    emoji = "😀" * 20_000
    target = build(lambda book: book.add_sheet("S").row(0, [emoji, "å" * 40_000]))
    row = next(load_workbook(target)["S"].iter_rows(values_only=True))
    assert row == ("😀" * (xlsx.TEXT_MAX // 2), "å" * xlsx.TEXT_MAX)


def test_a_number_that_is_not_one_shows_as_an_error():
    target = build(lambda book: book.add_sheet("S").row(0, [math.nan, math.inf]))
    row = next(load_workbook(target)["S"].iter_rows(values_only=True))
    assert row == ("#NUM!", "#NUM!")


def test_styles_widths_frozen_header_and_filter():
    def write(book):
        sheet = book.add_sheet(
            "Aktörer & 'roller'", frozen_rows=5, widths=[(0, 1, 24), (4, 6, 20)]
        )
        sheet.row(0, ["Träff", "Träff 1"], (xlsx.Style.BOLD, xlsx.Style.PLAIN))
        sheet.row(4, ["Deltagare", "Organisation"], xlsx.Style.BOLD)
        sheet.row(5, ["Anna", "Region Skåne"])
        sheet.row(9, ["Bo", "Vinnova"])
        sheet.autofilter(4, 9, 1)
        book.add_sheet("Tom")

    target = build(write)
    book = load_workbook(target)
    sheet = book["Aktörer & 'roller'"]
    assert book.sheetnames == ["Aktörer & 'roller'", "Tom"]
    assert sheet["A1"].font.b and not sheet["B1"].font.b
    assert sheet["A5"].font.b and sheet["B5"].font.b and not sheet["A6"].font.b
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == "A5:B10"
    assert sheet.column_dimensions["A"].width == 24
    assert sheet.column_dimensions["E"].width == 20
    assert sheet["A10"].value == "Bo" and sheet["A7"].value is None
    assert book["Tom"].max_row == 1 and book["Tom"]["A1"].value is None
    with zipfile.ZipFile(target) as package:
        workbook = package.read("xl/workbook.xml").decode()
    # Excel's own name for a filter's range, the sheet's name quoted.
    assert "'Aktörer &amp; ''roller'''!$A$5:$B$10</definedName>" in workbook


def test_every_part_is_well_formed_xml_and_typed():
    def write(book):
        for name in ("A", "B", "C"):
            book.add_sheet(name).row(0, [name, 1])

    with zipfile.ZipFile(build(write)) as package:
        names = package.namelist()
        for name in names:
            ElementTree.fromstring(package.read(name))
        types = package.read("[Content_Types].xml").decode()
    assert {f"xl/worksheets/sheet{n}.xml" for n in (1, 2, 3)} <= set(names)
    for n in (1, 2, 3):
        assert f'PartName="/xl/worksheets/sheet{n}.xml"' in types


def test_rows_go_down_only():
    def write(book):
        sheet = book.add_sheet("S")
        sheet.row(3, ["a"])
        sheet.row(3, ["b"])

    with pytest.raises(ValueError, match="row 3 after 3"):
        build(write)


def test_a_cell_of_unknown_type_is_refused():
    with pytest.raises(TypeError, match="not a cell: dict"):
        build(lambda book: book.add_sheet("S").row(0, [{"a": 1}]))


def test_a_workbook_needs_a_sheet():
    with pytest.raises(ValueError, match="needs a sheet"):
        build(lambda book: None)


def test_a_failed_build_leaves_nothing_open(recwarn):
    def write(book):
        book.add_sheet("S").row(0, ["a"])
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError, match="went away"):
        build(write)
    assert not recwarn.list


@pytest.mark.parametrize(
    ("index", "name"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")]
)
def test_column_names(index, name):
    assert xlsx.column_name(index) == name


def test_serial_days_as_excel_counts_them():
    assert xlsx.serial(date(2017, 3, 1)) == 42795
    assert xlsx.serial(datetime(2017, 3, 1, 12)) == 42795.5
