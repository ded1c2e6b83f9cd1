"""The shape of a project archive, schema version 2 (docs/archive-format.md).

Pydantic models of the parsed JSON document. Every field is required (``null``
where it may be empty), unknown fields are refused, and types are strict: a
number in quotes is no number. Times are ISO 8601 strings in UTC. Objects refer
to one another by the file's own local ids, never by database ids; whether each
reference resolves is checked afterwards (sessions/archive_checks.py).
"""

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from .activity import ActivityState
from .kinds import KINDS
from .live import MAX_NAME_LENGTH, MAX_ORGANISATION_LENGTH, SessionMode, SessionStatus
from .programme import MAX_TITLE
from .project import (
    DEFAULT_CATALOGUES,
    MAX_NAME,
    MAX_ORGANISATION,
    MAX_ORGANISATIONS,
    MAX_WORD,
    ORGANISATION_KINDS,
)

FORMAT = "mellanrum-project"
SCHEMA_VERSION = 2
# Version 1 lacks each activity's "published" and "series"; it is read by
# filling them in (archive_format.upgrade_v1).
SUPPORTED_VERSIONS = (1, 2)

# Size limits: a project of 4 meetings × 2,000 participants × 10 activities is
# about 30 MB; the limits leave room for that and refuse what would exhaust
# the server's memory.
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024
MAX_MEETINGS = 200
MAX_ITEMS = 500  # per meeting
MAX_SESSIONS = 500  # per meeting
MAX_ACTIVITIES = 500  # per session
MAX_PARTICIPANTS = 20_000  # per session
MAX_SUBMISSIONS = 200_000  # per session, as many drafts
MAX_TEXT = 20_000  # a description or a prompt
MAX_INT = 2**31 - 1  # the database's integer columns
MAX_CATALOGUE_WORDS = 1000

LOCAL_ID = r"^[A-Za-z0-9_-]{1,40}$"
KEY = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def _no_nul(value: str) -> str:
    if "\x00" in value:  # PostgreSQL refuses it in a text column
        raise ValueError("must not contain the NUL character")
    return value


def _iso_string(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date or time, as a string")
    return value


def _naive_utc(value: datetime) -> datetime:
    """Stored as naive UTC (server/timeutil.py); a time without zone is UTC."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def one_of(allowed: Iterable[str]) -> Callable[[str], str]:
    choices = tuple(allowed)

    def check(value: str) -> str:
        if value not in choices:
            raise ValueError(f"should be one of: {', '.join(choices)}")
        return value

    return check


def Text(max_length: int, min_length: int = 0) -> Any:  # a type, named as one
    return Annotated[
        str,
        Field(min_length=min_length, max_length=max_length),
        AfterValidator(_no_nul),
    ]


LocalId = Annotated[str, Field(pattern=LOCAL_ID)]
Moment = Annotated[
    datetime,
    BeforeValidator(_iso_string),
    AfterValidator(_naive_utc),
    Field(strict=False),
]
Day = Annotated[date, BeforeValidator(_iso_string), Field(strict=False)]
Position = Annotated[int, Field(ge=0, le=MAX_INT)]
Json = dict[str, Any]
KindName = Annotated[str, AfterValidator(one_of(KINDS))]
Catalogue = Annotated[list[Text(MAX_WORD, 1)], Field(max_length=MAX_CATALOGUE_WORDS)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Organisation(Strict):
    name: Text(MAX_ORGANISATION, 1)
    kind: Annotated[str, AfterValidator(one_of(ORGANISATION_KINDS))]


class Item(Strict):
    """A programme item; ``origin`` is the item it was copied from."""

    id: LocalId
    position: Position
    kind: KindName
    prompt: Text(MAX_TEXT)
    config: Json
    hide_results: bool
    origin: LocalId | None


class Activity(Strict):
    """A live copy of a programme item (``item``, while that exists); ``series``
    is the item that first asked it, shared by the runs the comparison links."""

    id: LocalId
    position: Position
    item: LocalId | None
    series: LocalId | None
    published: bool
    kind: KindName
    prompt: Text(MAX_TEXT)
    config: Json
    state: Annotated[str, AfterValidator(one_of(ActivityState))]
    hide_results: bool
    due_at: Moment | None
    merges: Json
    version: Position
    final_snapshot: Json | None


class Participant(Strict):
    id: LocalId
    name: Text(MAX_NAME_LENGTH)
    organisation: Text(MAX_ORGANISATION_LENGTH)
    anonymous: bool
    quote_by_name: bool
    joined_at: Moment


class Submission(Strict):
    """An answer; ``number`` names it where a kind's data points at an answer."""

    number: Annotated[int, Field(ge=1, le=MAX_INT)]
    activity: LocalId
    participant: LocalId
    answer: Json
    hidden: bool
    starred: bool
    created_at: Moment
    updated_at: Moment


class Draft(Strict):
    activity: LocalId
    participant: LocalId
    answer: Json
    updated_at: Moment


class Session(Strict):
    status: Annotated[str, AfterValidator(one_of(SessionStatus))]
    mode: Annotated[str, AfterValidator(one_of(SessionMode))]
    allow_anonymous: bool
    started_at: Moment
    ended_at: Moment | None
    current_activity: LocalId | None
    activities: Annotated[list[Activity], Field(max_length=MAX_ACTIVITIES)]
    participants: Annotated[list[Participant], Field(max_length=MAX_PARTICIPANTS)]
    submissions: Annotated[list[Submission], Field(max_length=MAX_SUBMISSIONS)]
    drafts: Annotated[list[Draft], Field(max_length=MAX_SUBMISSIONS)]


class Meeting(Strict):
    position: Position
    title: Text(MAX_TITLE, 1)
    held_on: Day | None
    place: Text(MAX_TITLE)
    items: Annotated[list[Item], Field(max_length=MAX_ITEMS)]
    sessions: Annotated[list[Session], Field(max_length=MAX_SESSIONS)]


class Project(Strict):
    key: Annotated[str, Field(pattern=KEY)]
    name: Text(MAX_NAME, 1)
    description: Text(MAX_TEXT)
    created_at: Moment
    catalogues: dict[
        Annotated[str, AfterValidator(one_of(DEFAULT_CATALOGUES))], Catalogue
    ]
    organisations: Annotated[list[Organisation], Field(max_length=MAX_ORGANISATIONS)]
    meetings: Annotated[list[Meeting], Field(max_length=MAX_MEETINGS)]


class Archive(Strict):
    format: Literal["mellanrum-project"]
    schema_version: Literal[2]
    exported_at: Moment
    project: Project
