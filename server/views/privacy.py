"""A participant's "My data" (their phone's token in X-Participant-Token) and a
leader's erasing of one participant (docs/privacy.md, docs/protocol.md)."""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    url_for,
)
from flask_babel import gettext as _

from .. import models, privacy
from ..authz import leader_required
from ..extensions import db
from ..join_limits import limit_wrong_codes, too_many_attempts
from .lookup import ID
from .published import participant_of

bp = Blueprint("privacy", __name__)
bp.register_error_handler(429, too_many_attempts)  # see public.py

NO_STORE = {"Cache-Control": "no-store"}


@bp.get("/api/sessions/<code>/my-data")
@limit_wrong_codes
def my_data(code: str):
    """Sent by a participant's phone: everything stored about them."""
    participant = participant_of(code)
    return {"ok": True, **privacy.my_data(participant)}, 200, NO_STORE


@bp.delete("/api/sessions/<code>/my-data")
@limit_wrong_codes
def erase_my_data(code: str):
    """Sent by a participant's phone after they confirmed: erases them. The
    token names nobody afterwards."""
    participant = participant_of(code)
    privacy.erase_participant(participant)
    return {"ok": True, "erased": True}, 200, NO_STORE


@bp.post(f"/leader/participants/<{ID}:participant_id>/erase")
@leader_required
def erase(participant_id: int):
    """The leader's form on the archive page (it asks first)."""
    participant = db.session.get(models.Participant, participant_id) or abort(404)
    session_id = participant.session_id
    privacy.erase_participant(participant)
    flash(_("The participant and their answers are erased."), "info")
    return redirect(url_for("archive.session", session_id=session_id))
