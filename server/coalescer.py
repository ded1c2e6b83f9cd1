"""Steps 6 and 7 of the submission path: changes mark an activity dirty, and one
task per worker sends at most one snapshot per activity per SNAPSHOT_INTERVAL,
always ending on the latest state. The same task closes activities whose timer
ran out, and every SNAPSHOT_HEARTBEAT sends each running session's state again.
"""

import logging
import time

from flask import Flask, current_app

from . import broadcast
from .database import UNAVAILABLE, invalidate_session
from .extensions import db, socketio

log = logging.getLogger(__name__)


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
                    last = self._sent.get(ident)
                    self._sent[ident] = broadcast.send_snapshot(ident, last)
                else:
                    broadcast.send_presence(ident)
            except Exception:
                # Keep the key: the next tick sends the state once the database
                # answers again, so the final state is never skipped.
                self._dirty.add(key)
                raise

    def _run(self, app: Flask, interval: float) -> None:
        every = app.config["SNAPSHOT_HEARTBEAT"]
        next_heartbeat = time.monotonic() + every
        outage = False  # say so once when the database goes away, once when back
        while True:
            socketio.sleep(interval)
            with app.app_context():
                try:
                    broadcast.close_expired(app)
                    self.flush()
                    if every > 0 and time.monotonic() >= next_heartbeat:
                        next_heartbeat = time.monotonic() + every
                        broadcast.heartbeat()
                except UNAVAILABLE:
                    invalidate_session()
                    if not outage:
                        log.warning("database unavailable; snapshots wait for it")
                    outage = True
                    continue
                except Exception:  # keep ticking whatever one tick did
                    db.session.rollback()
                    log.exception("snapshot tick failed")
                    continue
            if outage:
                log.warning("database back; snapshots resume")
                outage = False
