"""Snapshots read from the database: live for broadcasting, frozen for the archive."""

from sqlalchemy import Row

from sessions import snapshot
from sessions.kinds import get_kind

from . import models, repository


def current_snapshot(row: models.Activity, answers: list[Row] | None = None) -> dict:
    """The full snapshot of an activity as the database holds it now."""
    if answers is None:
        answers = repository.answer_rows(row.id)
    return snapshot.build(
        repository.to_activity(row),
        row.version,
        repository.to_submissions(answers),
        joined=repository.joined_count(row.session_id),
        context=context_for(row),
    )


def context_for(row: models.Activity) -> dict | None:
    """What the activity's kind compares with elsewhere in the project: "Andras
    ögon" sets the roles participants took beside those others expect."""
    if get_kind(row.kind).with_context is None:
        return None
    source = repository.latest_answered(row.session_id, "roles")
    if source is None:
        return {"roles_taken": None}
    results = current_snapshot(source)["results"]
    return {
        "roles_taken": {
            "activity_id": source.id,
            "prompt": source.prompt,
            "words": results["words"],
        }
    }


def snapshots(row: models.Activity) -> tuple[dict, dict]:
    """The full snapshot, and the leader's, which adds the answers (most recently
    changed first) so the leader can hide one; read with one query."""
    answers = repository.answer_rows(row.id)
    full = current_snapshot(row, answers)
    newest_first = sorted(answers, key=lambda a: a.updated_at, reverse=True)
    return full, {
        **full,
        "submissions": [
            {
                "id": a.id,
                "name": a.name,
                "organisation": a.organisation,
                "answer": a.answer,
                "hidden": a.hidden,
                "starred": a.starred,
            }
            for a in newest_first
        ],
    }


def freeze(row: models.Activity) -> None:
    """Keep the outcome as it is now; the archive shows this, not a recomputation."""
    row.final_snapshot = current_snapshot(row)
