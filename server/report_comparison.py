"""The report's comparison across meetings: every comparable series of the
project with all its runs from ended sessions (server/comparison.py), compared
by the domain (sessions/comparison.py) and turned into report blocks."""

from sqlalchemy import select

from sessions.comparison import compare
from sessions.live import SessionStatus
from sessions.report import ComparisonData
from sessions.report_comparison import comparison

from . import models
from .comparison import project_series, runs_for
from .extensions import db


def _ended(activity_ids: list[int]) -> set[int]:
    """The ids among ``activity_ids`` whose session has ended: a running
    session's outcome is still moving and stays out of the report."""
    return set(
        db.session.scalars(
            select(models.Activity.id)
            .join(models.LiveSession)
            .where(
                models.Activity.id.in_(activity_ids),
                models.LiveSession.status == SessionStatus.ENDED.value,
            )
        )
    )


def comparisons(project_id: int) -> tuple[ComparisonData, ...]:
    found = []
    for series in project_series(project_id):
        runs = runs_for(project_id, series.series_id)
        ended = _ended([run.activity_id for run in runs])
        runs = [run for run in runs if run.activity_id in ended]
        if len(runs) >= 2:
            found.append(comparison(series.title, compare(runs)))
    return tuple(found)
