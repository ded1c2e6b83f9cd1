"""Rows as the JSON the wire protocol sends (docs/protocol.md)."""

from sessions.activity import results_visible

from . import models
from .repository import to_activity
from .timeutil import iso, utcnow


def activity_view(row: models.Activity) -> dict:
    view = {
        "id": row.id,
        "position": row.position,
        "kind": row.kind,
        "prompt": row.prompt,
        "config": row.config,
        "state": row.state,
        "hide_results": row.hide_results,
        "results_visible": results_visible(to_activity(row)),
        "timer_ends_at": iso(row.timer_ends_at),
        "due_at": iso(row.due_at),
        "merges": row.merges or {},
        "version": row.version,
    }
    if row.due_at is not None:
        # Homework: a meeting that shows it links to where it is answered.
        view["homework_code"] = row.live_session.join_code
    return view


def session_view(row: models.LiveSession) -> dict:
    return {
        "id": row.id,
        "title": row.meeting.title,
        "project": row.meeting.project.name,
        "join_code": row.join_code,
        "status": row.status,
        "allow_anonymous": row.allow_anonymous,
        "organisations": [o.name for o in row.meeting.project.organisations],
        "mode": row.mode,
        "current_activity_id": row.current_activity_id,
        "server_time": iso(utcnow()),
    }


def participant_view(row: models.Participant) -> dict:
    return {
        "id": row.id,
        "name": row.name,
        "organisation": row.organisation,
        "anonymous": row.anonymous,
    }


def submission_view(row: models.Submission) -> dict:
    return {
        "id": row.id,
        "activity_id": row.activity_id,
        "answer": row.answer,
        "hidden": row.hidden,
        "updated_at": iso(row.updated_at),
    }
