"""The JSON archive of a whole project: reading and checking a file before the
server imports it (docs/archive-format.md).

``read`` takes the file's bytes and gives the checked archive, or raises an
``ArchiveError`` whose ``problems`` say where the file is wrong: malformed or
truncated JSON, no archive at all, a schema version this code does not read,
a field of the wrong type or size, a reference to an object the file does not
hold. The shape is in sessions/archive_schema.py, the references in
sessions/archive_checks.py.
"""

import json
import math
import uuid
from datetime import datetime

from pydantic import ValidationError

from .archive_checks import MISSING, Problem, check_references
from .archive_schema import (
    FORMAT,
    MAX_ARCHIVE_BYTES,
    SCHEMA_VERSION,
    SUPPORTED_VERSIONS,
    Archive,
)
from .errors import N_, DomainError

__all__ = [
    "FORMAT",
    "SCHEMA_VERSION",
    "Archive",
    "ArchiveError",
    "Problem",
    "moment",
    "parse",
    "project_key",
    "read",
    "too_large",
    "validate",
]

MAX_PROBLEMS = 20  # listed; the count says how many more there are
# A fixed namespace: the same project gives the same key on every instance.
KEY_NAMESPACE = uuid.UUID("6d656c6c-616e-5275-8d2d-70726f6a6563")


class ArchiveError(DomainError):
    """The file cannot be imported. ``problems`` (at most MAX_PROBLEMS) name
    the places; ``more`` counts the ones left out."""

    def __init__(
        self,
        code: str,
        message: str,
        problems: list[Problem] | None = None,
        **params: object,
    ) -> None:
        super().__init__(code, message, **params)
        everything = problems or []
        self.problems = everything[:MAX_PROBLEMS]
        self.more = len(everything) - len(self.problems)

    def __str__(self) -> str:
        lines = [self.message % self.params if self.params else self.message]
        lines += [f"  {problem}" for problem in self.problems]
        if self.more:
            lines.append(f"  … {self.more} more")
        return "\n".join(lines)


def project_key(name: str, created_at: datetime) -> str:
    """The project's identity across instances: a hash of its name and the
    moment it was created, computed from the row and stored nowhere."""
    return str(uuid.uuid5(KEY_NAMESPACE, f"{name}\n{moment(created_at)}"))


def moment(value: datetime | None) -> str | None:
    """A stored (naive UTC) time as the archive writes it, to the microsecond."""
    if value is None:
        return None
    return value.isoformat(timespec="microseconds") + "Z"


def _refuse_constant(name: str) -> None:
    raise ValueError(name)


def _finite(text: str) -> float:
    """A number, but never one too large for a float (it would be Infinity,
    which a JSON column refuses)."""
    value = float(text)
    if math.isinf(value):
        raise ValueError(text)
    return value


def too_large() -> ArchiveError:
    return ArchiveError(
        "too_large",
        N_("The file is larger than %(max)d MB, the most an archive may be."),
        max=MAX_ARCHIVE_BYTES // (1024 * 1024),
    )


def parse(raw: bytes) -> object:
    """The JSON document in ``raw``, or an ArchiveError saying why not."""
    if len(raw) > MAX_ARCHIVE_BYTES:
        raise too_large()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArchiveError(
            "malformed", N_("The file is not JSON: it is not UTF-8 text.")
        ) from None
    if not text.strip():
        raise ArchiveError("malformed", N_("The file is empty."))
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        where = {"line": error.lineno, "column": error.colno}
        ends_early = error.pos >= len(text.rstrip()) or error.msg.startswith(
            "Unterminated string"
        )
        if ends_early:
            raise ArchiveError(
                "truncated",
                N_(
                    "The file ends in the middle of the archive (line %(line)d): "
                    "it was cut off. Export it again."
                ),
                **where,
            ) from None
        raise ArchiveError(
            "malformed",
            N_(
                "The file is not valid JSON: %(detail)s at line %(line)d, "
                "column %(column)d."
            ),
            detail=error.msg,
            **where,
        ) from None
    except (ValueError, RecursionError):  # NaN, Infinity, 1e999; too deep
        raise ArchiveError("malformed", N_("The file is not valid JSON.")) from None


def _path(location: tuple) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else part
    return path or "(the document)"


def validate(document: object) -> Archive:
    """The checked archive in a parsed JSON ``document``."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ArchiveError(
            "not_an_archive",
            N_(
                "This is not a Mellanrum project archive: its “format” is not "
                "“%(format)s”."
            ),
            format=FORMAT,
        )
    version = document.get("schema_version")
    if version is None:
        raise ArchiveError(
            "unknown_version", N_("The archive does not say its schema version.")
        )
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        raise ArchiveError(
            "unknown_version",
            N_(
                "The archive's schema version is %(version)s; this Mellanrum "
                "reads version %(supported)s. Import it into a Mellanrum that "
                "reads its version, or export it again."
            ),
            version=json.dumps(version),
            supported=", ".join(str(v) for v in SUPPORTED_VERSIONS),
        )
    if version == 1:
        document = upgrade_v1(document)
    try:
        archive = Archive.model_validate(document)
    except ValidationError as error:
        raise ArchiveError(
            "invalid",
            N_("The archive does not have the expected shape."),
            [Problem(_path(e["loc"]), e["msg"]) for e in error.errors()],
        ) from None
    problems = check_references(archive.project)
    if problems:
        missing = any(p.code == MISSING for p in problems)
        raise ArchiveError(
            MISSING if missing else "invalid",
            N_("The archive refers to objects it does not hold.")
            if missing
            else N_("The archive's objects do not fit together."),
            problems,
        )
    return archive


def upgrade_v1(document: dict) -> dict:
    """A version 1 document as version 2: nothing was published, and each run
    joins the series of its item (the item's origin, or the item itself). A
    part of the wrong shape is left for validation to name."""
    upgraded = {**document, "schema_version": 2}
    try:
        meetings = document["project"]["meetings"]
        origins = {
            item["id"]: item.get("origin") or item["id"]
            for meeting in meetings
            for item in meeting["items"]
        }
        upgraded["project"] = {
            **document["project"],
            "meetings": [
                {
                    **meeting,
                    "sessions": [
                        {
                            **session,
                            "activities": [
                                {
                                    **act,
                                    "published": False,
                                    "series": origins.get(act.get("item")),
                                }
                                for act in session["activities"]
                            ],
                        }
                        for session in meeting["sessions"]
                    ],
                }
                for meeting in meetings
            ],
        }
    except (KeyError, TypeError, AttributeError):
        return {**document, "schema_version": 2}
    return upgraded


def read(raw: bytes) -> Archive:
    """Parse and check an archive file's bytes (see ``parse`` and ``validate``)."""
    return validate(parse(raw))
