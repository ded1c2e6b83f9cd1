"""The shape of every Socket.IO payload, checked before anything else reads it."""

from pydantic import BaseModel, ConfigDict, Field


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Empty(Payload):
    pass


class Submit(Payload):
    activity_id: int
    client_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    # The domain checks the answer against the activity's kind.
    answer: dict


class ActivityRef(Payload):
    activity_id: int


class OpenActivity(Payload):
    activity_id: int
    timer_seconds: int | None = None


class HideResults(Payload):
    activity_id: int
    hidden: bool


class HideSubmission(Payload):
    submission_id: int
    hidden: bool


class MergeWords(Payload):
    activity_id: int
    source: str = Field(max_length=200)
    target: str = Field(max_length=200)


class UnmergeWord(Payload):
    activity_id: int
    source: str = Field(max_length=200)
