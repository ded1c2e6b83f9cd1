"""Checks the homework kinds share for settings and answer shapes.

Settings come from the leader's forms and answers from phones, so each value's
type is checked before it is used: ``bool("false")`` is true, ``int(True)`` is 1.
"""

from collections.abc import Iterable

from .. import text
from ..errors import N_, DomainError

# The largest catalogue a leader can set: well above the seed's, well below a
# form nobody can scroll.
MAX_CATALOGUE = 200


def settings(config: object) -> dict:
    if not isinstance(config, dict):
        raise DomainError("invalid", N_("The activity's settings are malformed."))
    return config


def word_list(
    config: dict,
    name: str,
    default: Iterable[str],
    *,
    field: str,
    max_length: int,
    least: int = 0,
    most: int = MAX_CATALOGUE,
) -> list[str]:
    """A list of short texts, cleaned, in the given order."""
    words = config.get(name)
    if words is None:
        words = list(default)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DomainError(
            "invalid", N_("%(field)s: the list must be a list of words."), field=field
        )
    if not least <= len(words) <= most:
        raise DomainError(
            "invalid",
            N_("%(field)s: the list must have %(least)d to %(most)d words."),
            field=field,
            least=least,
            most=most,
        )
    cleaned = [text.clean(w, field=field, max_length=max_length) for w in words]
    if len({text.key(w) for w in cleaned}) != len(cleaned):
        raise DomainError(
            "invalid", N_("%(field)s: the list names a word twice."), field=field
        )
    return cleaned


def flag(config: dict, name: str, default: bool) -> bool:
    value = config.get(name, default)
    if not isinstance(value, bool):
        raise DomainError("invalid", N_("A yes/no setting is malformed."))
    return value


def number(config: dict, name: str, default: int, *, least: int, most: int) -> int:
    value = config.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError("invalid", N_("A number setting is malformed."))
    if not least <= value <= most:
        raise DomainError(
            "invalid",
            N_("Choose a number from %(least)d to %(most)d."),
            least=least,
            most=most,
        )
    return value


def items(container: object, name: str, message: str, *, required: bool = True) -> list:
    """``container[name]``, which must be a list (missing is empty unless required)."""
    if not isinstance(container, dict):
        raise DomainError("invalid", message)
    value = container.get(name)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise DomainError("invalid", message)
    return value


def check_count(found: list, most: int, message: str, **params: object) -> None:
    """Refuse more than ``most`` entries before any of them is looked at."""
    if len(found) > most:
        raise DomainError("too_many", message, max=most, **params)
