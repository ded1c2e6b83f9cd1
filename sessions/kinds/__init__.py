"""Activity kinds. Each module offers ``validate_config``, ``validate_answer`` and
``aggregate``; the registry below is the only place that names them."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import N_, DomainError
from ..submission import Submission
from . import roles


@dataclass(frozen=True)
class Kind:
    name: str
    validate_config: Callable[[object], dict]
    validate_answer: Callable[[dict, object], dict]
    aggregate: Callable[[dict, Sequence[Submission], dict[str, str]], dict]
    merge: Callable[[dict[str, str], object, object], dict[str, str]] | None = None
    unmerge: Callable[[dict[str, str], object], dict[str, str]] | None = None


KINDS: dict[str, Kind] = {
    "roles": Kind(
        "roles",
        roles.validate_config,
        roles.validate_answer,
        roles.aggregate,
        roles.merge,
        roles.unmerge,
    ),
}


def get_kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise DomainError(
            "unknown_kind", N_("Unknown activity kind: %(kind)s."), kind=name
        ) from None
