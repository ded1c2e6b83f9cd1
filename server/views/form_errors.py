"""Refusals shown on a page's form: next to the field they are about (a
``FieldError`` names it), or above the form."""

from collections.abc import Container

from sessions.errors import DomainError

from ..i18n import translate

FORM = "form"  # the key of a refusal about the form as a whole


def errors_for(error: DomainError, fields: Container[str]) -> dict[str, str]:
    """``{field: message}``, with the form's own key when no shown field is meant."""
    field = getattr(error, "field", None)
    return {field if field in fields else FORM: translate(error)}
