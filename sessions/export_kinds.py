"""The kind-specific columns of an export (docs/exports.md): each kind turns one
stored answer into one or more rows of cells.

Kinds whose answer is one thing or a short list of words (roles, choice, scale,
text) give one row per answer; a list is one cell, its items joined by "; ".
Kinds whose answer is a list of records (others_view, actor_map, lessons,
next_steps, status_check) give one row per record, so a spreadsheet can filter,
sort and pivot them; an answer with no record still gives one row with these
columns empty, so every answer shows.

The answers are exported as given, never recomputed: hidden answers are rows
too, and no merge rewrites a word. Only a lesson's theme and a dot's theme are
read from the lessons board, as the leader left it.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .errors import N_
from .kinds import lessons_board as boards

# A cell's value: the CSV writes it as text, the spreadsheet keeps its type.
Cell = str | int | bool | date | None
# (machine key for the CSV header, English msgid for a spreadsheet's header)
Column = tuple[str, str]
# (stored answer, submission id) → the answer's rows of this kind's cells
RowsOf = Callable[[dict, int], list[list[Cell]]]
# (activity config, activity merges) → RowsOf, prepared once per activity
Prepare = Callable[[dict, dict], RowsOf]

JOIN = "; "


@dataclass(frozen=True)
class KindExport:
    columns: tuple[Column, ...]
    prepare: Prepare


def _words(value: object) -> str:
    if not isinstance(value, list):
        return ""
    return JOIN.join(str(v) for v in value)


def _date(value: object) -> Cell:
    """A step's date as a date, so a spreadsheet sorts it; kept as text if odd."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def _records(answer: dict, field: str) -> list[dict]:
    value = answer.get(field)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _roles(config: dict, merges: dict) -> RowsOf:
    return lambda answer, _id: [[_words(answer.get("roles"))]]


def _choice(config: dict, merges: dict) -> RowsOf:
    return lambda answer, _id: [[_words(answer.get("choices"))]]


def _scale(config: dict, merges: dict) -> RowsOf:
    labels = config.get("labels") or {}

    def rows(answer: dict, _id: int) -> list[list[Cell]]:
        value = answer.get("value")
        return [[value, labels.get(str(value), "") if value is not None else ""]]

    return rows


def _text(config: dict, merges: dict) -> RowsOf:
    return lambda answer, _id: [[answer.get("text", "")]]


def _others_view(config: dict, merges: dict) -> RowsOf:
    sizes = config.get("sizes") or []

    def size(value: object) -> str:
        if type(value) is int and 0 <= value < len(sizes):
            return sizes[value]
        return "" if value is None else str(value)

    def rows(answer: dict, _id: int) -> list[list[Cell]]:
        return [
            [
                actor.get("kind", ""),
                actor.get("name", ""),
                _words(actor.get("roles")),
                size(actor.get("size")),
                actor.get("quote", ""),
            ]
            for actor in _records(answer, "actors")
        ]

    return rows


def _actor_map(config: dict, merges: dict) -> RowsOf:
    def areas(actor: dict, mode: str) -> str:
        return JOIN.join(
            str(a.get("area", ""))
            for a in _records(actor, "areas")
            if a.get("mode") == mode
        )

    def rows(answer: dict, _id: int) -> list[list[Cell]]:
        region = answer.get("region", "")
        found: list[list[Cell]] = [
            [
                region,
                "actor",
                actor.get("name", ""),
                areas(actor, "leads"),
                areas(actor, "contributes"),
                None,
                None,
                None,
            ]
            for actor in _records(answer, "actors")
        ]
        found += [
            [
                region,
                "relation",
                relation.get("from", ""),
                None,
                None,
                relation.get("to", ""),
                relation.get("type", ""),
                relation.get("clear", True) is not False,
            ]
            for relation in _records(answer, "relations")
        ]
        return found

    return rows


def _lessons(config: dict, merges: dict) -> RowsOf:
    board = boards.current(config, merges)
    names = {t["key"]: t["name"] for t in board["themes"]}

    def theme(key: object) -> str:
        """The theme a key counts as now, by name (a merged theme's target)."""
        if key is None:
            return ""
        target = boards.resolve(board, key)
        return names.get(target, str(target)) if isinstance(target, str) else ""

    def rows(answer: dict, submission_id: int) -> list[list[Cell]]:
        found: list[list[Cell]] = [
            [
                "lesson",
                lesson.get("text", ""),
                theme(board["placed"].get(f"{submission_id}.{lesson.get('id')}")),
                None,
            ]
            for lesson in _records(answer, "lessons")
        ]
        votes = answer.get("votes")
        if isinstance(votes, dict):
            found += [
                ["dots", None, theme(key), count]
                for key, count in votes.items()
                if isinstance(count, int) and count
            ]
        return found

    return rows


def _next_steps(config: dict, merges: dict) -> RowsOf:
    def rows(answer: dict, _id: int) -> list[list[Cell]]:
        return [
            [step.get("what", ""), step.get("organisation", ""), _date(step.get("by"))]
            for step in _records(answer, "steps")
        ]

    return rows


def _status_check(config: dict, merges: dict) -> RowsOf:
    steps = {c.get("key"): c for c in _records(config, "commitments")}

    def rows(answer: dict, _id: int) -> list[list[Cell]]:
        marks = answer.get("marks")
        if not isinstance(marks, dict):
            return []
        found: list[list[Cell]] = []
        for key, status in marks.items():
            step = steps.get(key, {})
            found.append(
                [
                    step.get("what", ""),
                    step.get("organisation", ""),
                    _date(step.get("by")),
                    status,
                ]
            )
        return found

    return rows


def _unknown(config: dict, merges: dict) -> RowsOf:
    """A kind this module does not know: the stored answer as JSON."""
    return lambda answer, _id: [[json.dumps(answer, ensure_ascii=False)]]


WHAT = ("what", N_("What"))
STEP_OWNER = ("step_organisation", N_("Whose step"))
BY = ("by", N_("By"))

KIND_EXPORTS: dict[str, KindExport] = {
    "roles": KindExport((("roles", N_("Roles")),), _roles),
    "choice": KindExport((("choices", N_("Choices")),), _choice),
    "scale": KindExport((("value", N_("Value")), ("label", N_("Label"))), _scale),
    "text": KindExport((("text", N_("Answer")),), _text),
    "others_view": KindExport(
        (
            ("actor_kind", N_("Kind of actor")),
            ("actor_name", N_("Name")),
            ("expected_roles", N_("Roles expected of the region")),
            ("size", N_("Size of the role")),
            ("quote", N_("Quote")),
        ),
        _others_view,
    ),
    "actor_map": KindExport(
        (
            ("region", N_("Region")),
            ("entry", N_("Entry")),
            ("actor", N_("Actor")),
            ("leads", N_("Leads")),
            ("contributes", N_("Contributes to")),
            ("related_actor", N_("Related actor")),
            ("relation_type", N_("Relation type")),
            ("clear", N_("Clear")),
        ),
        _actor_map,
    ),
    "lessons": KindExport(
        (
            ("entry", N_("Entry")),
            ("lesson", N_("Lesson")),
            ("theme", N_("Theme")),
            ("dots", N_("Dots")),
        ),
        _lessons,
    ),
    "next_steps": KindExport((WHAT, STEP_OWNER, BY), _next_steps),
    "status_check": KindExport(
        (WHAT, STEP_OWNER, BY, ("status", N_("Status"))), _status_check
    ),
}
UNKNOWN = KindExport((("answer", N_("Answer")),), _unknown)


def kind_export(kind: str) -> KindExport:
    return KIND_EXPORTS.get(kind, UNKNOWN)
