"""Put an item into a meeting's programme in a running server's database, as
the programme editor would: tests of a kind the built-in programme does not
hold make their own item before starting a session."""

from sqlalchemy import select

from tests.support.server_process import ServerProcess


def add_item(
    server: ServerProcess,
    meeting_title: str,
    kind: str,
    prompt: str,
    config: dict | None = None,
    *,
    hide_results: bool = True,
) -> None:
    """Append the item to the meeting's programme (a session started after
    this copies it)."""
    from server import models
    from server.app import create_app
    from server.config import TestConfig, database_url
    from server.extensions import db

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = database_url(server.env()["DATABASE_URL"])

    app = create_app(Config)
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == meeting_title)
        )
        last = max((item.position for item in meeting.items), default=0)
        db.session.add(
            models.ProgrammeItem(
                meeting=meeting,
                position=last + 1,
                kind=kind,
                prompt=prompt,
                config=config or {},
                hide_results=hide_results,
            )
        )
        db.session.commit()
        db.engine.dispose()
