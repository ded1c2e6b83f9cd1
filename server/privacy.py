"""A participant's own data: what is stored about them, erasing it (asked by
them or by a leader), and the retention that removes personal data from old
sessions (docs/privacy.md)."""

from datetime import datetime

from sqlalchemy import Select, delete, or_, select, update

from sessions.kinds import lessons as lessons_kind
from sessions.live import SessionStatus
from sessions.privacy import (
    is_anonymous,
    members_only,
    retention_cutoff,
    without_answers,
)

from . import broadcast, models, repository
from .exports import member_organisations
from .extensions import db
from .timeutil import iso


def my_data(participant: models.Participant) -> dict:
    """Everything stored about one participant, as their phone shows it."""
    rows = db.session.execute(
        select(models.Submission, models.Activity)
        .join(models.Activity, models.Submission.activity_id == models.Activity.id)
        .where(models.Submission.participant_id == participant.id)
        .order_by(models.Activity.position, models.Activity.id)
    ).all()
    drafts = db.session.execute(
        select(models.Draft, models.Activity)
        .join(models.Activity, models.Draft.activity_id == models.Activity.id)
        .where(models.Draft.participant_id == participant.id)
        .order_by(models.Activity.position, models.Activity.id)
    ).all()
    return {
        "participant": {
            "name": participant.name,
            "organisation": participant.organisation,
            "anonymous": participant.anonymous,
            "quote_by_name": participant.quote_by_name,
            "joined_at": iso(participant.joined_at),
        },
        "answers": [
            _entry(activity, sub.answer, sub.updated_at) for sub, activity in rows
        ],
        "drafts": [
            _entry(activity, draft.answer, draft.updated_at)
            for draft, activity in drafts
        ],
    }


def _entry(activity: models.Activity, answer: dict, updated_at: datetime) -> dict:
    return {
        "activity_id": activity.id,
        "kind": activity.kind,
        "prompt": activity.prompt,
        "anonymous": is_anonymous(activity.config),
        "answer": answer,
        "updated_at": iso(updated_at),
    }


def erase_participant(participant: models.Participant) -> None:
    """Remove the participant, their answers, drafts and receipts, in one
    transaction. A running session's activities they answered get a new
    version and a fresh snapshot (the coalescer); a frozen outcome keeps its
    counts but loses every entry that points at their answers."""
    session_id, participant_id = participant.session_id, participant.id
    running = participant_session(participant).status == SessionStatus.RUNNING
    answered = db.session.execute(
        select(models.Submission.id, models.Submission.activity_id).where(
            models.Submission.participant_id == participant.id
        )
    ).all()
    ids = {row.id for row in answered}
    activity_ids = sorted({row.activity_id for row in answered})
    # Locked in id order, as submitting does: a close freezing one of them
    # now commits first, and its frozen outcome is then read and cleaned here.
    db.session.execute(
        select(models.Activity.id)
        .where(models.Activity.id.in_(activity_ids))
        .order_by(models.Activity.id)
        .with_for_update()
    )
    for model in (models.SubmitReceipt, models.Draft, models.Submission):
        db.session.execute(delete(model).where(model.participant_id == participant_id))
    db.session.execute(
        delete(models.Participant).where(models.Participant.id == participant_id)
    )
    for activity_id in activity_ids:
        row = db.session.get(models.Activity, activity_id, populate_existing=True)
        if row.kind == "lessons" and row.merges:
            row.merges = _board_without(row, ids)
        if row.final_snapshot:
            row.final_snapshot = _frozen_without(row.final_snapshot, ids)
        if running:
            repository.bump_version(activity_id)
    checks = _status_checks_citing(session_id, ids) if ids else []
    db.session.commit()
    broadcast.participant_erased(participant_id)
    if running:
        for activity_id in activity_ids:
            broadcast.mark_dirty(activity_id)
        broadcast.presence_changed(session_id)
    for activity_id in checks:
        broadcast.activity_changed(db.session.get(models.Activity, activity_id))


def _board_without(row: models.Activity, ids: set[int]) -> dict:
    """A lessons board without the erased answers' lessons: out of the places
    (keys "<submission id>.<lesson id>"), and, while voting, out of the
    ballot the phones show, rebuilt from the answers that are left."""
    board = dict(row.merges)
    placed = board.get("placed")
    erased = {str(i) for i in ids}
    if isinstance(placed, dict):
        board["placed"] = {
            ref: theme
            for ref, theme in placed.items()
            if str(ref).split(".", 1)[0] not in erased
        }
    if "ballot" in board:
        left = repository.to_submissions(repository.answer_rows(row.id))
        board = lessons_kind.ballot(row.config, left, board)
    return board


def _frozen_without(snapshot: dict, ids: set[int]) -> dict:
    return {**snapshot, "results": without_answers(snapshot.get("results"), ids)}


def _status_checks_citing(session_id: int, ids: set[int]) -> list[int]:
    """A later meeting's status check copied the next steps it checks (key
    ``"<submission id>.<n>"``, what, organisation): the erased ones leave its
    settings and frozen outcome. Returns the ids of those changed in running
    sessions, to send again."""
    project_id = (
        select(models.Meeting.project_id)
        .join(models.LiveSession)
        .where(models.LiveSession.id == session_id)
        .scalar_subquery()
    )
    rows = db.session.scalars(
        select(models.Activity)
        .join(models.LiveSession)
        .join(models.Meeting)
        .where(
            models.Meeting.project_id == project_id,
            models.Activity.kind == "status_check",
        )
    )
    changed = []
    for row in rows:
        config = dict(row.config or {})
        kept = without_answers(config.get("commitments", []), ids)
        if kept == config.get("commitments", []):
            continue
        row.config = {**config, "commitments": kept}
        if row.final_snapshot:
            row.final_snapshot = _frozen_without(row.final_snapshot, ids)
        if row.live_session.status == SessionStatus.RUNNING:
            repository.bump_version(row.id)
            changed.append(row.id)
    return changed


def participant_session(participant: models.Participant) -> models.LiveSession:
    return db.session.get(models.LiveSession, participant.session_id)


def apply_retention(now: datetime, months: int) -> int:
    """Remove the personal data of sessions that ended more than ``months``
    months before ``now``, and of sessions never ended that began that long
    ago (a forgotten homework): names and organisations are blanked, drafts
    and receipts deleted, and the frozen outcomes keep only the project's
    member organisations. Answers stay, tied to no one, and the outcomes'
    counts too. Returns how many participants were cleared."""
    cutoff = retention_cutoff(now, months)
    ended = models.LiveSession.status == SessionStatus.ENDED.value
    old_sessions = select(models.LiveSession.id).where(
        or_(
            ended & (models.LiveSession.ended_at < cutoff),
            ~ended & (models.LiveSession.started_at < cutoff),
        )
    )
    people = select(models.Participant.id).where(
        models.Participant.session_id.in_(old_sessions)
    )
    for model in (models.SubmitReceipt, models.Draft):
        db.session.execute(delete(model).where(model.participant_id.in_(people)))
    cleared = db.session.execute(
        update(models.Participant)
        .where(
            models.Participant.session_id.in_(old_sessions),
            (models.Participant.name != "")
            | (models.Participant.organisation != "")
            | models.Participant.quote_by_name
            | ~models.Participant.anonymous,
        )
        .values(name="", organisation="", anonymous=True, quote_by_name=False)
        .execution_options(synchronize_session=False)
    ).rowcount
    _frozen_members_only(old_sessions)
    db.session.commit()
    return cleared


def _frozen_members_only(sessions: Select) -> None:
    """An organisation a participant typed that is no member of the project
    may name them: it leaves the old sessions' frozen outcomes."""
    rows = db.session.execute(
        select(models.Activity, models.Meeting.project_id)
        .join(models.LiveSession, models.Activity.session_id == models.LiveSession.id)
        .join(models.Meeting, models.LiveSession.meeting_id == models.Meeting.id)
        .where(
            models.Activity.session_id.in_(sessions),
            models.Activity.final_snapshot.is_not(None),
        )
    ).all()
    members: dict[int, frozenset[str]] = {}
    for row, project_id in rows:
        if project_id not in members:
            members[project_id] = member_organisations(project_id)
        kept = members_only(row.final_snapshot, members[project_id])
        if kept != row.final_snapshot:
            row.final_snapshot = kept
