import pytest

from sessions.catalogue import ROLES
from sessions.errors import DomainError
from sessions.kinds import get_kind, roles
from sessions.submission import Submission

CONFIG = roles.validate_config({"catalogue": list(ROLES)})


def sub(pid, *words, org="Region Skåne", hidden=False):
    return Submission(pid, org, {"roles": list(words)}, hidden)


def test_answer_is_folded_and_deduplicated_in_given_order():
    answer = roles.validate_answer(
        CONFIG, {"roles": ["  Samordnare ", "samordnare", "Lobby  ist"]}
    )
    assert answer == {"roles": ["Samordnare", "Lobby ist"]}


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (None, "invalid"),
        ({"roles": "Samordnare"}, "invalid"),
        ({"roles": [3]}, "invalid"),
        ({"roles": []}, "required"),
        ({"roles": ["   "]}, "required"),
        ({"roles": ["x" * 61]}, "too_long"),
        ({"roles": [f"r{i}" for i in range(13)]}, "too_many"),
    ],
)
def test_bad_answers_are_refused_with_a_code(answer, code):
    with pytest.raises(DomainError) as info:
        roles.validate_answer(CONFIG, answer)
    assert info.value.code == code


def test_catalogue_only_activity_refuses_own_words():
    config = roles.validate_config({"catalogue": ["Nav"], "allow_own": False})
    assert roles.validate_answer(config, {"roles": ["nav"]}) == {"roles": ["nav"]}
    with pytest.raises(DomainError) as info:
        roles.validate_answer(config, {"roles": ["Spindel"]})
    assert info.value.code == "not_in_catalogue"


def test_spellings_count_as_one_word_shown_in_catalogue_form():
    result = roles.aggregate(
        CONFIG,
        [sub(1, "Samordnare"), sub(2, "samordnare "), sub(3, "SAMORDNARE", "Nav")],
        {},
    )
    assert result["answers"] == 3
    top = result["words"][0]
    assert (top["word"], top["count"]) == ("Samordnare", 3)
    assert result["words"][1]["word"] == "Nav"


def test_own_word_shows_its_most_used_spelling():
    result = roles.aggregate(
        CONFIG,
        [
            sub(1, "spindel i nätet"),
            sub(2, "Spindel i nätet"),
            sub(3, "Spindel i nätet"),
        ],
        {},
    )
    assert result["words"][0]["word"] == "Spindel i nätet"


def test_merge_counts_a_word_as_another_once_per_participant():
    merges = roles.merge({}, "samordning", "Samordnare")
    result = roles.aggregate(
        CONFIG,
        [sub(1, "Samordnare", "samordning"), sub(2, "Samordning"), sub(3, "Nav")],
        merges,
    )
    top = result["words"][0]
    assert (top["word"], top["count"], top["merged"]) == (
        "Samordnare",
        2,
        ["samordning"],
    )
    assert [w["word"] for w in result["words"]] == ["Samordnare", "Nav"]


def test_merges_chain_and_refuse_cycles():
    merges = roles.merge({}, "samordning", "koordinering")
    merges = roles.merge(merges, "koordinering", "Samordnare")
    assert roles.resolve(merges, "samordning") == "samordnare"
    with pytest.raises(DomainError):
        roles.merge(merges, "Samordnare", "samordning")
    with pytest.raises(DomainError):
        roles.merge(merges, "Nav", " nav")


def test_unmerge_restores_separate_counts():
    merges = roles.unmerge(roles.merge({}, "samordning", "Samordnare"), "Samordning")
    result = roles.aggregate(
        CONFIG, [sub(1, "samordning"), sub(2, "Samordnare")], merges
    )
    assert sorted(w["count"] for w in result["words"]) == [1, 1]


def test_hidden_submissions_are_not_counted():
    result = roles.aggregate(
        CONFIG, [sub(1, "Nav"), sub(2, "Lobbyist", hidden=True)], {}
    )
    assert result["answers"] == 1
    assert [w["word"] for w in result["words"]] == ["Nav"]


def test_counts_by_organisation():
    result = roles.aggregate(
        CONFIG,
        [sub(1, "Nav", org="Region Halland"), sub(2, "Nav"), sub(3, "Nav")],
        {},
    )
    assert result["words"][0]["by_organisation"] == {
        "Region Halland": 1,
        "Region Skåne": 2,
    }


def test_ties_rank_alphabetically():
    result = roles.aggregate(CONFIG, [sub(1, "Visionär", "Förebild")], {})
    assert [w["word"] for w in result["words"]] == ["Förebild", "Visionär"]


def test_unknown_kind_is_a_domain_error():
    with pytest.raises(DomainError) as info:
        get_kind("tarot")
    assert info.value.code == "unknown_kind"


def test_a_merge_target_nobody_typed_shows_as_the_leader_wrote_it():
    merges = roles.merge({}, "spindel", "Spindeln i nätet")
    merges = roles.merge(merges, "nätverksnod", "spindeln i nätet")
    result = roles.aggregate(CONFIG, [sub(1, "Spindel"), sub(2, "nätverksnod")], merges)
    assert [(w["word"], w["count"]) for w in result["words"]] == [
        ("Spindeln i nätet", 2)
    ]
