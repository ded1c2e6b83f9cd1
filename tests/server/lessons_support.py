"""A running session whose programme has a lessons activity ("Vad vi lärt"),
made by the test itself: the built-in programme need not hold one."""

from dataclasses import dataclass

from sqlalchemy import func, select

from server import live, models
from server.extensions import db, socketio

from .conftest import call, join, received, sign_in

PROMPT = "Vad har vi lärt oss?"


@dataclass
class Lessons:
    session_id: int
    code: str
    activity_id: int
    other_id: int  # an activity of another kind in the same session


def start_lessons(app, config: dict | None = None) -> Lessons:
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 4")
        )
        last = max((i.position for i in meeting.items), default=0)
        db.session.add(
            models.ProgrammeItem(
                meeting=meeting,
                position=last + 1,
                kind="lessons",
                prompt=PROMPT,
                config=config if config is not None else {"max_lessons": 2},
            )
        )
        db.session.commit()
        started = live.start_session(meeting, allow_anonymous=True)
        ids = {a.kind: a.id for a in started.activities}
        return Lessons(started.id, started.join_code, ids["lessons"], ids["text"])


class World:
    """The session, its console and the phones a test joins; ``close`` ends
    every socket."""

    def __init__(self, app, client, config: dict | None = None) -> None:
        self.app = app
        self.session = start_lessons(app, config)
        self.activity_id = self.session.activity_id
        sign_in(app, client)
        self.leader = socketio.test_client(
            app, flask_test_client=client, auth={"leader": self.session.session_id}
        )
        self.sockets = [self.leader]

    def phone(self, name: str = "Anna", organisation: str = "Region Skåne"):
        response = join(self.app.test_client(), self.session.code, name, organisation)
        assert response.status_code == 201, response.json
        sock = socketio.test_client(
            self.app, auth={"participant": response.json["token"]}
        )
        self.sockets.append(sock)
        return sock

    def close(self) -> None:
        for sock in self.sockets:
            if sock.is_connected():
                sock.disconnect()


def edit(leader, activity_id: int, **change) -> dict:
    return call(
        leader, "edit_lessons_board", {"activity_id": activity_id, "change": change}
    )


_sent = 0


def submit(phone, activity_id: int, answer: dict) -> dict:
    global _sent
    _sent += 1
    return call(
        phone,
        "submit",
        {
            "activity_id": activity_id,
            "client_id": f"lesson-{_sent:06}",
            "answer": answer,
        },
    )


def lessons_of(*texts: str) -> list[dict]:
    return [{"id": f"l{i}", "text": t} for i, t in enumerate(texts, start=1)]


def stored(app, activity_id: int) -> list[dict]:
    """Every stored answer of the activity, in submission order."""
    with app.app_context():
        return list(
            db.session.scalars(
                select(models.Submission.answer)
                .where(models.Submission.activity_id == activity_id)
                .order_by(models.Submission.id)
            )
        )


def activity_row(app, activity_id: int) -> tuple[dict, int, dict | None]:
    """The activity's board, version and frozen outcome."""
    with app.app_context():
        row = db.session.get(models.Activity, activity_id)
        return dict(row.merges or {}), row.version, row.final_snapshot


def count_submissions(app, activity_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(models.Submission)
            .where(models.Submission.activity_id == activity_id)
        )


def latest_results(leader, activity_id: int) -> dict:
    snaps = [s for s in received(leader, "snapshot") if s["activity_id"] == activity_id]
    return snaps[-1]["results"]
