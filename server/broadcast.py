"""Everything the server sends outside an ack goes through here.

Room names come from ``room`` only. Aggregate snapshots are coalesced: a change
marks its activity dirty, and a background task sends at most one snapshot per
activity per SNAPSHOT_INTERVAL, always including the final state (step 6 and 7
of the submission path).
"""

import logging

from flask import Flask, current_app

from sessions import snapshot as snapshots
from sessions.activity import ActivityState

from . import models, repository
from .extensions import db, socketio
from .freeze import current_snapshot
from .present import activity_view, session_view

log = logging.getLogger(__name__)


def room(audience: str, ident: int) -> str:
    """audience: 'phones', 'projector' or 'leader' of a session, or 'participant'."""
    assert audience in {"phones", "projector", "leader", "participant"}
    return f"{audience}:{ident}"


def session_rooms(session_id: int) -> list[str]:
    return [room(a, session_id) for a in ("phones", "projector", "leader")]


def activity_changed(row: models.Activity) -> None:
    """A leader changed an activity: everyone sees its new state now."""
    view = activity_view(row)
    for r in session_rooms(row.session_id):
        socketio.emit("activity", view, to=r)
    mark_dirty(row.id)


def session_ended(live: models.LiveSession) -> None:
    view = session_view(live)
    for r in session_rooms(live.id):
        socketio.emit("session_ended", view, to=r)


def presence_changed(session_id: int) -> None:
    _coalescer().mark(("presence", session_id))


def mark_dirty(activity_id: int) -> None:
    _coalescer().mark(("activity", activity_id))


def start(app: Flask) -> None:
    """Start the app's ticking task (the server does this at boot)."""
    app.extensions["mellanrum.coalescer"].start(app)


def _coalescer() -> "Coalescer":
    return current_app.extensions["mellanrum.coalescer"]


def send_snapshot(activity_id: int, last_sent: int | None = None) -> int | None:
    """Send the activity's snapshot unless ``last_sent`` is already its version
    (a commit can land just before a tick and be marked again just after it).
    Returns the version sent."""
    row = db.session.get(models.Activity, activity_id)
    if row is None or row.version == last_sent:
        return last_sent
    full = current_snapshot(row)
    public = snapshots.public(full)
    socketio.emit(
        "snapshot", leader_snapshot(row, full), to=room("leader", row.session_id)
    )
    socketio.emit("snapshot", public, to=room("projector", row.session_id))
    if row.state == ActivityState.REVEALED:
        socketio.emit("snapshot", public, to=room("phones", row.session_id))
    return row.version


def leader_snapshot(row: models.Activity, full: dict) -> dict:
    """The leader also gets the submissions, to hide one."""
    subs = db.session.execute(
        db.select(models.Submission, models.Participant)
        .join(models.Participant)
        .where(models.Submission.activity_id == row.id)
        .order_by(models.Submission.updated_at.desc())
    )
    return {
        **full,
        "submissions": [
            {
                "id": sub.id,
                "name": who.name,
                "organisation": who.organisation,
                "answer": sub.answer,
                "hidden": sub.hidden,
            }
            for sub, who in subs
        ],
    }


def send_presence(session_id: int) -> None:
    data = {"session_id": session_id, "joined": repository.joined_count(session_id)}
    socketio.emit("presence", data, to=room("leader", session_id))
    socketio.emit("presence", data, to=room("projector", session_id))


class Coalescer:
    """One per app (app.extensions): what is dirty, and what was last sent."""

    def __init__(self) -> None:
        self._dirty: set[tuple[str, int]] = set()
        self._sent: dict[int, int | None] = {}
        self._app: Flask | None = None

    def mark(self, key: tuple[str, int]) -> None:
        self._dirty.add(key)
        if current_app.config["SNAPSHOT_INTERVAL"] <= 0:
            self.flush()
        else:
            self.start(current_app._get_current_object())  # type: ignore[attr-defined]

    def start(self, app: Flask) -> None:
        """Start the ticking task once; the server starts it at boot so timers
        close on time even before anyone answers."""
        interval = app.config["SNAPSHOT_INTERVAL"]
        if self._app is None and interval > 0:
            self._app = app
            socketio.start_background_task(self._run, app, interval)

    def flush(self) -> None:
        while self._dirty:
            key = self._dirty.pop()
            what, ident = key
            try:
                if what == "activity":
                    self._sent[ident] = send_snapshot(ident, self._sent.get(ident))
                else:
                    send_presence(ident)
            except Exception:
                # Keep the key: the next tick sends the state once the database
                # answers again, so the final state is never skipped.
                self._dirty.add(key)
                db.session.rollback()
                raise

    def _run(self, app: Flask, interval: float) -> None:
        while True:
            socketio.sleep(interval)
            try:
                with app.app_context():
                    close_expired(app)
                    self.flush()
                    db.session.remove()
            except Exception:  # keep broadcasting whatever one tick did
                log.exception("snapshot tick failed")


def close_expired(app: Flask) -> None:
    from .control import close_expired_timers

    for row in close_expired_timers():
        activity_changed(row)
