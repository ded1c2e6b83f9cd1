"""What a phone keeps to send again when no ack came (no server needed)."""

import pytest

from client import NotDelivered, Participant


@pytest.fixture
def offline():
    device = Participant("http://127.0.0.1:9", "token")  # never connected
    yield device
    device.close()


def test_an_answer_without_an_ack_stays_pending_with_its_client_id(offline):
    with pytest.raises(NotDelivered) as lost:
        offline.submit(4, {"roles": ["Nav"]})
    pending = offline.pending[4]
    assert pending["client_id"] == lost.value.client_id
    assert 8 <= len(pending["client_id"]) <= 64
    assert pending["answer"] == {"roles": ["Nav"]}


def test_a_newer_answer_replaces_the_pending_one_of_its_activity(offline):
    for roles, client_id in ((["Nav"], "first-0001"), (["Visionär"], "second-001")):
        with pytest.raises(NotDelivered):
            offline.submit(4, {"roles": roles}, client_id=client_id)
    with pytest.raises(NotDelivered):
        offline.submit(5, {"roles": ["Nav"]}, client_id="other-0001")
    assert {a: p["client_id"] for a, p in offline.pending.items()} == {
        4: "second-001",
        5: "other-0001",
    }


def test_a_resend_without_a_connection_keeps_everything_pending(offline):
    with pytest.raises(NotDelivered):
        offline.submit(4, {"roles": ["Nav"]}, client_id="first-0001")
    with pytest.raises(NotDelivered):
        offline.resend_pending()
    assert offline.pending[4]["client_id"] == "first-0001"
