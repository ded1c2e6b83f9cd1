"""Reads a learning project's programme from a TOML file (docs/programme-file.md).

The built-in project, *Integration – regionernas roll*, is such a file; a leader
may start a project from it as a template. Every activity's settings are checked
by its kind when the file is read, so a broken file fails at start-up, naming
the meeting and activity, rather than when a session starts in the room.
"""

import tomllib
from datetime import date
from pathlib import Path

from .errors import DomainError
from .kinds import get_kind
from .project import (
    DEFAULT_CATALOGUES,
    ORGANISATION_KINDS,
    check_catalogue,
    with_catalogues,
)
from .project_spec import ItemSpec, MeetingSpec, OrganisationSpec, ProjectSpec

BUILTIN = Path(__file__).with_name("programmes") / "integration.toml"


class ProgrammeFileError(ValueError):
    """The file breaks the format; the message says where."""


def load(path: Path) -> ProjectSpec:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ProgrammeFileError(f"{path.name}: {error}") from error
    return parse(data, where=path.name)


def parse(data: dict, *, where: str = "programme") -> ProjectSpec:
    _keys(
        data, {"name", "description", "organisations", "catalogues", "meetings"}, where
    )
    catalogues = _catalogues(data.get("catalogues", {}), where)
    return ProjectSpec(
        name=_text(data, "name", where),
        description=_text(data, "description", where, required=False),
        organisations=tuple(
            _organisation(entry, f"{where}: organisations[{i}]")
            for i, entry in enumerate(_list(data, "organisations", where))
        ),
        meetings=tuple(
            _meeting(entry, f"{where}: meetings[{i}]", catalogues)
            for i, entry in enumerate(_list(data, "meetings", where))
        ),
        catalogues=catalogues,
    )


def _catalogues(value: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ProgrammeFileError(f"{where}: catalogues must be a table")
    _keys(value, set(DEFAULT_CATALOGUES), f"{where}: catalogues")
    found = {}
    for name, words in value.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ProgrammeFileError(f"{where}: catalogues.{name} must list words")
        try:
            # As the project's settings page would take them.
            found[name] = tuple(check_catalogue(name, words))
        except DomainError as error:
            raise ProgrammeFileError(
                f"{where}: catalogues.{name}: {_detail(error)}"
            ) from error
    return found


def _organisation(entry: object, where: str) -> OrganisationSpec:
    if not isinstance(entry, dict):
        raise ProgrammeFileError(f"{where}: must be a table")
    _keys(entry, {"name", "kind"}, where)
    kind = entry.get("kind", "region")
    if kind not in ORGANISATION_KINDS:
        raise ProgrammeFileError(
            f"{where}: kind must be one of {', '.join(ORGANISATION_KINDS)}"
        )
    return OrganisationSpec(_text(entry, "name", where), kind)


def _meeting(entry: object, where: str, catalogues: dict) -> MeetingSpec:
    if not isinstance(entry, dict):
        raise ProgrammeFileError(f"{where}: must be a table")
    _keys(entry, {"title", "date", "place", "activities"}, where)
    held_on = entry.get("date")
    if not isinstance(held_on, date):
        raise ProgrammeFileError(f"{where}: date must be a date, like 2016-10-13")
    title = _text(entry, "title", where)
    return MeetingSpec(
        title,
        held_on,
        _text(entry, "place", where, required=False),
        tuple(
            _item(item, f"{where} ({title}): activities[{i}]", catalogues)
            for i, item in enumerate(_list(entry, "activities", where))
        ),
    )


def _item(entry: object, where: str, catalogues: dict) -> ItemSpec:
    if not isinstance(entry, dict):
        raise ProgrammeFileError(f"{where}: must be a table")
    _keys(entry, {"kind", "prompt", "config", "hide_results", "origin"}, where)
    kind = _text(entry, "kind", where)
    config = entry.get("config", {})
    hide_results = entry.get("hide_results", True)
    if not isinstance(config, dict):
        raise ProgrammeFileError(f"{where}: config must be a table")
    if not isinstance(hide_results, bool):
        raise ProgrammeFileError(f"{where}: hide_results must be true or false")
    try:
        # As a session would start it: with the project's catalogues filled in.
        get_kind(kind).validate_config(with_catalogues(kind, config, catalogues))
    except DomainError as error:
        raise ProgrammeFileError(f"{where}: {_detail(error)}") from error
    return ItemSpec(
        kind,
        _text(entry, "prompt", where),
        config,
        hide_results,
        origin=_text(entry, "origin", where, required=False),
    )


def _detail(error: DomainError) -> str:
    return error.message % error.params if error.params else error.message


def _keys(table: dict, allowed: set[str], where: str) -> None:
    # A misspelt key would otherwise be dropped without a word.
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ProgrammeFileError(f"{where}: unknown key {', '.join(unknown)}")


def _text(table: dict, key: str, where: str, *, required: bool = True) -> str:
    value = table.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ProgrammeFileError(f"{where}: {key} must be a text")
    return value.strip()


def _list(table: dict, key: str, where: str) -> list:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise ProgrammeFileError(f"{where}: {key} must be a list")
    return value
