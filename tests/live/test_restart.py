"""A server killed without warning loses nothing it acked, and its clients come
back by themselves: they reconnect, sync, and send what never got an ack."""

import time

import pytest

from client import LeaderClient, NotDelivered, Participant, Projector, join

pytestmark = pytest.mark.live

RESTART = 30  # seconds a client may take to notice the new server


@pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)
def test_acked_answers_survive_a_kill_and_pending_ones_arrive_after(
    start_server, closing
):
    first = start_server()
    leader = closing(LeaderClient(first.base_url)).sign_in(first.login_link)
    leader.connect(leader.start_session())
    activity_id = leader.activity_ids()[0]
    projector = closing(Projector(first.base_url, leader.projector_token))
    projector.connect()
    phones = []
    for i in range(5):
        token, _, _ = join(
            first.base_url, leader.join_code, f"Deltagare {i}", "Vinnova"
        )
        phones.append(closing(Participant(first.base_url, token)))
        phones[-1].connect()
    leader.open_activity(activity_id)
    acked = {
        device.token: device.submit(activity_id, {"roles": [f"Roll {i}"]})
        for i, device in enumerate(phones[:4])
    }

    first.kill()  # SIGKILL: no shutdown, no flush
    for device in phones:
        device.wait_until(lambda d: not d.connected, 10)
    # The fifth phone answers while the server is down: no ack, kept pending.
    with pytest.raises(NotDelivered) as lost:
        phones[4].submit(activity_id, {"roles": ["Roll 4"]}, timeout=1)
    assert phones[4].pending[activity_id]["client_id"] == lost.value.client_id

    start_server(port=first.port)  # same database, same port, same secret

    for device in [*phones, projector, leader]:
        device.wait_until(lambda d: d.connects >= 2 and d.connected, RESTART)
    for device in phones[:4]:
        state = device.sync()
        assert state["submission"] == acked[device.token].submission
    # The pending answer went out again after the reconnect, with its own id.
    phones[4].wait_until(lambda d: not d.pending, 10)
    assert phones[4].sync()["submission"]["answer"] == {"roles": ["Roll 4"]}
    assert phones[4].errors == []

    projector.wait_until(lambda p: p.answer_count(activity_id) == 5, 10)
    again = phones[0].submit(
        activity_id, {"roles": ["Roll 0"]}, acked[phones[0].token].client_id
    )
    assert again.duplicate is True
    assert leader.sync()["snapshots"][0]["answer_count"] == 5


def test_a_token_refused_after_a_restart_stops_the_reconnecting(start_server, closing):
    first = start_server()
    leader = closing(LeaderClient(first.base_url)).sign_in(first.login_link)
    leader.connect(leader.start_session())
    token, _, _ = join(first.base_url, leader.join_code, "Anna", "Vinnova")
    device = closing(Participant(first.base_url, token))
    device.connect()

    first.kill()
    # A new secret: every token and cookie signed with the old one is stale.
    start_server(port=first.port, SECRET_KEY="another-secret")
    device.wait_until(lambda d: d.refusal is not None, RESTART)
    leader.wait_until(lambda c: c.refusal is not None, RESTART)
    assert device.refusal.error == "bad_token"
    assert leader.refusal.error == "not_signed_in"

    tries = len(device.connect_errors)
    time.sleep(2)  # a client still trying would have tried again by now
    assert len(device.connect_errors) == tries
    assert not device.connected
