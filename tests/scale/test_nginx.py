"""Through nginx, as phones reach the deployment: joins over HTTP, sockets over
long-polling (every request must reach the worker holding the connection) and
upgraded to websockets, spread over both workers though all come from one
address with one User-Agent, as a room of phones behind NAT does."""

import re
import time
from collections import defaultdict

import pytest

from client import Projector

from .conftest import BOTH

pytestmark = pytest.mark.live

PHONES = 16  # a phone's worker is a coin toss: all on one is a 1 in 2**15 chance
SID = re.compile(r"[?&]sid=([^&]+)")


def test_phones_polling_and_upgrading_through_nginx_stick_and_spread(
    cluster, leader, phone, closing
):
    activity = leader.activity_ids()[0]
    projector = closing(
        Projector(cluster.base_url, leader.projector_token, transports=("polling",))
    )
    projector.connect()
    # Half stay on long-polling for good, half upgrade to a websocket.
    phones = [
        phone(
            f"Deltagare {i}",
            "Vinnova",
            transports=("polling",) if i % 2 else BOTH,
        )
        for i in range(PHONES)
    ]
    leader.open_activity(activity)
    for i, device in enumerate(phones):
        device.submit(activity, {"roles": ["Samordnare" if i % 2 else "Nav"]})
    projector.wait_until(lambda p: p.answer_count(activity) == PHONES, 20)
    assert projector.answer_count(activity) == len(cluster.db.submissions(activity))
    for i, device in enumerate(phones):
        assert device.sio.transport() == ("polling" if i % 2 else "websocket")
        assert device.disconnects == 0 and device.connects == 1

    # nginx logs a websocket once it closes.
    for device in [*phones, projector]:
        device.close()
    routed = wait_for_log(cluster.nginx, "transport=websocket", PHONES // 2)
    workers_of_route = defaultdict(set)
    workers_of_sid = defaultdict(set)
    for route, uri, worker in routed:
        workers_of_route[route].add(worker)
        if match := SID.search(uri):
            workers_of_sid[match.group(1)].add(worker)
    # Every browser, and so every Socket.IO connection, kept to one worker...
    assert all(len(w) == 1 for w in workers_of_route.values()), workers_of_route
    assert all(len(w) == 1 for w in workers_of_sid.values()), workers_of_sid
    # ...that were long-polling (many requests each) and upgrading.
    uris = [uri for _, uri, _ in routed]
    assert sum("transport=polling" in u and "sid=" in u for u in uris) > 2 * PHONES
    assert sum("transport=websocket" in u and "sid=" in u for u in uris) >= PHONES // 2
    # ...and the phones, one address and one User-Agent, used both workers.
    joins = {route for route, uri, _ in routed if uri == "/api/join"}
    assert len(joins) == PHONES
    used = {next(iter(workers_of_route[r])) for r in joins}
    assert used == {f"127.0.0.1:{w.port}" for w in cluster.workers}


def wait_for_log(nginx, needle: str, count: int, timeout: float = 10) -> list:
    deadline = time.monotonic() + timeout
    while True:
        routed = nginx.routed()
        found = sum(needle in uri and "sid=" in uri for _, uri, _ in routed)
        if found >= count or time.monotonic() > deadline:
            return routed
        time.sleep(0.1)
