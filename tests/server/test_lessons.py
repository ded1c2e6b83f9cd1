"""A lessons round over Socket.IO: three phones write lessons, the leader
arranges the board, everyone dot-votes, the leader closes and reveals."""

import pytest

from .conftest import call, received
from .lessons_support import (
    World,
    activity_row,
    edit,
    latest_results,
    lessons_of,
    stored,
    submit,
)


@pytest.fixture
def world(app, client):
    made = World(app, client)
    yield made
    made.close()


def board_of(reply: dict) -> dict:
    assert reply["ok"], reply
    return reply["activity"]["merges"]


def test_a_whole_lessons_round(app, world):
    leader, aid = world.leader, world.activity_id
    assert call(leader, "open_activity", {"activity_id": aid})["ok"]
    anna = world.phone("Anna", "Region Skåne")
    bo = world.phone("Bo", "SKL")
    cecilia = world.phone("Cecilia", "Vinnova")
    first = submit(anna, aid, {"lessons": lessons_of("Möten bär", "Läs planen")})
    a = first["submission"]["id"]
    b = submit(bo, aid, {"lessons": lessons_of("Civilsamhället vet")})["submission"]
    c = submit(cecilia, aid, {"lessons": lessons_of("Våga leda")})["submission"]
    b, c = b["id"], c["id"]
    # Anna rewrites her second lesson: the first keeps its id, so its place.
    again = lessons_of("Möten bär", "Läs regionens plan")
    assert submit(anna, aid, {"lessons": again, "votes": {}})["submission"]["id"] == a

    # The project's eight themes are on the board as t1…t8; the leader adds one.
    board = board_of(edit(leader, aid, action="add_theme", name=" Ledarskap "))
    assert board["themes"][-1] == {"key": "t9", "name": "Ledarskap"}
    assert len(board["themes"]) == 9
    board = board_of(
        edit(leader, aid, action="rename_theme", theme="t9", name="Ledarskap och mod")
    )
    assert board["themes"][-1]["name"] == "Ledarskap och mod"
    for lesson, theme in [(f"{a}.l1", "t5"), (f"{a}.l2", "t3"), (f"{b}.l1", "t7")]:
        assert edit(leader, aid, action="place_lesson", lesson=lesson, theme=theme)[
            "ok"
        ]
    edit(leader, aid, action="place_lesson", lesson=f"{c}.l1", theme="t9")
    # "Använd strategiska dokument" is merged into "Definiera mera".
    board = board_of(edit(leader, aid, action="merge_themes", source="t3", target="t2"))
    assert board["merged"] == {"t3": "t2"}
    assert board["placed"][f"{a}.l2"] == "t2"
    assert "ballot" not in board  # nothing for phones while collecting

    board = board_of(edit(leader, aid, action="start_voting", dots=3))
    assert (board["phase"], board["dots"]) == ("vote", 3)
    # Phones are told, with the lessons of each theme to vote on.
    shown = received(bo, "activity")[-1]["merges"]
    assert shown["phase"] == "vote"
    assert shown["ballot"] == {
        "t2": ["Läs regionens plan"],
        "t5": ["Möten bär"],
        "t7": ["Civilsamhället vet"],
        "t9": ["Våga leda"],
    }

    assert submit(anna, aid, {"votes": {"t5": 2, "t9": 1}})["ok"]
    assert submit(
        bo,
        aid,
        {"lessons": lessons_of("Civilsamhället vet"), "votes": {"t9": 2, "t7": 1}},
    )["ok"]
    assert submit(cecilia, aid, {"votes": {"t9": 3}})["ok"]
    # Anna moves her dots; her lessons stay as they were.
    assert submit(anna, aid, {"votes": {"t5": 1, "t2": 2}})["ok"]
    assert stored(app, aid)[0] == {"lessons": again, "votes": {"t5": 1, "t2": 2}}

    results = latest_results(leader, aid)
    ranked = [(t["name"], t["votes"]) for t in results["themes"]][:4]
    assert ranked == [
        ("Ledarskap och mod", 5),
        ("Definiera mera", 2),
        ("Skapa möten och dialog", 1),
        ("Involvera det civila samhället", 1),
    ]
    top = results["themes"][0]
    assert top["lessons"] == [
        {
            "key": f"{c}.l1",
            "submission_id": c,
            "text": "Våga leda",
            "organisation": "Vinnova",
        }
    ]
    assert results["themes"][1]["merged"] == ["Använd strategiska dokument"]
    assert [x["text"] for x in results["unplaced"]] == []
    assert (results["voters"], results["votes"], results["answers"]) == (3, 9, 3)

    # Closing ends the voting; the outcome is frozen, and revealed to phones.
    assert call(leader, "close_activity", {"activity_id": aid})["ok"]
    refused = submit(cecilia, aid, {"votes": {"t9": 2}})
    assert refused["error"] == "closed"
    assert call(leader, "reveal_activity", {"activity_id": aid})["ok"]
    _, _, frozen = activity_row(app, aid)
    assert frozen["results"]["themes"][0]["votes"] == 5
    words = received(anna, "snapshot")[-1]["results"]["words"]
    assert words[0] == {"key": "t9", "word": "Ledarskap och mod", "count": 5}

    # A rename after the reveal reaches the archive too.
    edit(leader, aid, action="rename_theme", theme="t9", name="Mod att leda")
    _, _, frozen = activity_row(app, aid)
    assert frozen["results"]["themes"][0]["name"] == "Mod att leda"


def test_collecting_again_and_a_hidden_lesson_leaving_the_ballot(app, world):
    leader, aid = world.leader, world.activity_id
    call(leader, "open_activity", {"activity_id": aid})
    anna, bo = world.phone("Anna"), world.phone("Bo", "SKL")
    a = submit(anna, aid, {"lessons": lessons_of("Möten")})["submission"]["id"]
    b = submit(bo, aid, {"lessons": lessons_of("Dumheter")})["submission"]["id"]
    edit(leader, aid, action="place_lesson", lesson=f"{a}.l1", theme="t1")
    edit(leader, aid, action="place_lesson", lesson=f"{b}.l1", theme="t1")
    board = board_of(edit(leader, aid, action="start_voting", dots=2))
    assert board["ballot"] == {"t1": ["Möten", "Dumheter"]}
    assert submit(anna, aid, {"votes": {"t1": 2}})["ok"]

    hidden = call(leader, "hide_submission", {"submission_id": b, "hidden": True})
    assert hidden["ok"]
    assert received(anna, "activity")[-1]["merges"]["ballot"] == {"t1": ["Möten"]}
    assert latest_results(leader, aid)["themes"][0]["votes"] == 2

    # Back to collecting: lessons may change again, dots wait.
    board = board_of(edit(leader, aid, action="reopen_collecting"))
    assert board["phase"] == "collect"
    assert "ballot" not in board
    assert latest_results(leader, aid)["votes"] == 0
    edited = lessons_of("Möten bär")
    assert submit(anna, aid, {"lessons": edited, "votes": {}})["ok"]
    # Editing a lesson keeps the dots Anna gave; new dots must wait.
    assert stored(app, aid)[0] == {"lessons": edited, "votes": {"t1": 2}}
    refused = submit(anna, aid, {"lessons": edited, "votes": {"t1": 1}})
    assert refused["error"] == "not_voting"
    assert stored(app, aid)[0] == {"lessons": edited, "votes": {"t1": 2}}
    # Voting again: her dots count as they were.
    assert edit(leader, aid, action="start_voting", dots=2)["ok"]
    results = latest_results(leader, aid)
    assert (results["themes"][0]["key"], results["themes"][0]["votes"]) == ("t1", 2)
    assert (results["voters"], results["votes"]) == (1, 2)
