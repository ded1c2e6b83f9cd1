"""Actor mapping: answers, limits and the aggregate, counted by hand from
homework_fixture.py."""

import pytest

from sessions.errors import DomainError
from sessions.kinds import actor_map, get_kind
from sessions.submission import Submission

from .homework_fixture import (
    ACTOR_MAP_CONFIG as CONFIG,
)
from .homework_fixture import (
    A,
    B,
    E,
    K,
    L,
    actor_map_submissions,
    lead,
    part,
    region,
    rel,
)

LST = "länsstyrelsen"
KOM = "kommunerna"
AF = "arbetsförmedlingen"
REG = "regionen"
CIV = "civilsamhället / idéburen sektor"
LSTO = "länsstyrelsen östra"
ETAB = "etablering och tidiga insatser"
KOMP = "kompetensförsörjning"
TILL = "tillväxt"
BOENDE = "boende"
BOST = "bostäder"

REGIONS = [
    "Region Fjällen",
    "Region Kusten",
    "Region Mitt",
    "Region Norra",
    "Region Skogen",
    "Region Slätten",
    "Region Södra",
    "Region Västra",
    "Region Öarna",
    "Region Östra",
]
UNMAPPED = [
    "SFI och vuxenutbildning",
    "Fysisk planering",
    "Kollektivtrafik",
    "Innovationsförmåga",
    "Attraktivitet",
    "Företagande",
    "Folkhälsa",
    "Hälso- och sjukvård",
    "Kultur",
    "Demografiska utmaningar",
    "Demokrati",
    "Civilsamhällets roll",
]


def node(key, label, regions, merged=()):
    return {
        "key": key,
        "label": label,
        "count": len(regions),
        "regions": regions,
        "merged": list(merged),
    }


def edge(kind, source, target, regions, unclear=()):
    return {
        "source": source,
        "target": target,
        "type": kind,
        "directed": kind in ("finansiering", "uppdrag"),
        "count": len(regions),
        "unclear": len(unclear),
        "regions": regions,
        "unclear_regions": list(unclear),
    }


def cell(actor, area, leads, contributes):
    return {"actor": actor, "area": area, "leads": leads, "contributes": contributes}


def answer(actors, relations=(), name="Region Test"):
    return region(name, actors, relations)


def results(merges=None, subs=None):
    return actor_map.aggregate(
        CONFIG, actor_map_submissions() if subs is None else subs, merges or {}
    )


# --- the aggregate, counted by hand -----------------------------------------


def test_one_region_counts_once_its_latest_visible_submission_standing():
    result = results()
    # Östra's id 12 replaced id 2 (spelled "REGION ÖSTRA"); Norra's hidden id 13
    # and Hemlig's hidden id 11 count for nothing.
    assert result["answers"] == 10
    assert result["regions"] == REGIONS


def test_nodes_count_the_regions_naming_each_actor():
    assert results()["network"]["nodes"] == [
        node(
            KOM,
            "Kommunerna",
            [
                "Region Kusten",
                "Region Mitt",
                "Region Norra",
                "Region Skogen",
                "Region Slätten",
                "Region Södra",
                "Region Västra",
                "Region Öarna",
                "Region Östra",
            ],
        ),
        node(
            LST,
            "Länsstyrelsen",
            [
                "Region Fjällen",
                "Region Mitt",
                "Region Norra",
                "Region Slätten",
                "Region Södra",
                "Region Västra",
                "Region Öarna",
            ],
        ),
        node(
            AF,
            "Arbetsförmedlingen",
            [
                "Region Kusten",
                "Region Norra",
                "Region Skogen",
                "Region Södra",
                "Region Västra",
            ],
        ),
        node(REG, "Regionen", ["Region Fjällen", "Region Slätten", "Region Östra"]),
        node(CIV, "Civilsamhället / idéburen sektor", ["Region Mitt"]),
        node(LSTO, "Länsstyrelsen Östra", ["Region Östra"]),
    ]


def test_edges_are_keyed_by_type_and_ends_and_count_regions():
    assert results()["network"]["edges"] == [
        edge(
            "samverkan",
            KOM,
            LST,
            [
                "Region Norra",
                "Region Slätten",
                "Region Södra",
                "Region Västra",
                "Region Öarna",
            ],
            ["Region Norra", "Region Södra", "Region Västra", "Region Öarna"],
        ),
        edge("samverkan", AF, KOM, ["Region Kusten", "Region Norra"]),
        edge(
            "finansiering",
            REG,
            KOM,
            ["Region Slätten", "Region Östra"],
            ["Region Slätten"],
        ),
        edge("uppdrag", AF, KOM, ["Region Södra"]),
        edge("samverkan", CIV, KOM, ["Region Mitt"], ["Region Mitt"]),
        # Both directions of a directed type are two edges.
        edge("finansiering", KOM, LST, ["Region Västra"]),
        edge("kunskapsutbyte", KOM, LST, ["Region Södra"]),
        edge("samverkan", KOM, LSTO, ["Region Östra"], ["Region Östra"]),
        edge("finansiering", LST, KOM, ["Region Västra"]),
        edge("samverkan", LST, REG, ["Region Fjällen"], ["Region Fjällen"]),
    ]


def test_matrix_counts_regions_where_an_actor_leads_or_contributes():
    matrix = results()["matrix"]
    assert matrix["actors"] == [KOM, LST, AF, REG, CIV, LSTO]
    # Catalogue areas in catalogue order, then own areas.
    assert matrix["areas"] == [TILL, KOMP, ETAB, BOENDE, BOST]
    assert matrix["labels"] == {
        TILL: "Tillväxt",
        KOMP: "Kompetensförsörjning",
        ETAB: "Etablering och tidiga insatser",
        BOENDE: "Boende",
        BOST: "Bostäder",
        KOM: "Kommunerna",
        LST: "Länsstyrelsen",
        AF: "Arbetsförmedlingen",
        REG: "Regionen",
        CIV: "Civilsamhället / idéburen sektor",
        LSTO: "Länsstyrelsen Östra",
    }
    assert matrix["cells"] == [
        cell(KOM, KOMP, 1, 1),
        cell(KOM, ETAB, 3, 2),
        cell(KOM, BOENDE, 5, 2),
        cell(KOM, BOST, 0, 1),
        cell(LST, KOMP, 0, 1),
        cell(LST, ETAB, 5, 1),
        cell(LST, BOENDE, 0, 1),
        cell(AF, KOMP, 2, 2),
        cell(AF, ETAB, 1, 0),
        cell(REG, TILL, 3, 0),
        cell(REG, KOMP, 1, 1),
        cell(CIV, ETAB, 0, 1),
        cell(LSTO, ETAB, 1, 0),
    ]
    assert matrix["merged"] == {}


def test_mellanrum_unled_contested_unclear_and_unmapped():
    assert results()["mellanrum"] == {
        "unled": [
            {
                "area": "Kompetensförsörjning",
                "key": KOMP,
                "regions": ["Region Mitt", "Region Skogen", "Region Östra"],
            },
            {
                "area": "Boende",
                "key": BOENDE,
                "regions": ["Region Norra", "Region Skogen"],
            },
            {
                "area": "Etablering och tidiga insatser",
                "key": ETAB,
                "regions": ["Region Södra"],
            },
            {"area": "Bostäder", "key": BOST, "regions": ["Region Södra"]},
        ],
        "contested": [
            {
                "area": "Etablering och tidiga insatser",
                "key": ETAB,
                "regions": [
                    {
                        "region": "Region Västra",
                        "actors": ["Arbetsförmedlingen", "Länsstyrelsen"],
                    },
                    {
                        "region": "Region Östra",
                        "actors": ["Kommunerna", "Länsstyrelsen Östra"],
                    },
                ],
            }
        ],
        # Only Kommunerna–Länsstyrelsen reaches the threshold of two regions.
        "unclear": [
            {
                "source": KOM,
                "target": LST,
                "labels": ["Kommunerna", "Länsstyrelsen"],
                "regions": [
                    "Region Norra",
                    "Region Södra",
                    "Region Västra",
                    "Region Öarna",
                ],
            }
        ],
        "unmapped": UNMAPPED,
    }


def test_unclear_threshold_of_one_lists_every_pair_and_counts_any_type():
    config = actor_map.validate_config({"unclear_threshold": 1})
    unclear = actor_map.aggregate(config, actor_map_submissions(), {})["mellanrum"][
        "unclear"
    ]
    assert [(u["source"], u["target"], len(u["regions"])) for u in unclear] == [
        (KOM, LST, 4),
        (CIV, KOM, 1),
        (KOM, LSTO, 1),
        (KOM, REG, 1),  # Slätten's unclear finansiering, Regionen → Kommunerna
        (LST, REG, 1),
    ]


ALL_MERGES = {
    "actor:länsstyrelsen östra": "Länsstyrelsen",
    "area:bostäder": "Boende",
}


def test_merges_change_network_matrix_and_mellanrum_at_once():
    merges = actor_map.merge({}, "Länsstyrelsen Östra", "Länsstyrelsen", "actor")
    merges = actor_map.merge(merges, " bostäder", "Boende", "area")
    assert merges == ALL_MERGES
    result = results(merges)
    assert result["network"]["nodes"][:2] == [
        node(
            KOM,
            "Kommunerna",
            [
                "Region Kusten",
                "Region Mitt",
                "Region Norra",
                "Region Skogen",
                "Region Slätten",
                "Region Södra",
                "Region Västra",
                "Region Öarna",
                "Region Östra",
            ],
        ),
        node(
            LST,
            "Länsstyrelsen",
            [
                "Region Fjällen",
                "Region Mitt",
                "Region Norra",
                "Region Slätten",
                "Region Södra",
                "Region Västra",
                "Region Öarna",
                "Region Östra",
            ],
            merged=["Länsstyrelsen Östra"],
        ),
    ]
    assert [n["key"] for n in result["network"]["nodes"]] == [KOM, LST, AF, REG, CIV]
    edges = result["network"]["edges"]
    assert edges[0] == edge(
        "samverkan",
        KOM,
        LST,
        [
            "Region Norra",
            "Region Slätten",
            "Region Södra",
            "Region Västra",
            "Region Öarna",
            "Region Östra",
        ],
        [
            "Region Norra",
            "Region Södra",
            "Region Västra",
            "Region Öarna",
            "Region Östra",
        ],
    )
    assert len(edges) == 9
    matrix = result["matrix"]
    assert matrix["actors"] == [KOM, LST, AF, REG, CIV]
    assert matrix["areas"] == [TILL, KOMP, ETAB, BOENDE]
    assert matrix["cells"] == [
        cell(KOM, KOMP, 1, 1),
        cell(KOM, ETAB, 3, 2),
        cell(KOM, BOENDE, 5, 3),
        cell(LST, KOMP, 0, 1),
        cell(LST, ETAB, 6, 1),
        cell(LST, BOENDE, 0, 1),
        cell(AF, KOMP, 2, 2),
        cell(AF, ETAB, 1, 0),
        cell(REG, TILL, 3, 0),
        cell(REG, KOMP, 1, 1),
        cell(CIV, ETAB, 0, 1),
    ]
    assert matrix["merged"] == {BOENDE: ["Bostäder"]}
    assert BOST not in matrix["labels"] and LSTO not in matrix["labels"]
    mellanrum = result["mellanrum"]
    assert [(u["key"], u["regions"]) for u in mellanrum["unled"]] == [
        (KOMP, ["Region Mitt", "Region Skogen", "Region Östra"]),
        (BOENDE, ["Region Norra", "Region Skogen", "Region Södra"]),
        (ETAB, ["Region Södra"]),
    ]
    assert mellanrum["contested"][0]["regions"] == [
        {"region": "Region Västra", "actors": ["Arbetsförmedlingen", "Länsstyrelsen"]},
        {"region": "Region Östra", "actors": ["Kommunerna", "Länsstyrelsen"]},
    ]
    assert mellanrum["unclear"] == [
        {
            "source": KOM,
            "target": LST,
            "labels": ["Kommunerna", "Länsstyrelsen"],
            "regions": [
                "Region Norra",
                "Region Södra",
                "Region Västra",
                "Region Öarna",
                "Region Östra",
            ],
        }
    ]
    assert mellanrum["unmapped"] == UNMAPPED


def test_unmerging_both_restores_every_part():
    merges = actor_map.unmerge(ALL_MERGES, "länsstyrelsen östra", "actor")
    merges = actor_map.unmerge(merges, "Bostäder", "area")
    assert merges == {}
    assert results(merges) == results()
    # Undoing one leaves the other in force.
    one = actor_map.unmerge(ALL_MERGES, "Bostäder", "area")
    assert results(one)["matrix"]["areas"] == [TILL, KOMP, ETAB, BOENDE, BOST]
    assert LSTO not in results(one)["matrix"]["actors"]


def test_a_relation_whose_ends_merge_into_one_actor_drops_out():
    subs = [
        Submission(
            1,
            "Region Test",
            actor_map.validate_answer(
                CONFIG,
                answer(
                    {"Af": [lead("Boende")], A: [part("Boende")]},
                    [rel("Af", A, clear=False)],
                ),
            ),
        )
    ]
    result = results({"actor:af": A}, subs)
    assert result["network"]["edges"] == []
    assert result["mellanrum"]["unclear"] == []
    assert [n["key"] for n in result["network"]["nodes"]] == [AF]
    # Leading wins when the merge makes one actor both lead and contribute.
    assert result["matrix"]["cells"] == [cell(AF, BOENDE, 1, 0)]


def test_a_merged_catalogue_area_is_mapped_through_its_target():
    mapped = actor_map.validate_answer(CONFIG, answer({L: [lead("Boende")]}))
    subs = [Submission(1, "Region Test", mapped)]
    merges = {"area:fysisk planering": "Boende"}
    unmapped = results(merges, subs)["mellanrum"]["unmapped"]
    assert "Boende" not in unmapped and "Fysisk planering" not in unmapped
    assert "Kultur" in unmapped


def test_own_spelling_shows_the_most_used_form_and_catalogue_form_wins():
    subs = [
        Submission(i, f"Region {i}", answer({name: []}, name=f"Region {i}"))
        for i, name in enumerate(["Spindeln", "spindeln", "spindeln", "länsstyrelsen"])
    ]
    labels = [n["label"] for n in results(subs=subs)["network"]["nodes"]]
    assert labels == ["spindeln", "Länsstyrelsen"]


def test_no_submissions_give_an_empty_aggregate():
    result = results(subs=[])
    assert result["answers"] == 0
    assert result["network"] == {"nodes": [], "edges": []}
    assert result["matrix"]["cells"] == []
    assert result["mellanrum"]["unmapped"][:2] == [
        "Tillväxt",
        "Kompetensförsörjning",
    ]


# --- answers ----------------------------------------------------------------


def test_answer_is_cleaned_and_relation_ends_use_the_listed_spelling():
    cleaned = actor_map.validate_answer(
        CONFIG,
        {
            "region": "  Region   Norra ",
            "actors": [
                {
                    "name": " Länsstyrelsen",
                    "areas": [{"area": "Boende", "mode": "leads"}],
                },
                {"name": "Kommunerna"},
            ],
            "relations": [
                {"from": "länsstyrelsen", "to": "KOMMUNERNA", "type": "Uppdrag"}
            ],
        },
    )
    assert cleaned == {
        "region": "Region Norra",
        "actors": [
            {"name": "Länsstyrelsen", "areas": [{"area": "Boende", "mode": "leads"}]},
            {"name": "Kommunerna", "areas": []},
        ],
        "relations": [
            {
                "from": "Länsstyrelsen",
                "to": "Kommunerna",
                "type": "uppdrag",
                "clear": True,
            }
        ],
    }


def test_the_reverse_of_a_directed_relation_is_allowed():
    cleaned = actor_map.validate_answer(
        CONFIG,
        answer(
            {L: [], K: []},
            [
                rel(L, K, "finansiering"),
                rel(K, L, "finansiering"),
                rel(K, L, "uppdrag"),
            ],
        ),
    )
    assert len(cleaned["relations"]) == 3


def many(n, prefix="Aktör"):
    return {f"{prefix} {i}": [] for i in range(n)}


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (None, "invalid"),
        ([], "invalid"),
        ("Region Norra", "invalid"),
        ({"actors": [{"name": L}]}, "invalid"),
        ({"region": "  ", "actors": [{"name": L}]}, "required"),
        ({"region": "R" * 121, "actors": [{"name": L}]}, "too_long"),
        ({"region": "Region Norra"}, "invalid"),
        ({"region": "Region Norra", "actors": {}}, "invalid"),
        ({"region": "Region Norra", "actors": []}, "required"),
        ({"region": "Region Norra", "actors": ["Länsstyrelsen"]}, "invalid"),
        ({"region": "Region Norra", "actors": [{"areas": []}]}, "invalid"),
        ({"region": "Region Norra", "actors": [{"name": " "}]}, "required"),
        ({"region": "Region Norra", "actors": [{"name": 7}]}, "invalid"),
        ({"region": "Region Norra", "actors": [{"name": "x" * 121}]}, "too_long"),
        (
            {"region": "Region Norra", "actors": [{"name": L}], "relations": {}},
            "invalid",
        ),
        (answer(many(31)), "too_many"),
        (answer({L: [part(f"Område {i}") for i in range(21)]}), "too_many"),
        (answer({L: [], "länsstyrelsen ": []}), "duplicate_actor"),
        (answer({L: [lead(B), part("boende")]}), "duplicate_area"),
        (answer({L: [{"area": B, "mode": "owns"}]}), "invalid"),
        (answer({L: [{"area": B}]}), "invalid"),
        (answer({L: ["Boende"]}), "invalid"),
        (answer({L: [{"area": "x" * 121, "mode": "leads"}]}), "too_long"),
        (answer({L: [{"area": "", "mode": "leads"}]}), "required"),
        (answer({L: {"area": B}}), "invalid"),
    ],
)
def test_bad_answers_are_refused_with_a_code(bad, code):
    with pytest.raises(DomainError) as info:
        actor_map.validate_answer(CONFIG, bad)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("relations", "code"),
    [
        ([rel(L, "Vinnova")], "unknown_actor"),
        ([rel("Migrationsverket", K)], "unknown_actor"),
        ([rel(L, " länsstyrelsen")], "self_relation"),
        ([rel(L, K), rel(L, K, clear=False)], "duplicate_relation"),
        ([rel(L, K), rel(K, L)], "duplicate_relation"),  # undirected: either order
        (
            [rel(L, K, "kunskapsutbyte"), rel(K, L, "kunskapsutbyte")],
            "duplicate_relation",
        ),
        ([rel(L, K, "uppdrag"), rel(L, K, "Uppdrag")], "duplicate_relation"),
        ([rel(L, K, "bråk")], "invalid"),
        ([rel(L, K, 3)], "invalid"),
        ([{"from": L, "to": K, "type": "samverkan", "clear": "nej"}], "invalid"),
        ([{"from": L, "type": "samverkan"}], "invalid"),
        (["Länsstyrelsen–Kommunerna"], "invalid"),
        ([rel(L, K, "samverkan"), rel(L, K, "kunskapsutbyte")] * 31, "too_many"),
    ],
)
def test_bad_relations_are_refused_with_a_code(relations, code):
    with pytest.raises(DomainError) as info:
        actor_map.validate_answer(CONFIG, answer({L: [], K: []}, relations))
    assert info.value.code == code


def test_unknown_actor_names_the_relation_and_the_actor():
    with pytest.raises(DomainError) as info:
        actor_map.validate_answer(
            CONFIG, answer({L: [], K: []}, [rel(L, K), rel(K, "Vinnova")])
        )
    assert info.value.params == {"n": 2, "actor": "Vinnova"}
    assert info.value.message % info.value.params == (
        "Relation 2 names an actor that is not in your list: Vinnova."
    )


def test_catalogue_only_activity_refuses_own_actors_and_areas():
    config = actor_map.validate_config({"allow_own": False})
    assert actor_map.validate_answer(
        config, answer({"länsstyrelsen": [lead("boende")]})
    )
    for bad in (answer({"Spindeln": []}), answer({L: [lead("Bostäder")]})):
        with pytest.raises(DomainError) as info:
            actor_map.validate_answer(config, bad)
        assert info.value.code == "not_in_catalogue"


def test_limits_follow_the_settings():
    config = actor_map.validate_config({"max_actors": 2, "max_relations": 1})
    with pytest.raises(DomainError) as info:
        actor_map.validate_answer(config, answer(many(3)))
    assert (info.value.code, info.value.params) == ("too_many", {"max": 2})
    with pytest.raises(DomainError) as info:
        actor_map.validate_answer(
            config, answer({L: [], K: []}, [rel(L, K), rel(L, K, "uppdrag")])
        )
    assert (info.value.code, info.value.params) == ("too_many", {"max": 1})


def test_every_fixture_answer_is_valid():
    assert len(actor_map_submissions()) == 13


# --- settings ---------------------------------------------------------------


def test_default_settings_follow_the_spec():
    assert CONFIG["relation_types"] == [
        "samverkan",
        "finansiering",
        "uppdrag",
        "kunskapsutbyte",
    ]
    assert (CONFIG["max_actors"], CONFIG["max_relations"]) == (30, 60)
    assert (CONFIG["unclear_threshold"], CONFIG["allow_own"]) == (2, True)
    assert CONFIG["area_catalogue"][0] == "Tillväxt"


@pytest.mark.parametrize(
    "config",
    [
        None,
        [],
        {"relation_types": ["bråk"]},
        {"relation_types": []},
        {"relation_types": "samverkan"},
        {"actor_catalogue": [1]},
        {"area_catalogue": ["Boende", "boende"]},
        {"allow_own": "false"},
        {"max_actors": True},
        {"max_actors": 0},
        {"max_actors": 101},
        {"max_relations": "60"},
        {"unclear_threshold": 0},
    ],
)
def test_bad_settings_are_refused(config):
    with pytest.raises(DomainError) as info:
        actor_map.validate_config(config)
    assert info.value.code == "invalid"


def test_a_subset_of_relation_types_is_spelled_as_the_catalogue():
    config = actor_map.validate_config({"relation_types": ["Uppdrag"]})
    assert config["relation_types"] == ["uppdrag"]
    with pytest.raises(DomainError) as info:
        actor_map.validate_answer(config, answer({L: [], K: []}, [rel(L, K)]))
    assert info.value.code == "invalid"


def test_registered_with_merges_but_no_context():
    kind = get_kind("actor_map")
    assert kind.merge is actor_map.merge and kind.with_context is None
    with pytest.raises(DomainError) as info:
        kind.merge({}, "Lst", L, "role")
    assert info.value.code == "invalid"


def test_three_leaders_of_one_area_are_contested_together():
    mapped = actor_map.validate_answer(
        CONFIG, answer({L: [lead(B)], K: [lead(B)], A: [lead(B), part(E)]})
    )
    result = results(subs=[Submission(1, "Region Test", mapped)])
    assert result["mellanrum"]["contested"] == [
        {
            "area": "Boende",
            "key": BOENDE,
            "regions": [
                {
                    "region": "Region Test",
                    "actors": ["Arbetsförmedlingen", "Kommunerna", "Länsstyrelsen"],
                }
            ],
        }
    ]
    assert result["mellanrum"]["unled"] == [
        {"area": E, "key": ETAB, "regions": ["Region Test"]}
    ]


@pytest.mark.parametrize("lead_first", [True, False])
def test_leading_wins_in_either_order_when_merges_make_one_actor_do_both(lead_first):
    entries = [("Af", [lead(B)]), (A, [part(B), part(E)])]
    if not lead_first:
        entries.reverse()
    mapped = actor_map.validate_answer(CONFIG, answer(dict(entries)))
    result = results({"actor:af": A}, [Submission(1, "Region Test", mapped)])
    assert result["matrix"]["cells"] == [cell(AF, ETAB, 0, 1), cell(AF, BOENDE, 1, 0)]
    assert result["mellanrum"]["unled"] == [
        {"area": E, "key": ETAB, "regions": ["Region Test"]}
    ]
    assert result["mellanrum"]["contested"] == []
    assert result["network"]["nodes"] == [
        node(AF, "Arbetsförmedlingen", ["Region Test"], merged=["Af"])
    ]
