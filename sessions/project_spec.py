"""A learning project as a template describes it: its organisations, meetings
and their programmes. The built-in project is read into these from a data file
(sessions/programme_file.py)."""

from dataclasses import dataclass, field
from datetime import date


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
