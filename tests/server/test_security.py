"""Security headers, cookies and CSRF protection (server/security.py,
docs/security.md)."""

import re

import pytest
from sqlalchemy import func, select

from server import models, seed, tokens
from server.app import create_app
from server.cli import prepare_database
from server.config import TestConfig
from server.extensions import db
from server.security import REPORT_POLICY

from .conftest import sign_in


def directives(policy: str) -> dict[str, str]:
    pairs = (part.strip().partition(" ") for part in policy.split(";"))
    return {name: value for name, _, value in pairs}


def test_every_page_carries_a_policy_without_inline_scripts(client):
    for path in ("/", "/join/NOSUCHCODE", "/static/css/app.css", "/login"):
        response = client.get(path)
        response.close()  # the static file's handle
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["script-src"] == "'self'"
        assert policy["style-src"] == "'self'"
        assert "unsafe" not in response.headers["Content-Security-Policy"]
        assert policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        # Socket.IO's WebSocket to the same host
        assert "ws://localhost" in policy["connect-src"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "Strict-Transport-Security" not in response.headers


def test_the_report_download_has_a_policy_of_its_own(app, client):
    sign_in(app, client)
    with app.app_context():
        project_id = db.session.scalar(select(models.Project.id))
    response = client.get(f"/projects/{project_id}/report.html")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == REPORT_POLICY
    assert "script" not in REPORT_POLICY  # default-src 'none': nothing runs
    assert "<script" not in response.get_data(as_text=True)


def cookie(response, name: str) -> str:
    (header,) = [
        value
        for value in response.headers.getlist("Set-Cookie")
        if value.startswith(name + "=")
    ]
    return header


def test_cookies_are_httponly_and_samesite(app, client):
    with app.app_context():
        token = tokens.new_login_token(seed.default_leader())
    signed_in = client.get(f"/login/{token}")
    header = cookie(signed_in, "session")
    assert "HttpOnly" in header and "SameSite=Lax" in header
    assert "Secure" not in header  # plain http: SECURE_COOKIES is off
    # No remember-me cookie outlives a sign-in (docs/accounts.md).
    assert "remember_token" not in str(signed_in.headers.getlist("Set-Cookie"))
    lang = cookie(client.get("/lang/en"), "lang")
    assert "HttpOnly" in lang and "SameSite=Lax" in lang


@pytest.fixture
def secure_app(tmp_path):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'secure.db'}"
        SECURE_COOKIES = True
        SESSION_COOKIE_SECURE = True
        REMEMBER_COOKIE_SECURE = True

    app = create_app(Config)
    with app.app_context():
        prepare_database()
    yield app
    with app.app_context():
        db.engine.dispose()


def test_over_https_cookies_are_secure_and_hsts_is_sent(secure_app):
    client = secure_app.test_client()
    with secure_app.app_context():
        token = tokens.new_login_token(seed.default_leader())
    signed_in = client.get(f"/login/{token}", base_url="https://localhost")
    assert "Secure" in cookie(signed_in, "session")
    lang = client.get("/lang/sv", base_url="https://localhost")
    assert "Secure" in cookie(lang, "lang")
    assert lang.headers["Strict-Transport-Security"].startswith("max-age=")
    policy = directives(lang.headers["Content-Security-Policy"])
    assert "wss://localhost" in policy["connect-src"]
    assert "ws://" not in policy["connect-src"]


@pytest.fixture
def csrf_app(tmp_path):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'csrf.db'}"
        WTF_CSRF_ENABLED = True

    app = create_app(Config)
    with app.app_context():
        prepare_database()
    yield app
    with app.app_context():
        db.engine.dispose()


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def page_token(client, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def test_leader_forms_without_the_csrf_token_are_refused(csrf_app):
    app, client = csrf_app, csrf_app.test_client()
    sign_in(app, client)
    with app.app_context():
        project_id = db.session.scalar(select(models.Project.id))
        meeting_id = db.session.scalar(select(models.Meeting.id))
    forged = {
        "/leader/projects": {"name": "Forged", "theme": "", "start": "empty"},
        f"/leader/meetings/{meeting_id}/sessions": {},
        f"/leader/projects/{project_id}/review-links": {"label": "Forged"},
        f"/leader/projects/{project_id}/meetings": {"title": "Forged"},
        "/logout": {},
    }
    before = {m: count(app, m) for m in (models.Project, models.LiveSession)}
    for path, form in forged.items():
        response = client.post(path + "?lang=en", data=form)
        assert response.status_code == 400, path
        assert "The page has expired" in response.get_data(as_text=True)
    assert {m: count(app, m) for m in before} == before
    assert client.get("/leader/").status_code == 200  # still signed in
    # With the page's token the same form goes through.
    token = page_token(client, "/leader/")
    response = client.post(
        f"/leader/meetings/{meeting_id}/sessions", data={"csrf_token": token}
    )
    assert response.status_code == 302
    assert count(app, models.LiveSession) == before[models.LiveSession] + 1


def test_the_join_api_needs_the_pages_csrf_header(csrf_app):
    client = csrf_app.test_client()
    refused = client.post("/api/join", json={"code": "ZZZZZZZZ", "name": "Anna"})
    assert refused.status_code == 400
    assert refused.json["error"] == "csrf"
    token = page_token(client, "/")
    answered = client.post(
        "/api/join",
        json={"code": "ZZZZZZZZ", "name": "Anna"},
        headers={"X-CSRFToken": token},
    )
    assert answered.json["error"] == "unknown_code"
