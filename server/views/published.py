"""Publishing archived outcomes to a session's participants (docs/review.md):
the leader's form on the archive page, and the endpoint the phone asks once
the session has ended (docs/protocol.md)."""

from flask import Blueprint, abort, flash, make_response, request
from flask_babel import gettext as _

from sessions.errors import DomainError
from sessions.live import SessionStatus

from .. import live, models, tokens
from ..authz import leader_required
from ..extensions import db
from ..i18n import error_reply, translate
from ..join_limits import limit_wrong_codes, too_many_attempts
from ..published import published_view, set_published
from .annotations import back_to
from .lookup import ID

bp = Blueprint("published", __name__)
bp.register_error_handler(429, too_many_attempts)  # see public.py

# The phone sends its participant token here (never in the URL, which ends up
# in logs).
TOKEN_HEADER = "X-Participant-Token"


@bp.post(f"/archive/activities/<{ID}:activity_id>/publish")
@leader_required
def toggle(activity_id: int):
    """``published=on`` publishes, its absence unpublishes."""
    activity = db.session.get(models.Activity, activity_id) or abort(404)
    published = request.form.get("published") == "on"
    try:
        set_published(activity, published)
    except DomainError as error:
        flash(translate(error), "error")
        return back_to(activity, anchored=False)
    if published:
        flash(_("The outcome is published to the session’s participants."), "info")
    else:
        flash(_("The outcome is no longer shown to participants."), "info")
    return back_to(activity)


def participant_of(code: str) -> models.Participant:
    """The participant the request's X-Participant-Token names, in the session
    of ``code``: else it aborts with the protocol's refusal (404 for a code
    that is no session, 403 for a token that is not of it)."""
    try:
        live_session = live.find_session(code)
        participant = tokens.participant_from_token(request.headers.get(TOKEN_HEADER))
    except DomainError as error:
        status = 404 if error.code == "unknown_code" else 403
        abort(make_response(error_reply(error.code, translate(error)), status))
    if participant.session_id != live_session.id:
        # A token of another session: this phone is no participant here.
        message = _("We do not recognise this phone in the session. Please join again.")
        abort(make_response(error_reply("bad_token", message), 403))
    return participant


@bp.get("/api/sessions/<code>/published")
@limit_wrong_codes
def for_participant(code: str):
    """Sent by a participant's phone (static/js/phone_published.js) once the
    session has ended, with its token in the X-Participant-Token header.
    Answers the outcomes the leader published, without names."""
    participant = participant_of(code)
    live_session = db.session.get(models.LiveSession, participant.session_id)
    ended = live_session.status == SessionStatus.ENDED
    body = {
        "ok": True,
        "ended": ended,
        # Nothing is published while the session runs (set_published refuses).
        "activities": published_view(live_session.id) if ended else [],
    }
    return body, 200, {"Cache-Control": "no-store"}
