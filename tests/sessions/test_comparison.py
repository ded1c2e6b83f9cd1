"""The comparison across meetings on small, hand-counted runs: words that
appeared and disappeared, rank shifts, shares by organisation, scales side by
side, and the refusals."""

import json

import pytest

from sessions.comparison import Run, comparable, compare
from sessions.errors import DomainError


def roles_run(activity_id, label, answers, words):
    """``words``: (word, count, {organisation: count})."""
    return Run(
        activity_id,
        label,
        "roles",
        {},
        {
            "answers": answers,
            "words": [
                {
                    "key": w.casefold(),
                    "word": w,
                    "count": n,
                    "by_organisation": orgs,
                    "merged": [],
                }
                for w, n, orgs in words
            ],
        },
        answers,
    )


TRAFF_1 = roles_run(
    11,
    "Träff 1",
    4,
    [
        ("Samordnare", 3, {"Region Skåne": 2, "Vinnova": 1}),
        ("Nätverkare", 2, {"Region Skåne": 1, "": 1}),
        ("Lobbyist", 1, {"Vinnova": 1}),
    ],
)
TRAFF_3 = roles_run(
    31,
    "Träff 3",
    5,
    [
        ("Nätverkare", 4, {"Region Skåne": 2, "Vinnova": 2}),
        ("Samordnare", 2, {"Region Skåne": 1, "Region Halland": 1}),
        ("Finansiär", 2, {"Region Halland": 2}),
    ],
)


def test_roles_side_by_side_with_counts_shares_and_ranks():
    compared = compare([TRAFF_1, TRAFF_3])
    assert compared["kind"] == "roles"
    assert compared["runs"] == [
        {"activity_id": 11, "label": "Träff 1", "answers": 4},
        {"activity_id": 31, "label": "Träff 3", "answers": 5},
    ]
    # Most named in the last run first, then in the run before it.
    assert compared["items"] == [
        {
            "key": "nätverkare",
            "word": "Nätverkare",
            "counts": [2, 4],
            "shares": [0.5, 0.8],
            "ranks": [2, 1],
        },
        {
            "key": "samordnare",
            "word": "Samordnare",
            "counts": [3, 2],
            "shares": [0.75, 0.4],
            "ranks": [1, 2],
        },
        {
            "key": "finansiär",
            "word": "Finansiär",
            "counts": [0, 2],
            "shares": [0.0, 0.4],
            # Tied with Samordnare: the same rank, not 3.
            "ranks": [None, 2],
        },
        {
            "key": "lobbyist",
            "word": "Lobbyist",
            "counts": [1, 0],
            "shares": [0.25, 0.0],
            "ranks": [3, None],
        },
    ]
    assert json.loads(json.dumps(compared)) == compared


def test_words_that_appeared_and_disappeared_and_rank_shifts():
    compared = compare([TRAFF_1, TRAFF_3])
    assert compared["appeared"] == [{"key": "finansiär", "word": "Finansiär"}]
    assert compared["disappeared"] == [{"key": "lobbyist", "word": "Lobbyist"}]
    assert compared["rank_shifts"] == [
        {"key": "nätverkare", "word": "Nätverkare", "from": 2, "to": 1, "shift": 1},
        {"key": "samordnare", "word": "Samordnare", "from": 1, "to": 2, "shift": -1},
    ]


def test_shares_by_organisation_are_of_the_runs_mentions():
    compared = compare([TRAFF_1, TRAFF_3])
    # Träff 1: 6 mentions (Skåne 2+1, Vinnova 1+1, none 1); Träff 3: 8.
    assert compared["organisations"] == [
        {"organisation": "Region Skåne", "mentions": [3, 3], "shares": [0.5, 0.375]},
        {"organisation": "Vinnova", "mentions": [2, 2], "shares": [2 / 6, 0.25]},
        {"organisation": "Region Halland", "mentions": [0, 3], "shares": [0, 0.375]},
        {"organisation": "", "mentions": [1, 0], "shares": [1 / 6, 0]},
    ]


def test_three_runs_compare_the_first_with_the_last_and_list_the_middle():
    traff_4 = roles_run(
        41, "Träff 4", 2, [("Lobbyist", 2, {"Vinnova": 2}), ("Nätverkare", 1, {})]
    )
    compared = compare([TRAFF_1, TRAFF_3, traff_4])
    assert [r["label"] for r in compared["runs"]] == ["Träff 1", "Träff 3", "Träff 4"]
    # Lobbyist was named in Träff 1 and Träff 4: neither new nor gone.
    assert compared["appeared"] == []
    assert compared["disappeared"] == [{"key": "samordnare", "word": "Samordnare"}]
    by_key = {i["key"]: i for i in compared["items"]}
    assert by_key["lobbyist"]["counts"] == [1, 0, 2]
    assert by_key["lobbyist"]["ranks"] == [3, None, 1]
    assert by_key["finansiär"]["counts"] == [0, 2, 0]
    assert compared["rank_shifts"] == [
        {"key": "lobbyist", "word": "Lobbyist", "from": 3, "to": 1, "shift": 2},
        {"key": "nätverkare", "word": "Nätverkare", "from": 2, "to": 2, "shift": 0},
    ]
    # Picked in another order, the runs keep it: "before" is the first given.
    backwards = compare([traff_4, TRAFF_1])
    assert backwards["runs"][0]["label"] == "Träff 4"
    assert backwards["appeared"] == [{"key": "samordnare", "word": "Samordnare"}]


def test_a_run_without_answers_has_no_shares():
    empty = roles_run(5, "Träff 2", 0, [])
    compared = compare([empty, TRAFF_1])
    assert compared["items"][0]["shares"] == [None, 0.75]
    assert compared["items"][0]["ranks"] == [None, 1]
    assert [w["word"] for w in compared["appeared"]] == [
        "Samordnare",
        "Nätverkare",
        "Lobbyist",
    ]
    assert compared["organisations"][0]["shares"] == [None, 0.5]


def test_choice_options_nobody_took_did_not_appear():
    def choice(activity_id, label, counts):
        answers = 3
        return Run(
            activity_id,
            label,
            "choice",
            {"options": list(counts)},
            {
                "answers": answers,
                "options": [
                    {"option": o, "count": n, "share": n / answers}
                    for o, n in counts.items()
                ],
            },
            answers,
        )

    compared = compare(
        [
            choice(1, "Träff 1", {"Ja": 3, "Nej": 0}),
            choice(2, "Träff 4", {"Ja": 1, "Nej": 2}),
        ]
    )
    assert [(i["key"], i["counts"], i["ranks"]) for i in compared["items"]] == [
        ("nej", [0, 2], [None, 1]),
        ("ja", [3, 1], [1, 2]),
    ]
    assert compared["appeared"] == [{"key": "nej", "word": "Nej"}]
    assert compared["disappeared"] == []
    assert compared["rank_shifts"] == [
        {"key": "ja", "word": "Ja", "from": 1, "to": 2, "shift": -1}
    ]
    assert "organisations" not in compared


def test_others_view_compares_the_roles_others_expect():
    def view(activity_id, roles):
        return Run(
            activity_id,
            f"Hemuppgift {activity_id}",
            "others_view",
            {},
            {
                "answers": 2,
                "kinds": [],
                "expected_roles": [
                    {"key": k.casefold(), "word": k, "count": n, "merged": []}
                    for k, n in roles
                ],
                "comparison": None,
            },
            2,
        )

    compared = compare([view(1, [("Samordnare", 3)]), view(2, [("Finansiär", 1)])])
    # A role counts once per actor asked, so a share may pass 1.
    assert compared["items"][1] == {
        "key": "samordnare",
        "word": "Samordnare",
        "counts": [3, 0],
        "shares": [1.5, 0.0],
        "ranks": [1, None],
    }
    assert compared["appeared"] == [{"key": "finansiär", "word": "Finansiär"}]


def test_open_text_compares_its_words():
    def text(activity_id, words):
        results = {
            "answers": 3,
            "texts": [],
            "words": [{"key": w.casefold(), "word": w, "count": n} for w, n in words],
        }
        return Run(activity_id, "T", "text", {}, results, 3)

    compared = compare([text(1, [("Möten", 2)]), text(2, [("möten", 1), ("Mod", 1)])])
    # Matched by key, shown as the latest run spells it.
    assert compared["items"][0]["word"] == "möten"
    assert compared["items"][0]["counts"] == [2, 1]
    assert compared["appeared"] == [{"key": "mod", "word": "Mod"}]


def scale_run(activity_id, label, low, high, counts, labels, mean, median):
    answers = sum(counts)
    return Run(
        activity_id,
        label,
        "scale",
        {"min": low, "max": high, "labels": labels},
        {
            "answers": answers,
            "distribution": [
                {"value": v, "label": labels.get(str(v)), "count": n}
                for v, n in zip(range(low, high + 1), counts, strict=True)
            ],
            "mean": mean,
            "median": median,
        },
        answers,
    )


def test_scales_side_by_side_even_when_their_ends_moved():
    before = scale_run(
        1, "Träff 1", 1, 5, [0, 1, 2, 1, 0], {"1": "Inte alls", "5": "Helt"}, 3.0, 3
    )
    after = scale_run(
        2, "Träff 4", 1, 6, [0, 0, 1, 2, 2, 1], {"1": "Inte alls", "6": "Helt"}, 4.5, 4
    )
    compared = compare([before, after])
    assert compared["distribution"] == [
        {"value": 1, "label": "Inte alls", "counts": [0, 0], "shares": [0, 0]},
        {"value": 2, "label": None, "counts": [1, 0], "shares": [0.25, 0]},
        {"value": 3, "label": None, "counts": [2, 1], "shares": [0.5, 1 / 6]},
        {"value": 4, "label": None, "counts": [1, 2], "shares": [0.25, 2 / 6]},
        # Träff 1's label stays where Träff 4 gave none.
        {"value": 5, "label": "Helt", "counts": [0, 2], "shares": [0, 2 / 6]},
        # Not a step of Träff 1's scale: no count there, rather than 0.
        {"value": 6, "label": "Helt", "counts": [None, 1], "shares": [None, 1 / 6]},
    ]
    assert compared["means"] == [3.0, 4.5]
    assert compared["medians"] == [3, 4]
    assert "items" not in compared


def test_comparable_kinds():
    for kind in ("roles", "text", "choice", "others_view", "scale", "actor_map"):
        assert comparable(kind)
    for kind in ("lessons", "next_steps", "status_check", "nonsense"):
        assert not comparable(kind)


@pytest.mark.parametrize("runs", [[], [TRAFF_1]])
def test_fewer_than_two_runs_are_refused(runs):
    with pytest.raises(DomainError) as refused:
        compare(runs)
    assert refused.value.code == "too_few_runs"


def test_mixed_kinds_and_kinds_that_do_not_compare_are_refused():
    scale = scale_run(2, "Träff 1", 1, 5, [1, 0, 0, 0, 0], {}, 1.0, 1)
    with pytest.raises(DomainError) as mixed:
        compare([TRAFF_1, scale])
    assert mixed.value.code == "mixed_kinds"
    lessons = Run(1, "Träff 4", "lessons", {}, {"answers": 0, "themes": []}, 0)
    with pytest.raises(DomainError) as lessons_refused:
        compare([lessons, lessons])
    assert lessons_refused.value.code == "not_comparable"
