"""Homework over real websockets: assigned by the leader, drafted and handed in
through client/, then shown at the next meeting, where late answers arrive live."""

import pytest

from client import LeaderClient, Participant, Projector, Refused, join

pytestmark = pytest.mark.live

DUE = "2099-01-20T17:00"


def mapping(region: str, *, lead: bool) -> dict:
    return {
        "region": region,
        "actors": [
            {
                "name": "Länsstyrelsen",
                "areas": [
                    {"area": "Boende", "mode": "leads" if lead else "contributes"}
                ],
            },
            {
                "name": "Kommunerna",
                "areas": [{"area": "Boende", "mode": "contributes"}],
            },
        ],
        "relations": [
            {
                "from": "Länsstyrelsen",
                "to": "Kommunerna",
                "type": "samverkan",
                "clear": False,
            }
        ],
    }


def test_homework_from_assignment_to_the_next_meetings_projector(server, closing):
    leader = closing(LeaderClient(server.base_url))
    leader.sign_in(server.login_link)
    items = leader.homework_items()
    assert len(items) == 2  # Andras ögon in Träff 1, actor mapping in Träff 2
    homework_id = leader.assign_homework(items[1], DUE)
    owner = closing(LeaderClient(server.base_url))
    owner.sign_in(server.new_login_link())
    owner.connect(homework_id)
    code = owner.join_code
    activity_id = owner.activity_ids()[0]

    token, _, session = join(server.base_url, code, "Anna", "Region Skåne")
    assert session["mode"] == "homework"
    anna = closing(Participant(server.base_url, token))
    state = anna.connect()
    assert state["activity"]["due_at"] == "2099-01-20T16:00:00.000Z"
    assert state["draft"] is None
    anna.save_draft(activity_id, {"region": "Region Skåne", "actors": []})
    anna.submit(activity_id, mapping("Region Skåne", lead=True))
    unknown = mapping("Region Skåne", lead=True)
    unknown["relations"][0]["to"] = "Migrationsverket"  # not among its actors
    with pytest.raises(Refused) as refused:
        anna.submit(activity_id, unknown)
    assert refused.value.error == "unknown_actor"

    # The next meeting starts and shows the homework on its projector.
    meeting = closing(LeaderClient(server.base_url))
    meeting.sign_in(server.new_login_link())
    meeting.connect(meeting.start_session(meeting.meeting_ids()[2]))
    screen = closing(Projector(server.base_url, meeting.projector_token))
    screen.connect()
    meeting.show_homework(activity_id)
    screen.wait_until(lambda p: p.snapshot(activity_id) is not None, 5)
    first = screen.snapshot(activity_id)
    assert first["results"]["mellanrum"]["unclear"] == []  # one region so far

    # A late answer from another region: the unclear interface is a mellanrum now.
    token, _, _ = join(server.base_url, code, "Bo", "Region Halland")
    bo = closing(Participant(server.base_url, token))
    bo.connect()
    bo.submit(activity_id, mapping("Region Halland", lead=False))
    screen.wait_until(lambda p: p.snapshot(activity_id)["answer_count"] == 2, 5)
    results = screen.snapshot(activity_id)["results"]
    assert results["mellanrum"]["unclear"][0]["regions"] == [
        "Region Halland",
        "Region Skåne",
    ]
    assert [u["area"] for u in results["mellanrum"]["unled"]] == ["Boende"]
    assert {n["label"] for n in results["network"]["nodes"]} == {
        "Länsstyrelsen",
        "Kommunerna",
    }
