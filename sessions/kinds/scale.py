"""A labelled scale (scale): each participant answers with one whole number.

"How clear is your region's mandate?" from 1 (not at all) to 5 (fully): the
projector shows how the answers spread over the steps, their mean and median.
"""

import math
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from .. import text
from ..errors import N_, DomainError
from ..submission import Submission
from . import common

MAX_STEPS = 10
# Ends of a scale: far beyond any that is asked, and exact in every JSON reader.
LOWEST = -100
HIGHEST = 100
MAX_LABEL_LENGTH = 60


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    low = common.number(settings, "min", 1, least=LOWEST, most=HIGHEST)
    high = common.number(settings, "max", 5, least=LOWEST, most=HIGHEST)
    if not low < high <= low + MAX_STEPS - 1:
        raise DomainError(
            "invalid",
            N_("Set the lowest value below the highest, %(most)d steps at most."),
            most=MAX_STEPS,
        )
    return {"min": low, "max": high, "labels": _labels(settings, low, high)}


def _labels(settings: dict, low: int, high: int) -> dict[str, str]:
    raw = settings.get("labels")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DomainError("invalid", N_("The scale's labels are malformed."))
    steps = {str(v) for v in range(low, high + 1)}
    for step in raw:
        if step not in steps:
            raise DomainError(
                "invalid",
                N_("A label is for %(step)s, which is not a step of the scale."),
                step=str(step),
            )
    labels = {}
    for value in range(low, high + 1):  # in the scale's order, whatever was sent
        label = text.clean(
            raw.get(str(value)),
            field=N_("Scale label"),
            max_length=MAX_LABEL_LENGTH,
            required=False,
        )
        if label:  # a blank label is no label
            labels[str(value)] = label
    return labels


def validate_answer(config: dict, answer: object) -> dict:
    if not isinstance(answer, dict):
        raise DomainError(
            "invalid", N_("The form is malformed. Reload the page and try again.")
        )
    value = answer.get("value")
    low, high = config["min"], config["max"]
    if value is None:
        raise DomainError(
            "required", N_("Choose a value from %(min)d to %(max)d."), min=low, max=high
        )
    # bool is an int in Python: True must not pass as 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(
            "invalid",
            N_("Choose a whole number from %(min)d to %(max)d."),
            min=low,
            max=high,
        )
    if not low <= value <= high:
        raise DomainError(
            "out_of_range",
            N_("Choose a value from %(min)d to %(max)d: %(value)d is outside."),
            min=low,
            max=high,
            value=value,
        )
    return {"value": value}


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """Spread, mean and median of the visible answers.

    A value the scale no longer has (its ends were moved after answers came in)
    counts as an answer but in neither the spread, the mean nor the median.
    """
    low, high = config["min"], config["max"]
    values: list[int] = []
    answers = 0
    for sub in submissions:
        if sub.hidden:
            continue
        answers += 1
        value = sub.answer.get("value")
        if type(value) is int and low <= value <= high:
            values.append(value)
    counts = Counter(values)
    values.sort()
    return {
        "answers": answers,
        "distribution": [
            {
                "value": v,
                "label": config["labels"].get(str(v)),
                "count": counts[v],
            }
            for v in range(low, high + 1)
        ],
        "mean": _rounded_mean(values) if values else None,
        # The lower middle value for an even count, so it is always a step.
        "median": values[(len(values) - 1) // 2] if values else None,
    }


def _rounded_mean(values: list[int]) -> float:
    # Exact, then halves away from zero as people round: round() gives 1.12
    # for 1.125, since it rounds halves to even and floats are binary.
    mean = Fraction(sum(values), len(values))
    rounded = math.floor(abs(mean) * 100 + Fraction(1, 2)) / 100
    return -rounded if mean < 0 else rounded
