"""Ten fictional regions' homework, written by hand.

The expected aggregates in test_others_view.py and test_actor_map.py are
counted from these by hand; change an answer here and they must be recounted.
Submissions are listed in id order, as the server passes them.
"""

from sessions.kinds import actor_map, others_view
from sessions.submission import Submission

L = "Länsstyrelsen"
K = "Kommunerna"
A = "Arbetsförmedlingen"
R = "Regionen"
C = "Civilsamhället / idéburen sektor"
E = "Etablering och tidiga insatser"
B = "Boende"
KF = "Kompetensförsörjning"
T = "Tillväxt"


def lead(area: str) -> dict:
    return {"area": area, "mode": "leads"}


def part(area: str) -> dict:
    return {"area": area, "mode": "contributes"}


def rel(source: str, target: str, kind: str = "samverkan", clear: bool = True):
    return {"from": source, "to": target, "type": kind, "clear": clear}


def region(name: str, actors: dict[str, list[dict]], relations=()) -> dict:
    return {
        "region": name,
        "actors": [{"name": n, "areas": areas} for n, areas in actors.items()],
        "relations": list(relations),
    }


# (participant id, answer, hidden), in id order.
ACTOR_MAPS: list[tuple[int, dict, bool]] = [
    (
        1,
        region(
            "Region Norra",
            {L: [lead(E), part(B)], K: [part(B), lead(KF)], A: [part(KF)]},
            [rel(L, K, clear=False), rel(K, A)],
        ),
        False,
    ),
    # Superseded by id 12, which answers for the same region.
    (2, region("REGION ÖSTRA", {L: [lead(E)]}), False),
    (
        3,
        region(
            "Region Södra",
            {L: [part(E)], K: [part(E), part("Bostäder")], A: [lead(KF)]},
            [
                rel(L, K, clear=False),
                rel(L, K, "kunskapsutbyte"),
                rel(A, K, "uppdrag"),
            ],
        ),
        False,
    ),
    (
        4,
        region(
            "Region Västra",
            {L: [lead(E)], A: [lead(E)], K: [lead(B)]},
            [
                rel(K, L, clear=False),
                rel(L, K, "finansiering"),
                rel(K, L, "finansiering"),  # the reverse of a directed type: allowed
            ],
        ),
        False,
    ),
    (
        5,
        region(
            "Region Mitt",
            {L: [lead(E)], K: [lead(B), part(KF)], C: [part(E)]},
            [rel(C, K, clear=False)],
        ),
        False,
    ),
    (
        6,
        region("Region Kusten", {K: [lead(E), lead(B)], A: [lead(KF)]}, [rel(A, K)]),
        False,
    ),
    (
        7,
        region(
            "Region Fjällen",
            {L: [lead(E), part(KF)], R: [lead(KF), lead(T)]},
            [rel(L, R, clear=False)],
        ),
        False,
    ),
    (
        8,
        region(
            "Region Slätten",
            {L: [], K: [lead(E)], R: [lead(T)]},
            [rel(K, L), rel(R, K, "finansiering", clear=False)],
        ),
        False,
    ),
    (9, region("Region Skogen", {K: [part(B)], A: [part(KF)]}), False),
    (
        10,
        region(
            "Region Öarna",
            {L: [lead(E)], K: [part(E), lead(B)]},
            [rel(L, K, clear=False)],
        ),
        False,
    ),
    (11, region("Region Hemlig", {L: [lead(E)]}), True),
    (
        12,
        region(
            "Region Östra",
            {
                "Länsstyrelsen Östra": [lead(E)],
                K: [lead(E), lead(B)],
                R: [lead(T), part(KF)],
            },
            [
                rel("Länsstyrelsen Östra", K, clear=False),
                rel(R, K, "finansiering"),
            ],
        ),
        False,
    ),
    # Hidden by the leader: must not stand in for Region Norra's id 1.
    (13, region("Region Norra", {K: [lead(T)]}), True),
]


def view(kind, name, roles=(), size=None, quote=""):
    return {
        "kind": kind,
        "name": name,
        "roles": list(roles),
        "size": size,
        "quote": quote,
    }


# (participant id, organisation, answer, hidden), in id order.
OTHERS_VIEWS: list[tuple[int, str, dict, bool]] = [
    (
        1,
        "Region Norra",
        {
            "actors": [
                view(
                    L,
                    "Länsstyrelsen Norra",
                    ["Samordnare", "Kunskapsförmedlare"],
                    3,
                    "Regionen ska hålla i helheten.",
                ),
                view(K, "Norrby kommun", ["Finansiär"], 2),
            ]
        },
        False,
    ),
    (
        2,
        "Region Östra",
        {
            "actors": [
                view(
                    L,
                    "Länsstyrelsen Östra",
                    ["Samordnare"],
                    0,
                    "Det är vårt uppdrag, inte regionens.",
                ),
                view("Lst Östra", "", ["Nav"], 1),  # an own kind, merged in tests
            ]
        },
        False,
    ),
    (
        3,
        "Region Södra",
        {
            "actors": [
                view(L, "Länsstyrelsen Södra"),
                view(A, "Arbetsförmedlingen Södra", ["Samordnare", "Nav"], 2),
            ]
        },
        False,
    ),
    (
        4,
        "Region Västra",
        {
            "actors": [
                view(L, "Länsstyrelsen Västra", ["Samordnare", "Finansiär"], 2),
                view(K, "Västerby kommun", ["samordnare", "Processledare"]),
            ]
        },
        False,
    ),
    (
        5,
        "Region Mitt",
        {
            "actors": [
                view(K, "Mittby kommun", ["Nav"], 1, "Mer nav än motor."),
                view("Idéburna organisationer", "Föreningen Gemensam", ["Samordning"]),
            ]
        },
        False,
    ),
    (
        6,
        "Region Kusten",
        {"actors": [view(L, "Länsstyrelsen Norra", ["Kunskapsförmedlare"], 1)]},
        False,
    ),
    (7, "Region Fjällen", {"actors": [view(A, "", ["Finansiär"], 0)]}, False),
    (
        8,
        "Region Slätten",
        {"actors": [view(K, "Slättby kommun", ["Samordning", "Samordnare"], 3)]},
        False,
    ),
    (
        9,
        "Region Skogen",
        {"actors": [view(L, "länsstyrelsen västra", ["Nav"], 3)]},
        False,
    ),
    (10, "Region Öarna", {"actors": [view(K, "Öby kommun")]}, False),
    (
        11,
        "Region Hemlig",
        {"actors": [view(L, "", ["Lobbyist"], 0, "Hemligt.")]},
        True,
    ),
]

ACTOR_MAP_CONFIG = actor_map.validate_config({})
OTHERS_VIEW_CONFIG = others_view.validate_config({})


def actor_map_submissions() -> list[Submission]:
    """The fixture's answers as the server passes them: validated, in id order."""
    return [
        Submission(
            pid,
            answer["region"],
            actor_map.validate_answer(ACTOR_MAP_CONFIG, answer),
            hidden,
        )
        for pid, answer, hidden in ACTOR_MAPS
    ]


def others_view_submissions() -> list[Submission]:
    return [
        Submission(
            pid, org, others_view.validate_answer(OTHERS_VIEW_CONFIG, answer), hidden
        )
        for pid, org, answer, hidden in OTHERS_VIEWS
    ]
