"""Steps 3 and 4 of the path a submission takes (see docs/architecture.md): the
domain validates each answer, and one transaction commits it, idempotent on the
client's id. Answers that arrive together are committed together (one fsync for
the group): ``Committer`` gathers them. The handler in events/participant.py
does the rest."""

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Row
from sqlalchemy.exc import IntegrityError

from sessions.activity import check_accepts_submissions
from sessions.errors import N_, DomainError
from sessions.kinds import SubmitContext, get_kind

from . import repository
from . import submit_store as store
from .database import UNAVAILABLE, invalidate_session
from .extensions import db, socketio
from .present import submission_view
from .timeutil import utcnow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Accepted:
    submission: dict  # as the protocol sends it (present.submission_view)
    duplicate: bool  # True when this client id had been applied before


@dataclass
class Answer:
    """One participant's submit, waiting for its group's commit."""

    participant_id: int  # the participant's session is ``session_id``
    session_id: int
    activity_id: int
    client_id: str
    answer: object
    outcome: Accepted | Exception | None = None


def submit(
    participant_id: int,
    session_id: int,
    activity_id: int,
    client_id: str,
    answer: object,
) -> Accepted:
    """Commit a participant's answer (with any arriving at the same time) and
    return once it is durable; a refusal raises the DomainError."""
    committer: Committer = current_app.extensions["mellanrum.committer"]
    return committer.submit(
        Answer(participant_id, session_id, activity_id, client_id, answer)
    )


def commit_group(answers: list[Answer]) -> None:
    """Apply the answers in one transaction and commit once; each gets its
    outcome: Accepted, or the exception that refused it (changing nothing)."""
    try:
        _apply(answers)
    except IntegrityError:
        # Should the row lock below ever be bypassed (a database without row
        # locks), the other commit is visible now: do each again, alone.
        _roll_back()
        for answer in answers:
            answer.outcome = None
        for answer in answers:
            try:
                _apply([answer])
            except Exception as error:
                answer.outcome = error
                _roll_back()
    except Exception as error:  # the database is away: nothing was saved
        for answer in answers:
            answer.outcome = error  # even those _apply had accepted
        _roll_back()


def _roll_back() -> None:
    try:
        db.session.rollback()
    except UNAVAILABLE:  # the connection is gone; the pool replaces it
        invalidate_session()


def _apply(answers: list[Answer]) -> None:
    # Claim each activity first: bumping its version takes the row lock on
    # PostgreSQL and the write lock on SQLite, so the checks below cannot race a
    # retry of the same answer on another worker, or the leader closing.
    # In id order: two workers' groups then take their locks in the same order
    # and cannot deadlock.
    claimed = {
        activity_id: store.claim_activity(activity_id)
        for activity_id in sorted({a.activity_id for a in answers})
    }
    group = _Applied(store.receipts([a.client_id for a in answers]), utcnow())
    for a in answers:
        try:
            a.outcome = _one(a, claimed[a.activity_id], group)
        except DomainError as error:
            a.outcome = error  # refused before writing anything
    if group.answers:
        store.add_receipts(
            [
                {
                    "client_id": a.client_id,
                    "participant_id": a.participant_id,
                    "submission_id": a.outcome.submission["id"],
                    "now": group.now,
                }
                for a in group.answers.values()
            ]
        )
        db.session.commit()
    else:
        db.session.rollback()  # nothing new: not even a version bump


@dataclass
class _Applied:
    """What one group has found and done so far."""

    seen: dict[str, Row]  # client id → its receipt from an earlier group
    now: datetime
    answers: dict[str, Answer] = field(default_factory=dict)  # applied, by client id


def _one(a: Answer, claimed: Row | None, group: _Applied) -> Accepted:
    if claimed is None or claimed.session_id != a.session_id:
        raise DomainError("unknown_activity", N_("There is no such activity."))
    earlier = group.answers.get(a.client_id)
    seen = group.seen.get(a.client_id) if earlier is None else None
    if earlier is not None or seen is not None:
        owner = earlier.participant_id if earlier else seen.participant_id
        if owner != a.participant_id:
            raise DomainError(
                "invalid", N_("This answer's id is already in use. Send it again.")
            )
        if earlier is not None:
            return Accepted(earlier.outcome.submission, True)
        stored = store.submission_columns(seen.submission_id)
        return Accepted(submission_view(stored), True)

    activity = repository.to_activity(claimed)
    check_accepts_submissions(activity, group.now)
    kind = get_kind(activity.kind)
    cleaned = kind.validate_answer(activity.config, a.answer)
    if kind.check_submit is not None:
        own = repository.own_submission(a.activity_id, a.participant_id)
        context = SubmitContext(
            activity,
            dict(own.answer) if own is not None else None,
            repository.participant_organisation(a.participant_id),
        )
        cleaned = kind.check_submit(cleaned, context)
    stored = store.upsert_submission(
        a.activity_id, a.participant_id, cleaned, group.now
    )
    group.answers[a.client_id] = a  # its receipt is stored with the group's
    # Built before the commit: no second read for the ack.
    return Accepted(submission_view(stored), False)


class Committer:
    """One per app: answers wait here while earlier ones commit, then commit as
    one group. With eventlet, a commit's fsync blocks every greenlet; a group
    pays it once. Off (each answer alone) in the test config."""

    def __init__(self) -> None:
        self._waiting: _Group | None = None
        self._draining = False

    def submit(self, answer: Answer) -> Accepted:
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        if not app.config["GROUP_COMMIT"]:
            commit_group([answer])
        else:
            if self._waiting is None:
                self._waiting = _Group(socketio.server.eio.create_event())
            group = self._waiting
            group.answers.append(answer)
            if not self._draining:
                self._draining = True
                socketio.start_background_task(self._drain, app)
            group.done.wait()
        if isinstance(answer.outcome, Exception):
            raise answer.outcome
        return answer.outcome

    def _drain(self, app: Flask) -> None:
        try:
            while self._waiting is not None:
                group, self._waiting = self._waiting, None
                with app.app_context():
                    try:
                        commit_group(group.answers)
                    except Exception as error:  # keep draining whatever happened
                        log.exception(
                            "a group of %d answers failed", len(group.answers)
                        )
                        for answer in group.answers:
                            answer.outcome = error
                    finally:
                        for answer in group.answers:
                            if answer.outcome is None:
                                answer.outcome = RuntimeError("not committed")
                        group.done.set()
        finally:
            self._draining = False


@dataclass
class _Group:
    """The answers that arrived while the previous group committed, and the
    one event that wakes them all once it has."""

    done: Any
    answers: list[Answer] = field(default_factory=list)
