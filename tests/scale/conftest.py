"""A cluster as deployed (deploy/): two eventlet workers sharing one PostgreSQL
database and one Redis channel, behind nginx with the deployed site config.

Every process is started by the fixtures and stopped by them, whatever the test
did: clients first, then nginx, the workers, a private Redis, the database.
"""

import secrets
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis

from client import LeaderClient, Participant, join
from tests.support.server_process import ServerProcess

from .database import Database
from .processes import Nginx

WORKERS = 2
SHARED_REDIS = "redis://127.0.0.1:6379/0"
HEARTBEAT = 1  # seconds between each worker's re-sends of the current state
# Polling first, then the upgrade to a websocket: both need sticky routing.
BOTH = ("polling", "websocket")
FAILED = pytest.StashKey[bool]()  # the test's own call failed: show the logs


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


@dataclass
class Cluster:
    workers: list[ServerProcess]
    nginx: Nginx
    db: Database
    redis_url: str
    channel: str

    @property
    def base_url(self) -> str:
        """The public address: nginx."""
        return self.nginx.base_url

    def login_link(self) -> str:
        """A worker's one-time sign-in link, to be spent through nginx."""
        return self.base_url + urlsplit(self.workers[0].login_link).path

    def logs(self) -> str:
        parts = [
            f"--- worker {i + 1} (:{w.port})\n" + "".join(w.output[-60:])
            for i, w in enumerate(self.workers)
        ]
        return "\n".join([*parts, "--- nginx", self.nginx.logs()])


@pytest.fixture
def redis_url() -> str:
    """The shared Redis (a unique channel keeps tests apart); a module can
    override this fixture with a private one."""
    try:
        with redis.Redis.from_url(SHARED_REDIS, socket_timeout=2) as r:
            r.ping()
    except redis.RedisError as error:  # a required service: fail, never skip
        pytest.fail(f"Redis is required for this test ({SHARED_REDIS}): {error}")
    return SHARED_REDIS


@pytest.fixture
def cluster(
    request: pytest.FixtureRequest, tmp_path: Path, postgres_url: str, redis_url: str
) -> Iterator[Cluster]:
    channel = f"mellanrum-test-{uuid.uuid4().hex[:12]}"
    env = {
        # All workers MUST share it (deploy/mellanrum.env.example).
        "SECRET_KEY": secrets.token_urlsafe(32),
        "REDIS_URL": redis_url,
        "SOCKETIO_CHANNEL": channel,
        "SNAPSHOT_HEARTBEAT": str(HEARTBEAT),
    }
    workers = [
        ServerProcess(
            tmp_path / f"worker{i + 1}", database_url=postgres_url, extra_env=env
        )
        for i in range(WORKERS)
    ]
    nginx = Nginx(tmp_path / "nginx", [])
    db = Database(postgres_url)
    built = Cluster(workers, nginx, db, redis_url, channel)
    try:
        # Together, as systemd starts them: they take turns to migrate.
        with ThreadPoolExecutor(WORKERS) as pool:
            for started in [pool.submit(w.start) for w in workers]:
                started.result()
        nginx.worker_ports = [w.port for w in workers]
        nginx.start()
        yield built
    finally:
        if request.node.stash.get(FAILED, False):
            print(built.logs())
        nginx.stop()
        for worker in workers:
            worker.stop()
        db.close()


@pytest.fixture
def closing(cluster: Cluster) -> Iterator[Callable]:
    """``closing(client)`` closes the client at the end of the test, before the
    cluster stops."""
    clients: list = []

    def keep(client):
        clients.append(client)
        return client

    yield keep
    for client in reversed(clients):
        client.close()


@pytest.fixture
def leader(cluster: Cluster, closing: Callable) -> LeaderClient:
    """Signed in through nginx, Träff 1's session started, its console connected
    through nginx with polling then websocket."""
    console = closing(LeaderClient(cluster.base_url, transports=BOTH))
    console.sign_in(cluster.login_link())
    console.connect(console.start_session())
    return console


@pytest.fixture
def phone(cluster: Cluster, leader: LeaderClient, closing: Callable):
    """``phone(name, org, on=base_url)`` joins through nginx (as a phone does:
    HTTP from the public address) and connects its socket to ``on``."""

    def make(
        name: str, organisation: str, on: str | None = None, **options: object
    ) -> Participant:
        token, _, _ = join(cluster.base_url, leader.join_code, name, organisation)
        device = closing(Participant(on or cluster.base_url, token, **options))
        device.connect()
        return device

    return make
