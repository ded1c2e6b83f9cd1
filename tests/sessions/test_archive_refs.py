"""The ids the kinds keep in their own data, rewritten for the archive and back;
everything else is left as it was, and so is the data given."""

import copy

from sessions import archive_refs
from sessions.archive_refs import Rewrites

TO_FILE = Rewrites(
    submission=lambda value, _path: {41: 1, 42: 2}.get(value, 0),
    activity=lambda value, _path: {7: "a1", 8: "a2"}.get(value),
)
BACK = Rewrites(
    submission=lambda value, _path: {1: 141, 2: 142}.get(value, 0),
    activity=lambda value, _path: {"a1": 107, "a2": 108}.get(value),
)


def test_a_lessons_board_and_outcome_name_their_answers():
    board = {"phase": "vote", "placed": {"41.l1": "t1", "99.x": "t2"}, "dots": 3}
    given = copy.deepcopy(board)
    assert archive_refs.merges("lessons", board, TO_FILE, "") == {
        "phase": "vote",
        "placed": {"1.l1": "t1", "0.x": "t2"},  # an answer not in the project: 0
        "dots": 3,
    }
    assert board == given
    outcome = {
        "activity_id": 8,
        "results": {
            "themes": [
                {"key": "t1", "lessons": [{"key": "42.l1", "submission_id": 42}]}
            ],
            "unplaced": [{"key": "41.a", "submission_id": 41, "text": "41.a"}],
            "words": [{"key": "t1", "word": "Möten"}],
        },
    }
    written = archive_refs.snapshot("lessons", outcome, TO_FILE, "")
    assert written == {
        "activity_id": "a2",
        "results": {
            "themes": [{"key": "t1", "lessons": [{"key": "2.l1", "submission_id": 2}]}],
            "unplaced": [{"key": "1.a", "submission_id": 1, "text": "41.a"}],
            "words": [{"key": "t1", "word": "Möten"}],
        },
    }
    back = archive_refs.snapshot("lessons", written, BACK, "")
    assert back["activity_id"] == 108
    assert back["results"]["themes"][0]["lessons"][0]["key"] == "142.l1"


def test_a_status_check_names_the_steps_it_asks_about():
    config = {"commitments": [{"key": "41.0", "what": "Bjud in"}]}
    assert archive_refs.config("status_check", config, TO_FILE, "")["commitments"] == [
        {"key": "1.0", "what": "Bjud in"}
    ]
    answer = {"marks": {"42.1": "done"}}
    assert archive_refs.answer("status_check", answer, TO_FILE, "") == {
        "marks": {"2.1": "done"}
    }


def test_open_text_and_homework_outcomes():
    text = {"activity_id": 7, "results": {"texts": [{"submission_id": 41}]}}
    assert archive_refs.snapshot("text", text, TO_FILE, "")["results"] == {
        "texts": [{"submission_id": 1}]
    }
    homework = {
        "activity_id": 8,
        "results": {"comparison": {"source": {"activity_id": 7, "prompt": "Vem?"}}},
    }
    written = archive_refs.snapshot("others_view", homework, TO_FILE, "")
    assert written["results"]["comparison"]["source"] == {
        "activity_id": "a1",
        "prompt": "Vem?",
    }


def test_kinds_without_ids_are_left_alone():
    merges = {"role:samordnar": "samordnare"}
    assert archive_refs.merges("roles", merges, TO_FILE, "") is merges
    answer = {"marks": "41.0"}  # malformed: left as it is
    assert archive_refs.answer("status_check", answer, TO_FILE, "") == answer
    assert archive_refs.snapshot("roles", None, TO_FILE, "") is None
    odd = {"activity_id": 7, "results": ["not", "a", "dict"]}
    assert archive_refs.snapshot("text", odd, TO_FILE, "")["results"] == odd["results"]
