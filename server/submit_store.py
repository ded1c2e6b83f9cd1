"""The statements of the submission path (server/submit.py): built once and run
on the session's connection, since building them per answer cost more than
running them. It is the hottest path of a live session (docs/performance.md).
"""

from datetime import datetime

from sqlalchemy import (
    CursorResult,
    Executable,
    Insert,
    Row,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from . import models
from .extensions import db

_ACTIVITY = models.Activity
_CLAIM = (
    update(_ACTIVITY)
    .where(_ACTIVITY.id == bindparam("activity_id"))
    .values(version=_ACTIVITY.version + 1)
    .returning(
        _ACTIVITY.id,
        _ACTIVITY.session_id,
        _ACTIVITY.kind,
        _ACTIVITY.prompt,
        _ACTIVITY.config,
        _ACTIVITY.state,
        _ACTIVITY.hide_results,
        _ACTIVITY.timer_ends_at,
        _ACTIVITY.due_at,
        _ACTIVITY.merges,
    )
)
_SUBMISSION_COLUMNS = (
    models.Submission.id,
    models.Submission.activity_id,
    models.Submission.answer,
    models.Submission.hidden,
    models.Submission.updated_at,
)
_RECEIPTS = select(
    models.SubmitReceipt.client_id,
    models.SubmitReceipt.participant_id,
    models.SubmitReceipt.submission_id,
).where(models.SubmitReceipt.client_id.in_(bindparam("client_ids", expanding=True)))
_SUBMISSION = select(*_SUBMISSION_COLUMNS).where(
    models.Submission.id == bindparam("submission_id")
)
_ADD_RECEIPT = (
    insert(models.SubmitReceipt)
    .values(
        client_id=bindparam("client_id"),
        participant_id=bindparam("participant_id"),
        submission_id=bindparam("submission_id"),
        received_at=bindparam("now"),
    )
    .returning(models.SubmitReceipt.client_id)
)


def _upsert(dialect: str) -> Insert:
    insert_for = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert_for(models.Submission).values(
        activity_id=bindparam("activity_id"),
        participant_id=bindparam("participant_id"),
        answer=bindparam("answer"),
        hidden=False,
        created_at=bindparam("now"),
        updated_at=bindparam("now"),
    )
    return statement.on_conflict_do_update(
        index_elements=["activity_id", "participant_id"],
        set_={
            "answer": statement.excluded.answer,
            "updated_at": statement.excluded.updated_at,
        },
    ).returning(*_SUBMISSION_COLUMNS)


_UPSERT = {name: _upsert(name) for name in ("postgresql", "sqlite")}


def _run(statement: Executable, **params: object) -> CursorResult:
    return db.session.connection().execute(statement, params)


def claim_activity(activity_id: int) -> Row | None:
    """Bump the activity's version and return its columns, in one statement that
    takes the row lock until the transaction ends; None when there is none."""
    return _run(_CLAIM, activity_id=activity_id).first()


def receipts(client_ids: list[str]) -> dict[str, Row]:
    """The receipts already stored for these client ids, by client id."""
    rows = _run(_RECEIPTS, client_ids=client_ids)
    return {row.client_id: row for row in rows}


def submission_columns(submission_id: int) -> Row:
    return _run(_SUBMISSION, submission_id=submission_id).one()


def upsert_submission(
    activity_id: int, participant_id: int, answer: dict, now: datetime
) -> Row:
    """Insert the participant's answer, or replace it: one statement either way."""
    dialect = db.session.get_bind().dialect.name
    return _run(
        _UPSERT[dialect],
        activity_id=activity_id,
        participant_id=participant_id,
        answer=answer,
        now=now,
    ).one()


def add_receipts(rows: list[dict]) -> None:
    """Store the group's receipts (client_id, participant_id, submission_id,
    now) in one executemany. With RETURNING, SQLAlchemy sends it as one
    multi-row INSERT on PostgreSQL too, where pg8000 would loop."""
    db.session.connection().execute(_ADD_RECEIPT, rows)
