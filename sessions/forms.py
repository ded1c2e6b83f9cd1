"""Reading what a leader typed into a form: lines, whole numbers, dates.

A ``FieldError`` is a DomainError that names the form field it is about, so the
page can put the message next to that field and focus it.
"""

from datetime import date

from . import text
from .errors import N_, DomainError


class FieldError(DomainError):
    """A refusal tied to one field of a form (its ``name`` attribute)."""

    # Positional only: messages take a ``field`` parameter of their own.
    def __init__(
        self, field: str, code: str, message: str, /, **params: object
    ) -> None:
        super().__init__(code, message, **params)
        self.field = field


def on_field(field: str, error: DomainError) -> FieldError:
    """``error`` tied to ``field``."""
    if isinstance(error, FieldError):
        return error
    return FieldError(field, error.code, error.message, **error.params)


def typed(value: object) -> str:
    """A form value as text: a missing field is empty."""
    return value if isinstance(value, str) else ""


def lines(value: object) -> list[str]:
    """The non-blank lines of a textarea, in order, each cleaned."""
    return [
        " ".join(line.split()) for line in typed(value).splitlines() if line.strip()
    ]


def short_text(
    value: object, name: str, *, label: str, max_length: int, required: bool = True
) -> str:
    try:
        return text.clean(
            typed(value), field=label, max_length=max_length, required=required
        )
    except DomainError as error:
        raise on_field(name, error) from None


def whole_number(
    value: object, name: str, *, label: str, least: int, most: int
) -> int | None:
    """A number field: ``None`` when left blank (the kind's default applies)."""
    written = typed(value).strip()
    if not written:
        return None
    try:
        number = int(written)
    except ValueError:
        raise FieldError(
            name, "invalid", N_("%(field)s: give a whole number."), field=label
        ) from None
    if not least <= number <= most:
        raise FieldError(
            name,
            "invalid",
            N_("%(field)s: choose a number from %(least)d to %(most)d."),
            field=label,
            least=least,
            most=most,
        )
    return number


def day(value: object, name: str) -> date | None:
    """A date field (``<input type=date>`` sends YYYY-MM-DD); blank is no date."""
    written = typed(value).strip()
    if not written:
        return None
    try:
        return date.fromisoformat(written)
    except ValueError:
        raise FieldError(
            name,
            "invalid_date",
            N_("Give the date as year-month-day, for example 2017-02-16."),
        ) from None
