"""Workers starting together: one migrates and seeds, the others wait."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from server import models
from server.config import database_url as driver_url

ROOT = Path(__file__).resolve().parents[2]

MIGRATE = (
    "from server.app import create_app\n"
    "from server.cli import prepare_database\n"
    "app = create_app()\n"
    "with app.app_context(): prepare_database()\n"
)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_concurrent_starts_migrate_and_seed_once(request, tmp_path, backend):
    url = (
        f"sqlite:///{tmp_path / 'race.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    env = {"DATABASE_URL": url, "SECRET_KEY": "x", "PATH": "/usr/bin:/bin"}
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", MIGRATE], cwd=ROOT, env=env, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=60)[1].decode() for p in starts]
    assert [p.returncode for p in starts] == [0] * 4, errors
    engine = create_engine(driver_url(url))
    try:
        with engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(models.Project)) == 1
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == (
                head()
            )
    finally:
        engine.dispose()


def head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    return ScriptDirectory.from_config(config).get_current_head()


def test_the_migrations_build_exactly_the_models(app):
    """A model changed without a migration would work in tests (which migrate)
    only by luck; this compares the migrated schema with the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from server.extensions import db

    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": False, "compare_server_default": False}
        )
        assert compare_metadata(context, db.metadata) == []


def test_roles_merges_move_to_the_role_field(tmp_path):
    """Migration 0004: a Roles activity merged before it still counts the same."""
    from flask_migrate import downgrade, upgrade

    from server.app import create_app
    from server.config import TestConfig
    from server.extensions import db

    class Old(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'old.db'}"

    app = create_app(Old)
    folder = str(ROOT / "migrations")
    with app.app_context():
        upgrade(folder, "0003")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO project (id, name, description, created_at) "
                    "VALUES (1, 'P', '', '2026-01-01')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO meeting (id, project_id, position, title, place) "
                    "VALUES (1, 1, 1, 'Träff 1', '')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO live_session (id, meeting_id, join_code, "
                    "projector_token, status, mode, allow_anonymous, started_at) "
                    "VALUES (1, 1, 'ABCDEF', 't', 'ended', 'meeting', 1, '2026-01-01')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO activity (id, session_id, position, kind, prompt, "
                    "config, state, hide_results, merges, version) VALUES "
                    "(1, 1, 1, 'roles', 'Vem?', '{}', 'closed', 1, "
                    '\'{"samordning": "Samordnare"}\', 3)'
                )
            )
            # An answer points at the activity: a downgrade that rebuilds the
            # table must keep it.
            conn.execute(
                text(
                    "INSERT INTO participant (id, session_id, name, organisation, "
                    "anonymous, quote_by_name, joined_at) "
                    "VALUES (1, 1, 'Anna', '', 0, 0, '2026-01-01')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO submission (id, activity_id, participant_id, "
                    "answer, hidden, starred, created_at, updated_at) VALUES "
                    "(1, 1, 1, '{}', 0, 0, '2026-01-01', '2026-01-01')"
                )
            )
        upgrade(folder, "head")
        row = db.session.get(models.Activity, 1)
        assert row.merges == {"role:samordning": "Samordnare"}
        downgrade(folder, "0003")
        with db.engine.connect() as conn:
            stored = conn.scalar(text("SELECT merges FROM activity WHERE id = 1"))
        assert "role:" not in stored
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT activity_id FROM submission")) == 1
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        db.engine.dispose()
