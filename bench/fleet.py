"""K phones and a projector on one asyncio loop, and what they measured.

Phones are spread round-robin over the servers' URLs; the projector watches the
first. Every submit is timed from send to ack, and the last acked answer of each
phone is kept, to compare with what the server stored.
"""

import asyncio
import itertools
import time
from dataclasses import dataclass, field

import aiohttp

from client.aio import AioParticipant, AioProjector, join
from client.errors import ClientError, NotDelivered, Refused

JOIN_CONCURRENCY = 32
CONNECT_CONCURRENCY = 100


def answer_for(catalogue: list[str], phone: int, round_: int) -> dict:
    """A different catalogue answer for each round of a phone: 1 to 3 roles."""
    combos = [
        list(c)
        for size in (1, 2, 3)
        for c in itertools.combinations(catalogue[:8], size)
    ]
    return {"roles": combos[(phone * 7 + round_ * 13) % len(combos)]}


@dataclass
class Tally:
    """What one scenario's submits saw."""

    latencies: list[float] = field(default_factory=list)  # seconds, ok acks
    sent: int = 0
    applied: int = 0  # ok, duplicate False
    duplicate_acks: int = 0
    refused: int = 0
    not_delivered: int = 0
    first_sent: float = 0.0
    last_sent: float = 0.0
    last_acked: float = 0.0


class Fleet:
    def __init__(
        self,
        urls: list[str],
        activity_id: int,
        catalogue: list[str],
        timeout: float = 10.0,
    ) -> None:
        self.urls = urls
        self.activity_id = activity_id
        self.catalogue = catalogue
        self.timeout = timeout
        self.http: aiohttp.ClientSession | None = None
        self.names: list[str] = []
        self.tokens: list[str] = []
        self.phones: list[AioParticipant] = []
        self.projector: AioProjector | None = None
        self.expected: dict[str, dict] = {}  # name -> last acked stored answer
        self.rounds: dict[int, int] = {}  # phone index -> answers sent
        self.unacked: set[str] = set()  # phones with a send that got no ack

    async def open(self) -> None:
        connector = aiohttp.TCPConnector(limit=0, force_close=False)
        self.http = aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar()
        )

    async def close(self) -> None:
        everyone = [*self.phones, *([self.projector] if self.projector else [])]
        for start in range(0, len(everyone), CONNECT_CONCURRENCY):
            batch = everyone[start : start + CONNECT_CONCURRENCY]
            await asyncio.gather(
                *(asyncio.wait_for(c.close(), 10) for c in batch),
                return_exceptions=True,
            )
        if self.http is not None:
            await self.http.close()

    async def join_all(self, count: int, code: str) -> float:
        """Join ``count`` phones over HTTP; returns the seconds it took."""
        gate = asyncio.Semaphore(JOIN_CONCURRENCY)
        self.names = [f"phone-{i:05d}" for i in range(count)]

        async def one(i: int) -> str:
            async with gate:
                url = self.urls[i % len(self.urls)]
                joined = await join(self.http, url, code, self.names[i], "Bench")
                return joined.token

        began = time.monotonic()
        self.tokens = list(await asyncio.gather(*(one(i) for i in range(count))))
        return time.monotonic() - began

    def fake_tokens(self, count: int) -> None:
        """For the bare server, which takes any token."""
        self.names = [f"phone-{i:05d}" for i in range(count)]
        self.tokens = list(self.names)

    async def connect_projector(self, token: str) -> None:
        self.projector = AioProjector(
            self.urls[0], token, http=self.http, timeout=self.timeout
        )
        await self.projector.connect()

    async def connect_all(self) -> tuple[float, int]:
        """Connect and sync every phone; returns (seconds, failures)."""
        gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
        self.phones = [
            AioParticipant(
                self.urls[i % len(self.urls)], token, http=self.http, timeout=30
            )
            for i, token in enumerate(self.tokens)
        ]

        async def one(phone: AioParticipant) -> bool:
            async with gate:
                try:
                    await asyncio.wait_for(phone.connect(timeout=30), 40)
                    return True
                except (ClientError, OSError, TimeoutError, aiohttp.ClientError):
                    return False

        began = time.monotonic()
        done = await asyncio.gather(*(one(p) for p in self.phones))
        return time.monotonic() - began, done.count(False)

    async def submit(self, i: int, tally: Tally) -> None:
        """Phone ``i`` sends its next answer; the tally records what came back."""
        round_ = self.rounds.get(i, 0)
        self.rounds[i] = round_ + 1
        answer = answer_for(self.catalogue, i, round_)
        sent = time.monotonic()
        tally.sent += 1
        tally.first_sent = tally.first_sent or sent
        tally.last_sent = max(tally.last_sent, sent)
        try:
            result = await self.phones[i].submit(
                self.activity_id, answer, timeout=self.timeout
            )
        except NotDelivered:
            tally.not_delivered += 1
            self.unacked.add(self.names[i])
            return
        except Refused:
            tally.refused += 1
            return
        tally.last_acked = time.monotonic()
        tally.latencies.append(tally.last_acked - sent)
        if result.duplicate:
            tally.duplicate_acks += 1
        else:
            tally.applied += 1
        self.expected[self.names[i]] = result.submission["answer"]

    def disconnects(self) -> int:
        return sum(p.disconnects for p in self.phones)
