"""The shape of every Socket.IO payload, checked before anything else reads it."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Ids fit the database's integer columns; anything else is no id of ours.
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Empty(Payload):
    pass


class Submit(Payload):
    activity_id: Id
    client_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    # The domain checks the answer against the activity's kind.
    answer: dict


class ActivityRef(Payload):
    activity_id: Id


class OpenActivity(Payload):
    activity_id: Id
    timer_seconds: Annotated[int, Field(ge=-(2**31), le=2**31 - 1)] | None = None


class HideResults(Payload):
    activity_id: Id
    hidden: bool


class HideSubmission(Payload):
    submission_id: Id
    hidden: bool


# What a merge maps: roles everywhere; actors and areas in homework.
MergeField = Literal["role", "actor", "area"]


class MergeWords(Payload):
    activity_id: Id
    source: str = Field(max_length=200)
    target: str = Field(max_length=200)
    field: MergeField = "role"


class UnmergeWord(Payload):
    activity_id: Id
    source: str = Field(max_length=200)
    field: MergeField = "role"


class StarSubmission(Payload):
    submission_id: Id
    starred: bool


class SaveDraft(Payload):
    activity_id: Id
    # Checked for size only: a draft may be incomplete (sessions/homework.py).
    answer: dict


# The lessons board (docs/kinds.md): one change per event, named by "action".
ThemeKey = Annotated[str, Field(min_length=1, max_length=16)]


class AddTheme(Payload):
    action: Literal["add_theme"]
    name: str = Field(max_length=200)


class RenameTheme(Payload):
    action: Literal["rename_theme"]
    theme: ThemeKey
    name: str = Field(max_length=200)


class MergeThemes(Payload):
    action: Literal["merge_themes"]
    source: ThemeKey
    target: ThemeKey


class PlaceLesson(Payload):
    action: Literal["place_lesson"]
    lesson: str = Field(max_length=40)  # "<submission id>.<lesson id>"
    theme: ThemeKey | None  # None: back among the unplaced


class StartVoting(Payload):
    action: Literal["start_voting"]
    # The domain says which numbers are allowed.
    dots: Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]


class Reopen(Payload):
    action: Literal["reopen_collecting"]


class EditLessonsBoard(Payload):
    activity_id: Id
    change: Annotated[
        AddTheme | RenameTheme | MergeThemes | PlaceLesson | StartVoting | Reopen,
        Field(discriminator="action"),
    ]
