"""The leader's controls over a running session. Each call is one transaction."""

from sqlalchemy import select

from sessions import activity as domain
from sessions.errors import N_, DomainError
from sessions.kinds import get_kind
from sessions.live import SessionMode, SessionStatus

from . import models, repository
from .extensions import db
from .freeze import freeze
from .timeutil import utcnow


def _activity(live: models.LiveSession, activity_id: int) -> models.Activity:
    if live.status != SessionStatus.RUNNING:
        raise DomainError(
            "session_ended", N_("This session has ended; its archive is read-only.")
        )
    row = db.session.get(models.Activity, activity_id, with_for_update=True)
    if row is None or row.session_id != live.id:
        raise DomainError("unknown_activity", N_("There is no such activity."))
    return row


def open_activity(
    live: models.LiveSession, activity_id: int, timer_seconds: int | None
) -> models.Activity:
    row = _activity(live, activity_id)
    # One activity is open at a time: opening the next closes the one before.
    for other in live.activities:
        if other.id != row.id and other.state == domain.ActivityState.OPEN:
            _close(other)
    act = repository.to_activity(row)
    domain.open_activity(act, utcnow(), timer_seconds)
    repository.store_activity(row, act)
    live.current_activity_id = row.id
    db.session.commit()
    return row


def _close(row: models.Activity) -> None:
    act = repository.to_activity(row)
    domain.close_activity(act)
    repository.store_activity(row, act)
    db.session.flush()
    db.session.refresh(row)
    freeze(row)


def close_activity(live: models.LiveSession, activity_id: int) -> models.Activity:
    row = _activity(live, activity_id)
    _close(row)
    db.session.commit()
    return row


def reveal_activity(live: models.LiveSession, activity_id: int) -> models.Activity:
    row = _activity(live, activity_id)
    act = repository.to_activity(row)
    was_open = act.state is domain.ActivityState.OPEN
    domain.reveal_activity(act)
    repository.store_activity(row, act)
    live.current_activity_id = row.id
    db.session.flush()
    db.session.refresh(row)
    if was_open:
        freeze(row)
    db.session.commit()
    return row


def set_hide_results(
    live: models.LiveSession, activity_id: int, hidden: bool
) -> models.Activity:
    row = _activity(live, activity_id)
    row.hide_results = hidden
    repository.bump_version(row.id)
    db.session.commit()
    return row


def hide_submission(
    live: models.LiveSession, submission_id: int, hidden: bool
) -> models.Submission:
    sub = db.session.get(models.Submission, submission_id)
    if sub is None:
        raise DomainError("unknown_submission", N_("There is no such answer."))
    _activity(live, sub.activity_id)
    sub.hidden = hidden
    repository.bump_version(sub.activity_id)
    db.session.commit()
    return sub


def _mergeable(live: models.LiveSession, activity_id: int) -> models.Activity:
    """An activity of the session, or the homework it shows while that homework
    is still open: its aliases are merged where everyone looks at them."""
    if activity_id != live.current_activity_id or live.status != SessionStatus.RUNNING:
        return _activity(live, activity_id)
    row = db.session.get(models.Activity, activity_id, with_for_update=True)
    if row is not None and row.session_id != live.id:
        source = row.live_session
        if (
            source.mode == SessionMode.HOMEWORK
            and source.status == SessionStatus.RUNNING
        ):
            return row
    return _activity(live, activity_id)


def merge_words(
    live: models.LiveSession,
    activity_id: int,
    source: object,
    target: object,
    field: str = "role",
) -> models.Activity:
    row = _mergeable(live, activity_id)
    kind = get_kind(row.kind)
    if kind.merge is None:
        raise DomainError("invalid", N_("Answers of this kind cannot be merged."))
    row.merges = kind.merge(dict(row.merges or {}), source, target, field)
    repository.bump_version(row.id)
    db.session.commit()
    return row


def unmerge_word(
    live: models.LiveSession, activity_id: int, source: object, field: str = "role"
) -> models.Activity:
    row = _mergeable(live, activity_id)
    kind = get_kind(row.kind)
    if kind.unmerge is None:
        raise DomainError("invalid", N_("Answers of this kind cannot be merged."))
    row.merges = kind.unmerge(dict(row.merges or {}), source, field)
    repository.bump_version(row.id)
    db.session.commit()
    return row


def close_expired_timers() -> list[models.Activity]:
    """Close every open activity whose countdown has run out; return them."""
    now = utcnow()
    # With several workers each ticks; a row another worker is closing is
    # skipped rather than closed twice.
    query = (
        select(models.Activity)
        .where(
            models.Activity.state == domain.ActivityState.OPEN.value,
            models.Activity.timer_ends_at.is_not(None),
            models.Activity.timer_ends_at < now - domain.TIMER_GRACE,
        )
        .with_for_update(skip_locked=True)
    )
    closed = []
    for row in db.session.scalars(query).all():
        _close(row)
        closed.append(row)
    db.session.commit()
    return closed
