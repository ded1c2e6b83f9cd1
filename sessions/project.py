"""A learning project's own words: its member organisations' kinds, and the
catalogues its activities offer (roles, actors, areas, lesson themes).

An activity's settings may name a catalogue themselves; where they do not, the
project's fills in when the activity starts, so a project set up with its own
catalogues asks with its own words.
"""

from .catalogue import ACTORS, AREAS, LESSON_THEMES, ROLES
from .errors import N_, DomainError
from .kinds import common

ORGANISATION_KINDS = ("region", "agency", "partner")

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
        max_length=MAX_WORD,
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
