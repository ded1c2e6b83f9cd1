"""The phone and projector of the protocol on asyncio, for many at once.

The sync clients (``Participant``, ``Projector``) run two or three threads per
socket; a load test of thousands of phones would measure those threads, not the
server. These speak the same protocol (docs/protocol.md) on one event loop:
``socketio.AsyncClient`` over aiohttp. Like the rest of ``client/`` they know
only the wire protocol.

    async with aiohttp.ClientSession() as http:
        joined = await join(http, base_url, code, "Anna", "Region Skåne")
        phone = AioParticipant(base_url, joined.token, http=http)
        await phone.connect()
        await phone.submit(activity_id, {"roles": ["Samordnare"]})
        await phone.close()
"""

import asyncio
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Self

import aiohttp
import socketio
from socketio import exceptions as sio_errors

from .aio_http import join
from .errors import (
    RETRY_LATER,
    ClientError,
    ConnectRefused,
    NotDelivered,
    ProtocolError,
    Refused,
)
from .participant import Submitted
from .socket import WaitTimeout
from .versions import Newest

TIMEOUT = 10.0

__all__ = ["AioParticipant", "AioProjector", "AioSocket", "join"]


class AioSocket:
    """One Socket.IO connection of a phone or projector, on asyncio.

    As ``client.SocketClient``: ``connect()`` connects and syncs, ``call`` and
    ``request`` send with an ack, ``snapshots``/``activities`` keep the newest
    version, and an automatic reconnect syncs again. ``arrived`` adds the
    monotonic time each pushed snapshot version first came in, for timing.
    """

    RECORDED = ("activity", "snapshot", "presence", "session_ended")

    def __init__(
        self,
        base_url: str,
        auth: dict,
        *,
        http: aiohttp.ClientSession | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth = auth
        self.timeout = timeout
        self.sio = socketio.AsyncClient(
            reconnection=True,
            reconnection_delay=0.2,
            reconnection_delay_max=1.0,
            handle_sigint=False,
            http_session=http,
            request_timeout=timeout,
        )
        self._changed = asyncio.Condition()
        self.events: dict[str, int] = defaultdict(int)  # counts, not payloads
        self.snapshots = Newest("activity_id")
        self.activities = Newest("id")
        self.arrived: dict[tuple[int, int], float] = {}
        self.state: dict | None = None
        self.connects = 0
        self.disconnects = 0
        self.syncs = 0  # sync acks received, by hand or after a reconnect
        self.refusal: ConnectRefused | None = None
        self.errors: list[BaseException] = []
        self._by_hand = False
        self._tasks: set[asyncio.Task] = set()
        self.sio.on("connect", self._on_connect)
        self.sio.on("disconnect", self._on_disconnect)
        self.sio.on("connect_error", self._on_connect_error)
        for name in self.RECORDED:
            self.sio.on(name, self._recorder(name))

    async def connect(self, timeout: float | None = None) -> dict:
        self.refusal = None
        self._by_hand = True
        try:
            await self.sio.connect(
                self.base_url,
                auth=self.auth,
                transports=["websocket"],
                wait_timeout=timeout or self.timeout,
            )
        except sio_errors.ConnectionError as error:
            if self.refusal is not None:
                raise self.refusal from None
            raise ClientError(
                f"could not connect to {self.base_url}: {error}"
            ) from None
        finally:
            self._by_hand = False
        return await self.sync()

    @property
    def connected(self) -> bool:
        return self.sio.connected

    async def close(self) -> None:
        await self.sio.shutdown()

    async def drop(self) -> None:
        """Lose the connection as a phone in a tunnel does: the transport closes
        under the client, which then reconnects and syncs by itself."""
        ws = getattr(self.sio.eio, "ws", None)
        if ws is not None:
            await ws.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _on_connect(self) -> None:
        async with self._changed:
            self.connects += 1
            self._changed.notify_all()
        if not self._by_hand:
            task = asyncio.ensure_future(self._resync())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _resync(self) -> None:
        try:
            await self.sync()
            await self.after_resync()
        except Exception as error:  # kept for the caller; a task must not raise
            self.errors.append(error)

    async def after_resync(self) -> None:
        """Called after the sync that follows an automatic reconnect."""

    async def _on_disconnect(self, reason: object = None) -> None:
        async with self._changed:
            self.disconnects += 1
            self._changed.notify_all()

    async def _on_connect_error(self, data: object = None) -> None:
        if isinstance(data, dict):
            detail = data.get("data")
            code = detail.get("error") if isinstance(detail, dict) else None
            self.refusal = ConnectRefused(
                code if isinstance(code, str) else "refused",
                str(data.get("message", "")),
            )

    async def call(
        self, event: str, payload: object = None, timeout: float | None = None
    ) -> dict:
        try:
            ack = await self.sio.call(
                event,
                {} if payload is None else payload,
                timeout=timeout or self.timeout,
            )
        except (sio_errors.TimeoutError, sio_errors.BadNamespaceError):
            raise NotDelivered(event) from None
        if not isinstance(ack, dict) or not isinstance(ack.get("ok"), bool):
            raise ProtocolError(f"{event!r} acked with {ack!r}")
        return ack

    async def request(
        self, event: str, payload: object = None, timeout: float | None = None
    ) -> dict:
        ack = await self.call(event, payload, timeout)
        if not ack["ok"]:
            raise Refused.from_reply(ack)
        return ack

    async def sync(self, timeout: float | None = None) -> dict:
        ack = await self.request("sync", {}, timeout)
        async with self._changed:
            self.state = ack
            self.syncs += 1
            self.activities.offer(ack.get("activity"), pushed=False)
            self.snapshots.offer(ack.get("snapshot"), pushed=False)
            self._changed.notify_all()
        return ack

    def _recorder(self, name: str) -> Callable:
        async def record(data: object = None, *_: object) -> None:
            now = time.monotonic()
            async with self._changed:
                self.events[name] += 1
                if name == "snapshot" and self.snapshots.offer(data, pushed=True):
                    self.arrived[(data["activity_id"], data["version"])] = now
                elif name == "activity":
                    self.activities.offer(data, pushed=True)
                self._changed.notify_all()

        return record

    async def wait_until(
        self, predicate: Callable[[Self], bool], timeout: float | None = None
    ) -> None:
        """Wait until ``predicate(self)`` holds; ``WaitTimeout`` if it does not
        within ``timeout``."""

        async def waiting() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: predicate(self))

        try:
            await asyncio.wait_for(waiting(), timeout or self.timeout)
        except TimeoutError:
            raise WaitTimeout("condition not met in time") from None

    def snapshot(self, activity_id: int | None) -> dict | None:
        return self.snapshots.get(activity_id)


class AioParticipant(AioSocket):
    """A phone: ``submit`` keeps an unacked answer in ``pending`` and sends it
    again with the same client id after a reconnect, as ``client.Participant``."""

    def __init__(self, base_url: str, token: str, **options: object) -> None:
        super().__init__(base_url, {"participant": token}, **options)
        self.token = token
        self.pending: dict[int, dict] = {}
        self.dropped: list[tuple[dict, Refused]] = []

    async def submit(
        self,
        activity_id: int,
        answer: dict,
        client_id: str | None = None,
        timeout: float | None = None,
    ) -> Submitted:
        payload = {
            "activity_id": activity_id,
            "client_id": client_id or uuid.uuid4().hex,
            "answer": answer,
        }
        self.pending[activity_id] = payload
        return await self._send(payload, timeout)

    async def _send(self, payload: dict, timeout: float | None) -> Submitted:
        try:
            ack = await self.call("submit", payload, timeout)
        except NotDelivered:
            raise NotDelivered("submit", payload["client_id"]) from None
        if ack.get("error") == RETRY_LATER:
            raise NotDelivered("submit", payload["client_id"])
        if self.pending.get(payload["activity_id"]) is payload:
            del self.pending[payload["activity_id"]]
        if not ack["ok"]:
            raise Refused.from_reply(ack)
        return Submitted(payload["client_id"], ack["submission"], ack["duplicate"])

    async def resend_pending(self, timeout: float | None = None) -> list[Submitted]:
        done = []
        for payload in list(self.pending.values()):
            try:
                done.append(await self._send(payload, timeout))
            except Refused as refused:
                self.dropped.append((payload, refused))
        return done

    async def after_resync(self) -> None:
        await self.resend_pending()


class AioProjector(AioSocket):
    """The projector: the newest snapshot per activity, and when each came."""

    def __init__(self, base_url: str, token: str, **options: object) -> None:
        super().__init__(base_url, {"projector": token}, **options)
        self.token = token

    def answer_count(self, activity_id: int) -> int | None:
        snap = self.snapshot(activity_id)
        return snap["answer_count"] if snap else None
