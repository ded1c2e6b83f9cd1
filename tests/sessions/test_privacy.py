"""The privacy rules of the domain: the anonymous mark, what is left of a frozen
outcome once answers are erased, the retention's cut-off and the anonymised
archive."""

from datetime import datetime

import pytest

from sessions import text
from sessions.errors import DomainError
from sessions.privacy import (
    anonymised_archive,
    is_anonymous,
    retention_cutoff,
    with_anonymous,
    without_answers,
)


def test_only_a_true_mark_makes_an_activity_anonymous():
    assert is_anonymous({"anonymous": True})
    assert not is_anonymous({"anonymous": "true"})
    assert not is_anonymous({})
    assert not is_anonymous(None)


def test_the_mark_is_set_and_cleared_beside_the_other_settings():
    config = {"max_length": 200}
    marked = with_anonymous("text", config, True)
    assert marked == {"max_length": 200, "anonymous": True}
    assert with_anonymous("text", marked, False) == {"max_length": 200}
    assert config == {"max_length": 200}  # the given settings stay as they were


def test_a_status_check_cannot_be_anonymous():
    with pytest.raises(DomainError) as refused:
        with_anonymous("status_check", {}, True)
    assert refused.value.code == "not_anonymous"
    assert with_anonymous("status_check", {"anonymous": True}, False) == {}


def test_erased_answers_leave_a_frozen_outcome_with_its_counts():
    results = {
        "answers": 3,
        "texts": [
            {"submission_id": 7, "text": "Mitt", "organisation": "Region Skåne"},
            {"submission_id": 8, "text": "Ditt", "organisation": "SKL"},
        ],
        "themes": [
            {
                "key": "t1",
                "lessons": [{"key": "7.l1", "text": "Mitt"}, {"key": "8.l1"}],
            }
        ],
        "words": [{"word": "samordnare", "count": 2}],
    }
    left = without_answers(results, {7})
    assert left["answers"] == 3
    assert [t["text"] for t in left["texts"]] == ["Ditt"]
    assert left["themes"][0]["key"] == "t1"  # a theme's key is no answer's
    assert left["themes"][0]["lessons"] == [{"key": "8.l1"}]
    assert left["words"] == results["words"]
    assert "Mitt" not in repr(left)


@pytest.mark.parametrize(
    ("now", "months", "cutoff"),
    [
        (datetime(2026, 12, 5, 10), 6, datetime(2026, 6, 5, 10)),
        (datetime(2026, 2, 1), 3, datetime(2025, 11, 1)),
        (datetime(2026, 5, 31), 3, datetime(2026, 2, 28)),
        (datetime(2028, 5, 31), 3, datetime(2028, 2, 29)),
        (datetime(2026, 1, 15), 24, datetime(2024, 1, 15)),
    ],
)
def test_the_cutoff_is_calendar_months_back(now, months, cutoff):
    assert retention_cutoff(now, months) == cutoff


def test_the_cutoff_needs_a_month_at_least():
    with pytest.raises(ValueError):
        retention_cutoff(datetime(2026, 1, 1), 0)


def test_an_anonymised_archive_names_nobody_and_keeps_member_organisations():
    person = {
        "id": "p1",
        "name": "Anna",
        "organisation": "region skåne",
        "anonymous": False,
        "quote_by_name": True,
    }
    stranger = {**person, "id": "p2", "organisation": "Annas konsultbyrå"}
    document = {
        "project": {
            "meetings": [
                {"sessions": [{"participants": [person, stranger], "activities": []}]}
            ]
        }
    }
    members = frozenset({text.key("Region Skåne")})
    anonymised_archive(document, members)
    assert person == {
        "id": "p1",
        "name": "",
        "organisation": "region skåne",
        "anonymous": True,
        "quote_by_name": False,
    }
    assert stranger["organisation"] == ""
    assert stranger["name"] == ""


def test_an_anonymised_outcome_counts_other_organisations_as_none():
    from sessions.privacy import members_only

    members = frozenset({text.key("Region Skåne")})
    frozen = {
        "words": [
            {"word": "samordnare", "by_organisation": {"Min firma": 1, "Din firma": 2,
                                                     "Region Skåne": 1, "": 1}}
        ],
        "texts": [{"text": "Hej", "organisation": "Min firma"}],
    }  # fmt: skip
    left = members_only(frozen, members)
    assert left["words"][0]["by_organisation"] == {"": 4, "Region Skåne": 1}
    assert left["texts"] == [{"text": "Hej", "organisation": ""}]
