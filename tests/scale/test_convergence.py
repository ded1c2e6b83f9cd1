"""Phones on one worker, the projector on the other, the leader through nginx:
after a burst, every screen shows exactly what the database holds."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from client import Projector

from .database import shown_submissions, shown_words

pytestmark = pytest.mark.live

PHONES = 16
ORGANISATIONS = ("Region Skåne", "Vinnova", "Länsstyrelsen", "")
ROLES = ("Samordnare", "Mäklare", "Nätverkare", "Dörröppnare", "Nav", "Visionär")
CONVERGE = 20  # seconds: snapshots every 0.1 s, a heartbeat every second


def answers(i: int) -> list[dict]:
    """Each phone's answers in order; every third changes its mind."""
    first = {"roles": [ROLES[i % len(ROLES)], ROLES[(i * 3 + 1) % len(ROLES)]]}
    if i % 3:
        return [first]
    return [first, {"roles": [ROLES[(i + 2) % len(ROLES)]]}]


def test_a_burst_on_one_worker_converges_on_the_other(cluster, leader, phone, closing):
    first, second = cluster.workers
    activity = leader.activity_ids()[0]
    projector = closing(Projector(second.base_url, leader.projector_token))
    projector.connect()
    phones = [
        phone(
            f"Deltagare {i}", ORGANISATIONS[i % len(ORGANISATIONS)], on=first.base_url
        )
        for i in range(PHONES)
    ]
    leader.open_activity(activity)

    def answer(i: int) -> list[str]:
        return [phones[i].submit(activity, a).client_id for a in answers(i)]

    with ThreadPoolExecutor(PHONES) as pool:
        acked = [cid for ids in pool.map(answer, range(PHONES)) for cid in ids]

    # Every acked submit is in the database, once; one answer per phone.
    db = cluster.db
    assert db.client_ids(activity) == set(acked)
    stored = db.submissions(activity)
    assert len(stored) == PHONES
    assert {s["name"]: s["answer"] for s in stored} == {
        f"Deltagare {i}": answers(i)[-1] for i in range(PHONES)
    }

    version = db.version(activity)
    for screen in (projector, leader):
        screen.wait_until(lambda s: at_version(s, activity, version), CONVERGE)
    assert projector.snapshot(activity)["answer_count"] == PHONES
    assert projector.snapshot(activity)["joined"] == db.joined(leader.session_id)
    assert shown_submissions(leader.snapshot(activity)) == stored

    # Once revealed, the projector's words are the database's, count for count.
    leader.reveal_activity(activity)
    version = db.version(activity)
    for screen in (projector, leader):
        screen.wait_until(lambda s: at_version(s, activity, version), CONVERGE)
    expected = db.words(activity)
    assert shown_words(projector.snapshot(activity)) == expected
    assert shown_words(leader.snapshot(activity)) == expected
    assert projector.snapshot(activity)["results"]["answers"] == PHONES


def at_version(screen, activity: int, version: int) -> bool:
    snap = screen.snapshot(activity)
    return snap is not None and snap["version"] == version
