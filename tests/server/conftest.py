"""Socket.IO test clients for the three audiences of one running session."""

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from server import live, models, seed, tokens
from server.extensions import db, socketio


@dataclass
class Running:
    id: int
    code: str
    projector_token: str
    activity_id: int


@pytest.fixture
def running(app) -> Running:
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 1")
        )
        started = live.start_session(meeting, allow_anonymous=True)
        return Running(
            started.id,
            started.join_code,
            started.projector_token,
            started.activities[0].id,
        )


def sign_in(app, client) -> None:
    with app.app_context():
        token = tokens.new_login_token(seed.default_leader())
    assert client.get(f"/login/{token}").status_code == 302


@pytest.fixture
def leader(app, client, running):
    sign_in(app, client)
    sock = socketio.test_client(
        app, flask_test_client=client, auth={"leader": running.id}
    )
    assert sock.is_connected()
    yield sock
    if sock.is_connected():
        sock.disconnect()


def join(client, code, name="Anna", organisation="Region Skåne", **extra):
    return client.post(
        "/api/join",
        json={"code": code, "name": name, "organisation": organisation, **extra},
    )


@pytest.fixture
def phone(app, running):
    """Make a phone: join over HTTP, then connect with the token."""
    made = []

    def make(name="Anna", organisation="Region Skåne"):
        response = join(app.test_client(), running.code, name, organisation)
        assert response.status_code == 201, response.json
        sock = socketio.test_client(app, auth={"participant": response.json["token"]})
        assert sock.is_connected()
        sock.token = response.json["token"]
        made.append(sock)
        return sock

    yield make
    for sock in made:
        if sock.is_connected():
            sock.disconnect()


@pytest.fixture
def projector(app, running):
    sock = socketio.test_client(app, auth={"projector": running.projector_token})
    assert sock.is_connected()
    yield sock
    if sock.is_connected():
        sock.disconnect()


def call(sock, event, payload=None):
    """Emit and return the ack."""
    if payload is None:
        return sock.emit(event, callback=True)
    return sock.emit(event, payload, callback=True)


def received(sock, name):
    return [m["args"][0] for m in sock.get_received() if m["name"] == name]


def roles(*words):
    return {"roles": list(words)}
