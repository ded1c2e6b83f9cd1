"""Redis restarts mid-session. Answers sent while it is away are acked all the
same (the database is the source of truth), the workers reconnect to it by
themselves, and the heartbeat brings every screen to the database's state."""

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from client import Projector

from .database import shown_submissions
from .processes import RedisServer

pytestmark = pytest.mark.live

# python-socketio's Redis listener retries after 1, 2, 4, 8 ... seconds.
RECOVER = 40
OUTAGE = 3  # seconds Redis stays away


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(private_redis: RedisServer) -> str:
    """This module's cluster uses the private Redis, to restart it."""
    return private_redis.url


def test_answers_sent_while_redis_is_away_reach_every_screen(
    cluster, private_redis, leader, phone, closing
):
    first, second = cluster.workers
    db = cluster.db
    activity = leader.activity_ids()[0]
    projector = closing(Projector(second.base_url, leader.projector_token))
    projector.connect()
    phones = [phone(f"Deltagare {i}", "Vinnova", on=first.base_url) for i in range(6)]
    leader.open_activity(activity)
    acked = [p.submit(activity, {"roles": ["Samordnare"]}) for p in phones[:3]]
    # Through Redis: answers on the first worker reach the second's projector.
    projector.wait_until(lambda p: p.answer_count(activity) == 3, 10)

    private_redis.stop()
    # Acked without Redis: one phone changes its answer, three answer, and one
    # joins now (HTTP through nginx) and answers.
    acked.append(phones[0].submit(activity, {"roles": ["Nav"]}))
    acked += [p.submit(activity, {"roles": ["Mäklare"]}) for p in phones[3:]]
    late = phone("Sen deltagare", "Region Skåne", on=first.base_url)
    acked.append(late.submit(activity, {"roles": ["Nätverkare"]}))
    assert not any(a.duplicate for a in acked)
    time.sleep(OUTAGE)  # the listeners back off meanwhile

    private_redis.start()  # the same port, empty
    # Both workers subscribe again by themselves.
    deadline = time.monotonic() + RECOVER
    while subscribers(private_redis, cluster.channel) < len(cluster.workers):
        assert time.monotonic() < deadline, "the workers did not subscribe again"
        time.sleep(0.2)
    version = db.version(activity)
    for screen in (projector, leader):
        screen.wait_until(lambda s: at_version(s, activity, version), RECOVER)
    # No answer lost: every ack is in the database, and the screens show it.
    stored = db.submissions(activity)
    assert db.client_ids(activity) == {a.client_id for a in acked}
    assert len(stored) == 7
    assert projector.answer_count(activity) == 7
    assert shown_submissions(leader.snapshot(activity)) == stored
    assert projector.snapshot(activity)["joined"] == db.joined(leader.session_id)

    # Messages cross between the workers again, not only the heartbeat's: the
    # end of the session is sent once, from the leader's worker, to phones on
    # the first worker and the projector on the second.
    phones[1].submit(activity, {"roles": ["Visionär"]})
    leader.end_session()
    for screen in [projector, late, *phones]:
        screen.wait_until(lambda s: s.events["session_ended"], 10)
    # The sockets never noticed: Redis is only between the workers.
    assert projector.disconnects == 0 and all(p.disconnects == 0 for p in phones)
    assert all(w.proc.poll() is None for w in cluster.workers)


def subscribers(server: RedisServer, channel: str) -> int:
    with redis.Redis.from_url(server.url, socket_timeout=2) as r:
        return dict(r.pubsub_numsub(channel)).get(channel.encode(), 0)


def at_version(screen, activity: int, version: int) -> bool:
    snap = screen.snapshot(activity)
    return snap is not None and snap["version"] == version
