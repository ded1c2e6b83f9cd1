"""The CSV and XLSX downloads over HTTP: sign-in, 404s, a golden CSV per
activity of a fixed project, and the workbook as openpyxl reads it.

Set MELLANRUM_UPDATE_GOLDEN=1 to write the golden files anew (then read the
diff before committing it)."""

import io
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from server import models
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


def test_the_workbook_has_a_sheet_per_activity(app, signed_in, project):
    # Buffered: the test client then closes the file, as a WSGI server does.
    response = signed_in.get(
        f"/leader/projects/{project.project_id}/export.xlsx?lang=en", buffered=True
    )
    assert response.status_code == 200
    assert response.mimetype == XLSX
    assert response.headers["Content-Disposition"].startswith(
        "attachment; filename=Exportprojekt_Ost-"
    )
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == [
        "Träff 1 – Vad tar du med dig",
        "Träff 1 – Hur tydligt är region",
        "Träff 1 – Vad vi lärt",
        "Träff 1 – Konkreta steg",
    ]
    rows = {
        kind: list(sheet.iter_rows(values_only=True))
        for kind, sheet in zip(ANSWERS, book.worksheets, strict=True)
    }
    book.close()
    assert rows["scale"][0] == tuple(exports.header_labels("scale"))
    answered = datetime(2017, 3, 1, 10, 15, 30)
    lead = ("Träff 1", datetime(2017, 3, 1), "Hur tydligt är regionens uppdrag?")
    evil = ('\'=HYPERLINK("http://evil")', "'@Vinnova")
    assert rows["scale"][1:] == [
        (*lead, "Anna Åström", "Region Skåne", answered, False, 5, "Helt"),
        (*lead, None, "Region Örebro län", answered, True, 2, None),
        (*lead, *evil, datetime(2017, 3, 1, 10, 42, 5), False, 1, "Inte alls"),
    ]
    lessons = [row[7:] for row in rows["lessons"][1:]]
    assert lessons == [
        ("lesson", "Läs regionens plan", "Definiera mera", None),
        ("lesson", "Våga leda", "Mod", None),
        ("dots", None, "Definiera mera", 2),
        ("dots", None, "Mod", 1),
        ("lesson", "Fråga tidigt", None, None),
        ("lesson", "'+ fler möten", "Mod", None),
        ("dots", None, "Mod", 3),
    ]
    steps = [row[7:] for row in rows["next_steps"][1:]]
    assert steps[0] == ("Bjuda in Länsstyrelsen", "Region Skåne", datetime(2017, 6, 30))
    assert steps[3] == ("'=1+1", "Vinnova", datetime(2017, 5, 2))
    assert date(2017, 3, 1) == rows["text"][1][1].date()


def test_a_project_without_sessions_gives_a_workbook_still(app, signed_in):
    with app.app_context():
        empty = models.Project(name="Tomt")
        db.session.add(empty)
        db.session.commit()
        project_id = empty.id
    response = signed_in.get(
        f"/leader/projects/{project_id}/export.xlsx", buffered=True
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    assert len(book.sheetnames) == 1
    assert list(book.worksheets[0].iter_rows(values_only=True)) == []


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
