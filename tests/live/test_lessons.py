"""A lessons board driven through client/ against a real server: the leader's
``edit_lessons_board``, phones that vote once the board says so."""

import pytest

from client import LeaderClient, Participant, Refused, join
from tests.support.programme_items import add_item

pytestmark = pytest.mark.live

PROMPT = "Vad har vi lärt oss?"


def test_a_board_through_the_client(server, closing):
    add_item(server, "Träff 4", "lessons", PROMPT, {"dots": 2})
    leader = closing(LeaderClient(server.base_url))
    leader.sign_in(server.login_link)
    leader.connect(leader.start_session(leader.meeting_ids()[3]))
    aid = next(a["id"] for a in leader.state["activities"] if a["kind"] == "lessons")
    leader.open_activity(aid)
    token, _, _ = join(server.base_url, leader.join_code, "Anna", "Region Skåne")
    anna = closing(Participant(server.base_url, token))
    anna.connect()
    sent = anna.submit(aid, {"lessons": [{"id": "a1", "text": "Möten bär"}]})
    ref = f"{sent.submission['id']}.a1"

    board = leader.edit_lessons_board(aid, "add_theme", name="Mod")["merges"]
    assert board["themes"][-1] == {"key": "t9", "name": "Mod"}
    leader.edit_lessons_board(aid, "place_lesson", lesson=ref, theme="t9")
    with pytest.raises(Refused) as refused:
        leader.edit_lessons_board(aid, "merge_themes", source="t9", target="t9")
    assert refused.value.error == "invalid_merge"
    board = leader.edit_lessons_board(aid, "start_voting", dots=2)["merges"]
    assert (board["phase"], board["ballot"]) == ("vote", {"t9": ["Möten bär"]})

    anna.wait_until(lambda p: p.activities.get(aid)["merges"].get("phase") == "vote")
    anna.submit(aid, {"votes": {"t9": 2}})
    leader.wait_until(
        lambda c: (c.snapshot(aid) or {}).get("results", {}).get("votes") == 2
    )
    top = leader.snapshot(aid)["results"]["themes"][0]
    assert (top["name"], top["votes"], top["lessons"][0]["key"]) == ("Mod", 2, ref)
