"""Authorisation on everything: every HTTP route and every Socket.IO event, for
every role (docs/accounts.md). The routes come from the app's own URL map and
the events from the Socket.IO server, so a new one that nobody classified
fails here until it is.

Roles: anonymous, a participant (who joined by the code), a projector link, a
reviewer (by review link), a leader of another project, and a leader of the
project. Refused requests and events change nothing."""

from dataclasses import dataclass

import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient
from sqlalchemy import func, select

from server import accounts, live, models, review_links, seed, tokens
from server.extensions import db, socketio
from sessions.builtin import INTEGRATION

from .archive_support import start
from .conftest import join

ROLES = ("anonymous", "participant", "projector", "reviewer", "other_leader", "leader")
# Open to anyone: what a token in the URL or header stands guard over is
# tested where it is made (join codes, projector and review links).
PUBLIC = {
    "static",
    "vendor.asset",
    "public.index",
    "public.join_by_form",
    "public.phone",
    "public.api_join",
    "public.qr",
    "public.set_language",
    "leader.sign_in",
    "leader.sign_in_with_link",
    "accounts.sign_in_with_password",
    "review.enter",
    "projector.show",
    "published.for_participant",
}
# Any signed-in leader: what belongs to no project yet, or to themselves.
ANY_LEADER = {
    "leader.home",
    "leader.sign_out",
    "projects.new",
    "projects.create",
    "project_archive.upload_form",
    "project_archive.upload",
    "accounts.password_form",
    "accounts.set_password",
}
# The project's leaders and its reviewers.
READERS = {
    "archive.session",
    "timeline.project",
    "comparison.index",
    "comparison.series",
    "report.report_html",
    "report.report_markdown",
    "report.report_pdf",
    "exports.activity_csv",
    "exports.project_xlsx",
    "project_archive.download",
}
# Every other route: the project's leaders only.
ALLOWED = {
    "any_leader": {"other_leader", "leader"},
    "readers": {"reviewer", "leader"},
    "leaders": {"leader"},
}
# Events and who may send them; a leader's socket is bound at connect to a
# session of a project they lead (test_connect.py, test_accounts.py).
EVENTS = {
    "open_activity": {"leader"},
    "close_activity": {"leader"},
    "reveal_activity": {"leader"},
    "set_hide_results": {"leader"},
    "hide_submission": {"leader"},
    "merge_words": {"leader"},
    "unmerge_word": {"leader"},
    "edit_lessons_board": {"leader"},
    "star_submission": {"leader"},
    "show_homework": {"leader"},
    "end_session": {"leader"},
    "submit": {"participant"},
    "save_draft": {"participant"},
    "sync": {"participant", "projector", "leader"},
}


def audience(endpoint: str) -> str:
    if endpoint in ANY_LEADER:
        return "any_leader"
    if endpoint in READERS:
        return "readers"
    return "leaders"


@dataclass
class World:
    app: Flask
    ids: dict[str, int]
    clients: dict[str, FlaskClient]
    running_id: int
    projector_token: str
    participant_token: str


def _client(app: Flask, setup) -> FlaskClient:
    client = app.test_client()
    setup(client)
    return client


@pytest.fixture
def world(app) -> World:
    with app.app_context():
        leader = seed.default_leader()
        project_id = db.session.scalar(select(models.Project.id))
        ended = start("Träff 1")
        ended.join("Zelda Zebrasson", "Region Skåne")
        ended.open("roles")
        submission_id = ended.answer("Zelda Zebrasson", "roles", {"roles": ["Mäklare"]})
        live.end_session(ended.row)
        annotation = models.Annotation(
            activity_id=ended.ids["roles"], leader_id=leader.id, text="Bra"
        )
        db.session.add(annotation)
        link, review_token = review_links.create(project_id, leader.id, "Granskare")
        other = seed.load_project(INTEGRATION)  # another project, its own leader
        db.session.flush()
        stranger = accounts.create_leader("Annan Ledare", "annan@example.se")
        accounts.add_member(other.id, stranger.id)
        meeting = db.session.scalar(
            select(models.Meeting).where(
                models.Meeting.project_id == project_id,
                models.Meeting.title == "Träff 2",
            )
        )
        running = live.start_session(meeting, allow_anonymous=True)
        db.session.commit()
        ids = {
            "project_id": project_id,
            "meeting_id": meeting.id,
            "item_id": meeting.items[0].id,
            "session_id": ended.row.id,
            "activity_id": ended.ids["roles"],
            "annotation_id": annotation.id,
            "submission_id": submission_id,
            "link_id": link.id,
            "leader_id": leader.id,
            "series_id": db.session.get(models.Activity, ended.ids["roles"]).series_id,
        }
        leader_token = tokens.new_login_token(leader)
        stranger_token = tokens.new_login_token(stranger)
        running_id, running_code = running.id, running.join_code
        projector = running.projector_token
    participant = app.test_client()
    joined = join(participant, running_code, name="Pia")
    clients = {
        "anonymous": app.test_client(),
        "participant": participant,
        "projector": _client(app, lambda c: c.get(f"/projector/{projector}")),
        "reviewer": _client(app, lambda c: c.get(f"/review/{review_token}")),
        "other_leader": _client(app, lambda c: c.get(f"/login/{stranger_token}")),
        "leader": _client(app, lambda c: c.get(f"/login/{leader_token}")),
    }
    return World(app, ids, clients, running_id, projector, joined.get_json()["token"])


def guarded_rules(app: Flask) -> list:
    rules = [r for r in app.url_map.iter_rules() if r.endpoint not in PUBLIC]
    # Reads before writes (a revoked link reads nothing), and signing out last:
    # it ends the client's sign-in for the rest.
    return sorted(
        rules,
        key=lambda r: ("POST" in r.methods, r.endpoint == "leader.sign_out", r.rule),
    )


def fingerprint(app: Flask) -> dict:
    """Row counts of every table and the project's editable words."""
    with app.app_context():
        counts = {
            table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables
        }
        counts["names"] = sorted(db.session.scalars(select(models.Project.name)))
        counts["titles"] = sorted(db.session.scalars(select(models.Meeting.title)))
        counts["revoked"] = db.session.scalar(
            select(func.count()).where(models.ReviewLink.revoked_at.is_not(None))
        )
        return counts


def request(world: World, role: str, rule) -> tuple[int, str]:
    method = "POST" if "POST" in rule.methods else "GET"
    with world.app.test_request_context():
        path = url_for(rule.endpoint, **{a: world.ids[a] for a in rule.arguments})
    headers = {"X-Participant-Token": world.participant_token}
    response = world.clients[role].open(
        path, method=method, data={}, headers=headers, buffered=True
    )
    response.close()
    return response.status_code, response.headers.get("Location", "")


def refused(status: int, location: str) -> bool:
    return status == 403 or (status in (302, 401) and "/login" in location)


def test_every_route_is_classified_and_guarded(world):
    rules = guarded_rules(world.app)
    assert {r.endpoint for r in rules} >= READERS | ANY_LEADER
    before = fingerprint(world.app)
    for rule in rules:
        for role in set(ROLES) - ALLOWED[audience(rule.endpoint)]:
            status, location = request(world, role, rule)
            assert refused(status, location), (rule.rule, role, status, location)
    assert fingerprint(world.app) == before  # no refused request changed anything
    for rule in rules:
        for role in sorted(ALLOWED[audience(rule.endpoint)]):
            status, location = request(world, role, rule)
            assert not refused(status, location), (rule.rule, role, status, location)


def sockets(world: World) -> dict:
    app = world.app
    return {
        "participant": socketio.test_client(
            app, auth={"participant": world.participant_token}
        ),
        "projector": socketio.test_client(
            app, auth={"projector": world.projector_token}
        ),
        "leader": socketio.test_client(
            app,
            flask_test_client=world.clients["leader"],
            auth={"leader": world.running_id},
        ),
    }


def test_only_the_projects_leaders_open_a_console_socket(world):
    for role in ("anonymous", "participant", "projector", "reviewer", "other_leader"):
        sock = socketio.test_client(
            world.app,
            flask_test_client=world.clients[role],
            auth={"leader": world.running_id},
        )
        assert not sock.is_connected(), role


def test_every_event_is_classified_and_guarded(world):
    registered = set(socketio.server.handlers["/"]) - {"connect", "disconnect"}
    assert registered == set(EVENTS)
    clients = sockets(world)
    try:
        before = fingerprint(world.app)
        for event, senders in EVENTS.items():
            for role, sock in clients.items():
                assert sock.is_connected(), role
                if role in senders or event == "end_session":
                    continue
                ack = sock.emit(event, {}, callback=True)
                assert ack["error"] == "forbidden", (event, role, ack)
        assert fingerprint(world.app) == before
        for event, senders in EVENTS.items():
            for role in senders:
                if event == "end_session":
                    continue  # it would end the session the others use
                ack = clients[role].emit(event, {}, callback=True)
                assert ack.get("error") != "forbidden", (event, role, ack)
    finally:
        for sock in clients.values():
            if sock.is_connected():
                sock.disconnect()


def test_a_console_acts_on_its_own_session_only(world):
    """A leader's socket bound to one session cannot reach another project's
    activity by naming its id."""
    with world.app.app_context():
        other = db.session.scalar(
            select(models.Meeting)
            .join(models.Project)
            .where(models.Project.id != world.ids["project_id"])
            .order_by(models.Meeting.position)
        )
        foreign = live.start_session(other, allow_anonymous=True)
        db.session.commit()
        foreign_activity = foreign.activities[0].id
    sock = sockets(world)["leader"]
    try:
        for event in ("open_activity", "close_activity", "reveal_activity"):
            ack = sock.emit(event, {"activity_id": foreign_activity}, callback=True)
            assert ack["ok"] is False, (event, ack)
        with world.app.app_context():
            assert db.session.get(models.Activity, foreign_activity).state == "draft"
    finally:
        sock.disconnect()
