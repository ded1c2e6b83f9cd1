"""The server is SIGKILLed while many phones are answering, then restarted on the
same database and port. Nothing acked is lost, nothing unacked is lost or doubled,
and every client catches up by itself."""

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field

import pytest

from client import NotDelivered, Refused, join

from . import db
from .clients import Console, Phone, Screen

pytestmark = pytest.mark.live

PHONES = 30
ANSWERS = 6  # each phone sends this many answers, each with a new client id
KILL_AFTER = PHONES * ANSWERS // 3  # acks received before the kill
ACK_TIMEOUT = 5.0
RESTART = 30.0  # seconds a client may take to find the new server
SETTLE = 60.0  # seconds a phone may take to get its pending answer acked


@dataclass
class Sent:
    client_id: str
    answer: dict
    acked: bool  # the first send had its ack


@dataclass
class Burst:
    acks: int = 0
    log: dict[int, list[Sent]] = field(default_factory=dict)  # per phone index
    changed: threading.Condition = field(default_factory=threading.Condition)

    def record(self, index: int, sent: Sent) -> None:
        with self.changed:
            self.log.setdefault(index, []).append(sent)
            self.acks += sent.acked
            self.changed.notify_all()


def answer(index: int, k: int) -> dict:
    return {"roles": [["Samordnare", "Nav", "Mäklare"][k % 3], f"Svar {index}-{k}"]}


def settle(device: Phone) -> None:
    """Wait until the unacked answer is acked, as a phone's outbox does: the
    reconnect resends it, and so do we while connected (same client id)."""
    deadline = time.monotonic() + SETTLE
    while device.pending:
        assert time.monotonic() < deadline, f"still pending: {device.pending}"
        if device.connected:
            with suppress(NotDelivered):
                device.resent.extend(device.resend_pending(timeout=ACK_TIMEOUT))
        time.sleep(0.1)


def answer_in_a_loop(device: Phone, index: int, activity_id: int, burst: Burst):
    for k in range(ANSWERS):
        sent = answer(index, k)
        try:
            result = device.submit(activity_id, sent, timeout=ACK_TIMEOUT)
        except NotDelivered as lost:
            burst.record(index, Sent(lost.client_id, sent, acked=False))
            settle(device)
        else:
            assert not result.duplicate
            burst.record(index, Sent(result.client_id, sent, acked=True))


def reconnected(clients: list, connects: int) -> None:
    for c in clients:
        c.wait_until(lambda c: c.connected and c.connects >= connects, RESTART)


@pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)
def test_a_kill_mid_burst_loses_and_doubles_nothing(start_server, closing):
    first = start_server()
    leader = closing(Console(first.base_url)).sign_in(first.login_link)
    session_id = leader.start_session()
    leader.connect(session_id)
    activity_id = leader.activity_ids()[0]
    projector = closing(Screen(first.base_url, leader.projector_token))
    projector.connect()
    phones: list[Phone] = []
    for i in range(PHONES):
        token, _, _ = join(first.base_url, leader.join_code, f"Deltagare {i}", "SKL")
        phones.append(closing(Phone(first.base_url, token)))
        phones[-1].connect()
    leader.open_activity(activity_id)

    burst = Burst()
    with ThreadPoolExecutor(PHONES) as pool:
        running = [
            pool.submit(answer_in_a_loop, device, i, activity_id, burst)
            for i, device in enumerate(phones)
        ]
        with burst.changed:
            assert burst.changed.wait_for(lambda: burst.acks >= KILL_AFTER, 60)
        first.kill()  # SIGKILL while the other phones' submits are in flight
        second = start_server(port=first.port)  # same database, port, secret
        for done in running:
            done.result(timeout=SETTLE + 2 * ACK_TIMEOUT)

    reconnected([*phones, projector, leader], 2)
    unacked = [s for log in burst.log.values() for s in log if not s.acked]
    assert unacked, "no submit was in flight at the kill: the test proved nothing"
    for device in phones:
        assert (device.pending, device.dropped, device.errors) == ({}, [], [])
    print(
        f"\n{len(unacked)} answers lost their ack; on reconnect "
        f"{sum(r.duplicate for d in phones for r in d.resent)} of the resent "
        f"ones had been saved before the kill"
    )

    # Every answer sent, acked at once or resent, is applied exactly once.
    ids = {d.participant["id"]: i for i, d in enumerate(phones)}
    sent_ids = {s.client_id: p for p, i in ids.items() for s in burst.log[i]}
    assert len(sent_ids) == PHONES * ANSWERS
    assert db.receipts(second, session_id) == sent_ids
    # One submission per participant: the last answer it sent.
    stored = db.submissions(second, activity_id)
    assert stored == {p: [burst.log[i][-1].answer] for p, i in ids.items()}

    # The projector ends on what the database holds.
    version = db.activity_version(second, activity_id)
    projector.wait_until(
        lambda p: (p.snapshot(activity_id) or {}).get("version") == version, 10
    )
    shown = projector.snapshot(activity_id)
    assert (shown["answer_count"], shown["joined"], shown["state"]) == (
        PHONES,
        PHONES,
        "open",
    )
    for device in phones:
        state = device.sync()
        assert (state["activity"]["id"], state["activity"]["state"]) == (
            activity_id,
            "open",
        )
        assert [state["submission"]["answer"]] == stored[device.participant["id"]]

    # Locked, then killed again: every phone comes back to a closed activity
    # with its own answer, and can no longer change it.
    leader.close_activity(activity_id)
    second.kill()
    third = start_server(port=first.port)
    reconnected([*phones, projector, leader], 3)
    for device in phones:
        state = device.sync()
        assert state["activity"]["state"] == "closed"
        assert [state["submission"]["answer"]] == stored[device.participant["id"]]
    with pytest.raises(Refused) as refused:
        phones[0].submit(activity_id, answer(0, ANSWERS))
    assert refused.value.error == "closed"

    # Revealed, the projector's results are exactly the stored answers.
    leader.reveal_activity(activity_id)
    version = db.activity_version(third, activity_id)
    projector.wait_until(
        lambda p: (p.snapshot(activity_id) or {}).get("version") == version, 10
    )
    results = projector.snapshot(activity_id)["results"]
    expected = Counter(
        role for answers in stored.values() for role in answers[0]["roles"]
    )
    assert results["answers"] == PHONES
    assert {w["word"]: w["count"] for w in results["words"]} == expected
    assert db.submissions(third, activity_id) == stored
