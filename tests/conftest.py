"""The fixture chain: app → client → leader / phone / projector socket clients.

Server tests run against SQLite and against the local PostgreSQL (each test gets
a database of its own); set MELLANRUM_TEST_POSTGRES_URL to point elsewhere.
"""

import os
import uuid
from collections.abc import Iterator

import pg8000.native
import pytest
from flask import Flask

from server.app import create_app
from server.config import TestConfig

POSTGRES_ADMIN = os.environ.get(
    "MELLANRUM_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the catalogues when they changed, as `make` does, so a plain
    `pytest` tests the translations that are in the .po files."""
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[1] / "server/translations"
    for po in root.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source, mo.open("wb") as target:
                write_mo(target, read_po(source), use_fuzzy=True)


def _admin_connection() -> pg8000.native.Connection:
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_ADMIN)
    return pg8000.native.Connection(
        user=url.username or "postgres",
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database=url.database or "test",
        password=url.password,
    )


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    from sqlalchemy.engine import make_url

    name = f"mellanrum_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = _admin_connection()
    except Exception as error:  # a required service: fail, never skip
        pytest.fail(f"PostgreSQL is required for this test ({POSTGRES_ADMIN}): {error}")
    admin.run(f'CREATE DATABASE "{name}"')
    try:
        yield (
            make_url(POSTGRES_ADMIN)
            .set(database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        admin.run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = :name",
            name=name,
        )
        admin.run(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


def make_app(database_url: str, **settings: object) -> Flask:
    """An app on ``database_url``, migrated and seeded; ``settings`` override
    TestConfig's (``RATELIMIT_ENABLED=True`` for the tests of the limits)."""
    from server.cli import prepare_database
    from server.config import database_url as driver_url

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = driver_url(database_url)

    for name, value in settings.items():
        setattr(Config, name, value)

    app = create_app(Config)
    with app.app_context():
        prepare_database()
    return app


@pytest.fixture(params=["sqlite", "postgres"])
def app(request, tmp_path) -> Iterator[Flask]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    app = make_app(url)
    yield app
    with app.app_context():
        from server.extensions import db

        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()
