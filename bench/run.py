"""One benchmark run against one target: the real server(s) or the bare stack.

``drive`` plays the phones and the projector and measures; ``Target`` says
where they connect and how the activity is opened (the real server needs a
leader; the bare server's activity is always open).
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from . import scenarios
from .fleet import Fleet, Tally
from .procstat import Meter, rss_kb
from .report import tally_figures


@dataclass
class Target:
    name: str
    urls: list[str]
    pids: list[int]
    activity_id: int
    catalogue: list[str]
    projector_token: str
    join_code: str | None = None  # None: the bare server, no HTTP join
    open_activity: Callable[[], Awaitable[None]] | None = None


@dataclass
class Options:
    phones: int
    scenarios: str
    burst: float
    trickle: float
    rounds: int
    hold: float
    seed: int


async def drive(target: Target, opts: Options) -> tuple[dict, Fleet, dict]:
    """Run the scenarios; returns the figures, the fleet (closed) and how many
    sends were acked as applied, and how many got no ack in time, in all."""
    figures: dict = {}
    fleet = Fleet(target.urls, target.activity_id, target.catalogue)
    await fleet.open()
    sends = {"applied": 0, "not_delivered": 0}
    try:
        if target.join_code is not None:
            seconds = await fleet.join_all(opts.phones, target.join_code)
            figures["join_http_s"] = seconds
        else:
            fleet.fake_tokens(opts.phones)
        await fleet.connect_projector(target.projector_token)
        await asyncio.sleep(1)
        rss_before = sum(rss_kb(p) for p in target.pids)
        meter = Meter(target.pids).start()
        seconds, failed = await fleet.connect_all()
        meter.stop()
        await asyncio.sleep(1)
        rss_after = sum(rss_kb(p) for p in target.pids)
        figures["connect"] = {
            "seconds": seconds,
            "failed": failed,
            "server_cpu_s": meter.server,
            "loadgen_cpu_s": meter.own,
        }
        figures["rss"] = {
            "before_mb": rss_before / 1024,
            "after_mb": rss_after / 1024,
            "kb_per_phone": (rss_after - rss_before) / opts.phones,
        }
        if target.open_activity is not None:
            began = time.monotonic()
            await target.open_activity()
            figures["open_to_all_phones_s"] = await _all_see_open(fleet, began)
        for letter in opts.scenarios.split(","):
            result, tally = await _scenario(letter.strip(), fleet, target, opts)
            figures.update(result)
            if tally is not None:
                sends["applied"] += tally.applied
                sends["not_delivered"] += tally.not_delivered
        figures["phone_disconnects_total"] = fleet.disconnects()
    finally:
        await fleet.close()
    return figures, fleet, sends


async def _all_see_open(fleet: Fleet, began: float) -> float | None:
    def is_open(phone: object) -> bool:
        activity = phone.activities.get(fleet.activity_id)
        return activity is not None and activity["state"] == "open"

    while time.monotonic() - began < 30:
        if all(is_open(p) for p in fleet.phones):
            return time.monotonic() - began
        await asyncio.sleep(0.01)
    return None


async def _scenario(
    letter: str, fleet: Fleet, target: Target, opts: Options
) -> tuple[dict, Tally | None]:
    meter = Meter(target.pids).start()
    extra: dict = {}
    tally: Tally | None = None
    if letter == "A":
        name, tally = "A_burst", await scenarios.burst(fleet, opts.burst)
    elif letter == "B":
        name = "B_trickle"
        tally = await scenarios.trickle(fleet, opts.trickle, opts.seed)
    elif letter == "C":
        name = "C_storm"
        tally, extra = await scenarios.storm(fleet, 1.0)
        back = extra.pop("reconnect_s")
        extra["reconnect_p50_s"] = back[len(back) // 2] if back else None
        extra["reconnect_p95_s"] = back[int(len(back) * 0.95)] if back else None
        extra["reconnect_max_s"] = back[-1] if back else None
    elif letter == "T":
        name, tally = "T_throughput", await scenarios.throughput(fleet, opts.rounds)
    elif letter == "S":
        name, extra = "S_soak", await scenarios.soak(fleet, opts.hold)
        extra["rss_kb_per_phone_end"] = (
            sum(rss_kb(p) for p in target.pids) / opts.phones
        )
    else:
        raise ValueError(f"unknown scenario {letter!r}")
    meter.stop()
    figures = dict(extra)
    if tally is not None:
        figures.update(tally_figures(tally))
        figures["converge_s"] = await scenarios.converge(
            fleet, tally, target.projector_token
        )
        per_1000 = 1000 / tally.applied if tally.applied else 0
        figures["server_cpu_s_per_1000"] = meter.server * per_1000
        figures["loadgen_cpu_s_per_1000"] = meter.own * per_1000
    figures["wall_s"] = meter.wall
    return {name: figures}, tally
