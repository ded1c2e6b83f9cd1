"""Who reads and who writes: each read route and each write route, for each
kind of visitor. Leaders do everything; a reviewer of the project reads; a
reviewer of another project, a revoked one and an anonymous visitor read
nothing; nobody but a leader writes, and a refused write changes nothing.

Routes are plain strings, so a page still being written shows as an xfail row
that names it, not as an error."""

from dataclasses import dataclass

import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.exceptions import MethodNotAllowed, NotFound

from server import models
from server.extensions import db

from .review_support import (
    ended_session,
    leader_client,
    make_link,
    other_project,
    reviewer,
    revoke,
)

ROLES = ("anonymous", "reviewer", "other_reviewer", "revoked", "leader")
# What a refused read answers: the sign-in page, or a 403 for a reviewer.
DENIED_READ = {"anonymous": 302, "other_reviewer": 403, "revoked": 403}

READS = {
    "archive": "/archive/{session}",
    "csv": "/leader/activities/{activity}/export.csv",
    "xlsx": "/leader/projects/{project}/export.xlsx",
    "json": "/leader/projects/{project}/export.json",
    "timeline": "/projects/{project}",
    "compare": "/projects/{project}/compare",
    "report_html": "/projects/{project}/report.html",
    "report_md": "/projects/{project}/report.md",
    "report_pdf": "/projects/{project}/report.pdf",
}

# (address, form); each changes what `state` reads when a leader sends it.
WRITES = {
    "annotation": ("/archive/activities/{activity}/annotations", {"text": "Bra"}),
    "publish": ("/archive/activities/{activity}/publish", {"published": "on"}),
    "link_create": ("/leader/projects/{project}/review-links", {"label": "Ny"}),
    "link_revoke": ("/leader/projects/{project}/review-links/{link}/revoke", {}),
    "programme": ("/leader/projects/{project}/meetings", {"title": "Träff 5"}),
    "start_session": ("/leader/meetings/{meeting}/sessions", {}),
}


@dataclass
class World:
    app: Flask
    ids: dict[str, int]
    clients: dict

    def url(self, template: str) -> str:
        return template.format(**self.ids)


@pytest.fixture
def world(app) -> World:
    ended = ended_session(app)
    other = other_project(app)
    link_id, token = make_link(app, ended.project_id)
    _, other_token = make_link(app, other)
    gone_id, gone_token = make_link(app, ended.project_id, "Återkallad")
    clients = {
        "anonymous": app.test_client(),
        "reviewer": reviewer(app, token),
        "other_reviewer": reviewer(app, other_token),
        "revoked": reviewer(app, gone_token),
        "leader": leader_client(app),
    }
    revoke(app, ended.project_id, gone_id)
    ids = {
        "project": ended.project_id,
        "session": ended.session_id,
        "activity": ended.activity_id,
        "meeting": ended.meeting_id,
        "link": link_id,
    }
    return World(app, ids, clients)


def exists(app: Flask, path: str, method: str = "GET") -> bool:
    try:
        app.url_map.bind("localhost").match(path, method=method)
    except (NotFound, MethodNotAllowed):
        return False
    return True


def state(app: Flask) -> dict:
    """What the write routes change."""
    with app.app_context():

        def count(model) -> int:
            return db.session.scalar(select(func.count()).select_from(model))

        return {
            "annotations": count(models.Annotation),
            "published": db.session.scalars(
                select(models.Activity.id).where(models.Activity.published.is_(True))
            ).all(),
            "links": count(models.ReviewLink),
            "revoked": db.session.scalar(
                select(func.count())
                .select_from(models.ReviewLink)
                .where(models.ReviewLink.revoked_at.is_not(None))
            ),
            "meetings": count(models.Meeting),
            "sessions": count(models.LiveSession),
        }


@pytest.mark.parametrize("route", READS)
def test_reading(world, route):
    path = world.url(READS[route])
    if not exists(world.app, path):
        pytest.xfail(f"{READS[route]} ({route}) does not exist yet")
    for role in ROLES:
        response = world.clients[role].get(path, buffered=True)
        response.close()  # the workbook's temporary file
        expected = DENIED_READ.get(role, 200)
        assert response.status_code == expected, (role, response.status_code)
        if expected == 302:
            assert response.headers["Location"].startswith("/login"), role
        if expected == 200:
            assert len(response.data) > 0, role


@pytest.mark.parametrize("route", WRITES)
def test_writing(world, route):
    template, form = WRITES[route]
    path = world.url(template)
    assert exists(world.app, path, "POST"), path
    before = state(world.app)
    for role in ROLES[:-1]:  # everyone but the leader
        response = world.clients[role].post(path, data=form)
        assert response.status_code == 302, (role, response.status_code)
        assert response.headers["Location"].startswith("/login"), role
        assert state(world.app) == before, role
    response = world.clients["leader"].post(path, data=form)
    assert response.status_code in (200, 302), response.status_code
    assert state(world.app) != before
