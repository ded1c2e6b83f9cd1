"""Bad input over the real socket and HTTP: refused with the protocol's error
code, and a refused request changes nothing."""

import pytest

from client import ConnectRefused, LeaderClient, Participant, Projector, Refused, join

pytestmark = pytest.mark.live

GOOD = {"roles": ["Samordnare"]}


def test_a_wrong_join_code_is_unknown(server, leader):
    with pytest.raises(Refused) as refused:
        join(server.base_url, "ZZZZZZ", "Anna", "Region Skåne")
    assert (refused.value.error, refused.value.status) == ("unknown_code", 404)
    assert refused.value.message


def test_a_join_with_bad_fields_is_refused(server, leader):
    with pytest.raises(Refused) as refused:
        join(server.base_url, leader.join_code, "A" * 81, "Region Skåne")
    assert (refused.value.error, refused.value.status) == ("too_long", 400)
    with pytest.raises(Refused) as refused:
        join(server.base_url, leader.join_code, "   ", "Region Skåne")
    assert refused.value.error == "required"
    assert leader.sync()["joined"] == 0


def test_anonymity_needs_the_sessions_consent(server, leader, closing):
    with pytest.raises(Refused) as refused:
        join(server.base_url, leader.join_code, "", "SKL", anonymous=True)
    assert (refused.value.error, refused.value.status) == ("anonymous_not_allowed", 400)

    open_door = closing(LeaderClient(server.base_url))
    open_door.sign_in(server.new_login_link())
    open_door.connect(open_door.start_session(allow_anonymous=True))
    _, participant, session = join(
        server.base_url, open_door.join_code, "Anna", "SKL", anonymous=True
    )
    assert session["allow_anonymous"] is True
    assert (participant["anonymous"], participant["name"]) == (True, "")


def test_a_forged_participant_token_cannot_connect(server, leader, closing):
    forged = closing(Participant(server.base_url, "eyJwIjoxLCJzIjoxfQ.forged"))
    with pytest.raises(ConnectRefused) as refused:
        forged.connect()
    assert refused.value.error == "bad_token"
    assert forged.connect_errors[-1]["data"]["error"] == "bad_token"
    assert not forged.connected


def test_a_forged_projector_token_cannot_connect(server, leader, closing):
    screen = closing(Projector(server.base_url, "not-a-projector-token"))
    with pytest.raises(ConnectRefused) as refused:
        screen.connect()
    assert refused.value.error == "bad_token"


def test_a_console_needs_a_signed_in_leader(server, leader, closing):
    stranger = closing(LeaderClient(server.base_url))
    with pytest.raises(ConnectRefused) as refused:
        stranger.connect(leader.session_id)
    assert refused.value.error == "not_signed_in"


def test_a_sign_in_link_works_once(server, closing):
    first = closing(LeaderClient(server.base_url)).sign_in(server.login_link)
    assert first.meeting_ids()
    with pytest.raises(Refused) as refused:
        closing(LeaderClient(server.base_url)).sign_in(server.login_link)
    assert refused.value.status == 403


def test_a_phone_may_not_lead(server, leader, activity_id, phone):
    device = phone()
    ack = device.call("open_activity", {"activity_id": activity_id})
    assert (ack["ok"], ack["error"]) == (False, "forbidden")
    assert leader.sync()["activities"][0]["state"] == "draft"


def test_bad_answers_are_refused_and_change_nothing(
    server, leader, activity_id, projector, phone
):
    device = phone()
    leader.open_activity(activity_id)
    kept = device.submit(activity_id, GOOD)
    projector.wait_until(lambda p: p.answer_count(activity_id) == 1, 5)
    version = projector.snapshot(activity_id)["version"]

    refusals = {
        "too_long": {"roles": ["x" * 61]},
        "required": {"roles": ["  "]},
        "too_many": {"roles": [f"Roll {i}" for i in range(13)]},
        "invalid": {"roles": "Samordnare"},
    }
    for code, answer in refusals.items():
        with pytest.raises(Refused) as refused:
            device.submit(activity_id, answer)
        assert refused.value.error == code, answer
        assert refused.value.message
    with pytest.raises(Refused) as refused:
        device.submit(activity_id + 1000, GOOD)
    assert refused.value.error == "unknown_activity"

    assert device.pending == {}  # refused answers are not sent again
    assert device.sync()["submission"] == kept.submission
    assert leader.sync()["activities"][0]["version"] == version


@pytest.mark.parametrize(
    "payload",
    [
        "not an object",
        {"activity_id": "1", "client_id": "abcdefgh", "answer": GOOD},
        {"activity_id": 1, "client_id": "short", "answer": GOOD},
        {"activity_id": 1, "client_id": "has spaces in it", "answer": GOOD},
        {"activity_id": 1, "client_id": "abcdefgh", "answer": ["Samordnare"]},
        {"activity_id": 1, "client_id": "abcdefgh", "answer": GOOD, "extra": 1},
        {"activity_id": 1, "answer": GOOD},
    ],
)
def test_a_malformed_submit_is_invalid(server, leader, activity_id, phone, payload):
    device = phone()
    leader.open_activity(activity_id)
    ack = device.call("submit", payload)
    assert (ack["ok"], ack["error"]) == (False, "invalid")
    assert device.sync()["submission"] is None


def test_answers_to_a_closed_activity_are_refused(
    server, leader, activity_id, projector, phone
):
    device = phone()
    with pytest.raises(Refused) as refused:
        device.submit(activity_id, GOOD)  # still a draft
    assert refused.value.error == "closed"

    leader.open_activity(activity_id)
    kept = device.submit(activity_id, GOOD)
    leader.close_activity(activity_id)
    with pytest.raises(Refused) as refused:
        device.submit(activity_id, {"roles": ["Nav"]})
    assert refused.value.error == "closed"
    # The old answer stands, and its retry is still recognised as applied.
    assert device.submit(activity_id, GOOD, kept.client_id).duplicate is True
    assert device.sync()["submission"] == kept.submission


def test_the_leader_is_refused_out_of_order(server, leader, activity_id):
    with pytest.raises(Refused) as refused:
        leader.close_activity(activity_id)
    assert refused.value.error == "not_open"
    with pytest.raises(Refused) as refused:
        leader.open_activity(activity_id, timer_seconds=0)
    assert refused.value.error == "invalid_timer"
    ack = leader.call(
        "open_activity", {"activity_id": activity_id, "timer_seconds": "5"}
    )
    assert ack["error"] == "invalid"
    leader.open_activity(activity_id)
    with pytest.raises(Refused) as refused:
        leader.open_activity(activity_id)
    assert refused.value.error == "already_open"


def test_an_ended_session_takes_no_one(server, leader, activity_id, phone):
    device = phone()
    leader.open_activity(activity_id)
    ended = leader.end_session()
    assert ended["status"] == "ended"
    device.wait_until(lambda d: d.events["session_ended"], 5)
    with pytest.raises(Refused) as refused:
        join(server.base_url, leader.join_code, "Sen", "SKL")
    assert (refused.value.error, refused.value.status) == ("session_ended", 409)
    with pytest.raises(Refused) as refused:
        device.submit(activity_id, GOOD)
    assert refused.value.error == "closed"
