"""Every bad lesson, vote and board change is refused with a clear error, and
changes nothing: not the stored answers, not the board, not the version."""

import pytest

from .conftest import call
from .lessons_support import (
    World,
    activity_row,
    count_submissions,
    edit,
    lessons_of,
    stored,
    submit,
)

MINE = lessons_of("Möten bär", "Läs planen")


@pytest.fixture
def world(app, client):
    made = World(app, client)
    yield made
    made.close()


def assert_refused(app, world, reply, code):
    """The refusal is in protocol form and the activity is as it was."""
    assert (reply["ok"], reply["error"]) == (False, code), reply
    assert isinstance(reply["message"], str) and reply["message"]
    assert activity_row(app, world.activity_id) == world.before


def remember(app, world):
    world.before = activity_row(app, world.activity_id)
    world.answers = stored(app, world.activity_id)


BAD_LESSONS = [
    ({"lessons": [{"id": "l1", "text": "   "}]}, "required"),
    ({"lessons": []}, "required"),
    ({"votes": {}}, "required"),
    ({"lessons": [{"id": "l1", "text": "x" * 281}]}, "too_long"),
    ({"lessons": lessons_of("a", "b", "c")}, "too_many"),
    ({"lessons": MINE, "votes": {"t1": 1}}, "not_voting"),
    ({"lessons": "Möten"}, "invalid"),
    ({"lessons": [{"id": "L 1", "text": "Möten"}]}, "invalid"),
    (
        {"lessons": [{"id": "l1", "text": "A"}, {"id": "l1", "text": "B"}]},
        "invalid",
    ),
    ({"lessons": MINE, "votes": ["t1"]}, "invalid"),
    ({"lessons": MINE, "votes": {"t1": -1}}, "invalid"),
]


def test_bad_lessons_change_nothing(app, world):
    call(world.leader, "open_activity", {"activity_id": world.activity_id})
    phone = world.phone()
    assert submit(phone, world.activity_id, {"lessons": MINE})["ok"]
    remember(app, world)
    for answer, code in BAD_LESSONS:
        reply = submit(phone, world.activity_id, answer)
        assert_refused(app, world, reply, code)
        assert stored(app, world.activity_id) == world.answers


BAD_VOTES = [
    ({"votes": {"t1": 2, "t2": 2}}, "too_many_dots"),
    ({"votes": {"t1": 11}}, "too_many_dots"),
    ({"votes": {"t3": 1}}, "closed_theme"),
    ({"votes": {"t99": 1}}, "unknown_theme"),
    (
        {"lessons": lessons_of("Möten bär", "Läs planen!"), "votes": {}},
        "voting_started",
    ),
    ({"lessons": MINE[:1], "votes": {"t1": 1}}, "voting_started"),
    ({"lessons": [], "votes": {"t1": 1}}, "voting_started"),
    ({"votes": {"t1": "2"}}, "invalid"),
    ({"votes": {"t1": 1.5}}, "invalid"),
    ({"votes": 3}, "invalid"),
]


def test_bad_votes_change_nothing(app, world):
    leader, aid = world.leader, world.activity_id
    call(leader, "open_activity", {"activity_id": aid})
    phone = world.phone()
    assert submit(phone, aid, {"lessons": MINE})["ok"]
    edit(leader, aid, action="merge_themes", source="t3", target="t1")
    edit(leader, aid, action="start_voting", dots=3)
    assert submit(phone, aid, {"votes": {"t1": 1}})["ok"]
    remember(app, world)
    for answer, code in BAD_VOTES:
        assert_refused(app, world, submit(phone, aid, answer), code)
        assert stored(app, aid) == world.answers


def test_votes_before_voting_opened_are_refused_for_a_newcomer(app, world):
    call(world.leader, "open_activity", {"activity_id": world.activity_id})
    remember(app, world)
    reply = submit(world.phone(), world.activity_id, {"votes": {"t1": 1}})
    assert_refused(app, world, reply, "not_voting")
    assert count_submissions(app, world.activity_id) == 0


def place(lesson, theme="t1"):
    return {"action": "place_lesson", "lesson": lesson, "theme": theme}


BAD_CHANGES = [
    ({"action": "add_theme", "name": "  "}, "required"),
    ({"action": "add_theme", "name": "x" * 121}, "too_long"),
    ({"action": "add_theme", "name": "definiera MERA"}, "duplicate_theme"),
    ({"action": "rename_theme", "theme": "t99", "name": "X"}, "unknown_theme"),
    ({"action": "rename_theme", "theme": "t3", "name": "X"}, "closed_theme"),
    (
        {"action": "rename_theme", "theme": "t1", "name": "Bygg kunskap"},
        "duplicate_theme",
    ),
    ({"action": "merge_themes", "source": "t1", "target": "t1"}, "invalid_merge"),
    ({"action": "merge_themes", "source": "t3", "target": "t1"}, "closed_theme"),
    ({"action": "merge_themes", "source": "t1", "target": "t99"}, "unknown_theme"),
    (place("{sub}.l9"), "unknown_lesson"),
    (place("{other}.l1"), "unknown_lesson"),
    (place("99999999.l1"), "unknown_lesson"),
    (place("9999999999.l1"), "unknown_lesson"),
    (place("{sub}"), "unknown_lesson"),
    (place("{sub}.l1", "t3"), "closed_theme"),
    (place("{sub}.l1", "t99"), "unknown_theme"),
    ({"action": "start_voting", "dots": 0}, "invalid"),
    ({"action": "start_voting", "dots": 11}, "invalid"),
    ({"action": "reopen_collecting"}, "not_voting"),
    ({"action": "start_voting", "dots": "3"}, "invalid"),
    ({"action": "shuffle"}, "invalid"),
    ({"action": "add_theme"}, "invalid"),
    ({"action": "add_theme", "name": "X", "key": "t1"}, "invalid"),
    ({"action": "place_lesson", "lesson": "1.a"}, "invalid"),
    ({"action": "rename_theme", "theme": "x" * 17, "name": "X"}, "invalid"),
]


def test_bad_board_changes_change_nothing(app, world):
    leader, aid = world.leader, world.activity_id
    call(leader, "open_activity", {"activity_id": aid})
    sub = submit(world.phone(), aid, {"lessons": MINE})["submission"]["id"]
    call(leader, "open_activity", {"activity_id": world.session.other_id})
    answered = submit(world.phone("Bo"), world.session.other_id, {"text": "Ett svar"})
    other = answered["submission"]["id"]
    call(leader, "open_activity", {"activity_id": aid})
    edit(leader, aid, action="merge_themes", source="t3", target="t2")
    remember(app, world)
    for change, code in BAD_CHANGES:
        if isinstance(change.get("lesson"), str):
            lesson = change["lesson"].format(sub=sub, other=other)
            change = {**change, "lesson": lesson}
        payload = {"activity_id": aid, "change": change}
        reply = call(leader, "edit_lessons_board", payload)
        assert_refused(app, world, reply, code)


def test_voting_starts_only_while_open(app, world):
    leader, aid = world.leader, world.activity_id
    remember(app, world)
    draft = edit(leader, aid, action="start_voting", dots=3)
    assert_refused(app, world, draft, "not_open")
    call(leader, "open_activity", {"activity_id": aid})
    call(leader, "close_activity", {"activity_id": aid})
    remember(app, world)
    assert_refused(
        app, world, edit(leader, aid, action="start_voting", dots=3), "not_open"
    )
    call(leader, "open_activity", {"activity_id": aid})
    assert edit(leader, aid, action="start_voting", dots=3)["ok"]
    remember(app, world)
    again = edit(leader, aid, action="start_voting", dots=2)
    assert_refused(app, world, again, "already_voting")


def test_only_the_leader_edits_only_a_lessons_board_of_a_running_session(app, world):
    leader, aid = world.leader, world.activity_id
    remember(app, world)
    phone = world.phone()
    change = {"action": "add_theme", "name": "Mod"}
    payload = {"activity_id": aid, "change": change}
    assert_refused(app, world, call(phone, "edit_lessons_board", payload), "forbidden")
    assert_refused(
        app,
        world,
        call(leader, "edit_lessons_board", {**payload, "extra": 1}),
        "invalid",
    )
    unknown = {"activity_id": 2**31 - 1, "change": change}
    assert_refused(
        app, world, call(leader, "edit_lessons_board", unknown), "unknown_activity"
    )
    other = {"activity_id": world.session.other_id, "change": change}
    assert_refused(app, world, call(leader, "edit_lessons_board", other), "invalid")
    words = {"activity_id": aid, "source": "t1", "target": "t2"}
    assert_refused(app, world, call(leader, "merge_words", words), "invalid")
    assert call(leader, "end_session", {})["ok"]
    remember(app, world)
    ended = call(leader, "edit_lessons_board", payload)
    assert_refused(app, world, ended, "session_ended")
