"""Errors the domain raises when input breaks a rule.

Messages are English msgids, marked with ``N_`` so Babel extracts them; the server
translates them at the edge, where it knows the user's language.
"""


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


class DomainError(Exception):
    """A rule was broken. ``code`` is stable for programs, ``message`` is for people."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.params = params

    def __repr__(self) -> str:
        return f"DomainError({self.code!r})"


# Field names the domain puts into its messages, marked here for extraction.
FIELD_NAMES = (
    N_("Role"),
    N_("Name"),
    N_("Organisation"),
    N_("Actor"),
    N_("Kind of actor"),
    N_("Quote"),
    N_("Region"),
    N_("Area"),
    N_("Size label"),
    N_("Relation type"),
    N_("Option"),
    N_("Scale label"),
    N_("Answer"),
)
