"""HTTP pages: who may open what, sign-in links, starting a session, the archive."""

from datetime import timedelta

from sqlalchemy import select

from server import models, seed, tokens
from server.extensions import db
from server.timeutil import utcnow

from .conftest import call, roles, sign_in


def meeting_id(app, title="Träff 1"):
    with app.app_context():
        return db.session.scalar(
            select(models.Meeting.id).where(models.Meeting.title == title)
        )


def test_public_pages(client, running):
    assert client.get("/").status_code == 200
    page = client.get(f"/join/{running.code.lower()}")
    assert page.status_code == 200
    assert 'name="csrf-token"' in page.text
    assert client.get("/join/NOSUCH").status_code == 404
    assert (
        client.get(f"/join?code={running.code}")
        .headers["Location"]
        .endswith(f"/join/{running.code}")
    )
    assert client.get("/join?code=").status_code == 400


def test_qr_code_points_at_the_join_page(client, running):
    response = client.get(f"/qr/{running.code}.svg")
    assert response.status_code == 200
    assert response.content_type.startswith("image/svg+xml")
    assert "<svg" in response.text
    assert f"/join/{running.code}" in response.text


def test_leader_pages_need_sign_in(client, running):
    for url in ("/leader/", f"/leader/sessions/{running.id}", f"/archive/{running.id}"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]
    response = client.post(
        f"/leader/meetings/{meeting_id(client.application)}/sessions"
    )
    assert response.status_code == 302


def test_a_sign_in_link_works_once(app, client):
    with app.app_context():
        token = tokens.new_login_token(seed.default_leader())
    assert client.get(f"/login/{token}").status_code == 302
    assert client.get("/leader/").status_code == 200
    other = app.test_client()
    assert other.get(f"/login/{token}").status_code == 403
    assert other.get("/login/not-a-token").status_code == 403


def test_an_expired_sign_in_link_is_refused(app, client):
    with app.app_context():
        token = tokens.new_login_token(seed.default_leader())
        for row in db.session.scalars(select(models.LoginToken)):
            row.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    assert client.get(f"/login/{token}").status_code == 403


def test_the_leader_starts_a_session_and_opens_the_console(app, client):
    sign_in(app, client)
    home = client.get("/leader/")
    assert "Träff 1" in home.text
    response = client.post(
        f"/leader/meetings/{meeting_id(app)}/sessions", data={"allow_anonymous": "on"}
    )
    assert response.status_code == 302
    console = client.get(response.headers["Location"])
    assert console.status_code == 200
    with app.app_context():
        started = db.session.scalar(select(models.LiveSession))
        assert started.allow_anonymous is True
        assert [a.kind for a in started.activities] == ["roles", "scale"]
        assert started.join_code in console.text
        assert started.projector_token in console.text
    assert client.post("/leader/meetings/9999/sessions").status_code == 404


def test_starting_a_session_needs_the_csrf_token(app, client):
    sign_in(app, client)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = client.post(f"/leader/meetings/{meeting_id(app)}/sessions")
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(models.LiveSession)) is None


def test_join_api_needs_the_csrf_token_when_enabled(app, client, running):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = client.post("/api/join", json={"code": running.code, "name": "A"})
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400
    assert response.json["error"] == "csrf"


def test_projector_link(client, running):
    assert client.get(f"/projector/{running.projector_token}").status_code == 200
    assert client.get("/projector/guessed").status_code == 404


def test_the_archive_shows_the_frozen_outcome(app, client, leader, phone, running):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act})
    for i, word in enumerate(["Nätverkare", "nätverkare ", "Visionär"]):
        ack = call(
            phone(f"P{i}"),
            "submit",
            {"activity_id": act, "client_id": f"client-{i:04d}", "answer": roles(word)},
        )
        assert ack["ok"]
    assert call(leader, "end_session")["ok"]
    assert (
        client.get(f"/leader/sessions/{running.id}")
        .headers["Location"]
        .endswith(f"/archive/{running.id}")
    )
    page = client.get(f"/archive/{running.id}")
    assert page.status_code == 200
    bars = page.text[page.text.index('class="bars"') :]
    assert bars.index("Nätverkare") < bars.index("Visionär")
    assert '<span class="bar-count">2</span>' in bars


def test_vendor_files_come_from_node_modules_and_nothing_else(client):
    for name in ("socket.io.esm.min.js", "d3.layout.cloud.js"):
        with client.get(f"/vendor/{name}") as response:  # closes the file
            assert response.status_code == 200
    assert client.get("/vendor/package.json").status_code == 404
    assert client.get("/vendor/..%2Fpackage.json").status_code == 404


def test_language_choice_sets_a_cookie_and_stays_on_site(client):
    response = client.get("/lang/en?next=/join")
    assert response.headers["Location"].endswith("/join")
    assert "lang=en" in response.headers["Set-Cookie"]
    assert client.get("/lang/en?next=//evil.example").headers["Location"] == "/"
    assert client.get("/lang/xx").status_code == 404


def test_behind_a_proxy_join_links_use_the_public_scheme_and_host(tmp_path):
    from server.config import TestConfig
    from tests.conftest import make_app

    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "mote.example.se"}
    plain = make_app(f"sqlite:///{tmp_path / 'a.db'}").test_client()
    assert "http://localhost/join/ABC" in plain.get("/qr/ABC.svg", headers=headers).text

    TestConfig.BEHIND_PROXY = True
    try:
        proxied = make_app(f"sqlite:///{tmp_path / 'b.db'}").test_client()
    finally:
        TestConfig.BEHIND_PROXY = False
    svg = proxied.get("/qr/ABC.svg", headers=headers).text
    assert "https://mote.example.se/join/ABC" in svg


def test_the_archive_says_which_organisations_named_a_word(
    app, client, leader, phone, running
):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act})
    for i, org in enumerate(["Region Halland", "Region Skåne", "Region Skåne"]):
        ack = call(
            phone(f"P{i}", org),
            "submit",
            {
                "activity_id": act,
                "client_id": f"client-{i:04d}",
                "answer": roles("Nav"),
            },
        )
        assert ack["ok"]
    call(leader, "end_session")
    page = client.get(f"/archive/{running.id}").text
    assert "Region Skåne 2 · Region Halland 1" in page
