"""A participant's answer to one activity, as the aggregation sees it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Submission:
    participant_id: int
    organisation: str
    answer: dict
    hidden: bool = False
    id: int | None = None  # the stored row's, so a result can point at its answer
