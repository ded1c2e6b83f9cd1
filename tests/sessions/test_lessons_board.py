"""The lessons board: themes made, renamed and merged, lessons placed, voting
started and stopped; each refusal, and that nothing changes the board given."""

import copy

import pytest

from sessions.catalogue import LESSON_THEMES
from sessions.errors import DomainError
from sessions.kinds import lessons
from sessions.kinds import lessons_board as boards

CONFIG = lessons.validate_config({"themes": ["Definiera mera", "Bygg kunskap"]})
START = boards.current(CONFIG, {})


def refused(change, *args):
    before = copy.deepcopy(args[0])
    with pytest.raises(DomainError) as info:
        change(*args)
    assert args[0] == before  # a refusal changes nothing
    return info.value


def names(board):
    return [t["name"] for t in boards.open_themes(board)]


def test_the_first_board_holds_the_settings_themes_while_collecting():
    assert START == {
        "phase": "collect",
        "dots": 3,
        "themes": [
            {"key": "t1", "name": "Definiera mera"},
            {"key": "t2", "name": "Bygg kunskap"},
        ],
        "merged": {},
        "placed": {},
    }
    seed = boards.current(lessons.validate_config({}), {})
    assert names(seed) == list(LESSON_THEMES)
    assert [t["key"] for t in seed["themes"]] == [f"t{i}" for i in range(1, 9)]


def test_a_stored_board_is_a_copy():
    stored = boards.add_theme(START, "Ledarskap")
    board = boards.current(CONFIG, stored)
    board["themes"].append({"key": "x", "name": "x"})
    assert len(stored["themes"]) == 3


def test_add_theme_cleans_the_name_and_takes_the_next_key():
    board = boards.add_theme(START, "  Ledarskap  och   mod ")
    assert board["themes"][-1] == {"key": "t3", "name": "Ledarskap och mod"}
    assert START["themes"][-1]["key"] == "t2"  # the board given is unchanged
    merged = boards.merge_themes(board, "t3", "t1")
    # A merged theme's key is never handed out again.
    assert boards.add_theme(merged, "Mod")["themes"][-1]["key"] == "t4"


@pytest.mark.parametrize(
    ("name", "code"),
    [("", "required"), ("   ", "required"), (None, "invalid"), (7, "invalid")],
)
def test_add_theme_refuses_a_bad_name(name, code):
    assert refused(boards.add_theme, START, name).code == code


def test_add_theme_refuses_a_long_name_and_a_name_on_the_board():
    assert refused(boards.add_theme, START, "x" * 121).code == "too_long"
    error = refused(boards.add_theme, START, " bygg KUNSKAP")
    assert (error.code, error.params) == ("duplicate_theme", {"theme": "Bygg kunskap"})


def test_a_merged_themes_name_can_be_used_again():
    merged = boards.merge_themes(START, "t2", "t1")
    assert names(boards.add_theme(merged, "Bygg kunskap")) == [
        "Definiera mera",
        "Bygg kunskap",
    ]


def test_the_board_has_room_for_a_limited_number_of_themes():
    board = {**START, "themes": [{"key": f"t{i}", "name": f"T{i}"} for i in range(300)]}
    assert refused(boards.add_theme, board, "One more").code == "too_many"


def test_rename_keeps_the_key_and_may_change_only_case():
    board = boards.rename_theme(START, "t2", "Bygg KUNSKAP tillsammans")
    assert board["themes"][1] == {"key": "t2", "name": "Bygg KUNSKAP tillsammans"}
    assert names(boards.rename_theme(START, "t2", "bygg kunskap"))[1] == "bygg kunskap"


def test_rename_refusals():
    assert refused(boards.rename_theme, START, "t9", "X").code == "unknown_theme"
    assert refused(boards.rename_theme, START, "t1", "bygg kunskap").code == (
        "duplicate_theme"
    )
    merged = boards.merge_themes(START, "t2", "t1")
    assert refused(boards.rename_theme, merged, "t2", "X").code == "closed_theme"


def test_merge_closes_the_source_and_moves_its_lessons():
    board = boards.add_theme(START, "Kunskap")
    board = boards.place(board, "7.a", "t3")
    board = boards.place(board, "8.b", "t2")
    board = boards.merge_themes(board, "t3", "t2")
    assert board["merged"] == {"t3": "t2"}
    assert board["placed"] == {"7.a": "t2", "8.b": "t2"}
    assert names(board) == ["Definiera mera", "Bygg kunskap"]
    # Merging the target on: what was merged into it follows in one step.
    board = boards.merge_themes(board, "t2", "t1")
    assert board["merged"] == {"t3": "t1", "t2": "t1"}
    assert boards.resolve(board, "t3") == "t1"
    assert board["placed"] == {"7.a": "t1", "8.b": "t1"}


def test_merge_refusals():
    board = boards.merge_themes(boards.add_theme(START, "X"), "t3", "t1")
    assert refused(boards.merge_themes, board, "t1", "t1").code == "invalid_merge"
    assert refused(boards.merge_themes, board, "t3", "t2").code == "closed_theme"
    assert refused(boards.merge_themes, board, "t2", "t3").code == "closed_theme"
    assert refused(boards.merge_themes, board, "t2", "t7").code == "unknown_theme"
    assert refused(boards.merge_themes, board, "t7", "t2").code == "unknown_theme"


def test_resolve_survives_a_cycle_in_stored_data():
    board = {**START, "merged": {"t1": "t2", "t2": "t1"}}
    assert boards.resolve(board, "t1") in {"t1", "t2"}
    assert boards.resolve(START, None) is None


def test_place_and_unplace():
    board = boards.place(START, "12.ab3", "t2")
    assert board["placed"] == {"12.ab3": "t2"}
    assert boards.place(board, "12.ab3", "t1")["placed"] == {"12.ab3": "t1"}
    assert boards.place(board, "12.ab3", None)["placed"] == {}
    assert boards.place(START, "12.ab3", None)["placed"] == {}


@pytest.mark.parametrize("lesson", ["12", "x.ab", "12.AB", "12.", ".ab", 12, None])
def test_place_refuses_a_malformed_lesson(lesson):
    assert refused(boards.place, START, lesson, "t1").code == "unknown_lesson"


def test_place_refuses_unknown_and_closed_themes():
    merged = boards.merge_themes(START, "t2", "t1")
    assert refused(boards.place, merged, "1.a", "t2").code == "closed_theme"
    assert refused(boards.place, merged, "1.a", "t5").code == "unknown_theme"


def test_start_voting_sets_the_dots_and_reopen_goes_back():
    board = boards.start_voting(START, 5)
    assert (board["phase"], board["dots"]) == ("vote", 5)
    board["ballot"] = {"t1": ["Lesson"]}
    again = boards.reopen_collecting(board)
    assert (again["phase"], again["dots"], "ballot" in again) == ("collect", 5, False)


@pytest.mark.parametrize("dots", [0, 11, -1, True, "3", 2.0, None])
def test_start_voting_refuses_a_bad_number_of_dots(dots):
    error = refused(boards.start_voting, START, dots)
    assert (error.code, error.params) == ("invalid", {"least": 1, "most": 10})


def test_start_voting_twice_and_reopening_while_collecting_are_refused():
    voting = boards.start_voting(START, 3)
    assert refused(boards.start_voting, voting, 3).code == "already_voting"
    assert refused(boards.reopen_collecting, START).code == "not_voting"
