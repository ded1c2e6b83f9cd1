"""Next steps: settings, every refused answer and the aggregate, by hand."""

import pytest

from sessions.errors import DomainError
from sessions.kinds import get_kind, next_steps
from sessions.submission import Submission

CONFIG = next_steps.validate_config({})


def step(what="Bjuda in Länsstyrelsen", organisation="Region Skåne", by="2017-06-30"):
    return {"what": what, "organisation": organisation, "by": by}


def sub(sid, organisation, *steps, hidden=False):
    return Submission(sid, organisation, {"steps": list(steps)}, hidden, sid)


def refused(answer, config=CONFIG):
    with pytest.raises(DomainError) as info:
        next_steps.validate_answer(config, answer)
    return info.value


def test_registered_without_merging_or_a_submit_check():
    kind = get_kind("next_steps")
    assert kind.validate_answer is next_steps.validate_answer
    assert (kind.merge, kind.unmerge, kind.with_context, kind.check_submit) == (
        None,
        None,
        None,
        None,
    )


def test_config_defaults_and_limits():
    assert CONFIG == {"max_steps": 3, "max_length": 200}
    assert next_steps.validate_config({"max_steps": 10, "max_length": 1000}) == {
        "max_steps": 10,
        "max_length": 1000,
    }


@pytest.mark.parametrize(
    "config",
    [
        None,
        [],
        {"max_steps": 0},
        {"max_steps": 11},
        {"max_steps": "3"},
        {"max_steps": True},
        {"max_length": 0},
        {"max_length": 1001},
    ],
)
def test_bad_configs_are_refused(config):
    with pytest.raises(DomainError) as info:
        next_steps.validate_config(config)
    assert info.value.code == "invalid"


def test_an_answer_is_cleaned_and_a_repeated_step_kept_once():
    answer = {
        "steps": [
            step(what="  Bjuda in\nLänsstyrelsen ", organisation=" Region  Skåne"),
            step(what="bjuda in länsstyrelsen", organisation="region skåne"),
            step(what="Ta fram en karta", by=" 2017-09-01 "),
        ]
    }
    assert next_steps.validate_answer(CONFIG, answer) == {
        "steps": [
            step(),
            step(what="Ta fram en karta", by="2017-09-01"),
        ]
    }


@pytest.mark.parametrize("organisation", [None, "", "   ", "\n"])
def test_a_commitment_without_an_owner_is_refused(organisation):
    answer = {"steps": [step(), {"what": "Skriva rapporten", "by": "2017-05-01"}]}
    if organisation is not None:
        answer["steps"][1]["organisation"] = organisation
    error = refused(answer)
    assert error.code == "no_owner"
    assert error.params == {"number": 2, "what": "Skriva rapporten"}
    assert "organisation" in error.message


def test_an_owner_must_be_text_and_not_too_long():
    assert refused({"steps": [step(organisation=7)]}).code == "invalid"
    assert refused({"steps": [step(organisation="x" * 121)]}).code == "too_long"


@pytest.mark.parametrize(
    ("by", "code"),
    [
        (None, "required"),
        ("", "required"),
        ("30/6 2017", "invalid_date"),
        ("20170630", "invalid_date"),
        ("2017-6-30", "invalid_date"),
        ("2017-W26", "invalid_date"),
        ("2017-06-30T12:00", "invalid_date"),
        ("2017-02-30", "invalid_date"),
        ("2017-13-01", "invalid_date"),
        (20170630, "invalid_date"),
    ],
)
def test_malformed_dates_are_refused(by, code):
    error = refused({"steps": [step(by=by)]})
    assert (error.code, error.params["number"]) == (code, 1)


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (None, "invalid"),
        ([], "invalid"),
        ({"steps": "Bjuda in"}, "invalid"),
        ({"steps": ["Bjuda in"]}, "invalid"),
        ({}, "required"),
        ({"steps": []}, "required"),
        ({"steps": [step(what="  ")]}, "required"),
        ({"steps": [step(what=None)]}, "required"),
        ({"steps": [step(what=3)]}, "invalid"),
        ({"steps": [step(what="x" * 201)]}, "too_long"),
        ({"steps": [step(what=f"Steg {i}") for i in range(4)]}, "too_many"),
    ],
)
def test_bad_answers_are_refused(answer, code):
    assert refused(answer).code == code


def test_the_limits_follow_the_config():
    config = next_steps.validate_config({"max_steps": 1, "max_length": 10})
    assert refused({"steps": [step(what="x" * 11)]}, config).code == "too_long"
    two = {"steps": [step(what="A"), step(what="B")]}
    assert refused(two, config).code == "too_many"


def test_the_aggregate_by_hand():
    skane = sub(
        4,
        "Region Skåne",
        step(what="Karta", by="2017-09-01"),
        step(what="Bjuda in", by="2017-05-15"),
    )
    halland = sub(
        2, "Region Halland", step(what="Workshop", organisation="Region Halland")
    )
    # Anna of Region Skåne commits SKL too: the count follows the step's owner.
    for_skl = sub(7, "Region Skåne", step(what="Enkät", organisation="SKL"))
    lowercase = sub(9, "Vinnova", step(what="Seminarium", organisation="region skåne"))
    hidden = sub(5, "Region Uppsala", step(what="Dolt"), hidden=True)
    results = next_steps.aggregate(
        CONFIG, [halland, skane, hidden, for_skl, lowercase], {}
    )
    assert results["answers"] == 4
    assert [
        (c["key"], c["what"], c["organisation"], c["by"], c["submission_id"])
        for c in results["commitments"]
    ] == [
        ("4.1", "Bjuda in", "Region Skåne", "2017-05-15", 4),
        ("2.0", "Workshop", "Region Halland", "2017-06-30", 2),
        ("9.0", "Seminarium", "region skåne", "2017-06-30", 9),
        ("7.0", "Enkät", "SKL", "2017-06-30", 7),
        ("4.0", "Karta", "Region Skåne", "2017-09-01", 4),
    ]
    # Most first, then by name; a spelling as it is first seen, by date.
    assert results["organisations"] == [
        {"organisation": "Region Skåne", "count": 3},
        {"organisation": "Region Halland", "count": 1},
        {"organisation": "SKL", "count": 1},
    ]


def test_no_answers_aggregate_to_nothing():
    assert next_steps.aggregate(CONFIG, [], {}) == {
        "answers": 0,
        "commitments": [],
        "organisations": [],
    }
