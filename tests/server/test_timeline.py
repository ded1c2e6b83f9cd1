"""The project page: meetings on a timeline with their sessions and activities."""

from sqlalchemy import select

from server import live, models
from server.extensions import db

from .conftest import sign_in


def _project_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(models.Project.id))


def test_anonymous_is_sent_to_sign_in(app, client):
    response = client.get(f"/projects/{_project_id(app)}")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_the_meetings_come_in_order_with_their_sessions(app, client):
    sign_in(app, client)
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 3")
        )
        started = live.start_session(meeting, allow_anonymous=True)
        code = started.join_code
    page = client.get(f"/projects/{_project_id(app)}").get_data(as_text=True)
    positions = [page.index(f">Träff {n}</h3>") for n in (1, 2, 3, 4)]
    assert positions == sorted(positions)
    # Träff 3's running session is listed under Träff 3 with a way to its console.
    after_3 = page[positions[2] : positions[3]]
    assert '<span class="badge">' in after_3  # running, not archived
    assert f"/leader/sessions/{started.id}" in after_3
    assert code not in page  # join codes belong on the console, not here
    assert page.count("timeline-empty") == 3


def test_an_ended_session_links_each_run_activity_to_its_archive(app, client):
    sign_in(app, client)
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 1")
        )
        started = live.start_session(meeting, allow_anonymous=True)
        first = started.activities[0]
        first.final_snapshot = {"answer_count": 2, "results": {}}
        first.published = True
        started.status = "ended"
        db.session.commit()
        session_id, activity_id = started.id, first.id
    page = client.get(f"/projects/{_project_id(app)}").get_data(as_text=True)
    assert f"/archive/{session_id}#archived-{activity_id}" in page
    assert f'href="/archive/{session_id}"' in page


def test_an_unknown_project_is_not_found(app, client):
    sign_in(app, client)
    assert client.get("/projects/999999").status_code == 404
    assert client.get("/projects/99999999999").status_code == 404
