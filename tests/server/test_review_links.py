"""Review links: made by a leader and shown once, stored as a hash, opening one
project read-only until revoked, which shuts the reviewer out at once."""

import hashlib
import html
import re

from sqlalchemy import func, select

from server import models
from server.extensions import db

from .archive_support import start
from .review_support import (
    ended_session,
    leader_client,
    link_row,
    make_link,
    other_project,
    reviewer,
)


def link_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(models.ReviewLink))


def test_a_leader_makes_a_link_shown_once(app):
    project_id = ended_session(app).project_id
    leader = leader_client(app)
    response = leader.post(
        f"/leader/projects/{project_id}/review-links",
        data={"label": "  Utvärderare,\x00 Reglab  "},
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = html.unescape(response.text)
    (token,) = re.findall(r"http://localhost/review/([A-Za-z0-9_-]+)", page)
    assert len(token) == 43  # secrets.token_urlsafe(32)
    with app.app_context():
        row = db.session.scalar(select(models.ReviewLink))
        assert row.label == "Utvärderare, Reglab"
        assert row.project_id == project_id
        assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert row.revoked_at is None and row.last_used_at is None
    # Listed afterwards by its label and dates, never its token.
    listed = leader.get(f"/leader/projects/{project_id}/review-links")
    assert listed.status_code == 200
    assert "Utvärderare, Reglab" in html.unescape(listed.text)
    assert token not in listed.text


def test_the_link_opens_the_project_and_records_its_use(app):
    ended = ended_session(app)
    link_id, token = make_link(app, ended.project_id)
    client = app.test_client()
    response = client.get(f"/review/{token}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/projects/{ended.project_id}"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert link_row(app, link_id)["last_used_at"] is not None
    page = client.get(f"/archive/{ended.session_id}?lang=en")
    assert page.status_code == 200
    assert "Read-only review" in page.text
    assert client.get(f"/projects/{ended.project_id}").status_code == 200


def test_revoking_shuts_an_entered_reviewer_out_at_once(app):
    ended = ended_session(app)
    link_id, token = make_link(app, ended.project_id)
    client = reviewer(app, token)
    assert client.get(f"/archive/{ended.session_id}").status_code == 200
    leader = leader_client(app)
    response = leader.post(
        f"/leader/projects/{ended.project_id}/review-links/{link_id}/revoke"
    )
    assert response.status_code == 302
    assert link_row(app, link_id)["revoked_at"] is not None
    shut = client.get(f"/archive/{ended.session_id}?lang=en")
    assert shut.status_code == 403
    assert "may have been revoked" in shut.text
    again = client.get(f"/review/{token}?lang=en")
    assert again.status_code == 403
    assert "This review link has been revoked" in again.text
    # Revoked twice: said so, and the first moment is kept.
    first = link_row(app, link_id)["revoked_at"]
    twice = leader.post(
        f"/leader/projects/{ended.project_id}/review-links/{link_id}/revoke?lang=en",
        follow_redirects=True,
    )
    assert "already revoked" in twice.text
    assert link_row(app, link_id)["revoked_at"] == first


def test_a_link_opens_its_own_project_only(app):
    ended = ended_session(app)
    other = other_project(app)
    _, token = make_link(app, other)
    client = reviewer(app, token)
    assert client.get(f"/projects/{other}").status_code == 200
    assert client.get(f"/archive/{ended.session_id}").status_code == 403
    assert client.get(f"/projects/{ended.project_id}").status_code == 403
    assert (
        client.get(f"/leader/projects/{ended.project_id}/export.xlsx").status_code
        == 403
    )


def test_a_link_of_another_project_cannot_be_revoked_through_this_one(app):
    ended = ended_session(app)
    other = other_project(app)
    link_id, _ = make_link(app, other)
    leader = leader_client(app)
    response = leader.post(
        f"/leader/projects/{ended.project_id}/review-links/{link_id}/revoke"
    )
    assert response.status_code == 404
    assert link_row(app, link_id)["revoked_at"] is None
    missing = leader.post(
        f"/leader/projects/{ended.project_id}/review-links/999/revoke"
    )
    assert missing.status_code == 404


def test_unknown_tokens_open_nothing(app):
    ended_session(app)
    client = app.test_client()
    for token in ("nope", "x" * 43, "y" * 500):
        response = client.get(f"/review/{token}?lang=en")
        assert response.status_code == 404
        assert "This review link is not known" in response.text
    with client.session_transaction() as cookie:
        assert "review_links" not in cookie


def test_a_label_is_required_and_short(app):
    project_id = ended_session(app).project_id
    leader = leader_client(app)
    url = f"/leader/projects/{project_id}/review-links?lang=en"
    for label, message in (
        ("", "Label is required."),
        ("   \t ", "Label is required."),
        ("x" * 121, "Label is too long: at most 120 characters."),
    ):
        response = leader.post(url, data={"label": label})
        assert response.status_code == 400
        assert message in response.text
        assert "/review/" not in response.text
    missing = leader.post(url, data={})
    assert missing.status_code == 400
    assert link_count(app) == 0
    # 120 is allowed.
    assert leader.post(url, data={"label": "x" * 120}).status_code == 200
    assert link_count(app) == 1


def test_the_forms_need_the_csrf_token(app):
    project_id = ended_session(app).project_id
    link_id, _ = make_link(app, project_id)
    leader = leader_client(app)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        made = leader.post(
            f"/leader/projects/{project_id}/review-links", data={"label": "A"}
        )
        revoked = leader.post(
            f"/leader/projects/{project_id}/review-links/{link_id}/revoke"
        )
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert made.status_code == 400
    assert revoked.status_code == 400
    assert link_count(app) == 1
    assert link_row(app, link_id)["revoked_at"] is None


def test_only_leaders_manage_links(app):
    project_id = ended_session(app).project_id
    link_id, token = make_link(app, project_id)
    url = f"/leader/projects/{project_id}/review-links"
    for client in (app.test_client(), reviewer(app, token)):
        for response in (
            client.get(url),
            client.post(url, data={"label": "Smuggled"}),
            client.post(f"{url}/{link_id}/revoke"),
        ):
            assert response.status_code == 302
            assert response.headers["Location"].startswith("/login")
    assert link_count(app) == 1
    assert link_row(app, link_id)["revoked_at"] is None


def test_a_reviewer_sees_comments_but_no_forms(app):
    ended = ended_session(app)
    leader = leader_client(app)
    leader.post(
        f"/archive/activities/{ended.activity_id}/annotations",
        data={"text": "Samordnare dominerar"},
    )
    leader_page = leader.get(f"/archive/{ended.session_id}?lang=en").text
    assert "Publish to participants" in leader_page
    assert "annotations/" in leader_page  # the edit and remove forms
    _, token = make_link(app, ended.project_id)
    page = reviewer(app, token).get(f"/archive/{ended.session_id}?lang=en")
    assert page.status_code == 200
    assert "Samordnare dominerar" in page.text
    assert "<form" not in page.text
    assert "Publish to participants" not in page.text
    assert "Not published to participants." in page.text
    assert "Read-only review" in page.text
    assert "Download CSV" in page.text
    # The only leader's addresses are the CSV downloads, which reviewers read.
    leader_links = re.findall(r'href="(/leader/[^"]*)"', page.text)
    assert leader_links
    assert all(
        re.fullmatch(r"/leader/activities/\d+/export.csv", u) for u in leader_links
    )


def test_a_reviewer_waits_for_a_running_session_to_end(app):
    ended = ended_session(app)
    with app.app_context():
        running = start("Träff 2")
        kind, activity_id = next(iter(running.ids.items()))
        running.open(kind)
        running.close(kind)  # a frozen outcome the room may not have seen
        session_id = running.id
    _, token = make_link(app, ended.project_id)
    client = reviewer(app, token)
    page = client.get(f"/archive/{session_id}?lang=en")
    assert page.status_code == 403
    assert "This session is still running" in page.text
    assert client.get(f"/leader/activities/{activity_id}/export.csv").status_code == 403
    leader = leader_client(app)
    assert leader.get(f"/archive/{session_id}").status_code == 200
    csv = leader.get(f"/leader/activities/{activity_id}/export.csv", buffered=True)
    assert csv.status_code == 200
