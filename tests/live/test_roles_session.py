"""A Roles activity run end to end over real websockets: phones, projector, leader."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from client import Participant, join

pytestmark = pytest.mark.live

SNAPSHOT_INTERVAL = 0.1  # seconds; what ServerProcess gives the server

SAMORDNARE = {"roles": ["Samordnare", "Nätverkare"]}


def snapshot_state(client, activity_id):
    return (client.snapshot(activity_id) or {}).get("state")


def activity_state(client, activity_id):
    return (client.activities.get(activity_id) or {}).get("state")


def test_a_phone_answers_and_the_projector_shows_it(
    server, leader, activity_id, projector, closing
):
    code = leader.join_code
    typed = f"{code[:3].lower()} {code[3:].lower()}"  # as a person types it
    token, participant, session = join(server.base_url, typed, "Anna", "Region Skåne")
    assert session["join_code"] == code
    assert participant["name"] == "Anna"
    phone = closing(Participant(server.base_url, token))
    assert phone.connect()["participant"]["id"] == participant["id"]

    opened = leader.open_activity(activity_id)
    assert opened["state"] == "open"
    phone.wait_until(lambda p: activity_state(p, activity_id) == "open", 5)

    submitted = phone.submit(activity_id, SAMORDNARE)
    assert submitted.duplicate is False
    assert submitted.submission["answer"] == SAMORDNARE

    projector.wait_until(lambda p: p.answer_count(activity_id) == 1, 5)
    # Results stay hidden until the leader reveals them, then show the words.
    assert projector.snapshot(activity_id)["results"] is None
    leader.reveal_activity(activity_id)
    projector.wait_until(lambda p: p.top_word(activity_id) is not None, 5)
    words = projector.snapshot(activity_id)["results"]["words"]
    assert [(w["word"], w["count"]) for w in words] == [
        ("Nätverkare", 1),
        ("Samordnare", 1),
    ]
    # Once revealed, the phone gets the results too.
    phone.wait_until(lambda p: p.snapshot(activity_id) is not None, 5)


def test_the_top_word_is_the_most_named(server, leader, activity_id, projector, phone):
    phones = [phone(f"Deltagare {i}") for i in range(3)]
    leader.open_activity(activity_id)
    phones[0].submit(activity_id, {"roles": ["Nav", "Samordnare"]})
    phones[1].submit(activity_id, {"roles": ["samordnare "]})  # same word, typed
    phones[2].submit(activity_id, {"roles": ["Innovatör"]})
    leader.set_hide_results(activity_id, hidden=False)
    projector.wait_until(
        lambda p: p.answer_count(activity_id) == 3 and p.top_word(activity_id), 5
    )
    top = projector.snapshot(activity_id)["results"]["words"][0]
    assert (top["word"], top["count"]) == ("Samordnare", 2)


@pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)
def test_a_burst_of_phones_is_acked_and_coalesced(
    server, leader, activity_id, projector, phone
):
    phones = [phone(f"Deltagare {i}", "Region Halland") for i in range(30)]
    leader.open_activity(activity_id)
    projector.wait_until(lambda p: snapshot_state(p, activity_id) == "open", 5)
    before = len(projector.snapshots.seen[activity_id])

    start = threading.Barrier(len(phones))

    def answer(device: Participant):
        start.wait(10)
        return device.submit(activity_id, {"roles": ["Samordnare"]})

    began = time.monotonic()
    with ThreadPoolExecutor(len(phones)) as pool:
        results = list(pool.map(answer, phones))

    assert all(not r.duplicate for r in results)
    assert len({r.submission["id"] for r in results}) == 30
    projector.wait_until(lambda p: p.answer_count(activity_id) == 30, 10)
    took = time.monotonic() - began

    seen = projector.snapshots.seen[activity_id]
    burst = seen[before:]
    # 30 changes, but at most one snapshot per interval (and one to end on):
    # here that is a handful, far fewer than one per answer.
    assert 1 <= len(burst) <= took / SNAPSHOT_INTERVAL + 2, (took, seen)
    assert len(burst) < len(phones) / 2, (took, seen)
    assert seen == sorted(set(seen)), f"versions not strictly increasing: {seen}"
    # The leader's console follows the same versions, with every submission.
    leader.wait_until(
        lambda c: (c.snapshot(activity_id) or {}).get("answer_count") == 30, 5
    )
    assert len(leader.snapshot(activity_id)["submissions"]) == 30


def test_a_retried_submit_is_applied_once(
    server, leader, activity_id, projector, phone
):
    device = phone()
    leader.open_activity(activity_id)
    first = device.submit(activity_id, SAMORDNARE, client_id="retry-0001")
    projector.wait_until(lambda p: p.answer_count(activity_id) == 1, 5)
    version = projector.snapshot(activity_id)["version"]

    again = device.submit(activity_id, SAMORDNARE, client_id="retry-0001")
    assert again.duplicate is True
    assert again.submission == first.submission
    # A duplicate changes nothing: no new version, the count stays one.
    other = phone("Bertil")
    other.submit(activity_id, {"roles": ["Nav"]})
    projector.wait_until(lambda p: p.answer_count(activity_id) == 2, 5)
    assert projector.snapshot(activity_id)["version"] == version + 1


def test_a_new_answer_replaces_the_old_one(
    server, leader, activity_id, projector, phone
):
    device = phone()
    leader.open_activity(activity_id)
    device.submit(activity_id, {"roles": ["Nav"]})
    changed = device.submit(activity_id, {"roles": ["Visionär"]})
    assert changed.duplicate is False
    leader.set_hide_results(activity_id, hidden=False)
    projector.wait_until(lambda p: p.top_word(activity_id) == "Visionär", 5)
    assert projector.answer_count(activity_id) == 1
    assert device.sync()["submission"]["answer"] == {"roles": ["Visionär"]}


def test_a_phone_that_reconnects_is_the_same_participant(
    server, leader, activity_id, projector, phone, closing
):
    device = phone()
    leader.open_activity(activity_id)
    sent = device.submit(activity_id, SAMORDNARE)

    device.disconnect()
    assert not device.connected
    state = device.connect()
    assert state["submission"]["answer"] == SAMORDNARE
    assert state["submission"]["id"] == sent.submission["id"]

    # A reloaded page: a new socket with the same token, sending the same answer.
    reloaded = closing(Participant(server.base_url, device.token))
    assert reloaded.connect()["participant"] == device.participant
    assert reloaded.submit(activity_id, SAMORDNARE, sent.client_id).duplicate is True

    projector.wait_until(lambda p: p.answer_count(activity_id) == 1, 5)
    assert projector.sync()["joined"] == 1
