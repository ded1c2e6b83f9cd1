"""Activity kinds. Each module offers ``validate_config``, ``validate_answer`` and
``aggregate``; the registry below is the only place that names them."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..activity import Activity
from ..errors import N_, DomainError
from ..submission import Submission
from . import (
    actor_map,
    choice,
    lessons,
    next_steps,
    others_view,
    roles,
    scale,
    status_check,
    text_answer,
)


@dataclass(frozen=True)
class SubmitContext:
    """What a kind's ``check_submit`` may look at besides the answer itself."""

    activity: Activity  # its config, and the leader's arrangement in merges
    previous: dict | None  # the participant's stored answer, if any
    organisation: str  # the participant's organisation ("" when anonymous)


@dataclass(frozen=True)
class Kind:
    name: str
    validate_config: Callable[[object], dict]
    validate_answer: Callable[[dict, object], dict]
    aggregate: Callable[[dict, Sequence[Submission], dict], dict]
    # (merges, source, target, field) → new merges; field is actor, role or area.
    merge: Callable[[dict, object, object, str], dict] | None = None
    # (merges, source, field) → new merges.
    unmerge: Callable[[dict, object, str], dict] | None = None
    # (results, context) → results with what other activities add (docs/homework.md).
    with_context: Callable[[dict, dict], dict] | None = None
    # (cleaned answer, SubmitContext) → the answer to store, or a DomainError:
    # for checks that need more than the settings (a lessons board's phase, a
    # commitment's owner). Called after validate_answer, in the submit's
    # transaction.
    check_submit: Callable[[dict, SubmitContext], dict] | None = None


KINDS: dict[str, Kind] = {
    "roles": Kind(
        "roles",
        roles.validate_config,
        roles.validate_answer,
        roles.aggregate,
        roles.merge,
        roles.unmerge,
    ),
    "others_view": Kind(
        "others_view",
        others_view.validate_config,
        others_view.validate_answer,
        others_view.aggregate,
        others_view.merge,
        others_view.unmerge,
        others_view.with_context,
    ),
    "actor_map": Kind(
        "actor_map",
        actor_map.validate_config,
        actor_map.validate_answer,
        actor_map.aggregate,
        actor_map.merge,
        actor_map.unmerge,
    ),
    # Plain questions (docs/kinds.md): nothing typed to merge.
    "choice": Kind(
        "choice", choice.validate_config, choice.validate_answer, choice.aggregate
    ),
    "scale": Kind(
        "scale", scale.validate_config, scale.validate_answer, scale.aggregate
    ),
    "text": Kind(
        "text",
        text_answer.validate_config,
        text_answer.validate_answer,
        text_answer.aggregate,
    ),
    # The board (themes, phase, placements) lives in merges; no merge_words.
    "lessons": Kind(
        "lessons",
        lessons.validate_config,
        lessons.validate_answer,
        lessons.aggregate,
        check_submit=lessons.check_submit,
    ),
    # Next steps and, at the next meeting, their status check (docs/kinds.md).
    "next_steps": Kind(
        "next_steps",
        next_steps.validate_config,
        next_steps.validate_answer,
        next_steps.aggregate,
    ),
    "status_check": Kind(
        "status_check",
        status_check.validate_config,
        status_check.validate_answer,
        status_check.aggregate,
        check_submit=status_check.check_submit,
    ),
}


def get_kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise DomainError(
            "unknown_kind", N_("Unknown activity kind: %(kind)s."), kind=name
        ) from None
