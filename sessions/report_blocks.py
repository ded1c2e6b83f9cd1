"""The report's building blocks, and each kind's frozen outcome as blocks.

A block is plain data that every renderer (Markdown, HTML, the SVG charts)
draws its own way, so the kinds are read in one place. Only what the frozen
results hold is shown; nothing is recounted (docs/report.md).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import N_


@dataclass(frozen=True)
class Msg:
    """A translatable label: an English msgid and its parameters. User text is
    a plain ``str`` and is never translated."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    note: str = ""


@dataclass(frozen=True)
class Bars:
    """Ranked counts: drawn as horizontal bars."""

    caption: Msg
    rows: tuple[Bar, ...]
    type: str = "bars"


@dataclass(frozen=True)
class Scale:
    """A scale's distribution, every step in order."""

    caption: Msg
    rows: tuple[Bar, ...]
    mean: float | None
    median: int | None
    type: str = "scale"


@dataclass(frozen=True)
class Columns:
    """Several runs' distributions over the same steps, side by side; a count
    is None where a run's scale had no such step."""

    caption: Msg
    steps: tuple[str, ...]
    series: tuple[tuple[str, tuple[int | None, ...]], ...]
    type: str = "columns"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    count: int
    unclear: bool


@dataclass(frozen=True)
class Network:
    """Actors and their relations: drawn as a circle of nodes."""

    caption: Msg
    nodes: tuple[Bar, ...]
    edges: tuple[Edge, ...]
    type: str = "network"


@dataclass(frozen=True)
class Items:
    caption: Msg
    items: tuple[str, ...]
    type: str = "items"


@dataclass(frozen=True)
class Facts:
    pairs: tuple[tuple[Msg, str], ...]
    caption: Msg | None = None
    type: str = "facts"


Block = Bars | Scale | Columns | Network | Items | Facts
MAX_WORDS = 15  # the most used words of open texts the report lists


def _bars(caption: str, words: list, note_key: str | None = None) -> Bars:
    rows = tuple(
        Bar(w["word"], w["count"], ", ".join(w.get(note_key) or ()) if note_key else "")
        for w in words
    )
    return Bars(Msg(caption), rows)


def _roles(config: dict, results: dict) -> list[Block]:
    return [_bars(N_("Roles named"), results.get("words") or [], "merged")]


def _choice(config: dict, results: dict) -> list[Block]:
    rows = tuple(
        Bar(o["option"], o["count"], f"{round(100 * o['share'])} %")
        for o in results.get("options") or []
    )
    return [Bars(Msg(N_("Choices")), rows)]


def _scale(config: dict, results: dict) -> list[Block]:
    rows = tuple(
        Bar(
            f"{d['value']} – {d['label']}" if d.get("label") else str(d["value"]),
            d["count"],
        )
        for d in results.get("distribution") or []
    )
    caption = Msg(N_("Distribution"))
    return [Scale(caption, rows, results.get("mean"), results.get("median"))]


def _text(config: dict, results: dict) -> list[Block]:
    texts = tuple(t["text"] for t in results.get("texts") or [])
    words = (results.get("words") or [])[:MAX_WORDS]
    return [
        Items(Msg(N_("Answers")), texts),
        _bars(N_("Most used words"), words),
    ]


def _others_view(config: dict, results: dict) -> list[Block]:
    kinds = results.get("kinds") or []
    blocks: list[Block] = [
        Bars(
            Msg(N_("Actors asked, by kind")),
            tuple(
                Bar(
                    k["kind"], k["actors"], ", ".join(r["word"] for r in k["roles"][:5])
                )
                for k in kinds
            ),
        ),
        _bars(
            N_("Roles others expect of the region"), results.get("expected_roles") or []
        ),
    ]
    said = tuple(
        f"{q['text']} ({q['name']})" if q.get("name") else q["text"]
        for k in kinds
        for q in k.get("quotes") or []
        if q.get("text")
    )
    if said:
        blocks.append(Items(Msg(N_("What the actors said")), said))
    compared = results.get("comparison")
    if compared:
        blocks.append(
            Facts(
                (
                    (Msg(N_("Both taken and expected")), ", ".join(compared["both"])),
                    (
                        Msg(N_("Expected, not taken")),
                        ", ".join(compared["expected_not_taken"]),
                    ),
                    (
                        Msg(N_("Taken, not expected")),
                        ", ".join(compared["taken_not_expected"]),
                    ),
                ),
                Msg(N_("Compared with the roles taken")),
            )
        )
    return blocks


def _actor_map(config: dict, results: dict) -> list[Block]:
    network = results.get("network") or {}
    nodes = network.get("nodes") or []
    label = {n["key"]: n["label"] for n in nodes}
    edges = tuple(
        Edge(
            label.get(e["source"], e["source"]),
            label.get(e["target"], e["target"]),
            e["type"],
            e["count"],
            e.get("unclear", 0) > 0,
        )
        for e in network.get("edges") or []
    )
    between = results.get("mellanrum") or {}
    unled = tuple(
        f"{u['area']} ({', '.join(u['regions'])})" for u in between.get("unled") or []
    )
    contested = tuple(
        f"{c['area']}: "
        + "; ".join(f"{r['region']}: {', '.join(r['actors'])}" for r in c["regions"])
        for c in between.get("contested") or []
    )
    unclear = tuple(
        f"{' – '.join(u['labels'])} ({', '.join(u['regions'])})"
        for u in between.get("unclear") or []
    )
    blocks: list[Block] = [
        Network(
            Msg(N_("Actor network")),
            tuple(Bar(n["label"], n["count"]) for n in nodes),
            edges,
        )
    ]
    for caption, items in (
        (N_("Areas no actor leads"), unled),
        (N_("Areas several actors lead"), contested),
        (N_("Unclear interfaces"), unclear),
        (N_("Areas no region mapped"), tuple(between.get("unmapped") or ())),
    ):
        if items:
            blocks.append(Items(Msg(caption), items))
    return blocks


def _lessons(config: dict, results: dict) -> list[Block]:
    rows = tuple(
        Bar(t["name"], t["votes"], ", ".join(t.get("merged") or ()))
        for t in results.get("themes") or []
        if t["lessons"] or t["votes"]
    )
    return [Bars(Msg(N_("Themes by dots")), rows)]


def _next_steps(config: dict, results: dict) -> list[Block]:
    rows = tuple(
        # "–": an organisation left out (retention, docs/privacy.md)
        Bar(o["organisation"] or "–", o["count"])
        for o in results.get("organisations") or []
    )
    return [Bars(Msg(N_("Steps per organisation")), rows)]


STATUS = {
    "done": N_("Done"),
    "under_way": N_("Under way"),
    "not_started": N_("Not started"),
    "unmarked": N_("Not marked"),
}


def _status_check(config: dict, results: dict) -> list[Block]:
    tally = results.get("tally") or {}
    pairs = tuple((Msg(label), str(tally.get(k, 0))) for k, label in STATUS.items())
    return [Facts(pairs, Msg(N_("Steps by status")))]


OUTCOMES = {
    "roles": _roles,
    "choice": _choice,
    "scale": _scale,
    "text": _text,
    "others_view": _others_view,
    "actor_map": _actor_map,
    "lessons": _lessons,
    "next_steps": _next_steps,
    "status_check": _status_check,
}


def outcome(kind: str, config: dict, results: dict) -> tuple[Block, ...]:
    """The frozen results as blocks; a kind the report does not know shows none."""
    draw = OUTCOMES.get(kind)
    return tuple(draw(config, results)) if draw else ()
