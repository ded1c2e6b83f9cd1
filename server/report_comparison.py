"""The report's comparison across meetings: every comparable series of the
project with all its runs from ended sessions (server/comparison.py), compared
by the domain (sessions/comparison.py) and turned into report blocks."""

from sessions.comparison import compare
from sessions.report import ComparisonData
from sessions.report_comparison import comparison

from .comparison import project_series, runs_for


def comparisons(project_id: int) -> tuple[ComparisonData, ...]:
    """A running session's outcome is still moving: it stays out, as it does
    for a reviewer."""
    return tuple(
        comparison(
            series.title,
            compare(runs_for(project_id, series.series_id, ended_only=True)),
        )
        for series in project_series(project_id, ended_only=True)
    )
