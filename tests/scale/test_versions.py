"""Snapshots of one activity come from both workers (each sends for the changes
it made, and each sends a heartbeat), so they can arrive out of order. A client
keeps the newest version: what a screen shows never goes back."""

import itertools
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from client import Projector

pytestmark = pytest.mark.live

PHONES = 24
CONVERGE = 20
# A snapshot's answers must be exactly those of its version: read otherwise, an
# answer committed in between was counted under the older version.
MISLABELLED = "a snapshot counts answers newer than its version"


def test_a_screen_fed_by_both_workers_never_goes_back(cluster, leader, phone, closing):
    first, second = cluster.workers
    activity = leader.activity_ids()[0]
    screens = [
        closing(Projector(w.base_url, leader.projector_token)) for w in cluster.workers
    ]
    for screen in screens:
        screen.connect()
    # Half the phones on each worker: both workers' coalescers send snapshots.
    phones = [
        phone(f"Deltagare {i}", "Vinnova", on=(first, second)[i % 2].base_url)
        for i in range(PHONES)
    ]
    leader.open_activity(activity)
    start = threading.Barrier(PHONES)

    def answer(i: int) -> None:
        start.wait(10)
        phones[i].submit(activity, {"roles": ["Samordnare"]})

    with ThreadPoolExecutor(PHONES) as pool:
        list(pool.map(answer, range(PHONES)))

    version = cluster.db.version(activity)
    problems = []
    for screen in [*screens, leader]:
        screen.wait_until(lambda s: newest(s, activity) == version, CONVERGE)
        pushed = [s for s in screen.events["snapshot"] if s["activity_id"] == activity]
        assert [s["version"] for s in pushed] == screen.snapshots.seen[activity]
        shown = replay(pushed)
        # The version a screen keeps never goes back, and ends at the database's.
        assert shown == sorted(shown)
        assert shown[-1] == version
        assert screen.snapshot(activity)["answer_count"] == PHONES
        problems += mislabelled(pushed)
    assert problems == [], MISLABELLED


def newest(screen, activity: int) -> int | None:
    snap = screen.snapshot(activity)
    return snap["version"] if snap else None


def replay(pushed: list[dict]) -> list[int]:
    """The version a screen showed after each push (it keeps the newest)."""
    shown: list[int] = []
    for snap in pushed:
        shown.append(max(snap["version"], shown[-1] if shown else 0))
    return shown


def mislabelled(pushed: list[dict]) -> list[str]:
    """A version names one state, whichever worker sent it and when; and as
    every answer here is a new participant's, a newer version never has fewer
    answers than an older one."""
    sequence = [(s["version"], s["answer_count"]) for s in pushed]
    counts: dict[int, int] = {}
    for version, count in sequence:
        counts.setdefault(version, count)
    found = [
        f"version {v} sent with {counts[v]} and with {n} answers"
        for v, n in sequence
        if n != counts[v]
    ]
    ordered = sorted(counts.items())
    found += [
        f"version {v} has {n} answers, an older one {m}"
        for (_, m), (v, n) in itertools.pairwise(ordered)
        if n < m
    ]
    return [f"{f}; (version, answers) pushed: {sequence}" for f in found[:1]]
