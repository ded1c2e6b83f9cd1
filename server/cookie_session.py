"""Flask's signed cookie session, made cheap for Socket.IO events.

Flask-SocketIO pushes a request context for every event, and Flask opens the
cookie session for each: it builds a signing serializer (which itsdangerous
tests by serialising an empty dict) and checks the cookie's signature. For a
socket that has connected this is wasted: Flask-SocketIO replaces that session
with the socket's own copy, taken at connect (events/identity.py). Under a
burst of answers it cost about a tenth of the server's time
(docs/performance.md#current-cheaper-events-and-garbage-collection-tuned-567bb93).

This relies on Flask-SocketIO's default ``manage_session=True``. Without it,
events would see an empty session: identity.current() finds no one and every
event is refused, which fails closed.
"""

from flask import Flask, Request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

# Set in a socket's environ once it has connected: later events need no cookie.
CONNECTED = "mellanrum.socket_connected"


class CookieSessions(SecureCookieSessionInterface):
    def __init__(self) -> None:
        self._serializers: dict[tuple, URLSafeTimedSerializer | None] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        # Keyed on the keys, so a changed SECRET_KEY (tests do it) takes effect.
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if keys not in self._serializers:
            self._serializers[keys] = super().get_signing_serializer(app)
        return self._serializers[keys]

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if request.environ.get(CONNECTED):
            # Flask-SocketIO swaps in the socket's own session right after.
            return self.session_class()
        return super().open_session(app, request)
