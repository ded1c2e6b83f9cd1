"""Engine settings that SQLAlchemy does not make for us, and the lock that keeps
workers from migrating at the same time."""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import InterfaceError, OperationalError

SQLITE_SYNCHRONOUS = {"full": "FULL", "normal": "NORMAL"}[
    os.environ.get("SQLITE_SYNCHRONOUS", "full").lower()
]


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while one writer commits; FULL makes each commit
    # durable before the ack that follows it, even through a power cut. NORMAL
    # survives a killed server but not a power cut, for about a third more
    # answers per second (docs/performance.md).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# What a database that is away raises (refused, dropped or locked connections),
# as opposed to bad data (DataError, IntegrityError), which is a bug or a refusal.
UNAVAILABLE = (OperationalError, InterfaceError)


def invalidate_session() -> None:
    """After UNAVAILABLE: end the request's database session and invalidate its
    connection, so a connection the outage broke never goes back to the pool.
    ``db.session`` is a scoped_session, which has no ``invalidate`` of its own:
    the call goes to the session it holds."""
    from .extensions import db

    db.session().invalidate()


# Any constant will do; it names "Mellanrum's migration" among advisory locks.
MIGRATION_LOCK = 0x4D454C4C


@contextmanager
def migration_lock() -> Iterator[None]:
    from .extensions import db

    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                yield
            finally:
                conn.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK}
                )
                conn.commit()
        return
    lock_file = Path(current_app.instance_path) / "migrate.lock"
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
