"""The servers under test, each a child process on 127.0.0.1, always stopped.

The real server is started as the live tests start it
(tests/support/server_process.py). With two workers they share a fresh
PostgreSQL database and a Redis channel of their own, both gone afterwards.
"""

import contextlib
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from tests.support.server_process import ROOT, ServerProcess, free_port

POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/0"
SNAPSHOT_INTERVAL = "0.2"  # the production default, not the live tests' 0.1


@contextlib.contextmanager
def fresh_postgres(admin_url: str = POSTGRES_ADMIN) -> Iterator[str]:
    """A new PostgreSQL database for one run, dropped afterwards."""
    import pg8000.native
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    admin = pg8000.native.Connection(
        user=url.username or "postgres",
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database=url.database or "test",
        password=url.password,
    )
    name = f"mellanrum_bench_{uuid.uuid4().hex[:12]}"
    admin.run(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        admin.run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = :name",
            name=name,
        )
        admin.run(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@contextlib.contextmanager
def real_servers(workers: int) -> Iterator[tuple[list[ServerProcess], str]]:
    """``workers`` real servers and the database URL they use. One worker runs
    on SQLite; two share PostgreSQL and Redis."""
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        env = {"SNAPSHOT_INTERVAL": SNAPSHOT_INTERVAL}
        if workers == 1:
            url = f"sqlite:///{folder / 'mellanrum.db'}"
        else:
            url = stack.enter_context(fresh_postgres())
            env["REDIS_URL"] = REDIS_URL
            env["SOCKETIO_CHANNEL"] = f"mellanrum-bench-{uuid.uuid4().hex[:12]}"
        servers: list[ServerProcess] = []
        stack.callback(lambda: [s.stop() for s in servers])
        for n in range(workers):
            # One at a time: each upgrades the schema on start.
            server = ServerProcess(folder / f"w{n}", database_url=url, extra_env=env)
            servers.append(server)
            server.start(timeout=60)
        yield servers, url


@contextlib.contextmanager
def bare_server() -> Iterator[tuple[subprocess.Popen, str]]:
    """bench/bare_server.py in a child process; yields it and its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.bare_server", "--port", str(port)],
        cwd=ROOT,
        env={"SNAPSHOT_INTERVAL": SNAPSHOT_INTERVAL, "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the bare server did not start") from None
                time.sleep(0.05)
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
