"""Open text (text): each participant writes a short answer.

The projector shows the answers as a list, or as a word cloud of the words they
share; ``display`` says which it shows first.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .. import text
from ..errors import N_, DomainError
from ..submission import Submission
from . import common
from .stopwords import STOP_WORDS

MAX_LENGTH = 280
MAX_LENGTH_LIMIT = 1000
DISPLAYS = ("list", "cloud")
MIN_LETTERS = 3
MAX_WORDS = 60
# Letters, joined by hyphens or apostrophes inside a word: "e-hälsa", "don't".
# Digits and underscores are no letters, so "2030" is no word.
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    display = settings.get("display", "list")
    if display not in DISPLAYS:
        raise DomainError(
            "invalid", N_("Show the answers as a list or as a word cloud.")
        )
    return {
        "max_length": common.number(
            settings, "max_length", MAX_LENGTH, least=1, most=MAX_LENGTH_LIMIT
        ),
        "display": display,
    }


def validate_answer(config: dict, answer: object) -> dict:
    if not isinstance(answer, dict):
        raise DomainError(
            "invalid", N_("The form is malformed. Reload the page and try again.")
        )
    # Missing is empty: the phone sends nothing when nothing was written.
    written = answer.get("text")
    if written is None:
        written = ""
    cleaned = text.clean(written, field=N_("Answer"), max_length=config["max_length"])
    return {"text": cleaned}


def words(written: str) -> list[str]:
    """The words of one answer that can go in the word cloud, in written order."""
    found = []
    for word in WORD.findall(written):
        word = word.replace("’", "'")  # one apostrophe, so "don’t" is "don't"
        if sum(ch.isalpha() for ch in word) < MIN_LETTERS:
            continue
        if text.key(word) in STOP_WORDS:
            continue
        found.append(word)
    return found


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """The visible answers in the given order, and their most shared words."""
    texts = []
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    answers = 0
    for sub in submissions:
        if sub.hidden:
            continue
        answers += 1
        written = sub.answer.get("text")
        if not isinstance(written, str) or not written:
            continue
        texts.append(
            {"submission_id": sub.id, "text": written, "organisation": sub.organisation}
        )
        found = words(written)
        for word in found:
            spellings[text.key(word)][word] += 1
        # A set: a word repeated in one answer still counts once.
        counts.update({text.key(w) for w in found})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_WORDS]
    return {
        "answers": answers,
        "texts": texts,
        "words": [
            # The most used spelling; ties go to the first seen.
            {"key": k, "word": spellings[k].most_common(1)[0][0], "count": n}
            for k, n in ranked
        ],
    }
