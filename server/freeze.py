"""Snapshots read from the database: live for broadcasting, frozen for the archive."""

from sessions import snapshot

from . import models, repository


def current_snapshot(row: models.Activity) -> dict:
    """The full snapshot of an activity as the database holds it now."""
    return snapshot.build(
        repository.to_activity(row),
        row.version,
        repository.submissions_for(row.id),
        joined=repository.joined_count(row.session_id),
    )


def freeze(row: models.Activity) -> None:
    """Keep the outcome as it is now; the archive shows this, not a recomputation."""
    row.final_snapshot = current_snapshot(row)
