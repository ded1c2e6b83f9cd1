"""Export rows, the formula guard, the CSV text and sheet names."""

import csv
import io
from datetime import date, datetime

import pytest

from sessions import exports

WHEN = datetime(2017, 3, 1, 10, 15, 30)
TEXT = exports.ExportedActivity(
    kind="text",
    prompt="Vad tar du med dig?",
    meeting="Träff 1",
    meeting_date=date(2017, 3, 1),
    config={"max_length": 280, "display": "list"},
    merges={},
)


def answer(sid, text, participant="Anna", organisation="Region Skåne", hidden=False):
    return exports.ExportedAnswer(
        sid, participant, organisation, WHEN, hidden, {"text": text}
    )


def test_the_common_columns_lead_every_row():
    assert exports.header_keys("text") == [
        "meeting",
        "meeting_date",
        "activity",
        "participant",
        "organisation",
        "answered_at",
        "hidden",
        "text",
    ]
    assert exports.header_labels("text")[:3] == ["Meeting", "Date", "Activity"]
    made = list(
        exports.rows(
            TEXT, [answer(1, "Möten"), answer(2, "Mod", "", "Vinnova", hidden=True)]
        )
    )
    lead = ["Träff 1", date(2017, 3, 1), "Vad tar du med dig?"]
    assert made == [
        [*lead, "Anna", "Region Skåne", WHEN, False, "Möten"],
        [*lead, "", "Vinnova", WHEN, True, "Mod"],
    ]


def test_a_sheet_names_the_activity_once_above_its_rows():
    """In a workbook each sheet is one activity: its meeting, date and prompt
    stand once in a title block instead of on every row."""
    assert exports.title_block(TEXT) == [
        ("Meeting", "Träff 1"),
        ("Date", date(2017, 3, 1)),
        ("Activity", "Vad tar du med dig?"),
    ]
    assert exports.sheet_header_labels("text") == [
        "Participant",
        "Organisation",
        "Answered at",
        "Hidden",
        "Answer",
    ]
    assert exports.header_labels("text") == [
        *[label for label, _value in exports.title_block(TEXT)],
        *exports.sheet_header_labels("text"),
    ]
    made = list(
        exports.answer_rows(
            TEXT, [answer(1, "Möten"), answer(2, "Mod", "", "Vinnova", hidden=True)]
        )
    )
    assert made == [
        ["Anna", "Region Skåne", WHEN, False, "Möten"],
        ["", "Vinnova", WHEN, True, "Mod"],
    ]


def test_rows_read_the_answers_once_as_they_come():
    def streamed():
        yield answer(1, "Ett")
        yield answer(2, "Två")

    assert [row[-1] for row in exports.rows(TEXT, streamed())] == ["Ett", "Två"]


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://x")',
        "+46 70",
        "-2+3",
        "@SUM(A1)",
        "\tTabbed",
        "\rReturn",
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(typed):
    assert exports.guard(typed) == "'" + typed
    assert exports.csv_cell(typed) == "'" + typed
    assert exports.sheet_cell(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["Samordnare", "a=b", " =x", "'quoted", "", "1-2"])
def test_other_texts_are_left_as_they_are(typed):
    assert exports.guard(typed) == typed


def test_only_texts_are_guarded_numbers_stay_numbers():
    assert exports.csv_cell(-2) == "-2"
    assert exports.sheet_cell(-2) == -2
    assert exports.csv_cell(True) == "true"
    assert exports.csv_cell(False) == "false"
    assert exports.csv_cell(None) == ""
    assert exports.csv_cell(date(2017, 3, 1)) == "2017-03-01"
    assert exports.csv_cell(WHEN) == "2017-03-01 10:15:30"


def test_sheet_cells_drop_characters_xml_cannot_hold():
    assert exports.sheet_cell("a\x00b\x1fc\nd") == "abc\nd"


def test_the_csv_guards_injection_through_the_whole_path():
    made = "".join(
        exports.csv_chunks(
            exports.header_keys("text"),
            exports.rows(TEXT, [answer(1, "=1+1"), answer(2, "-5", "@anna")]),
        )
    )
    read = list(csv.reader(io.StringIO(made)))
    assert [r[-1] for r in read[1:]] == ["'=1+1", "'-5"]
    assert read[2][3] == "'@anna"


def test_the_csv_is_rfc_4180_and_comes_in_chunks():
    chunks = list(
        exports.csv_chunks(
            ["a", "b"],
            [["x", 1], ['says "hej", then; goes', "två\nrader"], [None, True]],
            rows_per_chunk=2,
        )
    )
    assert chunks == [
        'a,b\r\nx,1\r\n"says ""hej"", then; goes","två\nrader"\r\n',
        ",true\r\n",
    ]


def test_an_empty_export_is_its_header():
    assert list(exports.csv_chunks(["a", "b"], [])) == ["a,b\r\n"]


def test_sheet_names_are_valid_short_and_unique():
    long = "Träff 1 – Vem är du? Berätta om din roll"
    names = exports.sheet_names(
        [long, long, long.upper(), "a/b[c]:d*e?f\\g", "'citat'", "History", "   "]
    )
    assert names == [
        "Träff 1 – Vem är du Berätta om",
        "Träff 1 – Vem är du Berätta (2)",
        "TRÄFF 1 – VEM ÄR DU BERÄTTA (3)",
        "a b c d e f g",
        "citat",
        "History (2)",
        "Sheet",
    ]
    assert all(len(n) <= 31 for n in names)


def test_many_repeats_still_fit():
    names = exports.sheet_names(["x" * 40] * 12)
    assert len({n.casefold() for n in names}) == 12
    assert names[11] == "x" * 26 + " (12)"
    assert all(len(n) <= 31 for n in names)


def test_sheet_title_names_the_meeting_and_the_prompt():
    assert exports.sheet_title(TEXT) == "Träff 1 – Vad tar du med dig?"
