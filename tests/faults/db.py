"""Reading a real server's database from the test, as the truth to compare with."""

import json

from sqlalchemy import create_engine, text

from server.config import database_url as driver_url
from tests.support.server_process import ServerProcess


def rows(server: ServerProcess, sql: str, **params: object) -> list[tuple]:
    """Run one query on the server's database with a connection of our own."""
    engine = create_engine(driver_url(server.env()["DATABASE_URL"]))
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def as_json(value: object) -> object:
    """A JSON column as Python: SQLite hands back text, pg8000 parsed values."""
    return json.loads(value) if isinstance(value, str) else value


def submissions(server: ServerProcess, activity_id: int) -> dict[int, list[dict]]:
    """Every stored answer to an activity, per participant id."""
    found: dict[int, list[dict]] = {}
    for participant_id, answer in rows(
        server,
        "SELECT participant_id, answer FROM submission WHERE activity_id = :a",
        a=activity_id,
    ):
        found.setdefault(participant_id, []).append(as_json(answer))
    return found


def receipts(server: ServerProcess, session_id: int) -> dict[str, int]:
    """Every applied client id of a session's participants → its participant."""
    return dict(
        rows(
            server,
            "SELECT r.client_id, r.participant_id FROM submit_receipt r "
            "JOIN participant p ON p.id = r.participant_id "
            "WHERE p.session_id = :s",
            s=session_id,
        )
    )


def activity_version(server: ServerProcess, activity_id: int) -> int:
    return rows(server, "SELECT version FROM activity WHERE id = :a", a=activity_id)[0][
        0
    ]
