"""Lessons ("Vad vi lärt"): each participant writes a few short lessons, the
leader groups them into themes on a board (lessons_board.py), then everyone
dot-votes for the themes. The outcome: the themes ranked by their dots, each
with its lessons.

Answer: ``{"lessons": [{"id": "a1", "text": "…"}], "votes": {"t1": 2}}``. The
phone chooses each lesson's id, so a lesson keeps its place on the board when
its author edits or removes another. While voting, ``lessons`` may be left out:
the stored ones are kept (check_submit).
"""

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import text
from ..catalogue import LESSON_THEMES
from ..errors import N_, DomainError
from ..submission import Submission
from . import common
from . import lessons_board as boards

if TYPE_CHECKING:  # the registry imports this module
    from . import SubmitContext

MAX_LENGTH = 1000
MAX_LESSONS = 10
MALFORMED = N_("The form is malformed. Reload the page and try again.")
LESSON_ID = re.compile(r"^[a-z0-9]{1,16}$")
THEME_KEY = re.compile(r"^[a-z0-9]{1,16}$")


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    return {
        "max_length": common.number(
            settings, "max_length", 280, least=1, most=MAX_LENGTH
        ),
        "max_lessons": common.number(
            settings, "max_lessons", 3, least=1, most=MAX_LESSONS
        ),
        "dots": common.number(settings, "dots", 3, least=1, most=boards.MAX_DOTS),
        "themes": common.word_list(
            settings,
            "themes",
            LESSON_THEMES,
            field=N_("Lesson themes"),
            max_length=boards.MAX_THEME_NAME,
        ),
    }


def _lesson(config: dict, value: object) -> dict:
    if not isinstance(value, dict):
        raise DomainError("invalid", MALFORMED)
    lesson_id = value.get("id")
    if not isinstance(lesson_id, str) or not LESSON_ID.match(lesson_id):
        raise DomainError("invalid", MALFORMED)
    cleaned = text.clean(
        value.get("text"), field=N_("Lesson"), max_length=config["max_length"]
    )
    return {"id": lesson_id, "text": cleaned}


def _votes(value: object) -> dict[str, int]:
    if value is None:
        return {}
    # More entries than any board has themes is no vote anyone cast.
    if not isinstance(value, dict) or len(value) > boards.MAX_THEMES:
        raise DomainError("invalid", MALFORMED)
    votes = {}
    for key, count in value.items():
        if not THEME_KEY.match(key):
            raise DomainError("invalid", MALFORMED)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise DomainError("invalid", MALFORMED)
        if count:
            votes[key] = count
    if sum(votes.values()) > boards.MAX_DOTS:
        raise DomainError(
            "too_many_dots",
            N_("You have %(max)d dots at most."),
            max=boards.MAX_DOTS,
        )
    return votes


def validate_answer(config: dict, answer: object) -> dict:
    """The answer's shape, against the settings alone; the board's phase and
    themes are check_submit's. ``lessons`` is None when left out."""
    if not isinstance(answer, dict):
        raise DomainError("invalid", MALFORMED)
    cleaned: dict = {"lessons": None, "votes": _votes(answer.get("votes"))}
    if answer.get("lessons") is not None:
        raw = common.items(answer, "lessons", MALFORMED)
        common.check_count(
            raw,
            config["max_lessons"],
            N_("Write at most %(max)d lessons."),
        )
        lessons = [_lesson(config, value) for value in raw]
        if len({lesson["id"] for lesson in lessons}) != len(lessons):
            raise DomainError("invalid", MALFORMED)
        cleaned["lessons"] = lessons
    return cleaned


def _same_lessons(a: list[dict], b: list[dict]) -> bool:
    return sorted((x["id"], x["text"]) for x in a) == sorted(
        (x["id"], x["text"]) for x in b
    )


def check_submit(cleaned: dict, context: "SubmitContext") -> dict:
    """Against the board: lessons while collecting, dots while voting."""
    activity = context.activity
    board = boards.current(activity.config, activity.merges)
    lessons = cleaned["lessons"]
    votes = cleaned["votes"]
    if board["phase"] == boards.COLLECT:
        if votes:
            raise DomainError(
                "not_voting",
                N_("Voting has not started yet: send your lessons without dots."),
            )
        if not lessons:
            raise DomainError("required", N_("Write at least one lesson."))
        # Dots given before the leader collected again wait for the next vote.
        kept = (context.previous or {}).get("votes") or {}
        return {"lessons": lessons, "votes": kept}
    stored = (context.previous or {}).get("lessons") or []
    if lessons is not None and not _same_lessons(lessons, stored):
        raise DomainError(
            "voting_started",
            N_("Voting has begun: the lessons can no longer change."),
        )
    if context.previous is None and not votes:
        raise DomainError("required", N_("Put at least one dot on a theme."))
    for key in votes:
        boards.check_open(board, key)
    if sum(votes.values()) > board["dots"]:
        raise DomainError(
            "too_many_dots", N_("You have %(max)d dots at most."), max=board["dots"]
        )
    return {"lessons": stored, "votes": votes}


def _counted_votes(board: dict, answer: dict, open_keys: set[str]) -> Counter:
    """A visible answer's dots, on the themes they count for now; none when
    they are more than the board's dots (the leader lowered them)."""
    votes: Counter[str] = Counter()
    for key, count in (answer.get("votes") or {}).items():
        target = boards.resolve(board, key)
        if target in open_keys and isinstance(count, int):
            votes[target] += count
    if sum(votes.values()) > board["dots"]:
        return Counter()
    return votes


def aggregate(config: dict, submissions: Sequence[Submission], merges: dict) -> dict:
    """The open themes ranked by dots (ties in the board's order), each with its
    lessons in answer order; the lessons not placed yet; what was counted."""
    board = boards.current(config, merges)
    themes = boards.open_themes(board)
    open_keys = {t["key"] for t in themes}
    grouped: dict[str, list[dict]] = {key: [] for key in open_keys}
    unplaced: list[dict] = []
    votes: Counter[str] = Counter()
    answers = voters = 0
    for sub in submissions:
        if sub.hidden:
            continue
        answers += 1
        for lesson in sub.answer.get("lessons") or ():
            ref = f"{sub.id}.{lesson['id']}"
            item = {
                "key": ref,
                "submission_id": sub.id,
                "text": lesson["text"],
                "organisation": sub.organisation,
            }
            theme = boards.resolve(board, board["placed"].get(ref))
            if theme in open_keys:
                grouped[theme].append(item)
            else:
                unplaced.append(item)
        if board["phase"] == boards.VOTE:
            counted = _counted_votes(board, sub.answer, open_keys)
            voters += bool(counted)
            votes.update(counted)
    merged_names: dict[str, list[str]] = {key: [] for key in open_keys}
    for theme in board["themes"]:
        target = boards.resolve(board, theme["key"])
        if theme["key"] not in open_keys and target in open_keys:
            merged_names[target].append(theme["name"])
    order = {t["key"]: i for i, t in enumerate(themes)}
    ranked = sorted(themes, key=lambda t: (-votes[t["key"]], order[t["key"]]))
    return {
        "answers": answers,
        "phase": board["phase"],
        "dots": board["dots"],
        "lessons": sum(len(g) for g in grouped.values()) + len(unplaced),
        "voters": voters,
        "votes": sum(votes.values()),
        "themes": [
            {
                "key": t["key"],
                "name": t["name"],
                "votes": votes[t["key"]],
                "merged": merged_names[t["key"]],
                "lessons": grouped[t["key"]],
            }
            for t in ranked
        ],
        "unplaced": unplaced,
        # The phone's bars once revealed (static/js/results_plain.js resultWords).
        "words": [
            {"key": t["key"], "word": t["name"], "count": votes[t["key"]]}
            for t in ranked
        ],
    }


def ballot(config: dict, submissions: Sequence[Submission], merges: dict) -> dict:
    """The board with what phones show while voting: each open theme's visible
    lessons (texts only). The server stores it when the board changes."""
    board = boards.current(config, merges)
    if board["phase"] != boards.VOTE:
        board.pop("ballot", None)
        return board
    results = aggregate(config, submissions, board)
    board["ballot"] = {
        t["key"]: [lesson["text"] for lesson in t["lessons"]]
        for t in results["themes"]
        if t["lessons"]
    }
    return board
