"""Cleaning of short texts people type on phones."""

import unicodedata

from .errors import N_, DomainError

UNTYPED = {"Cc", "Cs"}


def clean(text: object, *, field: str, max_length: int, required: bool = True) -> str:
    """Return ``text`` in NFC with runs of white space folded to one space.

    Raises a DomainError naming ``field`` when it is not a string, is empty while
    required, or is longer than ``max_length`` characters.
    """
    if text is None and not required:
        return ""
    if not isinstance(text, str):
        raise DomainError("invalid", N_("%(field)s must be text."), field=field)
    # Control characters (NUL and the like) and lone surrogates are no text
    # anyone typed, and databases cannot store them.
    printable = "".join(
        ch if unicodedata.category(ch) not in UNTYPED or ch.isspace() else " "
        for ch in unicodedata.normalize("NFC", text)
    )
    folded = " ".join(printable.split())
    if required and not folded:
        raise DomainError("required", N_("%(field)s is required."), field=field)
    if len(folded) > max_length:
        raise DomainError(
            "too_long",
            N_("%(field)s is too long: at most %(max)d characters."),
            field=field,
            max=max_length,
        )
    return folded


def key(text: str) -> str:
    """The form two words are compared in: "Samordnare" and "samordnare " are one."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()
