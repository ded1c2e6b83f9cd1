"""Drafts: any shape of form as typed so far, up to a size."""

import pytest

from sessions.errors import DomainError
from sessions.homework import MAX_DRAFT_BYTES, check_draft, check_is_homework
from sessions.kinds import actor_map


def largest_actor_map() -> dict:
    """An answer at every default limit, in two-byte letters: the largest draft a
    participant can type that would also be accepted."""
    config = actor_map.validate_config({})
    word = "å" * actor_map.MAX_LENGTH

    def name(i: int) -> str:
        return f"{i:03}" + word[3:]

    actors = [
        {
            "name": name(i),
            "areas": [
                {"area": name(100 + j), "mode": "leads"}
                for j in range(actor_map.MAX_AREAS)
            ],
        }
        for i in range(config["max_actors"])
    ]
    relations = [
        {
            "from": name(i),
            "to": name(j),
            "type": "finansiering",
            "clear": False,
        }
        for i in range(config["max_actors"])
        for j in range(i + 1, config["max_actors"])
    ][: config["max_relations"]]
    answer = {"region": word, "actors": actors, "relations": relations}
    actor_map.validate_answer(config, answer)  # it is a valid answer
    return answer


def test_the_largest_valid_answer_fits_in_a_draft():
    assert check_draft(largest_actor_map())


def test_a_draft_may_be_incomplete_but_not_huge_or_malformed():
    assert check_draft({"actors": [{"name": ""}]}) == {"actors": [{"name": ""}]}
    with pytest.raises(DomainError) as error:
        check_draft({"quote": "x" * (MAX_DRAFT_BYTES + 1)})
    assert error.value.code == "too_long"
    with pytest.raises(DomainError) as error:
        check_draft(["not", "an", "object"])
    assert error.value.code == "invalid"


def test_only_homework_kinds_are_homework():
    check_is_homework("actor_map")
    check_is_homework("others_view")
    with pytest.raises(DomainError) as error:
        check_is_homework("roles")
    assert error.value.code == "not_homework"


def test_a_draft_with_unsavable_characters_is_refused():
    with pytest.raises(DomainError) as error:
        check_draft({"roles": ["\ud800"]})
    assert error.value.code == "invalid"
