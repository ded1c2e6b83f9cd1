"""Archived sessions: each activity's outcome as it was frozen, read-only, with
the leaders' comments beside it (views/annotations.py). Leaders and the
project's reviewers read it (server/access.py); the forms are the leaders'."""

from flask import Blueprint, abort, render_template
from flask_babel import gettext as _
from sqlalchemy import select

from sessions.annotations import MAX_LENGTH
from sessions.live import SessionStatus

from .. import annotations, models
from ..access import Reader, require_reader
from ..extensions import db
from .lookup import ID

bp = Blueprint("archive", __name__)


def readable_session(live_session: models.LiveSession) -> Reader:
    """Who reads this session's archive. A reviewer waits until it has ended:
    while it runs, a closed activity's outcome may still be hidden from the
    room, and it is not archived yet."""
    reader = require_reader(live_session.meeting.project_id)
    if not reader.is_leader and live_session.status != SessionStatus.ENDED:
        abort(403, _("This session is still running: its archive opens when it ends."))
    return reader


# Ids in URLs stop at the integer column's largest: a bigger one is no page,
# where PostgreSQL would fail on it.
@bp.get(f"/archive/<{ID}:session_id>")
def session(session_id: int):
    live_session = db.session.get(models.LiveSession, session_id)
    if live_session is None:
        # No project to ask about: anyone but a leader is sent to sign in.
        require_reader(0)
        abort(404)
    reader = readable_session(live_session)
    return render_template(
        "archive/session.html",
        live_session=live_session,
        reader=reader,
        annotations=annotations.by_activity(live_session.id),
        max_annotation=MAX_LENGTH,
        # Who took part, for a leader's erasing (docs/privacy.md); never a
        # reviewer's to see.
        participants=participants_of(live_session.id) if reader.is_leader else [],
    )


def participants_of(session_id: int) -> list[models.Participant]:
    return list(
        db.session.scalars(
            select(models.Participant)
            .where(models.Participant.session_id == session_id)
            .order_by(models.Participant.joined_at, models.Participant.id)
        )
    )
