"""Anonymised exports (docs/privacy.md): ``?anonymised=1`` on the CSV, the
workbook and the JSON archive leaves out names, and organisations that are not
the project's members; a reviewer gets nothing else."""

import io
import json
import zipfile

from sqlalchemy import select

from server import live, models, project_archive
from server.extensions import db
from sessions.archive_format import parse

from .archive_support import start
from .conftest import sign_in
from .review_support import make_link, reviewer

NAMES = ("Anna Andersson", "Bo Bengtsson")
STRANGER = "Bos konsultfirma"  # typed in, not one of the project's members


def ended(app):
    with app.app_context():
        run = start("Träff 4")
        run.join(NAMES[0], "Region Skåne")
        run.join(NAMES[1], STRANGER)
        run.open("text")
        run.answer(NAMES[0], "text", {"text": "Ett svar"})
        run.answer(NAMES[1], "text", {"text": "Ett annat"})
        live.end_session(run.row)
        return run, run.row.meeting.project_id


def workbook_text(response) -> str:
    with zipfile.ZipFile(io.BytesIO(response.data)) as book:
        return "".join(book.read(name).decode() for name in book.namelist())


def downloads(client, run, project_id, query=""):
    return {
        "csv": client.get(f"/leader/activities/{run.ids['text']}/export.csv{query}"),
        "xlsx": client.get(
            f"/leader/projects/{project_id}/export.xlsx{query}", buffered=True
        ),
        "json": client.get(f"/leader/projects/{project_id}/export.json{query}"),
    }


def contents(got: dict) -> dict[str, str]:
    for response in got.values():
        assert response.status_code == 200
    return {
        "csv": got["csv"].text,
        "xlsx": workbook_text(got["xlsx"]),
        "json": got["json"].text,
    }


def assert_anonymised(texts: dict[str, str]) -> None:
    for kind, text in texts.items():
        for name in (*NAMES, STRANGER):
            assert name not in text, (kind, name)
        assert "Ett svar" in text, kind  # the answers themselves stay
    assert "Region Skåne" in texts["csv"]  # a member's organisation stays
    people = [
        person
        for meeting in json.loads(texts["json"])["project"]["meetings"]
        for session in meeting["sessions"]
        for person in session["participants"]
    ]
    assert people and all(p["name"] == "" and p["anonymous"] for p in people)


def test_a_leaders_exports_name_people_unless_anonymised(app, client):
    run, project_id = ended(app)
    sign_in(app, client)
    named = contents(downloads(client, run, project_id))
    for text in named.values():
        assert NAMES[0] in text and STRANGER in text
    anonymised = downloads(client, run, project_id, "?anonymised=1")
    assert "anonymised" in anonymised["json"].headers["Content-Disposition"]
    assert_anonymised(contents(anonymised))


def test_a_reviewer_gets_anonymised_exports_only(app):
    run, project_id = ended(app)
    _link, token = make_link(app, project_id)
    visitor = reviewer(app, token)
    assert_anonymised(contents(downloads(visitor, run, project_id)))
    assert_anonymised(contents(downloads(visitor, run, project_id, "?anonymised=0")))
    page = visitor.get(f"/projects/{project_id}?lang=en").text
    assert "Downloads are anonymised" in page and "anonymised=1" not in page


def test_the_leader_is_offered_the_anonymised_downloads(app, client):
    run, project_id = ended(app)
    sign_in(app, client)
    timeline = client.get(f"/projects/{project_id}?lang=en").text
    assert f"/leader/projects/{project_id}/export.xlsx?anonymised=1" in timeline
    assert f"/leader/projects/{project_id}/export.json?anonymised=1" in timeline
    archive = client.get(f"/archive/{run.id}?lang=en").text
    assert f"/leader/activities/{run.ids['text']}/export.csv?anonymised=1" in archive


def test_an_anonymised_archive_imports_again(app, client):
    _run, project_id = ended(app)
    sign_in(app, client)
    anonymised = client.get(f"/leader/projects/{project_id}/export.json?anonymised=1")
    with app.app_context():
        copy = project_archive.import_archive(parse(anonymised.data), as_copy=True)
        people = [p for m in copy.meetings for s in m.live_sessions for p in of(s)]
        assert {p.name for p in people} == {""}
        assert {p.organisation for p in people} == {"Region Skåne", ""}


def of(live_session: models.LiveSession) -> list[models.Participant]:
    return db.session.scalars(
        select(models.Participant).where(
            models.Participant.session_id == live_session.id
        )
    ).all()
