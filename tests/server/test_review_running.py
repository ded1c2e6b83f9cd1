"""A reviewer reads ended sessions only, on every route: a session still
running may hold a closed outcome not yet shown to the room. Leaders see it."""

import io
import json

from openpyxl import load_workbook
from sqlalchemy import select

from server import models
from server.extensions import db

from .archive_support import start
from .review_support import leader_client, make_link, reviewer

SECRET = "Hemligroll"


def running_with_a_closed_answer(app) -> tuple[int, int]:
    """Träff 1 ended with an answer; Träff 3 running, its "Vem är du?" answered
    and closed but not revealed. The project and the series."""
    with app.app_context():
        first = start("Träff 1")
        first.join("Anna", "Region Skåne")
        first.open("roles")
        first.answer("Anna", "roles", {"roles": ["Samordnare"]})
        from server import live

        live.end_session(first.row)
        third = start("Träff 3")
        third.join("Cecilia", "Region Halland")
        third.open("roles")
        third.answer("Cecilia", "roles", {"roles": [SECRET]})
        third.close("roles")
        run = db.session.get(models.Activity, third.ids["roles"])
        assert run.final_snapshot is not None  # frozen, comparable for a leader
        project_id = db.session.scalar(select(models.Project.id))
        return project_id, run.series_id


def sheets_text(client, address: str) -> str:
    """Every cell of the downloaded workbook, as one text."""
    with client.get(address) as response:
        assert response.status_code == 200
        body = response.data
    book = load_workbook(io.BytesIO(body), read_only=True)
    try:
        return " ".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    finally:
        book.close()


def test_a_running_session_stays_out_of_a_reviewers_reading(app):
    project_id, series_id = running_with_a_closed_answer(app)
    _link_id, token = make_link(app, project_id)
    guest, leader = reviewer(app, token), leader_client(app)

    compare = f"/projects/{project_id}/compare"
    assert SECRET in leader.get(f"{compare}/{series_id}").get_data(as_text=True)
    # For the reviewer the series has one run left: nothing to compare.
    assert guest.get(f"{compare}/{series_id}").status_code == 404
    assert SECRET not in guest.get(compare).get_data(as_text=True)

    xlsx = f"/leader/projects/{project_id}/export.xlsx"
    as_leader = sheets_text(leader, xlsx)
    assert SECRET in as_leader and "Cecilia" in as_leader
    as_reviewer = sheets_text(guest, xlsx)
    assert SECRET not in as_reviewer and "Cecilia" not in as_reviewer
    assert "Samordnare" in as_reviewer  # the ended session is there

    archive = f"/leader/projects/{project_id}/export.json"
    assert SECRET in leader.get(archive).get_data(as_text=True)
    document = json.loads(guest.get(archive).get_data(as_text=True))
    text = json.dumps(document, ensure_ascii=False)
    assert SECRET not in text and "Cecilia" not in text
    sessions = [s for m in document["project"]["meetings"] for s in m["sessions"]]
    assert [s["status"] for s in sessions] == ["ended"]
