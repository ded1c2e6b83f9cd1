"""Status check: settings, every refused answer, the owner check and the
aggregate with its rule for colleagues who disagree, by hand."""

import pytest

from sessions.activity import Activity
from sessions.errors import DomainError
from sessions.kinds import SubmitContext, get_kind, status_check
from sessions.submission import Submission

COMMITMENTS = [
    {
        "key": "4.1",
        "what": "Bjuda in Länsstyrelsen",
        "organisation": "Region Skåne",
        "by": "2017-05-15",
    },
    {
        "key": "2.0",
        "what": "Workshop",
        "organisation": "Region Halland",
        "by": "2017-06-30",
    },
    {"key": "4.0", "what": "Karta", "organisation": "Region Skåne", "by": "2017-09-01"},
]
CONFIG = status_check.validate_config({"commitments": COMMITMENTS})


def marks(**by_key):
    return {"marks": {key.replace("_", "."): value for key, value in by_key.items()}}


def sub(sid, organisation, answer, hidden=False):
    return Submission(sid, organisation, answer, hidden, sid)


def refused(answer, config=CONFIG):
    with pytest.raises(DomainError) as info:
        status_check.validate_answer(config, answer)
    return info.value


def submit_as(organisation, answer):
    context = SubmitContext(
        Activity(1, "status_check", "Hur gick det?", CONFIG), None, organisation
    )
    return status_check.check_submit(answer, context)


def test_registered_with_its_owner_check():
    kind = get_kind("status_check")
    assert kind.check_submit is status_check.check_submit
    assert (kind.merge, kind.unmerge, kind.with_context) == (None, None, None)


def test_config_keeps_and_cleans_the_commitments():
    assert CONFIG == {"commitments": COMMITMENTS}
    messy = {**COMMITMENTS[2], "what": " Karta\n", "organisation": "Region  Skåne"}
    assert status_check.validate_config({"commitments": [messy]}) == {
        "commitments": [COMMITMENTS[2]]
    }


@pytest.mark.parametrize("config", [{}, {"commitments": None}, {"commitments": []}])
def test_no_commitments_is_a_valid_config(config):
    assert status_check.validate_config(config) == {"commitments": []}


@pytest.mark.parametrize(
    ("commitments", "code"),
    [
        ("4.1", "invalid"),
        (["4.1"], "invalid"),
        ([{**COMMITMENTS[0], "key": "4"}], "invalid"),
        ([{**COMMITMENTS[0], "key": 4.1}], "invalid"),
        ([{**COMMITMENTS[0], "key": "a.1"}], "invalid"),
        ([COMMITMENTS[0], COMMITMENTS[0]], "invalid"),
        ([{**COMMITMENTS[0], "organisation": " "}], "no_owner"),
        ([{**COMMITMENTS[0], "what": ""}], "required"),
        ([{**COMMITMENTS[0], "by": "15 maj"}], "invalid_date"),
        (
            [
                {**COMMITMENTS[0], "key": f"{i}.0"}
                for i in range(status_check.MAX_COMMITMENTS + 1)
            ],
            "too_many",
        ),
    ],
)
def test_bad_configs_are_refused(commitments, code):
    with pytest.raises(DomainError) as info:
        status_check.validate_config({"commitments": commitments})
    assert info.value.code == code


def test_an_answer_keeps_the_commitments_order():
    answer = marks(**{"4_0": "done", "4_1": "under_way"})
    assert status_check.validate_answer(CONFIG, answer) == {
        "marks": {"4.1": "under_way", "4.0": "done"}
    }


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (None, "invalid"),
        ({"marks": ["4.1"]}, "invalid"),
        ({"marks": "done"}, "invalid"),
        ({}, "required"),
        ({"marks": {}}, "required"),
        (marks(**{"9_9": "done"}), "unknown_commitment"),
        (marks(**{"4_1": "finished"}), "unknown_status"),
        (marks(**{"4_1": "unmarked"}), "unknown_status"),
        (marks(**{"4_1": None}), "unknown_status"),
        (marks(**{"4_1": "Done"}), "unknown_status"),
    ],
)
def test_bad_answers_are_refused(answer, code):
    assert refused(answer).code == code


def test_with_no_commitments_nothing_can_be_marked():
    empty = status_check.validate_config({})
    assert refused(marks(**{"4_1": "done"}), empty).code == "unknown_commitment"


def test_owners_mark_their_own_steps_whatever_the_case():
    answer = marks(**{"4_1": "done", "4_0": "not_started"})
    assert submit_as("region skåne ", answer) is answer


@pytest.mark.parametrize(
    ("organisation", "answer", "owner"),
    [
        ("Region Halland", marks(**{"2_0": "done", "4_1": "done"}), "Region Skåne"),
        ("Region Skåne", marks(**{"4_1": "done", "2_0": "done"}), "Region Halland"),
        ("Region Skåne AB", marks(**{"4_1": "done"}), "Region Skåne"),
        ("", marks(**{"2_0": "under_way"}), "Region Halland"),
    ],
)
def test_a_step_of_another_organisation_is_refused(organisation, answer, owner):
    with pytest.raises(DomainError) as info:
        submit_as(organisation, answer)
    assert (info.value.code, info.value.params["organisation"]) == ("not_owner", owner)


def test_a_non_owner_is_named_the_owner_in_the_message():
    with pytest.raises(DomainError) as info:
        submit_as("Region Halland", marks(**{"4_1": "done"}))
    assert info.value.code == "not_owner"
    assert info.value.params == {
        "organisation": "Region Skåne",
        "what": "Bjuda in Länsstyrelsen",
    }


def test_the_aggregate_by_hand():
    anna = sub(1, "Region Skåne", marks(**{"4_1": "done", "4_0": "under_way"}))
    bo = sub(2, "Region Halland", marks(**{"2_0": "not_started"}))
    # Cecilia, also of Skåne, disagrees on 4.0: the least advanced mark counts.
    cecilia = sub(3, "region skåne", marks(**{"4_0": "not_started"}))
    hidden = sub(4, "Region Skåne", marks(**{"4_1": "not_started"}), hidden=True)
    # Stored before the owner check, or forged: a mark of no owner counts nowhere.
    stranger = sub(5, "Region Uppsala", marks(**{"2_0": "done"}))
    results = status_check.aggregate(CONFIG, [anna, bo, cecilia, hidden, stranger], {})
    assert results["answers"] == 4
    rows = results["commitments"]
    assert [(r["key"], r["status"], r["agreed"]) for r in rows] == [
        ("4.1", "done", True),
        ("2.0", "not_started", True),
        ("4.0", "not_started", False),
    ]
    assert rows[2]["marks"] == {"not_started": 1, "under_way": 1, "done": 0}
    assert rows[0]["marks"] == {"not_started": 0, "under_way": 0, "done": 1}
    assert (rows[1]["what"], rows[1]["organisation"], rows[1]["by"]) == (
        "Workshop",
        "Region Halland",
        "2017-06-30",
    )
    assert results["tally"] == {
        "done": 1,
        "under_way": 0,
        "not_started": 2,
        "unmarked": 0,
    }


def test_an_unmarked_step_and_the_tally_order():
    anna = sub(1, "Region Skåne", marks(**{"4_0": "under_way"}))
    results = status_check.aggregate(CONFIG, [anna], {})
    assert [r["status"] for r in results["commitments"]] == [
        "unmarked",
        "unmarked",
        "under_way",
    ]
    assert list(results["tally"].items()) == [
        ("done", 0),
        ("under_way", 1),
        ("not_started", 0),
        ("unmarked", 2),
    ]


def test_no_commitments_aggregate_to_an_empty_tally():
    empty = status_check.validate_config({})
    assert status_check.aggregate(empty, [], {}) == {
        "answers": 0,
        "commitments": [],
        "tally": {"done": 0, "under_way": 0, "not_started": 0, "unmarked": 0},
    }
