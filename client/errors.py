"""What can go wrong when speaking to the server, as types a caller can catch."""

# The server could not save (its database was away): nothing changed, and the
# same request is worth sending again later.
RETRY_LATER = "unavailable"


class ClientError(Exception):
    """Base of every error this package raises."""


class Refused(ClientError):
    """The server said no: ``error`` is the protocol's stable code (see
    docs/protocol.md), ``message`` the text meant for people."""

    def __init__(self, error: str, message: str = "", status: int | None = None):
        super().__init__(f"{error}: {message}" if message else error)
        self.error = error
        self.message = message
        self.status = status  # the HTTP status, for refusals over HTTP

    @classmethod
    def from_reply(cls, reply: object, status: int | None = None) -> "Refused":
        """Build from a refusal object ``{"ok": false, "error", "message"}``."""
        if isinstance(reply, dict) and isinstance(reply.get("error"), str):
            return cls(reply["error"], str(reply.get("message", "")), status)
        return cls("unexpected_reply", repr(reply)[:200], status)


class ConnectRefused(Refused):
    """The server refused a Socket.IO connection (its ``connect_error``)."""


class NotDelivered(ClientError):
    """An event got no ack in time, or the socket was down when it was sent.
    For ``submit`` the answer is kept as pending, to be sent again with the same
    client id."""

    def __init__(self, event: str, client_id: str | None = None):
        super().__init__(
            f"no ack for {event!r}" + (f" ({client_id})" if client_id else "")
        )
        self.event = event
        self.client_id = client_id


class ProtocolError(ClientError):
    """The server answered something the protocol does not describe."""
