"""Lessons: settings, every refused answer, the checks against the board, and
the aggregate, by hand."""

import pytest

from sessions.activity import Activity, ActivityState
from sessions.catalogue import LESSON_THEMES
from sessions.errors import DomainError
from sessions.kinds import SubmitContext, get_kind, lessons
from sessions.kinds import lessons_board as boards
from sessions.submission import Submission

CONFIG = lessons.validate_config({"themes": ["Definiera mera", "Bygg kunskap", "Mod"]})
SHORT = {**CONFIG, "max_length": 10, "max_lessons": 2}
MINE = [{"id": "a1", "text": "Möten bär"}, {"id": "b2", "text": "Läs planen"}]


def lesson(lesson_id, text):
    return {"id": lesson_id, "text": text}


def answer_error(config, answer):
    with pytest.raises(DomainError) as info:
        lessons.validate_answer(config, answer)
    return info.value


def context(board, previous=None):
    activity = Activity(1, "lessons", "Vad vi lärt?", CONFIG, ActivityState.OPEN)
    activity.merges = board
    return SubmitContext(activity, previous, "Region Skåne")


def check(board, answer, previous=None):
    cleaned = lessons.validate_answer(CONFIG, answer)
    return lessons.check_submit(cleaned, context(board, previous))


def check_error(board, answer, previous=None):
    with pytest.raises(DomainError) as info:
        check(board, answer, previous)
    return info.value


VOTING = boards.start_voting(
    boards.merge_themes(boards.current(CONFIG, {}), "t3", "t1"), 3
)


def test_registered_with_check_submit_and_without_merge_words():
    kind = get_kind("lessons")
    assert kind.check_submit is lessons.check_submit
    assert (kind.merge, kind.unmerge, kind.with_context) == (None, None, None)


def test_config_defaults():
    assert lessons.validate_config({}) == {
        "max_length": 280,
        "max_lessons": 3,
        "dots": 3,
        "themes": list(LESSON_THEMES),
    }
    assert lessons.validate_config({"themes": []})["themes"] == []


@pytest.mark.parametrize(
    ("config", "code"),
    [
        (None, "invalid"),
        ({"max_length": 0}, "invalid"),
        ({"max_length": 1001}, "invalid"),
        ({"max_lessons": 11}, "invalid"),
        ({"dots": 0}, "invalid"),
        ({"dots": 11}, "invalid"),
        ({"dots": True}, "invalid"),
        ({"themes": "Mod"}, "invalid"),
        ({"themes": ["Mod", " mod"]}, "invalid"),
        ({"themes": ["x" * 121]}, "too_long"),
    ],
)
def test_bad_configs_are_refused(config, code):
    with pytest.raises(DomainError) as info:
        lessons.validate_config(config)
    assert info.value.code == code


def test_an_answer_is_cleaned():
    raw = {"lessons": [lesson("a1", "  Möten \n bär ")], "votes": {"t1": 0}}
    assert lessons.validate_answer(CONFIG, raw) == {
        "lessons": [lesson("a1", "Möten bär")],
        "votes": {},
    }
    assert lessons.validate_answer(CONFIG, {"votes": {"t2": 2}}) == {
        "lessons": None,
        "votes": {"t2": 2},
    }


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (None, "invalid"),
        ([], "invalid"),
        ({"lessons": "Möten"}, "invalid"),
        ({"lessons": ["Möten"]}, "invalid"),
        ({"lessons": [{"text": "Möten"}]}, "invalid"),
        ({"lessons": [lesson("A1", "Möten")]}, "invalid"),
        ({"lessons": [lesson("x" * 17, "Möten")]}, "invalid"),
        ({"lessons": [lesson("a1", "Ja"), lesson("a1", "Nej")]}, "invalid"),
        ({"lessons": [lesson("a1", 5)]}, "invalid"),
        ({"lessons": [lesson("a1", "   ")]}, "required"),
        ({"lessons": [lesson("a1", None)]}, "invalid"),
        ({"lessons": [lesson("a1", "x" * 11)]}, "too_long"),
        ({"lessons": [lesson(c, "Ja") for c in "abc"]}, "too_many"),
        ({"votes": []}, "invalid"),
        ({"votes": {"t1": -1}}, "invalid"),
        ({"votes": {"t1": 1.0}}, "invalid"),
        ({"votes": {"t1": True}}, "invalid"),
        ({"votes": {"T 1": 1}}, "invalid"),
        ({"votes": {f"t{i}": 0 for i in range(301)}}, "invalid"),
        ({"votes": {"t1": 6, "t2": 5}}, "too_many_dots"),
    ],
)
def test_bad_answers_are_refused_with_a_code(answer, code):
    assert answer_error(SHORT, answer).code == code


def test_the_limits_are_named():
    assert answer_error(SHORT, {"lessons": [lesson("a", "x" * 11)]}).params == {
        "field": "Lesson",
        "max": 10,
    }
    too_many = answer_error(SHORT, {"lessons": [lesson(c, "J") for c in "abc"]})
    assert too_many.params == {"max": 2}


def test_while_collecting_lessons_are_taken_without_dots():
    board = boards.current(CONFIG, {})
    assert check(board, {"lessons": MINE}) == {"lessons": MINE, "votes": {}}
    assert check_error(board, {"lessons": MINE, "votes": {"t1": 1}}).code == (
        "not_voting"
    )
    assert check_error(board, {"lessons": []}).code == "required"
    assert check_error(board, {"votes": {}}).code == "required"


def test_collecting_again_keeps_the_dots_already_given():
    # Voted, then the leader collects again: an edited lesson keeps the dots,
    # new dots are still refused, and they count once voting starts again.
    stored = {"lessons": MINE, "votes": {"t1": 2}}
    collecting = boards.reopen_collecting(VOTING)
    edited = [MINE[0], lesson("b2", "Läs regionens plan")]
    kept = check(collecting, {"lessons": edited, "votes": {}}, stored)
    assert kept == {"lessons": edited, "votes": {"t1": 2}}
    assert check(collecting, {"lessons": edited}, stored) == kept
    refused = check_error(collecting, {"lessons": edited, "votes": {"t2": 1}}, stored)
    assert refused.code == "not_voting"
    again = boards.start_voting(collecting, 3)
    subs = [Submission(1, "SKL", kept, False, 1)]
    assert lessons.aggregate(CONFIG, subs, collecting)["votes"] == 0
    results = lessons.aggregate(CONFIG, subs, again)
    assert (results["votes"], results["themes"][0]["key"]) == (2, "t1")


def test_while_voting_the_stored_lessons_stay_and_the_dots_are_checked():
    stored = {"lessons": MINE, "votes": {}}
    vote = {"votes": {"t1": 2, "t2": 1}}
    assert check(VOTING, vote, stored) == {"lessons": MINE, **vote}
    same = {"lessons": list(reversed(MINE)), **vote}  # order does not matter
    assert check(VOTING, same, stored) == {"lessons": MINE, **vote}
    assert check(VOTING, {"votes": {}}, stored) == {"lessons": MINE, "votes": {}}


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ({"lessons": [lesson("a1", "Möten bär!")], "votes": {}}, "voting_started"),
        ({"lessons": MINE[:1], "votes": {"t1": 1}}, "voting_started"),
        ({"lessons": [], "votes": {"t1": 1}}, "voting_started"),
        ({"votes": {"t3": 1}}, "closed_theme"),
        ({"votes": {"t4": 1}}, "unknown_theme"),
        ({"votes": {"t1": 2, "t2": 2}}, "too_many_dots"),
    ],
)
def test_refusals_while_voting(answer, code):
    assert check_error(VOTING, answer, {"lessons": MINE, "votes": {}}).code == code


def test_someone_without_lessons_votes_but_sends_no_empty_answer():
    assert check(VOTING, {"lessons": [], "votes": {"t2": 3}}) == {
        "lessons": [],
        "votes": {"t2": 3},
    }
    assert check_error(VOTING, {"votes": {}}).code == "required"


def test_too_many_dots_says_the_boards_number():
    error = check_error(VOTING, {"votes": {"t1": 4}}, {"lessons": MINE})
    assert (error.message, error.params) == (
        "You have %(max)d dots at most.",
        {"max": 3},
    )


def sub(sid, org, items, votes=None, hidden=False):
    answer = {"lessons": [lesson(i, t) for i, t in items], "votes": votes or {}}
    return Submission(sid, org, answer, hidden, sid)


def board_for_aggregate():
    # Themes: t1 Definiera mera, t2 Bygg kunskap, t3 Mod (merged into t2),
    # t4 Tillit (new). Placed: 1.a → t2, 1.b → t3 (so t2), 2.a → t1, 4.a → t4.
    board = boards.add_theme(boards.current(CONFIG, {}), "Tillit")
    for ref, key in [("1.a", "t2"), ("1.b", "t3"), ("2.a", "t1"), ("4.a", "t4")]:
        board = boards.place(board, ref, key)
    board = boards.start_voting(board, 3)
    board = boards.merge_themes(board, "t3", "t2")
    return board


SUBMISSIONS = [
    sub(1, "Region Skåne", [("a", "Möten"), ("b", "Mod")], {"t1": 1, "t3": 2}),
    sub(2, "SKL", [("a", "Planer")], {"t2": 1, "t4": 1}),
    sub(3, "Vinnova", [("a", "Lösa trådar")], {"t4": 3}),
    # Hidden: neither its lesson nor its dots count.
    sub(4, "Region Halland", [("a", "Dolt")], {"t4": 3}, hidden=True),
    # More dots than the board's three: they count for nothing.
    sub(5, "Region Gävleborg", [], {"t1": 4}),
]


def test_aggregate_ranks_themes_by_dots_with_their_lessons():
    results = lessons.aggregate(CONFIG, SUBMISSIONS, board_for_aggregate())
    # Dots: t2 = 2 (via t3) + 1 = 3, t4 = 1 + 3 = 4, t1 = 1. Ties: none.
    assert [(t["key"], t["votes"]) for t in results["themes"]] == [
        ("t4", 4),
        ("t2", 3),
        ("t1", 1),
    ]
    t4, t2, t1 = results["themes"]
    assert t4["lessons"] == []  # 4.a is hidden
    assert t2 == {
        "key": "t2",
        "name": "Bygg kunskap",
        "votes": 3,
        "merged": ["Mod"],
        "lessons": [
            {
                "key": "1.a",
                "submission_id": 1,
                "text": "Möten",
                "organisation": "Region Skåne",
            },
            {
                "key": "1.b",
                "submission_id": 1,
                "text": "Mod",
                "organisation": "Region Skåne",
            },
        ],
    }
    assert [x["text"] for x in t1["lessons"]] == ["Planer"]
    assert [x["key"] for x in results["unplaced"]] == ["3.a"]
    assert {k: results[k] for k in ("answers", "phase", "dots", "lessons")} == {
        "answers": 4,
        "phase": "vote",
        "dots": 3,
        "lessons": 4,
    }
    assert (results["voters"], results["votes"]) == (3, 8)
    assert results["words"] == [
        {"key": "t4", "word": "Tillit", "count": 4},
        {"key": "t2", "word": "Bygg kunskap", "count": 3},
        {"key": "t1", "word": "Definiera mera", "count": 1},
    ]


def test_ties_keep_the_boards_order_and_dots_count_only_while_voting():
    board = boards.current(CONFIG, {})
    subs = [sub(1, "SKL", [("a", "Ja")], {"t3": 1, "t2": 1})]
    results = lessons.aggregate(CONFIG, subs, board)
    assert [(t["key"], t["votes"]) for t in results["themes"]] == [
        ("t1", 0),
        ("t2", 0),
        ("t3", 0),
    ]
    voting = boards.start_voting(board, 2)
    results = lessons.aggregate(CONFIG, subs, voting)
    assert [(t["key"], t["votes"]) for t in results["themes"]] == [
        ("t2", 1),
        ("t3", 1),
        ("t1", 0),
    ]


def test_aggregate_without_answers():
    results = lessons.aggregate(CONFIG, [], {})
    assert (results["answers"], results["lessons"], results["votes"]) == (0, 0, 0)
    assert [t["name"] for t in results["themes"]] == CONFIG["themes"]
    assert results["unplaced"] == []


def test_the_ballot_lists_each_open_themes_visible_lessons():
    board = lessons.ballot(CONFIG, SUBMISSIONS, board_for_aggregate())
    assert board["ballot"] == {"t2": ["Möten", "Mod"], "t1": ["Planer"]}
    collecting = boards.reopen_collecting(board)
    assert "ballot" not in lessons.ballot(CONFIG, SUBMISSIONS, collecting)
