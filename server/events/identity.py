"""Who is on the other end of a socket, settled at connect and kept per socket.

Flask-SocketIO gives each socket its own copy of Flask's cookie session; we keep the
identity there under one key, so handlers never read the cookie session directly.
"""

from dataclasses import dataclass

from flask import session as socket_session

KEY = "mellanrum_socket"


@dataclass(frozen=True)
class SocketIdentity:
    role: str  # "participant", "projector" or "leader"
    session_id: int
    participant_id: int | None = None


def remember(identity: SocketIdentity) -> None:
    socket_session[KEY] = {
        "role": identity.role,
        "session_id": identity.session_id,
        "participant_id": identity.participant_id,
    }


def current() -> SocketIdentity | None:
    data = socket_session.get(KEY)
    return SocketIdentity(**data) if data else None
