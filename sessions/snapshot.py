"""Versioned aggregate snapshots: what the projector, the leader and phones see.

The version comes from the activity's row, bumped in the same transaction as every
change, so snapshots from any worker are ordered and a client keeps the newest.
"""

from collections.abc import Sequence

from .activity import Activity, results_visible
from .kinds import get_kind
from .submission import Submission


def build(
    activity: Activity,
    version: int,
    submissions: Sequence[Submission],
    *,
    joined: int,
    context: dict | None = None,
) -> dict:
    """The full snapshot, results included, as the leader sees it. ``context``
    carries what a kind compares with from other activities (see
    docs/homework.md); the server reads it from the database."""
    kind = get_kind(activity.kind)
    results = kind.aggregate(activity.config, submissions, activity.merges)
    if kind.with_context is not None and context is not None:
        results = kind.with_context(results, context)
    return {
        "activity_id": activity.id,
        "version": version,
        "state": activity.state.value,
        "results_visible": results_visible(activity),
        "answer_count": sum(1 for s in submissions if not s.hidden),
        "joined": joined,
        "results": results,
    }


def public(snapshot: dict) -> dict:
    """The snapshot for the projector and phones: results only once visible."""
    if snapshot["results_visible"]:
        return snapshot
    return {**snapshot, "results": None}
