"""A learning project's own words: its member organisations' kinds, and the
catalogues its activities offer (roles, actors, areas, lesson themes).

An activity's settings may name a catalogue themselves; where they do not, the
project's fills in when the activity starts, so a project set up with its own
catalogues asks with its own words.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from . import forms, text
from .catalogue import ACTORS, AREAS, LESSON_THEMES, ROLES
from .errors import N_, DomainError
from .forms import FieldError
from .kinds import common, others_view, roles

ORGANISATION_KINDS = ("region", "agency", "partner")
ORGANISATION_KIND_LABELS = {
    "region": N_("Region"),
    "agency": N_("Agency"),
    "partner": N_("Partner"),
}
MAX_NAME = 200  # models.Project.name
MAX_THEME = 1000
MAX_ORGANISATION = 120  # models.Organisation.name, as long as a participant's
MAX_ORGANISATIONS = 200

# The built-in catalogues, for a project that has not set its own.
DEFAULT_CATALOGUES: dict[str, tuple[str, ...]] = {
    "roles": ROLES,
    "actors": ACTORS,
    "areas": AREAS,
    "themes": LESSON_THEMES,
}
CATALOGUE_FIELDS = {
    "roles": N_("Roles"),
    "actors": N_("Actors"),
    "areas": N_("Areas"),
    "themes": N_("Lesson themes"),
}
MAX_WORD = 120
# The kinds that take a catalogue keep its words shorter: a role or a kind of
# actor is a chip on a phone.
MAX_WORDS: dict[str, int] = {
    "roles": roles.MAX_ROLE_LENGTH,
    "actors": others_view.MAX_WORD_LENGTH,
}

# Which setting of which kind takes which catalogue.
CATALOGUE_SETTINGS: dict[str, dict[str, str]] = {
    "roles": {"catalogue": "roles"},
    "others_view": {"actor_catalogue": "actors", "role_catalogue": "roles"},
    "actor_map": {"actor_catalogue": "actors", "area_catalogue": "areas"},
    "lessons": {"themes": "themes"},
}


def check_organisation_kind(kind: object) -> str:
    if kind not in ORGANISATION_KINDS:
        raise DomainError(
            "invalid",
            N_("Choose whether the organisation is a region, an agency or a partner."),
        )
    return str(kind)


def catalogues(stored: dict | None) -> dict[str, list[str]]:
    """The project's catalogues, the built-in ones where it has set none."""
    stored = stored or {}
    return {
        name: list(stored.get(name) or default)
        for name, default in DEFAULT_CATALOGUES.items()
    }


def check_catalogue(name: str, words: object) -> list[str]:
    """A catalogue as the leader typed it: cleaned, no word twice, not empty."""
    if name not in DEFAULT_CATALOGUES:
        raise DomainError("invalid", N_("There is no such catalogue."))
    return common.word_list(
        {name: words},
        name,
        (),
        field=CATALOGUE_FIELDS[name],
        max_length=MAX_WORDS.get(name, MAX_WORD),
        least=1,
    )


def with_catalogues(kind: str, config: dict, project_catalogues: dict) -> dict:
    """``config`` with the project's catalogues in the settings it leaves out."""
    filled = dict(config)
    words = catalogues(project_catalogues)
    for setting, name in CATALOGUE_SETTINGS.get(kind, {}).items():
        if setting not in filled:
            filled[setting] = list(words[name])
    return filled


def check_catalogues(typed: Mapping[str, object]) -> dict[str, list[str]]:
    """Every catalogue from its textarea, one word per line."""
    checked = {}
    for name in DEFAULT_CATALOGUES:
        try:
            checked[name] = check_catalogue(name, forms.lines(typed.get(name)))
        except DomainError as error:
            raise forms.on_field(name, error) from None
    return checked


@dataclass(frozen=True)
class ProjectFields:
    name: str
    theme: str  # stored as the project's description


def check_project(name: object, theme: object) -> ProjectFields:
    return ProjectFields(
        forms.short_text(name, "name", label=N_("Name"), max_length=MAX_NAME),
        forms.short_text(
            theme, "theme", label=N_("Theme"), max_length=MAX_THEME, required=False
        ),
    )


@dataclass(frozen=True)
class OrganisationRow:
    """One row of the organisations form: ``id`` is None for a new one."""

    id: int | None
    name: str
    kind: str
    remove: bool = False


def organisation_field(index: int, part: str) -> str:
    """The form field of row ``index``: id, name, kind or remove."""
    return f"org-{index}-{part}"


def check_organisations(rows: list[OrganisationRow]) -> list[OrganisationRow]:
    """The organisations to keep, cleaned: rows marked for removal and blank new
    rows are left out; no name twice (case and spacing ignored)."""
    kept: list[OrganisationRow] = []
    seen: dict[str, str] = {}  # key → the first spelling
    for index, row in enumerate(rows):
        if row.remove or (row.id is None and not row.name.strip()):
            continue
        field = organisation_field(index, "name")
        name = forms.short_text(
            row.name, field, label=N_("Organisation"), max_length=MAX_ORGANISATION
        )
        try:
            kind = check_organisation_kind(row.kind)
        except DomainError as error:
            raise forms.on_field(organisation_field(index, "kind"), error) from None
        if text.key(name) in seen:
            raise FieldError(
                field,
                "duplicate",
                N_("%(name)s is among the organisations twice. Keep it once."),
                name=seen[text.key(name)],
            )
        seen[text.key(name)] = name
        kept.append(OrganisationRow(row.id, name, kind))
    if len(kept) > MAX_ORGANISATIONS:
        raise DomainError(
            "too_many",
            N_("A project has at most %(max)d member organisations."),
            max=MAX_ORGANISATIONS,
        )
    return kept
