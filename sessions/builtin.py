"""The built-in learning project, *Integration – regionernas roll*, as plain data.

Dates and places are not in the seed; they are plausible stand-ins a leader edits.
Lessons and next steps join Träff 4 when those kinds arrive.
"""

from dataclasses import dataclass, field
from datetime import date

from .catalogue import ACTORS, AREAS, MEMBER_ORGANISATIONS, ROLES


@dataclass(frozen=True)
class ItemSpec:
    kind: str
    prompt: str
    config: dict = field(default_factory=dict)
    hide_results: bool = True
    # Items with the same origin name are one question asked again: the
    # copies link to the first (see server/seed.add_meetings).
    origin: str = ""


@dataclass(frozen=True)
class MeetingSpec:
    title: str
    date: date
    place: str
    items: tuple[ItemSpec, ...]


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    kind: str = "region"  # sessions.project.ORGANISATION_KINDS


@dataclass(frozen=True)
class ProjectSpec:
    name: str
    description: str
    organisations: tuple[OrganisationSpec, ...]
    meetings: tuple[MeetingSpec, ...]
    # Catalogue name (roles, actors, areas, themes) → words; missing: built-in.
    catalogues: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _roles(prompt: str) -> ItemSpec:
    return ItemSpec(
        "roles", prompt, {"catalogue": list(ROLES), "allow_own": True}, origin="roles"
    )


# Homework is assigned at the meeting that holds it and answered before the next.
OTHERS_VIEW = ItemSpec(
    "others_view",
    "Andras ögon på regionens roll: fråga aktörer i ditt län hur de ser på "
    "regionens roll i integrationsarbetet.",
    {"actor_catalogue": list(ACTORS), "role_catalogue": list(ROLES)},
    hide_results=False,
)
ACTOR_MAP = ItemSpec(
    "actor_map",
    "Kartlägg aktörernas roller, ansvar och gränsytor i din region.",
    {"actor_catalogue": list(ACTORS), "area_catalogue": list(AREAS)},
    hide_results=False,
)

MANDATE = ItemSpec(
    "scale",
    "Hur tydligt är din regions mandat i integrationsarbetet?",
    {"min": 1, "max": 5, "labels": {"1": "Otydligt", "5": "Mycket tydligt"}},
)
HOW_WE_WORK = ItemSpec(
    "text",
    "Så här gör vi: hur arbetar din region med integration i dag?",
    {"max_length": 280, "display": "list"},
    hide_results=False,
)
EVALUATION = (
    ItemSpec(
        "scale",
        "Hur värdefullt har lärprojektet varit för dig och din organisation?",
        {"min": 1, "max": 5, "labels": {"1": "Inte alls", "5": "Mycket"}},
    ),
    ItemSpec(
        "text",
        "Vad tar du med dig från lärprojektet?",
        {"max_length": 280, "display": "cloud"},
        hide_results=False,
    ),
    ItemSpec(
        "choice",
        "Vill du vara med i ett nytt lärprojekt?",
        {"options": ["Ja", "Kanske", "Nej"], "multiple": False},
    ),
)

INTEGRATION = ProjectSpec(
    name="Integration – regionernas roll",
    description=(
        "Reglabs lärprojekt 2016–17: vilken roll har regionerna i integrationsarbetet?"
    ),
    organisations=tuple(
        OrganisationSpec(
            n,
            {"Vinnova": "agency", "Tillväxtverket": "agency", "SKL": "partner"}.get(
                n, "region"
            ),
        )
        for n in MEMBER_ORGANISATIONS
    ),
    meetings=(
        MeetingSpec(
            "Träff 1",
            date(2016, 10, 13),
            "Linköping",
            (
                _roles("Vem är du? Vilka roller tar du i integrationsarbetet?"),
                MANDATE,
                OTHERS_VIEW,
            ),
        ),
        MeetingSpec("Träff 2", date(2016, 12, 8), "Halmstad", (HOW_WE_WORK, ACTOR_MAP)),
        MeetingSpec(
            "Träff 3",
            date(2017, 2, 16),
            "Uppsala",
            (_roles("Vem är du nu? Vilka roller tar du i integrationsarbetet?"),),
        ),
        MeetingSpec(
            "Träff 4",
            date(2017, 4, 27),
            "Malmö",
            (
                _roles("Vem är du i dag? Vilka roller tar du efter lärprojektet?"),
                *EVALUATION,
            ),
        ),
    ),
)
