"""The CSV and XLSX downloads over HTTP: sign-in, 404s, a golden CSV per
activity of a fixed project, and the workbook as openpyxl reads it.

Set MELLANRUM_UPDATE_GOLDEN=1 to write the golden files anew (then read the
diff before committing it)."""

import io
import os
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from server import accounts, models, seed
from server import exports as server_exports
from server.extensions import db
from sessions import exports

from .conftest import sign_in
from .export_support import ANSWERS, make_project

GOLDEN = Path(__file__).parent / "golden"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def project(app):
    return make_project(app)


@pytest.fixture
def signed_in(app, client, project):
    sign_in(app, client)
    return client


def test_downloads_need_sign_in(client, project):
    activity_id = project.activity_ids["text"]
    for url in (
        f"/leader/activities/{activity_id}/export.csv",
        f"/leader/projects/{project.project_id}/export.xlsx",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    "url",
    [
        "/leader/activities/999999/export.csv",
        "/leader/projects/999999/export.xlsx",
        # Beyond the integer column: no row, and no database error either.
        f"/leader/activities/{2**31}/export.csv",
        f"/leader/projects/{2**31}/export.xlsx",
        "/leader/activities/nope/export.csv",
    ],
)
def test_unknown_ids_are_404(signed_in, url):
    assert signed_in.get(url).status_code == 404


@pytest.mark.parametrize("kind", list(ANSWERS))
def test_the_csv_matches_its_golden_file(signed_in, project, kind):
    response = signed_in.get(
        f"/leader/activities/{project.activity_ids[kind]}/export.csv"
    )
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.is_streamed
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Traff_1_')
    assert disposition.endswith(f'-{project.activity_ids[kind]}.csv"')
    golden = GOLDEN / f"export_{kind}.csv"
    if os.environ.get("MELLANRUM_UPDATE_GOLDEN"):
        golden.write_bytes(response.data)
    assert response.data == golden.read_bytes()


def test_the_csv_is_utf8_with_a_bom_and_stable_keys(signed_in, project):
    response = signed_in.get(
        f"/leader/activities/{project.activity_ids['text']}/export.csv?lang=en"
    )
    assert response.data.startswith(b"\xef\xbb\xbf")
    text = response.data.decode("utf-8-sig")
    assert text.split("\r\n")[0] == ",".join(exports.header_keys("text"))
    assert "Anna Åström" in text
    assert "Hemlig" not in text  # anonymous: the name stays out
    assert "'=HYPERLINK" in text


def workbook(client, project_id: int, lang: str = "en"):
    # Buffered: the test client then closes the file, as a WSGI server does.
    response = client.get(
        f"/leader/projects/{project_id}/export.xlsx?lang={lang}", buffered=True
    )
    assert response.status_code == 200
    assert response.mimetype == XLSX
    return response, load_workbook(io.BytesIO(response.data))


def values(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_workbook_has_a_sheet_per_activity(app, signed_in, project):
    response, book = workbook(signed_in, project.project_id)
    assert response.headers["Content-Disposition"].startswith(
        "attachment; filename=Exportprojekt_Ost-"
    )
    assert book.sheetnames == [
        "Träff 1 – Vad tar du med dig",
        "Träff 1 – Hur tydligt är region",
        "Träff 1 – Vad vi lärt",
        "Träff 1 – Konkreta steg",
    ]
    rows = {kind: values(s) for kind, s in zip(ANSWERS, book.worksheets, strict=True)}
    scale = book.worksheets[1]
    frozen, filtered = scale.freeze_panes, scale.auto_filter.ref
    book.close()
    blank = (None,) * 4
    # The title block: what every row's first three CSV columns would repeat.
    assert rows["scale"][:5] == [
        ("Meeting", "Träff 1", *blank),
        ("Date", datetime(2017, 3, 1), *blank),
        ("Activity", "Hur tydligt är regionens uppdrag?", *blank),
        (None, None, *blank),
        ("Participant", "Organisation", "Answered at", "Hidden", "Value", "Label"),
    ]
    assert list(rows["scale"][4]) == exports.sheet_header_labels("scale")
    answered = datetime(2017, 3, 1, 10, 15, 30)
    evil = ('\'=HYPERLINK("http://evil")', "'@Vinnova")
    assert rows["scale"][5:] == [
        ("Anna Åström", "Region Skåne", answered, False, 5, "Helt"),
        (None, "Region Örebro län", answered, True, 2, None),
        (*evil, datetime(2017, 3, 1, 10, 42, 5), False, 1, "Inte alls"),
    ]
    # The header stays in view; the answers can be filtered and sorted.
    assert (frozen, filtered) == ("A6", "A5:F8")
    lessons = [row[4:] for row in rows["lessons"][5:]]
    assert lessons == [
        ("lesson", "Läs regionens plan", "Definiera mera", None),
        ("lesson", "Våga leda", "Mod", None),
        ("dots", None, "Definiera mera", 2),
        ("dots", None, "Mod", 1),
        ("lesson", "Fråga tidigt", None, None),
        ("lesson", "'+ fler möten", "Mod", None),
        ("dots", None, "Mod", 3),
    ]
    # Each record's row repeats its answer's columns, so it can be filtered.
    assert [row[:2] for row in rows["lessons"][5:9]] == [
        ("Anna Åström", "Region Skåne")
    ] * 4
    steps = [row[4:] for row in rows["next_steps"][5:]]
    assert steps[0] == ("Bjuda in Länsstyrelsen", "Region Skåne", datetime(2017, 6, 30))
    assert steps[3] == ("'=1+1", "Vinnova", datetime(2017, 5, 2))
    assert rows["text"][5][:4] == ("Anna Åström", "Region Skåne", answered, False)
    assert rows["text"][7][4] == "'-2+3 är ingen formel här"


def test_the_workbook_speaks_the_leaders_language(signed_in, project):
    _response, book = workbook(signed_in, project.project_id, lang="sv")
    rows = values(book.worksheets[1])
    book.close()
    assert [row[0] for row in rows[:3]] == ["Träff", "Datum", "Aktivitet"]
    assert rows[4] == (
        "Deltagare",
        "Organisation",
        "Svarade",
        "Dold",
        "Värde",
        "Etikett",
    )


def test_titles_are_guarded_and_what_xml_cannot_hold_is_dropped(app, signed_in):
    with app.app_context():
        project = models.Project(name="Vakt")
        meeting = models.Meeting(position=1, title="@Träff", held_on=None)
        project.meetings.append(meeting)
        live = models.LiveSession(
            meeting=meeting,
            join_code="GUARD1",
            projector_token="guard-projector-token",
            status="ended",
            started_at=datetime(2017, 3, 1, 23, 30),  # 00:30 the next day locally
        )
        db.session.add_all([project, live])
        db.session.flush()
        accounts.add_member(project.id, seed.default_leader().id)
        person = models.Participant(session_id=live.id, name="+46 70", organisation="")
        activity = models.Activity(
            session_id=live.id,
            position=0,
            kind="text",
            prompt="=cmd|' /C calc'!A0",
            config={"max_length": 280},
            state="closed",
            merges={},
        )
        db.session.add_all([person, activity])
        db.session.flush()
        db.session.add(
            models.Submission(
                activity_id=activity.id,
                participant_id=person.id,
                answer={"text": "=\x00noll\x1fbyte"},
                hidden=False,
                created_at=datetime(2017, 3, 1, 23, 30),
                updated_at=datetime(2017, 3, 1, 23, 30),
            )
        )
        db.session.commit()
        project_id = project.id
    _response, book = workbook(signed_in, project_id)
    assert book.sheetnames == ["@Träff – =cmd|' C calc'!A0"]
    rows = values(book.worksheets[0])
    book.close()
    assert rows[0][:2] == ("Meeting", "'@Träff")
    # No date on the meeting: the day its session began, on the room's clock.
    assert rows[1][:2] == ("Date", datetime(2017, 3, 2))
    assert rows[2][:2] == ("Activity", "'=cmd|' /C calc'!A0")
    assert rows[5] == (
        "'+46 70",
        None,
        datetime(2017, 3, 2, 0, 30),
        False,
        "'=nollbyte",
    )


def test_a_project_without_sessions_gives_a_workbook_still(app, signed_in):
    with app.app_context():
        empty = models.Project(name="Tomt")
        db.session.add(empty)
        db.session.flush()
        accounts.add_member(empty.id, seed.default_leader().id)
        db.session.commit()
        project_id = empty.id
    _response, book = workbook(signed_in, project_id)
    assert book.sheetnames == ["No activities"]
    assert values(book.worksheets[0]) == [("No activities",)]
    book.close()


def test_building_a_workbook_lets_live_sockets_run(app, project, monkeypatch):
    """A large workbook takes seconds: writing its rows yields to eventlet
    every YIELD_ROWS rows, as reading the answers does every batch."""
    turns = []
    monkeypatch.setattr(server_exports.socketio, "sleep", turns.append)
    monkeypatch.setattr(server_exports, "YIELD_ROWS", 1)
    target = io.BytesIO()
    with app.test_request_context():
        server_exports.write_workbook(project.project_id, target)
    book = load_workbook(target)
    answer_rows = sum(sheet.max_row - 5 for sheet in book.worksheets)
    assert len(turns) >= answer_rows > 5
    assert set(turns) == {0}
    assert book.sheetnames[0] == "Träff 1 – Vad tar du med dig"


def test_zipping_lets_live_sockets_run(monkeypatch):
    """The zip's writes yield every YIELD_BYTES, however they are cut."""
    turns = []
    monkeypatch.setattr(server_exports.socketio, "sleep", turns.append)
    monkeypatch.setattr(server_exports, "YIELD_BYTES", 256)
    target = io.BytesIO()
    yielding = server_exports._Yielding(target)
    for size in (100, 100, 100, 1000, 10, 300):
        yielding.write(b"x" * size)
    assert len(turns) == 3 and target.tell() == 1610
    assert yielding.seekable()  # the rest is the target's


@pytest.mark.parametrize("fails", [False, True])
def test_no_temporary_file_outlives_a_build(app, project, monkeypatch, tmp_path, fails):
    """A build leaves no temporary file behind, also when it fails halfway
    (and nothing is left open: an unclosed zip would warn, an error here)."""

    def broken(activity_id):
        yield from []
        raise RuntimeError("the database went away")

    folder = tmp_path / "temporary"  # tmp_path holds the test's database too
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    if fails:
        monkeypatch.setattr(server_exports, "answers", broken)
    target = io.BytesIO()
    with app.test_request_context():
        if fails:
            with pytest.raises(RuntimeError, match="went away"):
                server_exports.write_workbook(project.project_id, target)
        else:
            server_exports.write_workbook(project.project_id, target)
            assert len(load_workbook(target).sheetnames) == 4
    assert list(folder.iterdir()) == []


def test_the_pages_link_the_downloads(app, signed_in, project):
    home = signed_in.get("/leader/?lang=en").text
    assert f"/leader/projects/{project.project_id}/export.xlsx" in home
    assert "Download spreadsheet (XLSX)" in home
    archive = signed_in.get(f"/archive/{project.session_id}?lang=en").text
    with app.app_context():
        ids = db.session.scalars(
            select(models.Activity.id).where(
                models.Activity.session_id == project.session_id
            )
        ).all()
    for activity_id in ids:
        assert f"/leader/activities/{activity_id}/export.csv" in archive
    assert archive.count("Download CSV") == len(ids)
