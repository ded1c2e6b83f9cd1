"""What changed in the actor network between two runs of an actor mapping,
from aggregates the kind itself built from small, hand-written answers."""

from sessions.comparison import Run, compare
from sessions.kinds import actor_map
from sessions.submission import Submission

L, K, A = "Länsstyrelsen", "Kommunerna", "Arbetsförmedlingen"
E, B, KF = "Etablering och tidiga insatser", "Boende", "Kompetensförsörjning"
CONFIG = actor_map.validate_config({"unclear_threshold": 1})


def region(name, actors, relations):
    return {
        "region": name,
        "actors": [
            {"name": n, "areas": [{"area": a, "mode": m} for a, m in areas]}
            for n, areas in actors.items()
        ],
        "relations": [
            {"from": s, "to": t, "type": kind, "clear": clear}
            for s, t, kind, clear in relations
        ],
    }


def run(activity_id, label, *answers):
    subs = [Submission(i, "", answer) for i, answer in enumerate(answers, 1)]
    results = actor_map.aggregate(CONFIG, subs, {})
    return Run(activity_id, label, "actor_map", CONFIG, results, len(answers))


# Before: in Region A nobody leads Boende, and Kommunerna–Länsstyrelsen is
# unclear; in Region B two actors lead Etablering.
BEFORE = run(
    1,
    "Träff 2",
    region(
        "Region A",
        {L: [(E, "leads")], K: [(B, "contributes")]},
        [(L, K, "samverkan", False)],
    ),
    region(
        "Region B",
        {L: [(E, "leads")], K: [(E, "leads")]},
        [(K, L, "finansiering", True)],
    ),
)
# After: Kommunerna lead Boende, the interface is clear and named by both
# regions, Arbetsförmedlingen joins (contributing to an area nobody leads),
# and in Region B Kommunerna only contribute to Etablering.
AFTER = run(
    2,
    "Träff 4",
    region(
        "Region A",
        {L: [(E, "leads")], K: [(B, "leads")], A: [(KF, "contributes")]},
        [(L, K, "samverkan", True), (K, A, "samverkan", True)],
    ),
    region(
        "Region B",
        {L: [(E, "leads")], K: [(E, "contributes")]},
        [(K, L, "finansiering", True), (K, L, "samverkan", True)],
    ),
)


def test_each_run_is_summed_up():
    compared = compare([BEFORE, AFTER])
    assert compared["kind"] == "actor_map"
    assert compared["summary"] == [
        {
            "regions": 2,
            "actors": 2,
            "relations": 2,
            "unled": 1,
            "contested": 1,
            "unclear": 1,
        },
        {
            "regions": 2,
            "actors": 3,
            "relations": 3,
            "unled": 1,
            "contested": 0,
            "unclear": 0,
        },
    ]


def test_actors_and_relations_added_removed_and_changed():
    compared = compare([BEFORE, AFTER])
    assert compared["actors"] == {
        "added": [{"key": "arbetsförmedlingen", "label": A, "count": 1}],
        "removed": [],
    }
    relations = compared["relations"]
    assert relations["added"] == [
        {
            "source": "arbetsförmedlingen",
            "target": "kommunerna",
            "labels": [A, K],
            "type": "samverkan",
            "directed": False,
            "count": 1,
            "unclear": 0,
        }
    ]
    assert relations["removed"] == []
    # Named by one region and unclear there, then by two and clear.
    assert relations["changed"] == [
        {
            "source": "kommunerna",
            "target": "länsstyrelsen",
            "labels": [K, L],
            "type": "samverkan",
            "directed": False,
            "from": 1,
            "to": 2,
            "unclear_from": 1,
            "unclear_to": 0,
        }
    ]


def test_mellanrum_that_appeared_were_resolved_or_remained():
    mellanrum = compare([BEFORE, AFTER])["mellanrum"]
    assert mellanrum["unled"] == {
        "appeared": [{"key": "kompetensförsörjning", "label": KF, "regions": 1}],
        "resolved": [{"key": "boende", "label": B, "regions": 1}],
        "remained": [],
    }
    assert mellanrum["contested"] == {
        "appeared": [],
        "resolved": [
            {"key": "etablering och tidiga insatser", "label": E, "regions": 1}
        ],
        "remained": [],
    }
    assert mellanrum["unclear"] == {
        "appeared": [],
        "resolved": [
            {
                "key": "kommunerna|länsstyrelsen",
                "label": "Kommunerna – Länsstyrelsen",
                "regions": 1,
            }
        ],
        "remained": [],
    }


def test_backwards_the_changes_mirror():
    compared = compare([AFTER, BEFORE])
    assert compared["actors"]["removed"] == [
        {"key": "arbetsförmedlingen", "label": A, "count": 1}
    ]
    assert [m["key"] for m in compared["mellanrum"]["unclear"]["appeared"]] == [
        "kommunerna|länsstyrelsen"
    ]
    assert compared["relations"]["changed"][0]["from"] == 2
    # A run compared with itself changes nothing.
    same = compare([BEFORE, BEFORE])
    assert same["relations"] == {"added": [], "removed": [], "changed": []}
    assert same["mellanrum"]["unled"]["remained"] == [
        {"key": "boende", "label": B, "regions": 1}
    ]
