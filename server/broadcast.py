"""Everything the server sends outside an ack goes through here.

Room names come from ``room`` only. Aggregate snapshots are coalesced: a change
marks its activity dirty here, and the coalescer (coalescer.py) sends at most one
snapshot per activity per SNAPSHOT_INTERVAL, always including the final state
(steps 6 and 7 of the submission path).
"""

import logging
from typing import TYPE_CHECKING

from flask import Flask, current_app
from sqlalchemy import select

from sessions import snapshot as snapshots
from sessions.activity import ActivityState

from . import freeze, models, repository
from .extensions import db, socketio
from .present import activity_view, session_view

if TYPE_CHECKING:
    from .coalescer import Coalescer

log = logging.getLogger(__name__)


def room(audience: str, ident: int) -> str:
    """audience: 'phones', 'projector' or 'leader' of a session, or 'participant'."""
    assert audience in {"phones", "projector", "leader", "participant"}
    return f"{audience}:{ident}"


def session_rooms(session_id: int) -> list[str]:
    return [room(a, session_id) for a in ("phones", "projector", "leader")]


def _emit_to_session(event: str, data: dict, session_id: int) -> None:
    """Emit after a commit. A failure here must not turn a committed change into
    an error for its sender; the heartbeat sends the state again later."""
    for r in session_rooms(session_id):
        try:
            socketio.emit(event, data, to=r)
        except Exception:
            log.exception("could not send %s to %s", event, r)


def activity_changed(row: models.Activity) -> None:
    """A leader changed an activity: everyone sees its new state now."""
    _emit_to_session("activity", activity_view(row), row.session_id)
    mark_dirty(row.id)


def session_ended(live: models.LiveSession) -> None:
    _emit_to_session("session_ended", session_view(live), live.id)


def presence_changed(session_id: int) -> None:
    _coalescer().mark(("presence", session_id))


def participant_erased(participant_id: int) -> None:
    """Tells the erased participant's phones, which forget their token and
    show the join form (their answers are gone; nothing is left to send)."""
    socketio.emit("erased", {}, to=room("participant", participant_id))


def mark_dirty(activity_id: int) -> None:
    _coalescer().mark(("activity", activity_id))


def start(app: Flask) -> None:
    """Start the app's ticking task (the server does this at boot)."""
    app.extensions["mellanrum.coalescer"].start(app)


def _coalescer() -> "Coalescer":
    return current_app.extensions["mellanrum.coalescer"]


def heartbeat() -> None:
    """Send every running session's current state again, version unchanged:
    clients drop what they have and take what they missed."""
    running = db.session.scalars(
        select(models.LiveSession).where(
            models.LiveSession.status == "running",
            models.LiveSession.current_activity_id.is_not(None),
        )
    )
    for live in running:
        row = db.session.get(models.Activity, live.current_activity_id)
        _emit_to_session("activity", activity_view(row), live.id)
        send_snapshot(row.id)
        send_presence(live.id)


def send_snapshot(activity_id: int, last_sent: int | None = None) -> int | None:
    """Send the activity's snapshot unless ``last_sent`` is already its version
    (a commit can land just before a tick and be marked again just after it).
    Returns the version sent."""
    # A shared lock on the row: a submit bumps the version under the row lock,
    # so none commits while the answers are read, and the answers counted are
    # exactly those of this version (PostgreSQL; a SQLite worker does not yield
    # between these statements).
    row = db.session.get(
        models.Activity,
        activity_id,
        populate_existing=True,
        with_for_update={"read": True},
    )
    if row is None or row.version == last_sent:
        db.session.commit()
        return last_sent
    session_id, version, revealed = row.session_id, row.version, row.state
    full, for_leader = freeze.snapshots(row)
    showing = shown_in(activity_id, session_id)
    # Release the lock before sending: a publish can wait on Redis.
    db.session.commit()
    public = snapshots.public(full)
    socketio.emit("snapshot", for_leader, to=room("leader", session_id))
    socketio.emit("snapshot", public, to=room("projector", session_id))
    if revealed == ActivityState.REVEALED:
        socketio.emit("snapshot", public, to=room("phones", session_id))
    # A homework shown at a meeting: that meeting's projector and console follow
    # it as late answers arrive.
    for other in showing:
        socketio.emit("snapshot", for_leader, to=room("leader", other))
        socketio.emit("snapshot", public, to=room("projector", other))
    return version


def shown_in(activity_id: int, own_session_id: int) -> list[int]:
    """Running sessions other than its own whose current activity this is."""
    return list(
        db.session.scalars(
            select(models.LiveSession.id).where(
                models.LiveSession.current_activity_id == activity_id,
                models.LiveSession.status == "running",
                models.LiveSession.id != own_session_id,
            )
        )
    )


def homework_shown(live: models.LiveSession, row: models.Activity) -> None:
    """A meeting's console put a homework on its projector. Its snapshot goes
    to this meeting now: the coalescer sends only versions it has not sent."""
    _emit_to_session("activity", activity_view(row), live.id)
    full, for_leader = freeze.snapshots(row)
    db.session.commit()
    socketio.emit("snapshot", for_leader, to=room("leader", live.id))
    socketio.emit("snapshot", snapshots.public(full), to=room("projector", live.id))


def send_presence(session_id: int) -> None:
    data = {"session_id": session_id, "joined": repository.joined_count(session_id)}
    socketio.emit("presence", data, to=room("leader", session_id))
    socketio.emit("presence", data, to=room("projector", session_id))


def close_expired(app: Flask) -> None:
    from .control import close_expired_timers

    for row in close_expired_timers():
        activity_changed(row)
