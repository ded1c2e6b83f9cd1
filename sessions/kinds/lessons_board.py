"""The leader's lessons board (docs/kinds.md): the themes, which lesson sits in
which, and whether the room is collecting lessons or voting.

The board is stored in the activity's ``merges``, "the leader's arrangement of
the answers"; an empty dict is the board the settings start with (their themes,
keys t1…tn, collecting). Shape::

    {"phase": "collect" | "vote", "dots": 3,
     "themes": [{"key": "t1", "name": "Definiera mera"}],
     "merged": {"t9": "t1"},
     "placed": {"<submission id>.<lesson id>": "t1"},
     "ballot": {"t1": ["lesson text", …]}}

A merged theme stays in ``themes`` (its name is listed under its target) but is
closed: nothing can be placed in it or voted for any more, and what was there
counts for its target. ``ballot`` is what phones show while voting: the visible
lessons of each open theme, which the server fills in (server/lessons.py)
because phones get no results before the reveal.

Every function returns a new board and leaves the one given as it was.
"""

import copy
import re

from .. import text
from ..errors import N_, DomainError

COLLECT = "collect"
VOTE = "vote"
MAX_THEME_NAME = 120  # as a project catalogue's words (sessions/project.py)
MAX_THEMES = 300  # every theme the board has had, merged ones included
MAX_DOTS = 10
THEME_FIELD = N_("Theme")
# "<submission id>.<lesson id>": lesson ids are chosen by the phone.
LESSON_REF = re.compile(r"^[0-9]{1,10}\.[a-z0-9]{1,16}$")


def initial(config: dict) -> dict:
    """The board before the leader touched it: the settings' themes, collecting."""
    return {
        "phase": COLLECT,
        "dots": config.get("dots", 3),
        "themes": [
            {"key": f"t{i}", "name": name}
            for i, name in enumerate(config.get("themes", ()), start=1)
        ],
        "merged": {},
        "placed": {},
    }


def current(config: dict, merges: dict | None) -> dict:
    """The board as stored, or the first one; always a copy to change."""
    if not merges:
        return initial(config)
    board = copy.deepcopy(merges)
    board.setdefault("phase", COLLECT)
    board.setdefault("dots", config.get("dots", 3))
    board.setdefault("themes", [])
    board.setdefault("merged", {})
    board.setdefault("placed", {})
    return board


def open_themes(board: dict) -> list[dict]:
    """The themes one can place lessons in and vote for, in the board's order."""
    return [t for t in board["themes"] if t["key"] not in board["merged"]]


def resolve(board: dict, key: object) -> object:
    """Follow merges from ``key`` to the theme it counts as now."""
    seen = {key}
    while isinstance(key, str) and key in board["merged"]:
        key = board["merged"][key]
        if key in seen:  # merge refuses cycles; stored data must never hang us
            break
        seen.add(key)
    return key


def check_open(board: dict, key: object) -> str:
    """``key`` names an open theme, or the refusal says why not."""
    if isinstance(key, str) and key in board["merged"]:
        raise DomainError(
            "closed_theme",
            N_("That theme has been merged into another. Use that one instead."),
        )
    if key not in {t["key"] for t in open_themes(board)}:
        raise DomainError("unknown_theme", N_("There is no such theme on the board."))
    return key


def _name(board: dict, name: object, *, own_key: str | None = None) -> str:
    cleaned = text.clean(name, field=THEME_FIELD, max_length=MAX_THEME_NAME)
    for theme in open_themes(board):
        if theme["key"] != own_key and text.key(theme["name"]) == text.key(cleaned):
            raise DomainError(
                "duplicate_theme",
                N_("%(theme)s is already a theme on the board."),
                theme=theme["name"],
            )
    return cleaned


def _next_key(board: dict) -> str:
    numbers = [
        int(t["key"][1:]) for t in board["themes"] if re.fullmatch(r"t\d+", t["key"])
    ]
    return f"t{max(numbers, default=0) + 1}"


def add_theme(board: dict, name: object) -> dict:
    board = copy.deepcopy(board)
    if len(board["themes"]) >= MAX_THEMES:
        raise DomainError(
            "too_many",
            N_("The board has room for %(max)d themes at most."),
            max=MAX_THEMES,
        )
    cleaned = _name(board, name)
    board["themes"].append({"key": _next_key(board), "name": cleaned})
    return board


def rename_theme(board: dict, key: object, name: object) -> dict:
    board = copy.deepcopy(board)
    check_open(board, key)
    cleaned = _name(board, name, own_key=key)
    for theme in board["themes"]:
        if theme["key"] == key:
            theme["name"] = cleaned
    return board


def merge_themes(board: dict, source: object, target: object) -> dict:
    """Close ``source``: its lessons and votes count for ``target`` from now on."""
    board = copy.deepcopy(board)
    check_open(board, source)
    check_open(board, target)
    if source == target:
        raise DomainError("invalid_merge", N_("A theme cannot be merged into itself."))
    # Flat: whatever counted as the source counts as the target in one step.
    for closed, into in board["merged"].items():
        if into == source:
            board["merged"][closed] = target
    board["merged"][source] = target
    for ref, key in board["placed"].items():
        if key == source:
            board["placed"][ref] = target
    return board


def place(board: dict, lesson: object, theme: object) -> dict:
    """Put a lesson in an open theme, or (``theme`` None) back among the unplaced."""
    if not isinstance(lesson, str) or not LESSON_REF.match(lesson):
        raise DomainError("unknown_lesson", N_("There is no such lesson."))
    board = copy.deepcopy(board)
    if theme is None:
        board["placed"].pop(lesson, None)
    else:
        board["placed"][lesson] = check_open(board, theme)
    return board


def start_voting(board: dict, dots: object) -> dict:
    if board["phase"] == VOTE:
        raise DomainError("already_voting", N_("Voting has already started."))
    if isinstance(dots, bool) or not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
        raise DomainError(
            "invalid",
            N_("Choose a number from %(least)d to %(most)d."),
            least=1,
            most=MAX_DOTS,
        )
    board = copy.deepcopy(board)
    board["phase"] = VOTE
    board["dots"] = dots
    return board


def reopen_collecting(board: dict) -> dict:
    """Back to writing lessons; the dots already given wait until voting again."""
    if board["phase"] != VOTE:
        raise DomainError("not_voting", N_("Voting has not started yet."))
    board = copy.deepcopy(board)
    board["phase"] = COLLECT
    board.pop("ballot", None)
    return board
