"""Archived sessions: each activity's outcome as it was frozen, read-only, with
the leaders' comments beside it (views/annotations.py)."""

from flask import Blueprint, abort, render_template
from flask_login import login_required

from sessions.annotations import MAX_LENGTH

from .. import annotations, models
from ..extensions import db

bp = Blueprint("archive", __name__)


# Ids in URLs stop at the integer column's largest: a bigger one is no page,
# where PostgreSQL would fail on it.
@bp.get("/archive/<int(max=2147483647):session_id>")
@login_required
def session(session_id: int):
    live_session = db.session.get(models.LiveSession, session_id) or abort(404)
    return render_template(
        "archive/session.html",
        live_session=live_session,
        annotations=annotations.by_activity(live_session.id),
        max_annotation=MAX_LENGTH,
    )
