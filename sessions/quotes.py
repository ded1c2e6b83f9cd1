"""Quotes: open texts the leader starred for the project's documentation.

A quote is signed "Deltagare" (participant) unless its author agreed, when
joining, to be named; an anonymous participant is never named.
"""

from .errors import N_, DomainError

# Kinds whose answers are open text a person wrote, and so can be quoted.
QUOTABLE_KINDS = frozenset({"text"})
PARTICIPANT = N_("Participant")


def check_quotable(kind: str) -> None:
    if kind not in QUOTABLE_KINDS:
        raise DomainError(
            "not_quotable", N_("Only open-text answers can be starred as quotes.")
        )


def named(name: str, anonymous: bool, quote_by_name: bool) -> bool:
    return quote_by_name and not anonymous and bool(name)
