"""Engine settings that SQLAlchemy does not make for us."""

from sqlalchemy import Engine, event
from sqlalchemy.exc import InterfaceError, OperationalError


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while one writer commits; FULL makes each commit
    # durable before the ack that follows it.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# What a database that is away raises (refused, dropped or locked connections),
# as opposed to bad data (DataError, IntegrityError), which is a bug or a refusal.
UNAVAILABLE = (OperationalError, InterfaceError)
