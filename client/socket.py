"""One Socket.IO connection that speaks the protocol, for any role.

It says who it is in ``auth``, sends events with an ack and a timeout, keeps
the newest snapshot and activity it was sent, and sends ``sync`` after every
reconnect (the protocol asks every client to). Waiting is always bounded.
"""

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Self

import socketio
from socketio import exceptions as sio_errors

from .errors import (
    RETRY_LATER,
    ClientError,
    ConnectRefused,
    NotDelivered,
    ProtocolError,
    Refused,
)
from .versions import Newest

TIMEOUT = 10.0
Headers = dict[str, str] | Callable[[], dict[str, str]]


class WaitTimeout(ClientError, TimeoutError):
    """What a client waited for did not happen in time."""


class SocketClient:
    """Base of Participant, Projector and LeaderClient.

    ``events`` records every payload of ``activity``, ``snapshot``, ``presence``
    and ``session_ended`` in arrival order; ``snapshots`` and ``activities`` keep
    the newest version of each. ``state`` is the last ``sync`` ack.
    """

    RECORDED = ("activity", "snapshot", "presence", "session_ended")

    def __init__(
        self,
        base_url: str,
        auth: dict | None = None,
        *,
        headers: Headers | None = None,
        transports: tuple[str, ...] = ("websocket",),
        timeout: float = TIMEOUT,
        reconnection: bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth = auth
        self.headers: Headers = headers or {}
        self.transports = list(transports)
        self.timeout = timeout
        self.sio = socketio.Client(
            reconnection=reconnection,
            # A lost server comes back within seconds (a restart); try often.
            reconnection_delay=0.2,
            reconnection_delay_max=1.0,
            handle_sigint=False,
            request_timeout=timeout,
        )
        self._changed = threading.Condition()
        self.events: dict[str, list] = defaultdict(list)
        self.snapshots = Newest("activity_id")
        self.activities = Newest("id")
        self.state: dict | None = None
        self.connects = 0
        self.disconnects = 0
        self.connect_errors: list[object] = []  # raw connect_error payloads
        self.errors: list[BaseException] = []  # from the resync after a reconnect
        self.refusal: ConnectRefused | None = None  # the server's last refusal
        self._by_hand = False
        self.sio.on("connect", self._on_connect)
        self.sio.on("disconnect", self._on_disconnect)
        self.sio.on("connect_error", self._on_connect_error)
        for name in self.RECORDED:
            self.sio.on(name, self._recorder(name))

    # -- connecting -------------------------------------------------------------

    def connect(self, timeout: float | None = None) -> dict:
        """Connect, then ``sync``; returns the sync ack. A refused credential raises
        ``ConnectRefused`` whose ``error`` is the server's ``data.error``."""
        self.refusal = None
        self._by_hand = True  # this connect syncs by itself, below
        try:
            self.sio.connect(
                self.base_url,
                headers=self.headers,
                auth=self.auth,
                transports=self.transports,
                wait_timeout=timeout or self.timeout,
            )
        except sio_errors.ConnectionError as error:
            if self.refusal is not None:
                raise self.refusal from None
            raise ClientError(
                f"could not connect to {self.base_url}: {error}"
            ) from error
        finally:
            self._by_hand = False
        return self.sync()

    @property
    def connected(self) -> bool:
        return self.sio.connected

    def disconnect(self) -> None:
        """Leave cleanly and stop any reconnecting; the object can connect again."""
        self.sio.shutdown()

    close = disconnect

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _on_connect(self) -> None:
        with self._changed:
            self.connects += 1
            again = not self._by_hand  # the library reconnected on its own
            self._changed.notify_all()
        if again:
            # Handlers run on the socket's reader thread, where waiting for an ack
            # would deadlock; resynchronise from a thread of our own.
            self.sio.start_background_task(self._resync)

    def _resync(self) -> None:
        try:
            self.sync()
            self.after_resync()
        except Exception as error:  # kept for the caller; a thread must not raise
            with self._changed:
                self.errors.append(error)
                self._changed.notify_all()

    def after_resync(self) -> None:
        """Called after the sync that follows an automatic reconnect."""

    def _on_disconnect(self, reason: object = None) -> None:
        if reason == "transport error":
            # python-engineio does not close its websocket when a read fails
            # other than cleanly (a killed server resets the connection): close
            # it here, or the socket is left to the garbage collector.
            ws = getattr(self.sio.eio, "ws", None)
            if ws is not None:
                ws.shutdown()
        with self._changed:
            self.disconnects += 1
            self._changed.notify_all()

    def _on_connect_error(self, data: object = None) -> None:
        # The server refuses with {"message": text, "data": {"error": code}}; a
        # failed transport gives a plain string instead.
        with self._changed:
            self.connect_errors.append(data)
            if isinstance(data, dict):
                detail = data.get("data")
                code = detail.get("error") if isinstance(detail, dict) else None
                self.refusal = ConnectRefused(
                    code if isinstance(code, str) else "refused",
                    str(data.get("message", "")),
                )
                if not self._by_hand and code != RETRY_LATER:
                    # A credential refused on reconnecting stays refused (say, the
                    # server's secret changed): stop trying, as a phone that gets
                    # bad_token forgets its token. From a thread of our own, since
                    # stopping waits for the reconnecting thread.
                    self.sio.start_background_task(self.sio.shutdown)
            self._changed.notify_all()

    # -- events -----------------------------------------------------------------

    def call(
        self, event: str, payload: object = None, timeout: float | None = None
    ) -> dict:
        """Send ``event`` and return its ack as it came, refusal or not. No ack in
        time, or no connection, raises ``NotDelivered``."""
        try:
            ack = self.sio.call(
                event,
                {} if payload is None else payload,
                timeout=timeout or self.timeout,
            )
        except (sio_errors.TimeoutError, sio_errors.BadNamespaceError):
            raise NotDelivered(event) from None
        if not isinstance(ack, dict) or not isinstance(ack.get("ok"), bool):
            raise ProtocolError(f"{event!r} acked with {ack!r}")
        return ack

    def request(
        self, event: str, payload: object = None, timeout: float | None = None
    ) -> dict:
        """Like ``call``, but a refusal raises ``Refused``."""
        ack = self.call(event, payload, timeout)
        if not ack["ok"]:
            raise Refused.from_reply(ack)
        return ack

    def sync(self, timeout: float | None = None) -> dict:
        ack = self.request("sync", {}, timeout)
        with self._changed:
            self.state = ack
            for activity in [ack.get("activity"), *ack.get("activities", [])]:
                self.activities.offer(activity, pushed=False)
            for snap in [ack.get("snapshot"), *ack.get("snapshots", [])]:
                self.snapshots.offer(snap, pushed=False)
            self._changed.notify_all()
        return ack

    def _recorder(self, name: str) -> Callable[..., None]:
        def record(data: object = None, *_: object) -> None:
            with self._changed:
                self.events[name].append(data)
                if name == "snapshot":
                    self.snapshots.offer(data, pushed=True)
                elif name == "activity":
                    self.activities.offer(data, pushed=True)
                self._changed.notify_all()

        return record

    # -- waiting ----------------------------------------------------------------

    def wait_until(
        self, predicate: Callable[[Self], bool], timeout: float | None = None
    ) -> None:
        """Block until ``predicate(self)`` holds, re-checked whenever something
        arrives; raises ``WaitTimeout`` when it does not within ``timeout``."""
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._changed:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise WaitTimeout(f"condition not met in time; {self.describe()}")
                self._changed.wait(min(left, 0.1))

    def snapshot(self, activity_id: int | None) -> dict | None:
        """The newest snapshot of an activity, or None."""
        with self._changed:
            return self.snapshots.get(activity_id)

    def describe(self) -> str:
        versions = {k: v["version"] for k, v in self.snapshots.latest.items()}
        return (
            f"connected={self.connected} connects={self.connects} "
            f"snapshot versions={versions} "
            f"errors={self.errors[-1:]} connect_errors={self.connect_errors[-1:]}"
        )
