"""The scenarios, each bounded in time, each returning its figures as a dict.

A burst: every phone answers, spread over ``window`` seconds.
B trickle: edits at random times over ``period`` seconds, some phones twice.
C storm: half the phones lose their connection at once, come back, and edit.
T throughput: every phone sends ``rounds`` answers back to back.
S soak: everyone stays connected for ``hold`` seconds.
"""

import asyncio
import random
import time

from client.aio import AioProjector
from client.socket import WaitTimeout

from .fleet import Fleet, Tally

CONVERGE_TIMEOUT = 15.0
RECONNECT_TIMEOUT = 60.0


async def burst(fleet: Fleet, window: float) -> Tally:
    tally = Tally()
    count = len(fleet.phones)

    async def one(i: int) -> None:
        await asyncio.sleep(i * window / count)
        await fleet.submit(i, tally)

    await asyncio.gather(*(one(i) for i in range(count)))
    return tally


async def trickle(fleet: Fleet, period: float, seed: int) -> Tally:
    tally = Tally()
    rng = random.Random(seed)

    async def one(i: int) -> None:
        times = sorted(rng.uniform(0, period) for _ in range(rng.choice((1, 1, 2))))
        began = time.monotonic()
        for at in times:
            await asyncio.sleep(max(0.0, began + at - time.monotonic()))
            await fleet.submit(i, tally)

    await asyncio.gather(*(one(i) for i in range(len(fleet.phones))))
    return tally


async def storm(fleet: Fleet, window: float) -> tuple[Tally, dict]:
    """Every other phone drops at once; each reconnects and syncs by itself, then
    sends an edit (spread over ``window``). The rest must stay connected."""
    dropped = list(range(0, len(fleet.phones), 2))
    stayed = [i for i in range(len(fleet.phones)) if i % 2]
    syncs = {i: fleet.phones[i].syncs for i in dropped}
    stayed_before = sum(fleet.phones[i].disconnects for i in stayed)
    began = time.monotonic()
    await asyncio.gather(*(fleet.phones[i].drop() for i in dropped))
    back: dict[int, float] = {}
    while len(back) < len(dropped) and time.monotonic() - began < RECONNECT_TIMEOUT:
        await asyncio.sleep(0.02)
        now = time.monotonic()
        for i in dropped:
            if i not in back and fleet.phones[i].syncs > syncs[i]:
                back[i] = now - began
    tally = Tally()

    async def one(n: int, i: int) -> None:
        await asyncio.sleep(n * window / len(dropped))
        await fleet.submit(i, tally)

    await asyncio.gather(*(one(n, i) for n, i in enumerate(dropped) if i in back))
    figures = {
        "dropped": len(dropped),
        "came_back": len(back),
        "reconnect_s": sorted(back.values()),
        "stayed_disconnects": sum(fleet.phones[i].disconnects for i in stayed)
        - stayed_before,
    }
    return tally, figures


async def throughput(fleet: Fleet, rounds: int) -> Tally:
    tally = Tally()

    async def one(i: int) -> None:
        for _ in range(rounds):
            await fleet.submit(i, tally)

    await asyncio.gather(*(one(i) for i in range(len(fleet.phones))))
    return tally


async def soak(fleet: Fleet, hold: float) -> dict:
    before = fleet.disconnects()
    began = time.monotonic()
    while time.monotonic() - began < hold:
        await asyncio.sleep(min(1.0, hold - (time.monotonic() - began)))
    return {
        "held_s": time.monotonic() - began,
        "disconnects": fleet.disconnects() - before,
        "connected": sum(p.connected for p in fleet.phones),
    }


async def converge(fleet: Fleet, tally: Tally, projector_token: str) -> float | None:
    """Seconds from the scenario's last submit to the projector's first snapshot
    of the final version (asked of the server by a fresh projector), or None."""
    if not tally.sent:
        return None
    probe = AioProjector(fleet.urls[0], projector_token, http=fleet.http, timeout=30)
    try:
        final = (await probe.connect())["snapshot"]["version"]
    finally:
        await probe.close()
    watch, ident = fleet.projector, fleet.activity_id

    def arrived() -> bool:
        snap = watch.snapshot(ident)
        return snap is not None and snap["version"] >= final

    try:
        await watch.wait_until(lambda _: arrived(), CONVERGE_TIMEOUT)
    except WaitTimeout:
        return None
    times = [t for (a, v), t in watch.arrived.items() if a == ident and v >= final]
    return min(times) - tally.last_sent if times else None
