"""client/'s classes, with what fault tests need on top."""

from client import LeaderClient, Participant, Projector


class ClosesDeadTransport:
    """python-engineio's client does not close its websocket when the read fails
    with an error other than a clean close: a SIGKILLed server that had unread
    data resets the connection, and the socket is left to the garbage collector
    (an unclosed-socket ResourceWarning, an error under our filterwarnings).
    Close it when the transport drops."""

    sio: object

    def _on_disconnect(self, reason: object = None) -> None:
        if reason == "transport error":
            ws = getattr(self.sio.eio, "ws", None)
            if ws is not None:
                ws.shutdown()
        super()._on_disconnect(reason)


class Console(ClosesDeadTransport, LeaderClient):
    pass


class Screen(ClosesDeadTransport, Projector):
    pass


class Phone(ClosesDeadTransport, Participant):
    """A participant that also remembers what its reconnects sent again."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.resent: list = []

    def after_resync(self) -> None:
        self.resent.extend(self.resend_pending())
