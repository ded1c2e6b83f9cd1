"""'Andras ögon': answers, limits, the aggregate and the comparison, counted by
hand from homework_fixture.py."""

import pytest

from sessions import snapshot
from sessions.activity import Activity, ActivityState
from sessions.errors import DomainError
from sessions.kinds import get_kind, others_view
from sessions.submission import Submission

from .homework_fixture import OTHERS_VIEW_CONFIG as CONFIG
from .homework_fixture import L, others_view_submissions, view


def word(key, shown, count):
    return {"key": key, "word": shown, "count": count}


def results(merges=None, subs=None):
    return others_view.aggregate(
        CONFIG, others_view_submissions() if subs is None else subs, merges or {}
    )


LANSSTYRELSEN = {
    "key": "länsstyrelsen",
    "kind": "Länsstyrelsen",
    "actors": 6,
    # First spelling of each name, in the order first seen; Kusten's and
    # Skogen's names repeat Norra's and Västra's.
    "names": [
        "Länsstyrelsen Norra",
        "Länsstyrelsen Östra",
        "Länsstyrelsen Södra",
        "Länsstyrelsen Västra",
    ],
    "roles": [
        word("samordnare", "Samordnare", 3),
        word("kunskapsförmedlare", "Kunskapsförmedlare", 2),
        word("finansiär", "Finansiär", 1),
        word("nav", "Nav", 1),
    ],
    # Norra 3, Östra 0, Södra none, Västra 2, Kusten 1, Skogen 3.
    "sizes": [1, 1, 1, 2],
    "size_range": {
        "from": 0,
        "to": 3,
        "from_label": "Ingen roll",
        "to_label": "Stort ansvar",
    },
    "quotes": [
        {
            "text": "Regionen ska hålla i helheten.",
            "name": "Länsstyrelsen Norra",
            "organisation": "Region Norra",
        },
        {
            "text": "Det är vårt uppdrag, inte regionens.",
            "name": "Länsstyrelsen Östra",
            "organisation": "Region Östra",
        },
    ],
    "merged": [],
}
KOMMUNERNA = {
    "key": "kommunerna",
    "kind": "Kommunerna",
    "actors": 5,
    "names": [
        "Norrby kommun",
        "Västerby kommun",
        "Mittby kommun",
        "Slättby kommun",
        "Öby kommun",
    ],
    "roles": [
        word("samordnare", "Samordnare", 2),  # Västra typed "samordnare"
        word("finansiär", "Finansiär", 1),
        word("nav", "Nav", 1),
        word("processledare", "Processledare", 1),
        word("samordning", "Samordning", 1),
    ],
    "sizes": [0, 1, 1, 1],
    "size_range": {
        "from": 1,
        "to": 3,
        "from_label": "Liten roll",
        "to_label": "Stort ansvar",
    },
    "quotes": [
        {
            "text": "Mer nav än motor.",
            "name": "Mittby kommun",
            "organisation": "Region Mitt",
        }
    ],
    "merged": [],
}
ARBETSFORMEDLINGEN = {
    "key": "arbetsförmedlingen",
    "kind": "Arbetsförmedlingen",
    "actors": 2,
    "names": ["Arbetsförmedlingen Södra"],
    "roles": [
        word("finansiär", "Finansiär", 1),
        word("nav", "Nav", 1),
        word("samordnare", "Samordnare", 1),
    ],
    "sizes": [1, 0, 1, 0],
    "size_range": {
        "from": 0,
        "to": 2,
        "from_label": "Ingen roll",
        "to_label": "Viss roll",
    },
    "quotes": [],
    "merged": [],
}
IDEBURNA = {
    "key": "idéburna organisationer",
    "kind": "Idéburna organisationer",
    "actors": 1,
    "names": ["Föreningen Gemensam"],
    "roles": [word("samordning", "Samordning", 1)],
    "sizes": [0, 0, 0, 0],
    "size_range": None,
    "quotes": [],
    "merged": [],
}
LST_OSTRA = {
    "key": "lst östra",
    "kind": "Lst Östra",
    "actors": 1,
    "names": [],
    "roles": [word("nav", "Nav", 1)],
    "sizes": [0, 1, 0, 0],
    "size_range": {
        "from": 1,
        "to": 1,
        "from_label": "Liten roll",
        "to_label": "Liten roll",
    },
    "quotes": [],
    "merged": [],
}


def expected(key, shown, count, merged=()):
    return {**word(key, shown, count), "merged": list(merged)}


def test_kinds_are_ranked_by_records_then_by_name():
    result = results()
    assert result["answers"] == 10  # Region Hemlig's hidden answer is skipped
    assert result["kinds"] == [
        LANSSTYRELSEN,
        KOMMUNERNA,
        ARBETSFORMEDLINGEN,
        IDEBURNA,
        LST_OSTRA,
    ]


def test_lansstyrelsen_spans_no_role_to_great_responsibility():
    """The seed's point: "allt från ingen roll till stort ansvar"."""
    first = results()["kinds"][0]
    assert (first["kind"], first["size_range"]["from_label"]) == (
        "Länsstyrelsen",
        "Ingen roll",
    )
    assert first["size_range"]["to_label"] == "Stort ansvar"


def test_expected_roles_count_once_per_actor_record():
    assert results()["expected_roles"] == [
        expected("samordnare", "Samordnare", 6),
        expected("nav", "Nav", 4),
        expected("finansiär", "Finansiär", 3),
        expected("kunskapsförmedlare", "Kunskapsförmedlare", 2),
        expected("samordning", "Samordning", 2),
        expected("processledare", "Processledare", 1),
    ]
    assert results()["comparison"] is None


MERGES = {
    "actor:lst östra": "Länsstyrelsen",
    "actor:idéburna organisationer": "Civilsamhället / idéburen sektor",
    "role:samordning": "Samordnare",
}


def test_actor_and_role_merges_apply_to_kinds_roles_and_expected_roles():
    merges = others_view.merge({}, "Lst Östra", "Länsstyrelsen", "actor")
    merges = others_view.merge(
        merges, "Idéburna  organisationer", "Civilsamhället / idéburen sektor", "actor"
    )
    merges = others_view.merge(merges, "samordning", "Samordnare", "role")
    assert merges == MERGES
    result = results(merges)
    assert result["kinds"] == [
        {
            **LANSSTYRELSEN,
            "actors": 7,
            "roles": [
                word("samordnare", "Samordnare", 3),
                word("kunskapsförmedlare", "Kunskapsförmedlare", 2),
                word("nav", "Nav", 2),
                word("finansiär", "Finansiär", 1),
            ],
            "sizes": [1, 2, 1, 2],
            "merged": ["Lst Östra"],
        },
        {
            **KOMMUNERNA,
            # Slätten's "Samordning" and "Samordnare" are now one role, once.
            "roles": [
                word("samordnare", "Samordnare", 2),
                word("finansiär", "Finansiär", 1),
                word("nav", "Nav", 1),
                word("processledare", "Processledare", 1),
            ],
        },
        ARBETSFORMEDLINGEN,
        {
            **IDEBURNA,
            # Nobody typed the target: it shows in its catalogue form.
            "key": "civilsamhället / idéburen sektor",
            "kind": "Civilsamhället / idéburen sektor",
            "roles": [word("samordnare", "Samordnare", 1)],
            "merged": ["Idéburna organisationer"],
        },
    ]
    assert result["expected_roles"] == [
        expected("samordnare", "Samordnare", 7, ["Samordning"]),
        expected("nav", "Nav", 4),
        expected("finansiär", "Finansiär", 3),
        expected("kunskapsförmedlare", "Kunskapsförmedlare", 2),
        expected("processledare", "Processledare", 1),
    ]


def test_unmerging_restores_the_separate_counts():
    merges = others_view.unmerge(MERGES, "LST ÖSTRA", "actor")
    merges = others_view.unmerge(merges, "Idéburna organisationer", "actor")
    merges = others_view.unmerge(merges, "Samordning", "role")
    assert merges == {}
    assert results(merges) == results()
    # A role merge is undone with its own field only.
    assert others_view.unmerge(MERGES, "samordning", "actor") == MERGES


def test_a_merge_field_of_another_kind_is_refused():
    for field in ("area", "Actor", None):
        with pytest.raises(DomainError) as info:
            others_view.merge({}, "Lst", "Länsstyrelsen", field)
        assert info.value.code == "invalid"


TAKEN = {
    "activity_id": 3,
    "prompt": "Vem är du?",
    "words": [
        word("samordnare", "Samordnare", 4),
        word("lobbyist", "Lobbyist", 2),
        word("nav", "Nav", 1),
        word("projektägare", "Projektägare", 1),
    ],
}


def test_comparison_sets_roles_taken_beside_roles_expected():
    result = others_view.with_context(results(), {"roles_taken": TAKEN})
    assert result["comparison"] == {
        "source": {"activity_id": 3, "prompt": "Vem är du?"},
        "both": ["Nav", "Samordnare"],
        "expected_not_taken": [
            "Finansiär",
            "Kunskapsförmedlare",
            "Processledare",
            "Samordning",
        ],
        "taken_not_expected": ["Lobbyist", "Projektägare"],
    }
    assert result["kinds"] == results()["kinds"]


def test_comparison_uses_the_expected_sides_merges():
    merged = others_view.with_context(results(MERGES), {"roles_taken": TAKEN})
    assert merged["comparison"]["expected_not_taken"] == [
        "Finansiär",
        "Kunskapsförmedlare",
        "Processledare",
    ]
    assert merged["comparison"]["both"] == ["Nav", "Samordnare"]


def test_comparison_is_null_without_a_roles_activity():
    assert (
        others_view.with_context(results(), {"roles_taken": None})["comparison"] is None
    )


def test_snapshot_adds_the_comparison_through_the_registry():
    activity = Activity(
        id=9, kind="others_view", prompt="?", config=CONFIG, state=ActivityState.OPEN
    )
    subs = others_view_submissions()
    with_context = snapshot.build(
        activity, 1, subs, joined=11, context={"roles_taken": TAKEN}
    )
    assert with_context["results"]["comparison"]["both"] == ["Nav", "Samordnare"]
    assert with_context["answer_count"] == 10
    without = snapshot.build(activity, 1, subs, joined=11)
    assert without["results"]["comparison"] is None
    assert get_kind("others_view").with_context is others_view.with_context


def test_no_submissions_give_an_empty_aggregate():
    assert results(subs=[]) == {
        "answers": 0,
        "kinds": [],
        "expected_roles": [],
        "comparison": None,
    }


def test_hidden_submissions_are_skipped():
    subs = [
        Submission(1, "Region Norra", {"actors": [view(L, "", ["Nav"], 2)]}),
        Submission(2, "Region Södra", {"actors": [view(L, "", ["Lobbyist"], 0)]}, True),
    ]
    result = results(subs=subs)
    assert result["answers"] == 1
    assert result["kinds"][0]["sizes"] == [0, 0, 1, 0]
    assert result["expected_roles"] == [expected("nav", "Nav", 1)]


# --- answers ----------------------------------------------------------------


def test_answer_is_cleaned_and_roles_deduplicated_in_given_order():
    cleaned = others_view.validate_answer(
        CONFIG,
        {
            "actors": [
                {
                    "kind": " Länsstyrelsen ",
                    "name": "Länsstyrelsen  Östra",
                    "roles": ["Samordnare", "samordnare", "Nav"],
                    "size": 0,
                    "quote": "  Hej  ",
                },
                {"kind": "Kommunerna"},
            ]
        },
    )
    assert cleaned == {
        "actors": [
            {
                "kind": "Länsstyrelsen",
                "name": "Länsstyrelsen Östra",
                "roles": ["Samordnare", "Nav"],
                "size": 0,
                "quote": "Hej",
            },
            {"kind": "Kommunerna", "name": "", "roles": [], "size": None, "quote": ""},
        ]
    }


def actors(*records):
    return {"actors": list(records)}


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (None, "invalid"),
        ([], "invalid"),
        ({}, "invalid"),
        ({"actors": "Länsstyrelsen"}, "invalid"),
        ({"actors": []}, "required"),
        (actors("Länsstyrelsen"), "invalid"),
        (actors({"name": "Länsstyrelsen Östra"}), "invalid"),
        (actors({"kind": " "}), "required"),
        (actors({"kind": "k" * 61}), "too_long"),
        (actors({"kind": L, "name": "n" * 121}), "too_long"),
        (actors({"kind": L, "name": 5}), "invalid"),
        (actors({"kind": L, "quote": "q" * 501}), "too_long"),
        (actors({"kind": L, "roles": "Nav"}), "invalid"),
        (actors({"kind": L, "roles": [None]}), "invalid"),
        (actors({"kind": L, "roles": ["r" * 61]}), "too_long"),
        (actors({"kind": L, "roles": [f"Roll {i}" for i in range(13)]}), "too_many"),
        (actors({"kind": L, "size": 4}), "invalid"),
        (actors({"kind": L, "size": -1}), "invalid"),
        (actors({"kind": L, "size": "3"}), "invalid"),
        (actors({"kind": L, "size": True}), "invalid"),
        (actors({"kind": L, "size": 1.0}), "invalid"),
        (actors(*({"kind": f"Aktör {i}"} for i in range(16))), "too_many"),
        (
            actors(
                {"kind": L, "name": "Länsstyrelsen Östra"},
                {"kind": "länsstyrelsen", "name": "LÄNSSTYRELSEN ÖSTRA "},
            ),
            "duplicate_actor",
        ),
        (actors({"kind": L}, {"kind": L, "name": ""}), "duplicate_actor"),
    ],
)
def test_bad_answers_are_refused_with_a_code(bad, code):
    with pytest.raises(DomainError) as info:
        others_view.validate_answer(CONFIG, bad)
    assert info.value.code == code


def test_the_same_kind_may_be_asked_under_two_names():
    answer = actors(
        {"kind": L, "name": "Länsstyrelsen Östra"},
        {"kind": L, "name": "Länsstyrelsen Södra"},
    )
    assert len(others_view.validate_answer(CONFIG, answer)["actors"]) == 2


def test_duplicate_actor_message_names_it():
    with pytest.raises(DomainError) as info:
        others_view.validate_answer(
            CONFIG, actors({"kind": L, "name": "Lst Ö"}, {"kind": L, "name": "lst ö"})
        )
    assert info.value.message % info.value.params == (
        "lst ö is in your list twice. Keep it once."
    )


def test_catalogue_only_activity_refuses_own_kinds_and_roles():
    config = others_view.validate_config({"allow_own": False})
    assert others_view.validate_answer(config, actors({"kind": "länsstyrelsen"}))
    for bad in (
        actors({"kind": "Lst Östra"}),
        actors({"kind": L, "roles": ["Spindel i nätet"]}),
    ):
        with pytest.raises(DomainError) as info:
            others_view.validate_answer(config, bad)
        assert info.value.code == "not_in_catalogue"


def test_every_fixture_answer_is_valid():
    assert len(others_view_submissions()) == 11


# --- settings ---------------------------------------------------------------


def test_default_settings_follow_the_spec():
    assert CONFIG["sizes"] == ["Ingen roll", "Liten roll", "Viss roll", "Stort ansvar"]
    assert (CONFIG["max_actors"], CONFIG["allow_own"]) == (15, True)
    assert CONFIG["actor_catalogue"][0] == "Länsstyrelsen"
    assert CONFIG["role_catalogue"][0] == "Analysförmedlare"


def test_own_sizes_and_limit():
    config = others_view.validate_config({"sizes": ["Liten", "Stor"], "max_actors": 1})
    with pytest.raises(DomainError) as info:
        others_view.validate_answer(config, actors({"kind": L, "size": 2}))
    assert info.value.code == "invalid"
    with pytest.raises(DomainError) as info:
        others_view.validate_answer(config, actors({"kind": L}, {"kind": "Vinnova"}))
    assert (info.value.code, info.value.params) == ("too_many", {"max": 1})


@pytest.mark.parametrize(
    "config",
    [
        None,
        {"sizes": ["Bara en"]},
        {"sizes": "Ingen roll"},
        {"sizes": [f"S{i}" for i in range(11)]},
        {"role_catalogue": ["Nav", None]},
        {"actor_catalogue": ["x" * 61]},
        {"allow_own": 1},
        {"max_actors": 51},
        {"max_actors": 2.5},
    ],
)
def test_bad_settings_are_refused(config):
    with pytest.raises(DomainError):
        others_view.validate_config(config)
