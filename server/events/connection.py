"""Connecting: a socket says who it is once, in the ``auth`` payload."""

from flask import request
from flask_babel import gettext as _
from flask_login import current_user
from flask_socketio import join_room
from socketio.exceptions import ConnectionRefusedError

from sessions.errors import DomainError

from .. import accounts, broadcast, models, repository, tokens
from ..cookie_session import CONNECTED
from ..database import UNAVAILABLE, invalidate_session
from ..extensions import db, socketio
from ..i18n import translate
from .handling import drop_routing_error
from .identity import SocketIdentity, remember


def _refuse(code: str, message: str) -> ConnectionRefusedError:
    return ConnectionRefusedError(message, {"error": code})


def _identify(auth: dict) -> SocketIdentity:
    if "participant" in auth:
        participant = tokens.participant_from_token(auth["participant"])
        return SocketIdentity("participant", participant.session_id, participant.id)
    if "projector" in auth:
        token = auth["projector"]
        live = (
            repository.session_by_projector_token(token)
            if isinstance(token, str)
            else None
        )
        if live is None:
            raise _refuse("bad_token", _("This projector link is not valid."))
        return SocketIdentity("projector", live.id)
    if "leader" in auth:
        if not current_user.is_authenticated or accounts.sign_in_expired():
            raise _refuse("not_signed_in", _("Sign in as a leader first."))
        session_id = auth["leader"]
        live = (
            db.session.get(models.LiveSession, session_id)
            # bool is an int to Python, but no id: PostgreSQL refuses it.
            if type(session_id) is int and 0 < session_id < 2**31
            else None
        )
        if live is None:
            raise _refuse("unknown_session", _("There is no such session."))
        if not accounts.is_member(current_user.id, live.meeting.project_id):
            raise _refuse(
                "not_your_project", _("You are not a leader of this project.")
            )
        return SocketIdentity("leader", live.id)
    raise _refuse("bad_auth", _("Say who you are when connecting."))


@socketio.on("connect")
def on_connect(auth: object = None) -> None:
    """Sent by every client when its socket (re)connects. Joins it to its rooms;
    refuses a forged or unknown credential with a connect_error."""
    drop_routing_error()
    try:
        who = _identify(auth if isinstance(auth, dict) else {})
    except DomainError as error:
        raise _refuse(error.code, translate(error)) from None
    except UNAVAILABLE:
        invalidate_session()
        raise _refuse(
            "unavailable", _("The server cannot be reached right now. Retrying.")
        ) from None
    remember(who)
    request.environ[CONNECTED] = True  # later events skip the cookie
    audience = {"participant": "phones"}.get(who.role, who.role)
    join_room(broadcast.room(audience, who.session_id))
    if who.participant_id is not None:
        join_room(broadcast.room("participant", who.participant_id))
