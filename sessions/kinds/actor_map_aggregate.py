"""The actor mapping's aggregate: network, matrix and mellanrum.

Each region counts once: its latest visible submission stands for it, and a
region adds at most one to any node, edge or cell. All counting goes through
the activity's merges (``merging.Words``), so one merge changes every part.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import text
from ..catalogue import DIRECTED_RELATION_TYPES
from ..submission import Submission
from . import merging
from .merging import Words

DIRECTED = frozenset(DIRECTED_RELATION_TYPES)


@dataclass(slots=True)
class _Cell:
    leads: int = 0
    contributes: int = 0
    stamp: int = 0  # the last region that counted it
    led: bool = False  # whether that region leads it


@dataclass(slots=True)
class _Area:
    stamp: int = 0  # the last region that mapped it
    leaders: list[str] = field(default_factory=list)  # that region's leaders


@dataclass
class _Edge:
    regions: list[str] = field(default_factory=list)
    unclear_regions: list[str] = field(default_factory=list)


class _Tally:
    def __init__(self, config: dict, merges: dict[str, str]) -> None:
        self.config = config
        self.merges = merges
        self.actors = Words(merges, "actor", config["actor_catalogue"])
        self.areas = Words(merges, "area", config["area_catalogue"])
        self.regions: list[str] = []
        self.nodes: dict[str, list[str]] = defaultdict(list)
        self.cells: dict[tuple[str, str], _Cell] = {}  # (actor, area) →
        self.area_state: dict[str, _Area] = {}
        self.edges: dict[tuple[str, str, str], _Edge] = defaultdict(_Edge)
        self.unclear_pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.unled: dict[str, list[str]] = defaultdict(list)
        self.contested: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        self.type_keys: dict[str, str] = merging.Memo(text.key)

    def add(self, answer: dict) -> None:
        # The hot loop of every snapshot, one pass over the answer: memo lookups
        # and records stamped with the region's number, which say whether this
        # region counted them already (merges can make two entries one).
        region = answer["region"]
        self.regions.append(region)
        r = len(self.regions)
        actor_keys, actor_uses = self.actors.keys, self.actors.uses
        area_keys, area_uses = self.areas.keys, self.areas.uses
        nodes, cells, areas = self.nodes, self.cells, self.area_state
        touched: list[str] = []
        for actor in answer.get("actors", ()):
            name = actor["name"]
            actor_uses.append(name)
            a = actor_keys[name]
            named_by = nodes[a]
            if not named_by or named_by[-1] != region:
                named_by.append(region)
            for entry in actor.get("areas", ()):
                area = entry["area"]
                area_uses.append(area)
                k = area_keys[area]
                state = areas.get(k)
                if state is None:
                    state = areas[k] = _Area()
                if state.stamp != r:
                    state.stamp, state.leaders = r, []
                    touched.append(k)
                cell = cells.get((a, k))
                if cell is None:
                    cell = cells[a, k] = _Cell()
                if entry["mode"] != "leads":
                    if cell.stamp != r:
                        cell.stamp, cell.led = r, False
                        cell.contributes += 1
                    continue
                if cell.stamp != r:
                    cell.stamp = r
                elif cell.led:
                    continue
                else:  # it contributed in this region and leads too: leading wins
                    cell.contributes -= 1
                cell.led = True
                cell.leads += 1
                state.leaders.append(a)
        for k in touched:
            leaders = areas[k].leaders
            if not leaders:
                self.unled[k].append(region)
            elif len(leaders) > 1:
                self.contested[k].append((region, leaders))
        self._add_relations(region, answer.get("relations", ()))

    def _add_relations(self, region: str, relations: Sequence[dict]) -> None:
        keys, type_keys = self.actors.keys, self.type_keys
        found: dict[tuple[str, str, str], bool] = {}  # edge → marked unclear
        unclear_pairs: set[tuple[str, str]] = set()
        for rel in relations:
            s = keys[rel["from"]]
            t = keys[rel["to"]]
            if s == t:  # merged into one actor: no longer a relation
                continue
            kind = type_keys[rel["type"]]
            if kind not in DIRECTED and t < s:
                s, t = t, s
            edge = (kind, s, t)
            if rel.get("clear", True) is False:
                found[edge] = True
                unclear_pairs.add((s, t) if s < t else (t, s))
            elif edge not in found:
                found[edge] = False
        edges = self.edges
        for edge, unclear in found.items():
            counted = edges[edge]
            counted.regions.append(region)
            if unclear:
                counted.unclear_regions.append(region)
        for pair in unclear_pairs:
            self.unclear_pairs[pair].append(region)

    def area_order(self) -> dict[str, tuple[int, str]]:
        """Catalogue areas in catalogue order, then own areas by key."""
        catalogue = self.config["area_catalogue"]
        rank = {text.key(a): i for i, a in enumerate(catalogue)}
        mapped = {k for _, k in self.cells}
        return {k: (rank.get(k, len(catalogue)), k) for k in mapped}

    def results(self) -> dict:
        actors, areas = self.actors, self.areas
        node_keys = sorted(self.nodes, key=lambda a: (-len(self.nodes[a]), a))
        label = {a: actors.label(a) for a in node_keys}
        order = self.area_order()
        return {
            "answers": len(self.regions),
            "regions": self.regions,
            "network": {
                "nodes": [
                    {
                        "key": a,
                        "label": label[a],
                        "count": len(self.nodes[a]),
                        "regions": self.nodes[a],
                        "merged": actors.merged(a),
                    }
                    for a in node_keys
                ],
                "edges": self._edges(),
            },
            "matrix": self._matrix(node_keys, label, order),
            "mellanrum": {
                "unled": [
                    {"area": areas.label(k), "key": k, "regions": regions}
                    for k, regions in sorted(
                        self.unled.items(), key=lambda i: (-len(i[1]), order[i[0]])
                    )
                ],
                "contested": [
                    {
                        "area": areas.label(k),
                        "key": k,
                        "regions": [
                            {"region": r, "actors": list(map(label.get, sorted(who)))}
                            for r, who in found
                        ],
                    }
                    for k, found in sorted(
                        self.contested.items(), key=lambda i: (-len(i[1]), order[i[0]])
                    )
                ],
                "unclear": self._unclear(label),
                "unmapped": self._unmapped(order),
            },
        }

    def _edges(self) -> list[dict]:
        ranked = sorted(
            self.edges.items(),
            key=lambda i: (-len(i[1].regions), i[0][1], i[0][2], i[0][0]),
        )
        return [
            {
                "source": s,
                "target": t,
                "type": kind,
                "directed": kind in DIRECTED,
                "count": len(edge.regions),
                "unclear": len(edge.unclear_regions),
                "regions": edge.regions,
                "unclear_regions": edge.unclear_regions,
            }
            for (kind, s, t), edge in ranked
        ]

    def _matrix(self, node_keys: list[str], label: dict, order: dict) -> dict:
        actor_rank = {a: i for i, a in enumerate(node_keys)}
        cells = sorted(self.cells, key=lambda c: (actor_rank[c[0]], order[c[1]]))
        rows = sorted({a for a, _ in cells}, key=actor_rank.__getitem__)
        columns = sorted(order, key=order.__getitem__)
        labels = {k: self.areas.label(k) for k in columns}
        labels.update({a: label[a] for a in rows})
        return {
            "actors": rows,
            "areas": columns,
            "labels": labels,
            "cells": [
                {
                    "actor": a,
                    "area": k,
                    "leads": self.cells[a, k].leads,
                    "contributes": self.cells[a, k].contributes,
                }
                for a, k in cells
            ],
            "merged": {k: m for k in columns if (m := self.areas.merged(k))},
        }

    def _unclear(self, label: dict) -> list[dict]:
        threshold = self.config["unclear_threshold"]
        pairs = [(p, r) for p, r in self.unclear_pairs.items() if len(r) >= threshold]
        pairs.sort(key=lambda i: (-len(i[1]), i[0]))
        return [
            {
                "source": s,
                "target": t,
                "labels": [label[s], label[t]],
                "regions": regions,
            }
            for (s, t), regions in pairs
        ]

    def _unmapped(self, order: dict) -> list[str]:
        shown: list[str] = []
        done: set[str] = set()
        for area in self.config["area_catalogue"]:
            # merging.resolve, not Words.resolve: an area nobody named is no source.
            k = merging.resolve(self.merges, "area", text.key(area))
            if k not in order and k not in done:
                done.add(k)
                shown.append(self.areas.label(k))
        return shown


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """Count the visible submissions, one per region (its latest), sorted by region."""
    latest: dict[str, dict] = {}
    for sub in submissions:
        if not sub.hidden:
            latest[text.key(sub.answer.get("region", ""))] = sub.answer
    tally = _Tally(config, merges)
    for k in sorted(latest):
        tally.add(latest[k])
    return tally.results()
