"""Fixtures for tests against a real eventlet server, through client/ only.

Every server is stopped and every client closed, whatever the test did, so no
process, thread or socket outlives its test.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from client import LeaderClient, Participant, Projector, join
from tests.support.server_process import ServerProcess


@pytest.fixture
def database_url(request: pytest.FixtureRequest) -> str:
    """SQLite in the instance folder, unless a test asks for PostgreSQL with
    ``@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)``."""
    if getattr(request, "param", "sqlite") == "postgres":
        return request.getfixturevalue("postgres_url")
    return ""


@pytest.fixture
def start_server(
    tmp_path: Path, database_url: str
) -> Iterator[Callable[..., ServerProcess]]:
    """Start servers on demand: ``start_server()`` for a fresh one, or
    ``start_server(port=p)`` for a restart on the same database and port;
    keywords set environment variables (``SECRET_KEY="other"``)."""
    started: list[ServerProcess] = []

    def start(port: int = 0, **env: str) -> ServerProcess:
        server = ServerProcess(
            tmp_path / "instance", database_url=database_url, port=port, extra_env=env
        )
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def server(start_server: Callable[..., ServerProcess]) -> ServerProcess:
    return start_server()


@pytest.fixture
def closing() -> Iterator[Callable]:
    """``closing(client)`` closes the client at the end of the test."""
    clients: list = []

    def keep(client):
        clients.append(client)
        return client

    yield keep
    for client in reversed(clients):
        client.close()


@pytest.fixture
def leader(server: ServerProcess, closing: Callable) -> LeaderClient:
    """Signed in, with Träff 1's session started and its console connected."""
    console = closing(LeaderClient(server.base_url))
    console.sign_in(server.login_link)
    console.connect(console.start_session())
    return console


@pytest.fixture
def activity_id(leader: LeaderClient) -> int:
    """Träff 1's Roles activity ("Vem är du?"), still a draft."""
    return leader.activity_ids()[0]


@pytest.fixture
def projector(
    server: ServerProcess, leader: LeaderClient, closing: Callable
) -> Projector:
    screen = closing(Projector(server.base_url, leader.projector_token))
    screen.connect()
    return screen


@pytest.fixture
def phone(
    server: ServerProcess, leader: LeaderClient, closing: Callable
) -> Callable[..., Participant]:
    """``phone("Anna")`` joins the session by code and connects its socket."""

    def make(name: str = "Anna", organisation: str = "Region Skåne") -> Participant:
        token, _, _ = join(server.base_url, leader.join_code, name, organisation)
        device = closing(Participant(server.base_url, token))
        device.connect()
        return device

    return make
