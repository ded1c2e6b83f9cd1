"""Readers for the review tests: an ended session of the built-in project, a
second project, review links and the clients that entered them."""

from dataclasses import dataclass

from flask import Flask
from flask.testing import FlaskClient

from server import accounts, live, models, review_links, seed
from server.extensions import db

from .archive_support import builtin_project, start
from .conftest import sign_in


@dataclass(frozen=True)
class Ended:
    project_id: int
    session_id: int
    activity_id: int  # the roles activity: answered and frozen
    meeting_id: int


def ended_session(app: Flask) -> Ended:
    """Träff 1 run with one answer, and ended."""
    with app.app_context():
        run = start("Träff 1")
        run.join("Zelda Zebrasson", "Region Skåne")
        run.open("roles")
        run.answer("Zelda Zebrasson", "roles", {"roles": ["Samordnare"]})
        live.end_session(run.row)
        row = run.row
        return Ended(builtin_project().id, row.id, run.ids["roles"], row.meeting_id)


def other_project(app: Flask) -> int:
    with app.app_context():
        project = models.Project(name="Ett annat projekt")
        db.session.add(project)
        db.session.flush()
        accounts.add_member(project.id, seed.default_leader().id)
        db.session.commit()
        return project.id


def make_link(app: Flask, project_id: int, label: str = "Utvärderare") -> tuple:
    """A review link of the project: (its id, its token)."""
    with app.app_context():
        row, token = review_links.create(project_id, seed.default_leader().id, label)
        return row.id, token


def reviewer(app: Flask, token: str) -> FlaskClient:
    """A client that came in by the link."""
    client = app.test_client()
    response = client.get(f"/review/{token}")
    assert response.status_code == 302, response.status_code
    return client


def leader_client(app: Flask) -> FlaskClient:
    client = app.test_client()
    sign_in(app, client)
    return client


def revoke(app: Flask, project_id: int, link_id: int) -> None:
    with app.app_context():
        assert review_links.revoke(project_id, link_id) is True


def link_row(app: Flask, link_id: int) -> dict:
    with app.app_context():
        row = db.session.get(models.ReviewLink, link_id)
        return {
            "label": row.label,
            "token_hash": row.token_hash,
            "revoked_at": row.revoked_at,
            "last_used_at": row.last_used_at,
        }
