"""Archived sessions: each activity's outcome as it was frozen, read-only."""

from flask import Blueprint, abort, render_template
from flask_login import login_required

from .. import models
from ..extensions import db

bp = Blueprint("archive", __name__)


@bp.get("/archive/<int:session_id>")
@login_required
def session(session_id: int):
    live_session = db.session.get(models.LiveSession, session_id) or abort(404)
    return render_template("archive/session.html", live_session=live_session)
