"""Starred quotes: the leader marks open texts for the project's documentation.

Starring is an annotation beside the outcome, so it is allowed in a running
session and in the archive alike; it never changes a frozen outcome.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from sessions.errors import N_, DomainError
from sessions.live import SessionStatus
from sessions.privacy import is_anonymous
from sessions.quotes import PARTICIPANT, check_quotable, named

from . import models, repository
from .extensions import db


def star(submission_id: int, starred: bool, session_id: int | None = None) -> int:
    """Star or unstar an answer; returns its activity's id. ``session_id``
    limits it to one session's answers (the console's)."""
    sub = db.session.get(models.Submission, submission_id)
    row = db.session.get(models.Activity, sub.activity_id) if sub else None
    if row is None or (session_id is not None and row.session_id != session_id):
        raise DomainError("unknown_submission", N_("There is no such answer."))
    check_quotable(row.kind)
    sub.starred = starred
    repository.bump_version(row.id)  # every console of the session sees it
    db.session.commit()
    return row.id


@dataclass(frozen=True)
class Quote:
    text: str
    signed: str
    meeting: str
    prompt: str
    submission_id: int


def project_quotes(project_id: int, *, archived_only: bool = False) -> list[Quote]:
    """The project's starred quotes, meeting by meeting, in the order given.
    ``archived_only`` for the documentation report: of ended sessions, and
    none the leader hid."""
    query = (
        select(
            models.Submission.id,
            models.Submission.answer,
            models.Participant.name,
            models.Participant.organisation,
            models.Participant.anonymous,
            models.Participant.quote_by_name,
            models.Activity.config,
            models.Meeting.title,
            models.Activity.prompt,
        )
        .join(models.Participant)
        .join(models.Activity, models.Submission.activity_id == models.Activity.id)
        .join(models.LiveSession, models.Activity.session_id == models.LiveSession.id)
        .join(models.Meeting)
        .where(models.Meeting.project_id == project_id, models.Submission.starred)
        .order_by(
            models.Meeting.position,
            models.LiveSession.started_at,
            models.Activity.position,
            models.Submission.id,
        )
    )
    if archived_only:
        query = query.where(
            ~models.Submission.hidden,
            models.LiveSession.status == SessionStatus.ENDED.value,
        )
    rows = db.session.execute(query).all()
    return [
        Quote(
            r.answer.get("text", ""),
            f"{r.name}, {r.organisation}".strip(", ")
            # An anonymous activity's quotes name nobody, whatever was agreed.
            if named(r.name, r.anonymous, r.quote_by_name)
            and not is_anonymous(r.config)
            else _(PARTICIPANT),
            r.title,
            r.prompt,
            r.id,
        )
        for r in rows
    ]
