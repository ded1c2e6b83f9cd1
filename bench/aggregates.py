"""``python -m bench.aggregates``: how long the homework aggregates take.

The coalescer recomputes an activity's aggregate for every snapshot, so it must
stay far below the snapshot interval. This builds seeded, realistic answers
(catalogue words plus a few own ones, a few merges), 200 submissions of 15
actors and 20 relations for the actor mapping and 200 of 15 actors for
"Andras ögon", and times validation and aggregation apart. By default each
submission is another region's, the costliest case: the actor mapping counts
only a region's latest submission (``--regions 20`` is Reglab's regions).
Pure domain code: no server, no database.
"""

import argparse
import math
import random
import statistics
import sys
import time
from collections.abc import Callable

from sessions.builtin import INTEGRATION
from sessions.catalogue import (
    ACTORS,
    AREAS,
    RELATION_TYPES,
    ROLES,
    SIZES,
)
from sessions.kinds import actor_map, others_view
from sessions.submission import Submission

TARGET_MS = 50.0
OWN_ACTORS = (
    "Länsstyrelsen Östergötland",
    "Lst",
    "Stadsmissionen",
    "Integrationscentrum",
    "Kommunförbundet",
    "Röda Korset",
)
OWN_AREAS = ("Bostäder", "Språkcafé", "Mottagning")
OWN_ROLES = ("Spindel i nätet", "Samordning", "Brobyggare")
QUOTES = (
    "Regionen ska hålla i helheten.",
    "Vi ser regionen mest som finansiär.",
    "Det är oklart vem som äger frågan.",
    "",
    "",
)
MERGES = {
    "actor:lst": "Länsstyrelsen",
    "actor:länsstyrelsen östergötland": "Länsstyrelsen",
    "area:bostäder": "Boende",
    "role:samordning": "Samordnare",
}


def region_names(n: int, distinct: int) -> list[str]:
    """``n`` participants' regions, ``distinct`` of them, in turn."""
    regions = [o.name for o in INTEGRATION.organisations if o.kind == "region"]
    names = [
        regions[i] if i < len(regions) else f"Region Fiktiv {i}"
        for i in range(distinct)
    ]
    return [names[i % distinct] for i in range(n)]


def actor_map_answer(rng: random.Random, region: str, actors: int, rels: int) -> dict:
    names = rng.sample(ACTORS + OWN_ACTORS, actors)
    listed = []
    for name in names:
        areas = rng.sample(AREAS + OWN_AREAS, rng.randint(1, 4))
        modes = [rng.choice(("leads", "contributes")) for _ in areas]
        listed.append(
            {
                "name": name,
                "areas": [
                    {"area": a, "mode": m} for a, m in zip(areas, modes, strict=True)
                ],
            }
        )
    relations: list[dict] = []
    seen: set[tuple[str, ...]] = set()
    while len(relations) < rels:
        source, target = rng.sample(names, 2)
        kind = rng.choice(RELATION_TYPES)
        ends = (
            (source, target) if kind in actor_map.DIRECTED else sorted((source, target))
        )
        if (kind, *ends) in seen:
            continue
        seen.add((kind, *ends))
        relations.append(
            {"from": source, "to": target, "type": kind, "clear": rng.random() > 0.3}
        )
    return {"region": region, "actors": listed, "relations": relations}


def others_view_answer(rng: random.Random, actors: int) -> dict:
    kinds = rng.sample(ACTORS + OWN_ACTORS, actors)
    return {
        "actors": [
            {
                "kind": kind,
                "name": f"{kind} {rng.choice(('Norra', 'Södra', 'Östra', 'Västra'))}",
                "roles": rng.sample(ROLES + OWN_ROLES, rng.randint(0, 5)),
                "size": rng.choice((None, *range(len(SIZES)))),
                "quote": rng.choice(QUOTES),
            }
            for kind in kinds
        ]
    }


def timed(step: Callable[[], object], runs: int) -> list[float]:
    step()  # warm up: first calls fill caches and allocate
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.aggregates", description=__doc__
    )
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--actors", type=int, default=15)
    parser.add_argument("--relations", type=int, default=20)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--regions",
        type=int,
        help="distinct regions (default: one per submission, the costliest case; "
        "Reglab has 20)",
    )
    args = parser.parse_args()
    if args.regions is not None and not 1 <= args.regions <= args.submissions:
        parser.error("--regions must be 1 to --submissions")
    if not 2 <= args.actors <= len(ACTORS + OWN_ACTORS):
        parser.error(f"--actors must be 2 to {len(ACTORS + OWN_ACTORS)}")
    # Two undirected types count a pair once, two directed ones once each way.
    if args.relations > 3 * args.actors * (args.actors - 1):
        parser.error("--relations: that many different relations need more actors")
    rng = random.Random(args.seed)

    map_config = actor_map.validate_config({})
    view_config = others_view.validate_config({})
    regions = region_names(args.submissions, args.regions or args.submissions)
    map_answers = [
        actor_map_answer(rng, r, args.actors, args.relations) for r in regions
    ]
    view_answers = [others_view_answer(rng, args.actors) for _ in regions]
    map_subs = [
        Submission(i, r, actor_map.validate_answer(map_config, a))
        for i, (r, a) in enumerate(zip(regions, map_answers, strict=True), 1)
    ]
    view_subs = [
        Submission(i, r, others_view.validate_answer(view_config, a))
        for i, (r, a) in enumerate(zip(regions, view_answers, strict=True), 1)
    ]
    taken = {
        "roles_taken": {
            "activity_id": 1,
            "prompt": "Vem är du?",
            "words": [{"key": r.casefold(), "word": r, "count": 1} for r in ROLES[::2]],
        }
    }

    steps: list[tuple[str, bool, Callable[[], object]]] = [
        (
            f"actor_map validate ({len(map_answers)} answers)",
            False,
            lambda: [actor_map.validate_answer(map_config, a) for a in map_answers],
        ),
        (
            "actor_map aggregate",
            True,
            lambda: actor_map.aggregate(map_config, map_subs, MERGES),
        ),
        (
            f"others_view validate ({len(view_answers)} answers)",
            False,
            lambda: [others_view.validate_answer(view_config, a) for a in view_answers],
        ),
        (
            "others_view aggregate + comparison",
            True,
            lambda: others_view.with_context(
                others_view.aggregate(view_config, view_subs, MERGES), taken
            ),
        ),
    ]
    print(
        f"{args.submissions} submissions; actor_map {args.actors} actors × "
        f"{args.relations} relations, others_view {args.actors} actors; "
        f"{len(set(regions))} regions; {args.runs} runs; "
        f"Python {sys.version.split()[0]}"
    )
    # min is the cost without interference; median and p95 are what a busy
    # server sees (other processes, the garbage collector).
    print(f"{'step':<40} {'min':>10} {'median':>10} {'p95':>10}")
    over = False
    for name, is_aggregate, step in steps:
        times = timed(step, args.runs)
        median, high = statistics.median(times), p95(times)
        verdict = ""
        if is_aggregate:
            over |= high >= TARGET_MS
            verdict = "  ok" if high < TARGET_MS else "  OVER TARGET"
        print(
            f"{name:<40} {min(times):>7.2f} ms {median:>7.2f} ms {high:>7.2f} ms"
            f"{verdict}"
        )
    print(f"target: each aggregate < {TARGET_MS:.0f} ms (p95)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
