"""A labelled scale: settings, every refused answer and the aggregate, by hand."""

import pytest

from sessions.errors import DomainError
from sessions.kinds import get_kind, scale
from sessions.submission import Submission

CONFIG = scale.validate_config(
    {"min": 1, "max": 5, "labels": {"1": "Inte alls", "5": "Helt"}}
)


def sub(pid, value, hidden=False):
    return Submission(pid, "Region Skåne", {"value": value}, hidden, pid)


def refused(answer, config=CONFIG):
    with pytest.raises(DomainError) as info:
        scale.validate_answer(config, answer)
    return info.value


def config_error(config):
    with pytest.raises(DomainError) as info:
        scale.validate_config(config)
    return info.value.code


def test_registered_without_merging():
    kind = get_kind("scale")
    assert kind.aggregate is scale.aggregate
    assert (kind.merge, kind.unmerge) == (None, None)


def test_config_defaults_to_one_to_five_without_labels():
    assert scale.validate_config({}) == {"min": 1, "max": 5, "labels": {}}


def test_labels_are_cleaned_ordered_and_blank_ones_dropped():
    config = scale.validate_config(
        {"min": 0, "max": 3, "labels": {"3": " Helt  ", "1": "", "0": "Inte alls"}}
    )
    assert config == {"min": 0, "max": 3, "labels": {"0": "Inte alls", "3": "Helt"}}
    assert list(config["labels"]) == ["0", "3"]


def test_largest_and_negative_scales_are_accepted():
    assert scale.validate_config({"min": 1, "max": 10})["max"] == 10
    negative = scale.validate_config({"min": -2, "max": 2, "labels": {"-2": "Nej"}})
    assert negative["labels"] == {"-2": "Nej"}


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (None, "invalid"),
        ("1-5", "invalid"),
        ({"min": 3, "max": 3}, "invalid"),
        ({"min": 5, "max": 1}, "invalid"),
        ({"min": 1, "max": 11}, "invalid"),  # eleven steps
        ({"min": 0, "max": 10}, "invalid"),
        ({"min": 1.0, "max": 5}, "invalid"),
        ({"min": True, "max": 5}, "invalid"),
        ({"min": 1, "max": "5"}, "invalid"),
        ({"min": -101, "max": -100}, "invalid"),
        ({"min": 100, "max": 101}, "invalid"),
        ({"labels": ["Inte alls", "Helt"]}, "invalid"),
        ({"labels": {"6": "Mer än helt"}}, "invalid"),
        ({"labels": {"01": "Inte alls"}}, "invalid"),
        ({"labels": {"1": 1}}, "invalid"),
        ({"labels": {"1": "x" * 61}}, "too_long"),
    ],
)
def test_bad_configs_are_refused(config, expected):
    assert config_error(config) == expected


def test_a_label_of_a_missing_step_is_named():
    with pytest.raises(DomainError) as info:
        scale.validate_config({"labels": {"6": "Mer"}})
    assert info.value.params == {"step": "6"}


@pytest.mark.parametrize("value", [1, 3, 5])
def test_every_step_is_an_answer(value):
    assert scale.validate_answer(CONFIG, {"value": value}) == {"value": value}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, "invalid"),
        (4, "invalid"),
        ({"value": True}, "invalid"),  # bool is an int in Python
        ({"value": False}, "invalid"),
        ({"value": 4.0}, "invalid"),
        ({"value": 3.5}, "invalid"),
        ({"value": "4"}, "invalid"),
        ({"value": [4]}, "invalid"),
        ({}, "required"),
        ({"value": None}, "required"),
        ({"value": 0}, "out_of_range"),
        ({"value": 6}, "out_of_range"),
        ({"value": -1}, "out_of_range"),
        ({"value": 10**100}, "out_of_range"),
    ],
)
def test_bad_answers_are_refused_with_a_code(answer, expected):
    assert refused(answer).code == expected


def test_messages_name_the_scale():
    out = refused({"value": 6})
    assert (
        out.message == "Choose a value from %(min)d to %(max)d: %(value)d is outside."
    )
    assert out.params == {"min": 1, "max": 5, "value": 6}
    assert refused({"value": True}).params == {"min": 1, "max": 5}


def test_aggregate_spreads_every_step_with_mean_and_lower_median():
    # Visible: 4, 5, 2, 4, 5, 4 → sum 24 / 6 = 4.0; sorted 2 4 4 4 5 5, lower
    # middle (third) 4. The hidden 1 is left out.
    values = [4, 5, 2, 4, 5, 4]
    subs = [sub(i, v) for i, v in enumerate(values)] + [sub(9, 1, hidden=True)]
    assert scale.aggregate(CONFIG, subs, {}) == {
        "answers": 6,
        "distribution": [
            {"value": 1, "label": "Inte alls", "count": 0},
            {"value": 2, "label": None, "count": 1},
            {"value": 3, "label": None, "count": 0},
            {"value": 4, "label": None, "count": 3},
            {"value": 5, "label": "Helt", "count": 2},
        ],
        "mean": 4.0,
        "median": 4,
    }


def test_median_of_an_even_count_is_the_lower_middle():
    # 1 2 | 4 5: the lower middle is 2, not 3.
    result = scale.aggregate(
        CONFIG, [sub(i, v) for i, v in enumerate([5, 1, 4, 2])], {}
    )
    assert (result["mean"], result["median"]) == (3.0, 2)


def test_median_of_an_odd_count_is_the_middle():
    result = scale.aggregate(CONFIG, [sub(i, v) for i, v in enumerate([5, 1, 2])], {})
    assert (result["mean"], result["median"]) == (2.67, 2)  # 8 / 3 = 2.666…


def test_mean_rounds_half_up_to_two_decimals():
    # 1 1 1 1 1 1 1 2 → 9 / 8 = 1.125 → 1.13 (round() would give 1.12).
    values = [1] * 7 + [2]
    result = scale.aggregate(CONFIG, [sub(i, v) for i, v in enumerate(values)], {})
    assert result["mean"] == 1.13
    # 1 2 2 → 5 / 3 = 1.666… → 1.67; 17 / 5 = 3.4 stays 3.4.
    assert (
        scale.aggregate(CONFIG, [sub(1, 1), sub(2, 2), sub(3, 2)], {})["mean"] == 1.67
    )
    five = [sub(i, v) for i, v in enumerate([3, 3, 4, 4, 3])]
    assert scale.aggregate(CONFIG, five, {})["mean"] == 3.4


def test_negative_scale_aggregates():
    config = scale.validate_config({"min": -2, "max": 2})
    result = scale.aggregate(config, [sub(1, -2), sub(2, -1), sub(3, 2)], {})
    # -2 -1 2 → -1 / 3 = -0.333… → -0.33; median -1.
    assert (result["mean"], result["median"]) == (-0.33, -1)
    assert [d["count"] for d in result["distribution"]] == [1, 1, 0, 0, 1]
    # -1 ×7 and -2 → -9 / 8 = -1.125 → -1.13: halves go away from zero.
    subs = [sub(i, -1) for i in range(7)] + [sub(8, -2)]
    assert scale.aggregate(config, subs, {})["mean"] == -1.13


def test_aggregate_without_answers_has_no_mean_or_median():
    result = scale.aggregate(CONFIG, [sub(1, 3, hidden=True)], {})
    assert result["answers"] == 0
    assert (result["mean"], result["median"]) == (None, None)
    assert [d["count"] for d in result["distribution"]] == [0] * 5
    assert [d["value"] for d in result["distribution"]] == [1, 2, 3, 4, 5]


def test_values_the_scale_no_longer_has_count_only_as_answers():
    # The leader narrowed the scale to 1–3 after a 5 and a 4 came in.
    narrowed = scale.validate_config({"min": 1, "max": 3})
    result = scale.aggregate(narrowed, [sub(1, 5), sub(2, 3), sub(3, 4), sub(4, 1)], {})
    assert result["answers"] == 4
    assert [d["count"] for d in result["distribution"]] == [1, 0, 1]
    assert (result["mean"], result["median"]) == (2.0, 1)
