"""Multiple choice: settings, every refused answer and the aggregate, by hand."""

import pytest

from sessions.errors import DomainError
from sessions.kinds import choice, get_kind
from sessions.submission import Submission

SINGLE = choice.validate_config({"options": ["Ja", "Nej", "Vet inte"]})
MULTIPLE = choice.validate_config(
    {"options": ["Möten", "Mejl", "Telefon", "Chatt"], "multiple": True}
)
AT_MOST_TWO = {**MULTIPLE, "max_choices": 2}


def sub(pid, *choices, hidden=False):
    return Submission(pid, "Region Skåne", {"choices": list(choices)}, hidden, pid)


def code(config, answer):
    with pytest.raises(DomainError) as info:
        choice.validate_answer(config, answer)
    return info.value


def config_error(config):
    with pytest.raises(DomainError) as info:
        choice.validate_config(config)
    return info.value.code


def test_registered_without_merging():
    kind = get_kind("choice")
    assert kind.validate_answer is choice.validate_answer
    assert (kind.merge, kind.unmerge, kind.with_context) == (None, None, None)


def test_config_defaults_to_one_choice_and_cleans_options():
    config = choice.validate_config({"options": ["  Ja ", "Nej\n"]})
    assert config == {"options": ["Ja", "Nej"], "multiple": False, "max_choices": None}


def test_multiple_keeps_its_limit_and_single_drops_it():
    config = choice.validate_config(
        {"options": ["A", "B", "C"], "multiple": True, "max_choices": 2}
    )
    assert config["max_choices"] == 2
    single = choice.validate_config({"options": ["A", "B"], "max_choices": 2})
    assert single["max_choices"] is None
    assert choice.limit(single) == 1
    assert choice.limit(MULTIPLE) == 4
    assert choice.limit(config) == 2


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (None, "invalid"),
        ([], "invalid"),
        ({}, "invalid"),
        ({"options": "Ja, Nej"}, "invalid"),
        ({"options": ["Ja"]}, "invalid"),
        ({"options": [f"o{i}" for i in range(21)]}, "invalid"),
        ({"options": ["Ja", 2]}, "invalid"),
        ({"options": ["Ja", "   "]}, "required"),
        ({"options": ["Ja", "x" * 121]}, "too_long"),
        ({"options": ["Ja", " JA "]}, "invalid"),
        ({"options": ["Ja", "Nej"], "multiple": "true"}, "invalid"),
        ({"options": ["Ja", "Nej"], "multiple": True, "max_choices": 0}, "invalid"),
        ({"options": ["Ja", "Nej"], "multiple": True, "max_choices": 3}, "invalid"),
        ({"options": ["Ja", "Nej"], "multiple": True, "max_choices": True}, "invalid"),
        ({"options": ["Ja", "Nej"], "multiple": True, "max_choices": "2"}, "invalid"),
    ],
)
def test_bad_configs_are_refused(config, expected):
    assert config_error(config) == expected


def test_a_repeated_option_is_named():
    with pytest.raises(DomainError) as info:
        choice.validate_config({"options": ["Ja", "Nej", " ja"]})
    assert info.value.params == {"option": "ja"}


def test_limits_of_a_config_are_accepted():
    two = choice.validate_config({"options": ["A", "B"]})
    twenty = choice.validate_config({"options": [f"o{i}" for i in range(20)]})
    long = choice.validate_config({"options": ["A", "x" * 120]})
    assert (len(two["options"]), len(twenty["options"])) == (2, 20)
    assert long["options"][1] == "x" * 120


def test_answer_matches_by_key_and_keeps_the_options_spelling():
    assert choice.validate_answer(SINGLE, {"choices": ["  vet   INTE "]}) == {
        "choices": ["Vet inte"]
    }


def test_a_choice_given_twice_counts_once():
    assert choice.validate_answer(SINGLE, {"choices": ["Ja", "ja", "JA "]}) == {
        "choices": ["Ja"]
    }


def test_multiple_answer_is_in_the_options_order():
    answer = choice.validate_answer(
        MULTIPLE, {"choices": ["chatt", "Möten", "MÖTEN", "mejl"]}
    )
    assert answer == {"choices": ["Möten", "Mejl", "Chatt"]}


def test_blank_choices_are_ignored():
    assert choice.validate_answer(SINGLE, {"choices": ["", " ", "Nej"]}) == {
        "choices": ["Nej"]
    }


def test_unknown_option_names_it():
    error = code(SINGLE, {"choices": ["Kanske"]})
    assert error.code == "unknown_option"
    assert error.message == "Choose one of the options: %(option)s is not one of them."
    assert error.params == {"option": "Kanske"}


def test_a_long_unknown_option_is_shortened_in_the_message():
    error = code(SINGLE, {"choices": ["y" * 5000]})
    assert error.code == "unknown_option"
    assert error.params["option"] == "y" * 59 + "…"


def test_unknown_option_is_refused_before_too_many():
    assert code(SINGLE, {"choices": ["Ja", "Nej", "Kanske"]}).code == "unknown_option"


@pytest.mark.parametrize(
    ("config", "answer", "expected"),
    [
        (SINGLE, None, "invalid"),
        (SINGLE, "Ja", "invalid"),
        (SINGLE, {"choices": "Ja"}, "invalid"),
        (SINGLE, {"choices": [1]}, "invalid"),
        (SINGLE, {"choices": [None]}, "invalid"),
        (SINGLE, {"choices": [["Ja"]]}, "invalid"),
        (SINGLE, {}, "required"),
        (SINGLE, {"choices": None}, "required"),
        (SINGLE, {"choices": []}, "required"),
        (SINGLE, {"choices": ["  "]}, "required"),
        (MULTIPLE, {"choices": []}, "required"),
        (SINGLE, {"choices": ["Ja", "Nej"]}, "too_many"),
        (AT_MOST_TWO, {"choices": ["Möten", "Mejl", "Chatt"]}, "too_many"),
        (SINGLE, {"choices": ["Ja\u00e4"]}, "unknown_option"),
    ],
)
def test_bad_answers_are_refused_with_a_code(config, answer, expected):
    assert code(config, answer).code == expected


def test_too_many_says_the_limit():
    one = code(SINGLE, {"choices": ["Ja", "Nej"]})
    assert (one.message, one.params) == ("Choose only one option.", {"max": 1})
    two = code(AT_MOST_TWO, {"choices": ["Möten", "Mejl", "Chatt"]})
    assert (two.message, two.params) == ("Choose at most %(max)d options.", {"max": 2})


def test_required_messages_fit_single_and_multiple():
    assert code(SINGLE, {"choices": []}).message == "Choose an option."
    assert code(MULTIPLE, {"choices": []}).message == "Choose at least one option."


def test_multiple_takes_up_to_the_limit():
    answer = choice.validate_answer(AT_MOST_TWO, {"choices": ["Telefon", "Möten"]})
    assert answer == {"choices": ["Möten", "Telefon"]}
    every = choice.validate_answer(MULTIPLE, {"choices": MULTIPLE["options"]})
    assert every == {"choices": MULTIPLE["options"]}


def test_aggregate_counts_in_config_order_with_shares():
    # Ja 3, Nej 1, Vet inte 1 of 5 answers; the hidden Nej is left out.
    subs = [
        sub(1, "Ja"),
        sub(2, "Nej"),
        sub(3, "Ja"),
        sub(4, "Vet inte"),
        sub(5, "Ja"),
        sub(6, "Nej", hidden=True),
    ]
    assert choice.aggregate(SINGLE, subs, {}) == {
        "answers": 5,
        "options": [
            {"option": "Ja", "count": 3, "share": 0.6},
            {"option": "Nej", "count": 1, "share": 0.2},
            {"option": "Vet inte", "count": 1, "share": 0.2},
        ],
    }


def test_aggregate_of_multiple_counts_each_option_once_per_answer():
    # Möten in 3 of 4 answers, Mejl 2, Telefon 0, Chatt 1.
    subs = [
        sub(1, "Möten", "Mejl"),
        sub(2, "Möten"),
        sub(3, "Möten", "möten", "Chatt"),  # stored twice, counted once
        sub(4, "Mejl"),
        sub(5, "Telefon", hidden=True),
    ]
    assert choice.aggregate(MULTIPLE, subs, {}) == {
        "answers": 4,
        "options": [
            {"option": "Möten", "count": 3, "share": 0.75},
            {"option": "Mejl", "count": 2, "share": 0.5},
            {"option": "Telefon", "count": 0, "share": 0.0},
            {"option": "Chatt", "count": 1, "share": 0.25},
        ],
    }


def test_aggregate_without_answers_has_zero_shares():
    subs = [sub(1, "Ja", hidden=True)]
    result = choice.aggregate(SINGLE, subs, {})
    assert result["answers"] == 0
    assert [(o["count"], o["share"]) for o in result["options"]] == [(0, 0)] * 3
    assert choice.aggregate(SINGLE, [], {})["answers"] == 0


def test_aggregate_follows_edited_options_by_key():
    # The leader re-spelled "Ja" and removed "Vet inte" after answers came in.
    edited = choice.validate_config({"options": ["JA", "Nej"]})
    subs = [sub(1, "Ja"), sub(2, "Vet inte"), sub(3, "Nej")]
    assert choice.aggregate(edited, subs, {}) == {
        "answers": 3,
        "options": [
            {"option": "JA", "count": 1, "share": 1 / 3},
            {"option": "Nej", "count": 1, "share": 1 / 3},
        ],
    }


def test_every_answer_counts_once_per_share():
    subs = [sub(1, "Ja"), sub(2, "Nej"), sub(3, "Ja")]
    shares = [o["share"] for o in choice.aggregate(SINGLE, subs, {})["options"]]
    assert shares == [2 / 3, 1 / 3, 0]
