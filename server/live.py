"""Starting, joining and ending live sessions. Each function is one transaction."""

import secrets

from sqlalchemy.exc import IntegrityError

from sessions.activity import ActivityState, check_accepts_submissions
from sessions.errors import N_, DomainError
from sessions.homework import HOMEWORK_KINDS
from sessions.live import (
    SessionMode,
    SessionStatus,
    check_can_join,
    check_identity,
    new_join_code,
    normalise_join_code,
)

from . import models, repository
from .activity_setup import activity_config
from .extensions import db
from .freeze import freeze
from .timeutil import utcnow


def start_session(
    meeting: models.Meeting, *, allow_anonymous: bool
) -> models.LiveSession:
    """Start a live run of ``meeting``, copying its programme into activities."""
    for _attempt in range(5):
        live = models.LiveSession(
            meeting=meeting,
            join_code=new_join_code(),
            projector_token=secrets.token_urlsafe(24),
            allow_anonymous=allow_anonymous,
        )
        db.session.add(live)
        for item in meeting.items:
            if item.kind in HOMEWORK_KINDS:
                continue  # assigned from the console, answered between meetings
            live.activities.append(
                models.Activity(
                    position=item.position,
                    item_id=item.id,
                    series_id=item.series_id,
                    kind=item.kind,
                    prompt=item.prompt,
                    config=activity_config(item),
                    hide_results=item.hide_results,
                    merges={},
                )
            )
        try:
            db.session.commit()
            return live
        except IntegrityError:  # a join code already taken: draw again
            db.session.rollback()
    raise RuntimeError("could not draw a free join code")


def find_session(typed_code: object) -> models.LiveSession:
    code = normalise_join_code(typed_code)
    live = repository.session_by_code(code) if code else None
    if live is None:
        raise DomainError(
            "unknown_code",
            N_("There is no session with that code. Check the code on the screen."),
        )
    return live


def join(
    typed_code: object,
    name: object,
    organisation: object,
    anonymous: object,
    quote_by_name: object = False,
) -> models.Participant:
    live = find_session(typed_code)
    check_can_join(SessionStatus(live.status))
    # A homework past its due date would refuse every answer: say so now.
    if live.mode == SessionMode.HOMEWORK:
        check_accepts_submissions(repository.to_activity(live.activities[0]), utcnow())
    identity = check_identity(
        name,
        organisation,
        anonymous,
        allow_anonymous=live.allow_anonymous,
        quote_by_name=quote_by_name,
    )
    participant = models.Participant(
        session_id=live.id,
        name=identity.name,
        organisation=identity.organisation,
        anonymous=identity.anonymous,
        quote_by_name=identity.quote_by_name,
    )
    db.session.add(participant)
    db.session.commit()
    return participant


def end_session(live: models.LiveSession) -> None:
    """Close what is open, freeze every outcome and make the session read-only."""
    if live.status != SessionStatus.RUNNING:
        raise DomainError("session_ended", N_("This session has already ended."))
    for row in live.activities:
        if row.state == ActivityState.OPEN:
            row.state = ActivityState.CLOSED.value
            row.timer_ends_at = None
            repository.bump_version(row.id)
    db.session.flush()
    for row in live.activities:
        db.session.refresh(row)
        if row.state != ActivityState.DRAFT:
            freeze(row)
    live.status = SessionStatus.ENDED.value
    live.ended_at = utcnow()
    db.session.commit()
