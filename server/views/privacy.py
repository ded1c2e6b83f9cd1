"""A participant's "My data" (their phone's token in X-Participant-Token) and a
leader's erasing of one participant (docs/privacy.md, docs/protocol.md)."""

from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    request,
    url_for,
)
from flask_babel import gettext as _

from sessions.errors import DomainError

from .. import live, models, privacy, tokens
from ..authz import leader_required
from ..extensions import db
from ..i18n import error_reply, translate
from ..join_limits import limit_wrong_codes, too_many_attempts
from .lookup import ID
from .published import TOKEN_HEADER

bp = Blueprint("privacy", __name__)
bp.register_error_handler(429, too_many_attempts)  # see public.py

NO_STORE = {"Cache-Control": "no-store"}


def _participant(code: str) -> models.Participant:
    """The participant the request's token names, in the session of ``code``;
    a refusal aborts with the protocol's refusal object."""
    try:
        live_session = live.find_session(code)
        participant = tokens.participant_from_token(request.headers.get(TOKEN_HEADER))
    except DomainError as error:
        status = 404 if error.code == "unknown_code" else 403
        abort(make_response(error_reply(error.code, translate(error)), status))
    if participant.session_id != live_session.id:
        message = _("We do not recognise this phone in the session. Please join again.")
        abort(make_response(error_reply("bad_token", message), 403))
    return participant


@bp.get("/api/sessions/<code>/my-data")
@limit_wrong_codes
def my_data(code: str):
    """Sent by a participant's phone: everything stored about them."""
    participant = _participant(code)
    return {"ok": True, **privacy.my_data(participant)}, 200, NO_STORE


@bp.delete("/api/sessions/<code>/my-data")
@limit_wrong_codes
def erase_my_data(code: str):
    """Sent by a participant's phone after they confirmed: erases them. The
    token names nobody afterwards."""
    participant = _participant(code)
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
