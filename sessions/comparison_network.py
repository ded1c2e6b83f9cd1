"""What changed in the actor network between two runs of an actor mapping:
actors and relations added and removed, relations whose weight changed, and
the mellanrum that appeared or were resolved. Read from the frozen aggregates
(docs/homework.md), whose keys already went through each run's merges."""

from collections.abc import Sequence

MELLANRUM = ("unled", "contested", "unclear")


def compare_networks(results: Sequence[dict]) -> dict:
    """``results`` are the runs' aggregates in order; the first and the last
    are compared, and every run is summed up (``summary``)."""
    first, last = results[0], results[-1]
    return {
        "summary": [_summary(r) for r in results],
        "actors": _actors(first, last),
        "relations": _relations(first, last),
        "mellanrum": {name: _mellanrum(first, last, name) for name in MELLANRUM},
    }


def _network(results: dict) -> dict:
    return results.get("network") or {}


def _summary(results: dict) -> dict:
    network = _network(results)
    mellanrum = results.get("mellanrum") or {}
    return {
        "regions": len(results.get("regions") or ()),
        "actors": len(network.get("nodes") or ()),
        "relations": len(network.get("edges") or ()),
        **{name: len(mellanrum.get(name) or ()) for name in MELLANRUM},
    }


def _nodes(results: dict) -> dict[str, dict]:
    return {n["key"]: n for n in _network(results).get("nodes") or ()}


def _actors(first: dict, last: dict) -> dict:
    before, after = _nodes(first), _nodes(last)

    def shown(node: dict) -> dict:
        return {"key": node["key"], "label": node["label"], "count": node["count"]}

    return {
        "added": [shown(n) for k, n in after.items() if k not in before],
        "removed": [shown(n) for k, n in before.items() if k not in after],
    }


def _edges(results: dict) -> dict[tuple[str, str, str], dict]:
    labels = {k: n["label"] for k, n in _nodes(results).items()}
    edges = {}
    for edge in _network(results).get("edges") or ():
        s, t = edge["source"], edge["target"]
        edges[edge["type"], s, t] = {
            "source": s,
            "target": t,
            "labels": [labels.get(s, s), labels.get(t, t)],
            "type": edge["type"],
            "directed": bool(edge.get("directed")),
            "count": edge["count"],
            "unclear": edge.get("unclear", 0),
        }
    return edges


def _relations(first: dict, last: dict) -> dict:
    """An edge is the same when its type and ends are (undirected ones have
    their ends sorted already). ``changed`` are those in both runs whose count
    of regions or of regions marking it unclear moved."""
    before, after = _edges(first), _edges(last)
    changed = []
    for k, edge in after.items():
        old = before.get(k)
        if old and (old["count"], old["unclear"]) != (edge["count"], edge["unclear"]):
            changed.append(
                {
                    **{f: edge[f] for f in ("source", "target", "labels", "type")},
                    "directed": edge["directed"],
                    "from": old["count"],
                    "to": edge["count"],
                    "unclear_from": old["unclear"],
                    "unclear_to": edge["unclear"],
                }
            )
    changed.sort(key=lambda e: (-abs(e["to"] - e["from"]), -e["to"]))
    return {
        "added": [e for k, e in after.items() if k not in before],
        "removed": [e for k, e in before.items() if k not in after],
        "changed": changed,
    }


def _found(results: dict, name: str) -> dict[str, dict]:
    """The run's mellanrum of one sort, keyed: an area's key, or for an
    unclear interface its two actors' keys joined by "|"."""
    found = {}
    for entry in (results.get("mellanrum") or {}).get(name) or ():
        if name == "unclear":
            k = f"{entry['source']}|{entry['target']}"
            label = " – ".join(
                entry.get("labels") or (entry["source"], entry["target"])
            )
        else:
            k, label = entry["key"], entry["area"]
        found[k] = {"key": k, "label": label, "regions": len(entry["regions"])}
    return found


def _mellanrum(first: dict, last: dict, name: str) -> dict:
    before, after = _found(first, name), _found(last, name)
    return {
        "appeared": [m for k, m in after.items() if k not in before],
        "resolved": [m for k, m in before.items() if k not in after],
        "remained": [m for k, m in after.items() if k in before],
    }
