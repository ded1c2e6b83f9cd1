"""Multiple choice (choice): each participant picks one option, or several.

Options are stored and answered as text, compared by ``text.key``, so an answer
keeps its meaning when the leader reorders or re-spells the options later.
"""

from collections import Counter
from collections.abc import Sequence

from .. import text
from ..errors import N_, DomainError
from ..submission import Submission
from . import common

MIN_OPTIONS = 2
MAX_OPTIONS = 20
MAX_OPTION_LENGTH = 120
SHOWN_LENGTH = 60  # how much of an unknown choice an error message repeats
MALFORMED = N_("The form is malformed. Reload the page and try again.")


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    options = settings.get("options")
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise DomainError("invalid", N_("The options must be a list of texts."))
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise DomainError(
            "invalid",
            N_("Give %(least)d to %(most)d options."),
            least=MIN_OPTIONS,
            most=MAX_OPTIONS,
        )
    cleaned = [
        text.clean(o, field=N_("Option"), max_length=MAX_OPTION_LENGTH) for o in options
    ]
    seen: set[str] = set()
    for option in cleaned:
        if text.key(option) in seen:
            raise DomainError(
                "invalid",
                N_("%(option)s is among the options twice. Keep it once."),
                option=option,
            )
        seen.add(text.key(option))
    multiple = common.flag(settings, "multiple", False)
    max_choices = settings.get("max_choices")
    # One choice needs no limit: a form switched to single choice may still
    # send the limit it had, so it is dropped rather than refused.
    if not multiple:
        max_choices = None
    elif max_choices is not None:
        max_choices = common.number(
            settings, "max_choices", len(cleaned), least=1, most=len(cleaned)
        )
    return {"options": cleaned, "multiple": multiple, "max_choices": max_choices}


def limit(config: dict) -> int:
    """How many options one answer may take."""
    if not config["multiple"]:
        return 1
    return config["max_choices"] or len(config["options"])


def validate_answer(config: dict, answer: object) -> dict:
    """Return the choices in the options' spelling and order, each once."""
    raw = common.items(answer, "choices", MALFORMED, required=False)
    by_key = {text.key(o): o for o in config["options"]}
    chosen: set[str] = set()
    for value in raw:
        if not isinstance(value, str):
            raise DomainError("invalid", MALFORMED)
        # Cleaned as the options were; never too long, since a long choice is
        # simply not an option.
        choice = text.clean(
            value, field=N_("Option"), max_length=len(value), required=False
        )
        if not choice:
            continue
        k = text.key(choice)
        if k not in by_key:
            if len(choice) > SHOWN_LENGTH:
                choice = choice[: SHOWN_LENGTH - 1] + "…"
            raise DomainError(
                "unknown_option",
                N_("Choose one of the options: %(option)s is not one of them."),
                option=choice,
            )
        chosen.add(k)
    most = limit(config)
    if not chosen:
        if most == 1:
            raise DomainError("required", N_("Choose an option."))
        raise DomainError("required", N_("Choose at least one option."))
    if len(chosen) > most:
        if most == 1:
            raise DomainError("too_many", N_("Choose only one option."), max=most)
        raise DomainError("too_many", N_("Choose at most %(max)d options."), max=most)
    return {"choices": [o for k, o in by_key.items() if k in chosen]}


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """Count each option once per visible answer, in the options' order."""
    counts: Counter[str] = Counter()
    answers = 0
    for sub in submissions:
        if sub.hidden:
            continue
        answers += 1
        # A set: a choice stored twice, or two spellings of it, count once.
        counts.update({text.key(c) for c in sub.answer.get("choices", ())})
    return {
        "answers": answers,
        "options": [
            {
                "option": option,
                "count": counts[text.key(option)],
                "share": counts[text.key(option)] / answers if answers else 0,
            }
            for option in config["options"]
        ],
    }
