"""A live session: one run of a meeting, joined by code, ended into the archive."""

import secrets
from dataclasses import dataclass
from enum import StrEnum

from . import text
from .errors import N_, DomainError

# No 0/O or 1/I/L: the code is read off a projector across a room.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# 31 symbols, 8 of them: 39.6 bits. Homework codes stay valid for weeks, so a
# guesser has time; with the limit on wrong codes per address (docs/security.md)
# finding one takes millions of days. Six (29.7 bits) was too few.
JOIN_CODE_LENGTH = 8
MAX_NAME_LENGTH = 80
MAX_ORGANISATION_LENGTH = 120


class SessionStatus(StrEnum):
    RUNNING = "running"
    ENDED = "ended"


class SessionMode(StrEnum):
    MEETING = "meeting"  # run in the room
    HOMEWORK = "homework"  # one activity, open between meetings


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: object) -> str:
    """What a person typed, as a code: case, spaces and dashes do not matter."""
    if not isinstance(typed, str):
        return ""
    code = "".join(ch for ch in typed.upper() if ch.isalnum())
    # People type the letter O for a zero and I or L for a one; the alphabet has
    # neither digit nor those letters, so read them as what they look like.
    return code.translate(str.maketrans({"0": "O", "1": "I"}))[:32]


def check_can_join(status: SessionStatus) -> None:
    if status is not SessionStatus.RUNNING:
        raise DomainError(
            "session_ended",
            N_("This session has ended. Ask the leader for a new code."),
        )


@dataclass(frozen=True)
class Identity:
    name: str
    organisation: str
    anonymous: bool
    quote_by_name: bool = False


def check_identity(
    name: object,
    organisation: object,
    anonymous: object,
    *,
    allow_anonymous: bool,
    quote_by_name: object = False,
) -> Identity:
    """Validate what a participant gives on joining. Only a named participant
    can agree to be named under a quote."""
    if anonymous is True:
        if not allow_anonymous:
            raise DomainError(
                "anonymous_not_allowed",
                N_("This session asks for your name and organisation."),
            )
        org = text.clean(
            organisation,
            field="Organisation",
            max_length=MAX_ORGANISATION_LENGTH,
            required=False,
        )
        return Identity("", org, True)
    return Identity(
        text.clean(name, field="Name", max_length=MAX_NAME_LENGTH),
        text.clean(
            organisation,
            field="Organisation",
            max_length=MAX_ORGANISATION_LENGTH,
            required=False,
        ),
        False,
        quote_by_name is True,
    )
