"""The one wrapper every Socket.IO event handler goes through.

It checks who sent the event and the payload's shape (step 2 of the submission
path), turns refusals into an ack the page shows in words, and rolls back whatever
a refused event began, so a refusal changes nothing.
"""

import functools
import logging
from collections.abc import Callable

from flask import request
from flask_babel import gettext as _
from flask_login import current_user
from pydantic import ValidationError

from sessions.errors import DomainError

from .. import accounts
from ..authz import PROJECT_OF
from ..database import UNAVAILABLE, invalidate_session
from ..extensions import db
from ..i18n import error_reply, translate
from ..payloads import Empty, Payload
from . import identity
from .identity import SocketIdentity

log = logging.getLogger(__name__)

Handler = Callable[[SocketIdentity, Payload], dict]


def handler(
    *roles: str, payload: type[Payload] = Empty
) -> Callable[[Handler], Callable]:
    def wrap(fn: Handler) -> Callable:
        @functools.wraps(fn)
        def run(*args: object) -> dict:
            drop_routing_error()
            who = identity.current()
            if who is None or who.role not in roles:
                return error_reply("forbidden", _("You are not allowed to do that."))
            try:
                if len(args) > 1:
                    raise ValueError("one payload per event")
                parsed = payload.model_validate(args[0] if args else {})
            except (ValidationError, ValueError):
                return error_reply(
                    "invalid", _("The request was malformed. Reload the page.")
                )
            try:
                if not _still_leader(who):
                    return error_reply(
                        "forbidden", _("You are not allowed to do that.")
                    )
                return {"ok": True, **fn(who, parsed)}
            except DomainError as error:
                db.session.rollback()
                return error_reply(error.code, translate(error))
            except UNAVAILABLE:
                log.warning("event %s: database unavailable", fn.__name__)
                return unavailable()
            except Exception:
                db.session.rollback()
                log.exception("event %s failed", fn.__name__)
                return error_reply(
                    "server_error",
                    _("Something went wrong on the server. Nothing was saved."),
                )

        return run

    return wrap


def drop_routing_error() -> None:
    """Flask looked for a route matching the socket's URL (/socket.io/) for this
    event, found none, and keeps the NotFound on the request. Its traceback
    refers back to the request: a reference cycle per event that only the
    cyclic garbage collector frees, and under a burst of answers its full
    collections took half the server's time (docs/performance.md). Without the
    NotFound, reference counting frees each event's objects when it ends."""
    request.routing_exception = None


def _still_leader(who: SocketIdentity) -> bool:
    """A console's leader may have been removed from the project, or their
    sign-in may have expired, since the socket connected: asked per event."""
    if who.role != "leader":
        return True
    if not current_user.is_authenticated or accounts.sign_in_expired():
        return False
    project_id = PROJECT_OF["session_id"](who.session_id)
    return project_id is not None and accounts.is_member(current_user.id, project_id)


def unavailable() -> dict:
    """The database did not answer: nothing was saved, and trying again later
    is right (clients keep the answer and resend it with the same id)."""
    try:
        db.session.rollback()
    except UNAVAILABLE:  # the connection is gone; the pool replaces it
        invalidate_session()
    return error_reply(
        "unavailable",
        _("The server cannot save right now. Nothing was saved; it is sent again."),
    )
