"""The comparison across meetings as report blocks: what ``compare`` found
(sessions/comparison.py, docs/comparison.md) for one series, in words the
booklet uses: words that appeared and disappeared, rank shifts, the scales'
distributions side by side, and the actor network's changes."""

from .errors import N_
from .report import ComparisonData
from .report_blocks import Block, Columns, Facts, Items, Msg


def _arrows(values: list) -> str:
    return " → ".join("–" if v is None else str(v) for v in values)


def _words(compared: dict) -> list[Block]:
    blocks: list[Block] = [
        Items(
            Msg(N_("Counts per run")),
            tuple(f"{i['word']}: {_arrows(i['counts'])}" for i in compared["items"]),
        ),
        Items(Msg(N_("Appeared")), tuple(w["word"] for w in compared["appeared"])),
        Items(
            Msg(N_("Disappeared")), tuple(w["word"] for w in compared["disappeared"])
        ),
        Items(
            Msg(N_("Rank shifts")),
            tuple(
                f"{s['word']}: {s['from']} → {s['to']}"
                for s in compared["rank_shifts"]
                if s["shift"]
            ),
        ),
    ]
    return blocks


def _scale(compared: dict) -> list[Block]:
    steps = tuple(
        f"{d['value']} – {d['label']}" if d.get("label") else str(d["value"])
        for d in compared["distribution"]
    )
    series = tuple(
        (run["label"], tuple(d["counts"][i] for d in compared["distribution"]))
        for i, run in enumerate(compared["runs"])
    )
    return [
        Columns(Msg(N_("Distributions side by side")), steps, series),
        Facts(
            (
                (Msg(N_("Means")), _arrows(compared["means"])),
                (Msg(N_("Medians")), _arrows(compared["medians"])),
            )
        ),
    ]


MELLANRUM = {
    "unled": N_("areas no actor leads"),
    "contested": N_("areas several actors lead"),
    "unclear": N_("unclear interfaces"),
}


def _network(compared: dict) -> list[Block]:
    actors, relations = compared["actors"], compared["relations"]

    def pair(edge: dict) -> str:
        return f"{' – '.join(edge['labels'])} ({edge['type']})"

    blocks: list[Block] = [
        Items(Msg(N_("Actors added")), tuple(a["label"] for a in actors["added"])),
        Items(Msg(N_("Actors removed")), tuple(a["label"] for a in actors["removed"])),
        Items(Msg(N_("Relations added")), tuple(pair(e) for e in relations["added"])),
        Items(
            Msg(N_("Relations removed")), tuple(pair(e) for e in relations["removed"])
        ),
    ]
    for name, mellanrum in compared["mellanrum"].items():
        for change, caption in (
            ("appeared", N_("Mellanrum that appeared (%(sort)s)")),
            ("resolved", N_("Mellanrum that were resolved (%(sort)s)")),
        ):
            labels = tuple(m["label"] for m in mellanrum[change])
            sort = Msg(MELLANRUM.get(name, name))
            blocks.append(Items(Msg(caption, {"sort": sort}), labels))
    return blocks


def comparison(prompt: str, compared: dict) -> ComparisonData:
    """One series' comparison, all its runs, as blocks (empty lists are left
    for the renderers to skip)."""
    kind = compared["kind"]
    if kind == "scale":
        blocks = _scale(compared)
    elif kind == "actor_map":
        blocks = _network(compared)
    else:
        blocks = _words(compared)
    runs = tuple(run["label"] for run in compared["runs"])
    return ComparisonData(prompt, kind, runs, tuple(blocks))
