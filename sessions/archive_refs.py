"""Where the kinds keep a database id inside their own data, and rewriting it.

A few kinds name an answer or an activity in their settings, the leader's
arrangement or a frozen outcome: a lessons board places "<submission id>.<lesson
id>", a status check lists the previous meeting's steps as "<submission
id>.<index>", a frozen outcome names its activity. An archive holds no database
ids, so the export rewrites each into the file's own name for it (a
submission's ``number``, an activity's local id) and the import rewrites it
back into the new rows' ids. The same walk checks that each one resolves.

Each function returns new data and leaves what it was given as it was; the
parts it does not know are copied unchanged.
"""

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# (value, path) → what goes in its place. ``path`` names the place in the
# document (docs/archive-format.md), for a check's message.
Rewrite = Callable[[object, str], object]

# "<submission id>.<rest>": a lesson, or one step of a next-steps answer.
SUBMISSION_KEY = re.compile(r"^([0-9]{1,18})\.(.+)$", re.DOTALL)


@dataclass(frozen=True)
class Rewrites:
    submission: Rewrite  # an answer's id or number (an int)
    activity: Rewrite  # an activity's id, or its local id


def _key(value: object, path: str, rewrites: Rewrites) -> object:
    match = SUBMISSION_KEY.match(value) if isinstance(value, str) else None
    if match is None:
        return value
    return f"{rewrites.submission(int(match[1]), path)}.{match[2]}"


def _dicts(container: object, name: str, path: str) -> Iterator[tuple[dict, str]]:
    """The objects in ``container[name]``, a list, each with its path."""
    rows = container.get(name) if isinstance(container, dict) else None
    if isinstance(rows, list):
        for index, row in enumerate(rows):
            if isinstance(row, dict):
                yield row, f"{path}.{name}[{index}]"


def _keyed(mapping: object, path: str, rewrites: Rewrites) -> object:
    """A dict whose keys are submission keys, with its keys rewritten."""
    if not isinstance(mapping, dict):
        return mapping
    return {
        _key(key, f"{path}[{key!r}]", rewrites): value for key, value in mapping.items()
    }


def config(kind: str, data: dict, rewrites: Rewrites, path: str) -> dict:
    """An activity's settings: a status check lists the steps it asks about."""
    if kind != "status_check":
        return data
    new = copy.deepcopy(data)
    for row, at in _dicts(new, "commitments", path):
        row["key"] = _key(row.get("key"), f"{at}.key", rewrites)
    return new


def merges(kind: str, data: dict, rewrites: Rewrites, path: str) -> dict:
    """The leader's arrangement: a lessons board places lessons in themes."""
    if kind != "lessons" or "placed" not in data:
        return data
    return {**data, "placed": _keyed(data["placed"], f"{path}.placed", rewrites)}


def answer(kind: str, data: dict, rewrites: Rewrites, path: str) -> dict:
    """An answer or a draft: a status check marks steps by their key."""
    if kind != "status_check" or "marks" not in data:
        return data
    return {**data, "marks": _keyed(data["marks"], f"{path}.marks", rewrites)}


def _result_rows(kind: str, results: dict, path: str) -> Iterator[tuple[dict, str]]:
    """The rows of a frozen outcome that point at an answer."""
    if kind == "text":
        yield from _dicts(results, "texts", path)
    elif kind == "lessons":
        for theme, at in _dicts(results, "themes", path):
            yield from _dicts(theme, "lessons", at)
        yield from _dicts(results, "unplaced", path)
    elif kind in ("next_steps", "status_check"):
        yield from _dicts(results, "commitments", path)


def snapshot(
    kind: str, data: dict | None, rewrites: Rewrites, path: str
) -> dict | None:
    """A frozen outcome: its activity, and the answers its rows came from."""
    if data is None:
        return None
    new = copy.deepcopy(data)
    if "activity_id" in new:
        new["activity_id"] = rewrites.activity(
            new["activity_id"], f"{path}.activity_id"
        )
    results = new.get("results")
    if not isinstance(results, dict):
        return new
    at = f"{path}.results"
    for row, row_path in _result_rows(kind, results, at):
        if "key" in row:
            row["key"] = _key(row["key"], f"{row_path}.key", rewrites)
        if "submission_id" in row:
            row["submission_id"] = rewrites.submission(
                row["submission_id"], f"{row_path}.submission_id"
            )
    comparison = results.get("comparison")  # "Andras ögon" beside the roles taken
    source = comparison.get("source") if isinstance(comparison, dict) else None
    if kind == "others_view" and isinstance(source, dict) and "activity_id" in source:
        source["activity_id"] = rewrites.activity(
            source["activity_id"], f"{at}.comparison.source.activity_id"
        )
    return new
