"""The comparison across meetings: runs of one series of linked askings ("Vem är
du?" in Träff 1, 3 and 4) set side by side, read from their frozen outcomes only
(``Activity.final_snapshot``), never recounted. See docs/comparison.md.

Words are matched across runs by their key (``text.key``), as each run counted
them under its own merges: a merge made in one run only is not applied to the
others, since a frozen count cannot be split or summed again.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from . import text
from .comparison_network import compare_networks
from .errors import N_, DomainError


@dataclass(frozen=True)
class Run:
    """One run of a series, as its outcome was frozen."""

    activity_id: int
    label: str  # e.g. "Träff 1" (with the session's date when a meeting ran twice)
    kind: str
    config: dict
    results: dict  # final_snapshot["results"]
    answers: int  # final_snapshot["answer_count"]


# Kinds whose outcome is a ranked list of words, and where the list is.
WORD_LISTS = {
    "roles": "words",
    "text": "words",
    "choice": "options",
    "others_view": "expected_roles",
}
COMPARABLE = frozenset(WORD_LISTS) | {"scale", "actor_map"}


def comparable(kind: str) -> bool:
    """Whether runs of ``kind`` can be compared (lessons, next steps and the
    status check are lists of their own meeting's commitments and themes)."""
    return kind in COMPARABLE


def compare(runs: Sequence[Run]) -> dict:
    """The comparison of ``runs``, in the given order (the first is "before",
    the last "after"). JSON-able; the shapes are in docs/comparison.md."""
    if len(runs) < 2:
        raise DomainError("too_few_runs", N_("Pick at least two runs to compare."))
    kind = runs[0].kind
    if any(run.kind != kind for run in runs):
        raise DomainError(
            "mixed_kinds", N_("Only runs of the same kind of activity compare.")
        )
    if not comparable(kind):
        raise DomainError(
            "not_comparable", N_("Runs of this kind of activity do not compare.")
        )
    compared: dict = {
        "kind": kind,
        "runs": [
            {"activity_id": r.activity_id, "label": r.label, "answers": r.answers}
            for r in runs
        ],
    }
    if kind in WORD_LISTS:
        compared.update(_compare_words(runs))
    elif kind == "scale":
        compared.update(_compare_scales(runs))
    else:
        compared.update(compare_networks([r.results for r in runs]))
    return compared


def _share(count: int | None, total: int) -> float | None:
    return None if count is None or not total else count / total


def _words_of(run: Run) -> list[tuple[str, str, int]]:
    """(key, word, count) of each word or option the run counted."""
    found = []
    for entry in run.results.get(WORD_LISTS[run.kind]) or ():
        word = entry.get("word", entry.get("option"))
        if not isinstance(word, str):
            continue
        found.append((entry.get("key") or text.key(word), word, int(entry["count"])))
    return found


def _ranks(counts: dict[str, int]) -> dict[str, int]:
    """Competition ranks (1, 1, 3): words counted alike share a rank, so a tie
    broken differently in two runs is no shift."""
    # Each distinct count's rank is one more than the words counted higher:
    # one sort, not a pass over every word per word (thousands of typed roles).
    rank_of: dict[int, int] = {}
    for position, n in enumerate(sorted(counts.values(), reverse=True), start=1):
        rank_of.setdefault(n, position)
    return {k: rank_of[n] for k, n in counts.items()}


def _compare_words(runs: Sequence[Run]) -> dict:
    spelling: dict[str, str] = {}  # key → the latest run's spelling
    per_run: list[dict[str, int]] = []
    for run in runs:
        counts: dict[str, int] = {}
        for k, word, n in _words_of(run):
            if n > 0:  # a choice option nobody took did not appear
                counts[k] = n
                spelling[k] = word
        per_run.append(counts)
    ranks = [_ranks(counts) for counts in per_run]
    # Most counted in the last run first, then in the runs before it.
    keys = sorted(
        spelling, key=lambda k: ([-c.get(k, 0) for c in reversed(per_run)], k)
    )
    items = [
        {
            "key": k,
            "word": spelling[k],
            "counts": [c.get(k, 0) for c in per_run],
            "shares": [
                _share(c.get(k, 0), run.answers)
                for c, run in zip(per_run, runs, strict=True)
            ],
            "ranks": [r.get(k) for r in ranks],
        }
        for k in keys
    ]
    first, last = per_run[0], per_run[-1]
    shifts = [
        {
            "key": k,
            "word": spelling[k],
            "from": ranks[0][k],
            "to": ranks[-1][k],
            "shift": ranks[0][k] - ranks[-1][k],
        }
        for k in keys
        if k in first and k in last
    ]
    shifts.sort(key=lambda s: (-abs(s["shift"]), -s["shift"], s["to"], s["key"]))
    compared = {
        "items": items,
        "appeared": [
            {"key": k, "word": spelling[k]}
            for k in keys
            if k in last and k not in first
        ],
        "disappeared": [
            {"key": k, "word": spelling[k]}
            for k in sorted(keys, key=lambda k: (-first.get(k, 0), k))
            if k in first and k not in last
        ],
        "rank_shifts": shifts,
    }
    if runs[0].kind == "roles":
        compared["organisations"] = _organisations(runs)
    return compared


def _organisations(runs: Sequence[Run]) -> list[dict]:
    """Each organisation's mentions of roles per run, and its share of the
    run's mentions (a participant naming three roles mentions three)."""
    names: dict[str, str] = {}
    per_run: list[dict[str, int]] = []
    for run in runs:
        mentions: dict[str, int] = {}
        for entry in run.results.get("words") or ():
            for organisation, n in (entry.get("by_organisation") or {}).items():
                k = text.key(organisation)
                names[k] = organisation
                mentions[k] = mentions.get(k, 0) + int(n)
        per_run.append(mentions)
    totals = [sum(m.values()) for m in per_run]
    keys = sorted(names, key=lambda k: (-sum(m.get(k, 0) for m in per_run), k))
    return [
        {
            "organisation": names[k],
            "mentions": [m.get(k, 0) for m in per_run],
            "shares": [
                _share(m.get(k, 0), total)
                for m, total in zip(per_run, totals, strict=True)
            ],
        }
        for k in keys
    ]


def _compare_scales(runs: Sequence[Run]) -> dict:
    """Each step of any run's scale, with every run's count beside it. A step
    a run's scale did not have counts None there (its ends were moved)."""
    steps: dict[int, dict[int, int]] = {}  # value → run index → count
    labels: dict[int, str | None] = {}
    for i, run in enumerate(runs):
        for step in run.results.get("distribution") or ():
            value = step["value"]
            steps.setdefault(value, {})[i] = int(step["count"])
            if step.get("label") or value not in labels:
                labels[value] = step.get("label")
    distribution = []
    for value in sorted(steps):
        counts = [steps[value].get(i) for i in range(len(runs))]
        distribution.append(
            {
                "value": value,
                "label": labels[value],
                "counts": counts,
                "shares": [
                    _share(n, run.answers) for n, run in zip(counts, runs, strict=True)
                ],
            }
        )
    return {
        "distribution": distribution,
        "means": [run.results.get("mean") for run in runs],
        "medians": [run.results.get("median") for run in runs],
    }
