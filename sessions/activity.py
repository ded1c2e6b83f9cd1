"""An activity: one step of a meeting's programme, run within a live session.

States go draft → open → closed → revealed. A closed or revealed activity can be
opened again; revealing an open one closes it first, so answers never change
under results people are looking at.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from .errors import N_, DomainError

# A phone whose submit left just before the timer ran out still gets in.
TIMER_GRACE = timedelta(seconds=2)
MAX_TIMER_SECONDS = 60 * 60


class ActivityState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    REVEALED = "revealed"


@dataclass
class Activity:
    id: int
    kind: str
    prompt: str
    config: dict = field(default_factory=dict)
    state: ActivityState = ActivityState.DRAFT
    hide_results: bool = True
    timer_ends_at: datetime | None = None
    due_at: datetime | None = None  # homework: no answers or drafts after this
    # The leader's arrangement: alias merges, a lessons board (docs/kinds.md).
    merges: dict = field(default_factory=dict)


def open_activity(
    activity: Activity, now: datetime, timer_seconds: int | None = None
) -> None:
    if activity.state is ActivityState.OPEN:
        raise DomainError("already_open", N_("The activity is already open."))
    if timer_seconds is not None and not 0 < timer_seconds <= MAX_TIMER_SECONDS:
        raise DomainError(
            "invalid_timer",
            N_("The timer must be between 1 second and %(max)d minutes."),
            max=MAX_TIMER_SECONDS // 60,
        )
    activity.state = ActivityState.OPEN
    activity.timer_ends_at = (
        now + timedelta(seconds=timer_seconds) if timer_seconds else None
    )


def close_activity(activity: Activity) -> None:
    if activity.state is not ActivityState.OPEN:
        raise DomainError("not_open", N_("The activity is not open."))
    activity.state = ActivityState.CLOSED
    activity.timer_ends_at = None


def reveal_activity(activity: Activity) -> None:
    if activity.state is ActivityState.OPEN:
        close_activity(activity)
    if activity.state is not ActivityState.CLOSED:
        raise DomainError(
            "not_closed", N_("Only an activity that has run can be revealed.")
        )
    activity.state = ActivityState.REVEALED


def timer_expired(activity: Activity, now: datetime) -> bool:
    return (
        activity.state is ActivityState.OPEN
        and activity.timer_ends_at is not None
        and now > activity.timer_ends_at + TIMER_GRACE
    )


def past_due(activity: Activity, now: datetime) -> bool:
    return activity.due_at is not None and now > activity.due_at


def check_accepts_submissions(activity: Activity, now: datetime) -> None:
    """Answers, and homework drafts, are taken only while this passes."""
    if activity.state is not ActivityState.OPEN or timer_expired(activity, now):
        raise DomainError(
            "closed", N_("This activity is closed; answers can no longer change.")
        )
    if past_due(activity, now):
        raise DomainError(
            "past_due",
            N_("The due date has passed; answers can no longer change."),
        )


def check_due_date(due_at: datetime, now: datetime) -> None:
    """A homework's due date must lie ahead when it is set."""
    if due_at <= now:
        raise DomainError(
            "invalid_due_date", N_("Choose a due date that has not passed yet.")
        )


def results_visible(activity: Activity) -> bool:
    """Whether the projector and phones may see the results now."""
    if activity.state is ActivityState.REVEALED:
        return True
    return not activity.hide_results and activity.state is not ActivityState.DRAFT
