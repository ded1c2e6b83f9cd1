"""Reads the series of linked askings and their frozen runs for the comparison
across meetings (sessions/comparison.py, docs/comparison.md).

A run is an activity with a frozen outcome; runs share a series when their
``Activity.series_id`` is the same. A series is listed with the runs of its
latest run's kind: an item whose copy was changed into another kind before
anyone answered it may leave runs of two kinds in one series, and only runs of
one kind compare.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from sessions.comparison import Run, comparable
from sessions.errors import N_, DomainError
from sessions.live import SessionStatus

from . import models
from .extensions import db
from .timeutil import local_day, room_zone


@dataclass(frozen=True)
class SeriesRun:
    """One run as the list of series shows it."""

    activity_id: int
    label: str
    meeting_title: str
    held_on: date | None
    started_at: datetime
    homework: bool
    prompt: str
    answers: int


@dataclass(frozen=True)
class Series:
    series_id: int
    title: str  # the latest run's prompt
    kind: str
    runs: list[SeriesRun]


def _rows(
    project_id: int, series_id: int | None = None, *, ended_only: bool = False
) -> list[tuple]:
    """(activity, session, meeting) of every frozen run of the project's series
    (or of one), in meeting order, then by the session's start. ``ended_only``
    for reviewers: a running session's closed outcome may still be hidden from
    the room, and is not archived yet (docs/review.md)."""
    query = (
        select(models.Activity, models.LiveSession, models.Meeting)
        .join(models.LiveSession, models.Activity.session_id == models.LiveSession.id)
        .join(models.Meeting, models.LiveSession.meeting_id == models.Meeting.id)
        .where(
            models.Meeting.project_id == project_id,
            models.Activity.series_id.is_not(None),
            models.Activity.final_snapshot.is_not(None),
        )
        .order_by(
            models.Meeting.position,
            models.LiveSession.started_at,
            models.LiveSession.id,
            models.Activity.position,
            models.Activity.id,
        )
    )
    if series_id is not None:
        query = query.where(models.Activity.series_id == series_id)
    if ended_only:
        query = query.where(models.LiveSession.status == SessionStatus.ENDED.value)
    return [tuple(row) for row in db.session.execute(query)]


def _labels(rows: list[tuple]) -> list[str]:
    """The meeting's title, with the session's date when the series ran twice
    in one meeting (once in the room and once as homework, or two sessions)."""
    meetings = [meeting.id for _, _, meeting in rows]
    zone = room_zone()
    labels = [
        meeting.title
        if meetings.count(meeting.id) == 1
        else f"{meeting.title} ({local_day(live.started_at, zone).isoformat()})"
        for _, live, meeting in rows
    ]
    # Two runs on one day (homework assigned again) are numbered after the first.
    seen: dict[str, int] = {}
    for i, label in enumerate(labels):
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[i] = f"{label} #{seen[label]}"
    return labels


def _grouped(rows: list[tuple]) -> dict[int, list[tuple]]:
    """The rows by series, each keeping only the runs of its latest run's kind."""
    by_series: dict[int, list[tuple]] = {}
    for row in rows:
        by_series.setdefault(row[0].series_id, []).append(row)
    return {
        series_id: [r for r in found if r[0].kind == found[-1][0].kind]
        for series_id, found in by_series.items()
    }


def project_series(project_id: int, *, ended_only: bool = False) -> list[Series]:
    """The project's comparable series with two runs or more, in the order of
    their first run."""
    listed = []
    for series_id, rows in _grouped(_rows(project_id, ended_only=ended_only)).items():
        latest = rows[-1][0]
        if len(rows) < 2 or not comparable(latest.kind):
            continue
        runs = [
            SeriesRun(
                activity_id=activity.id,
                label=label,
                meeting_title=meeting.title,
                held_on=meeting.held_on,
                started_at=live.started_at,
                homework=live.mode == "homework",
                prompt=activity.prompt,
                answers=_answers(activity),
            )
            for (activity, live, meeting), label in zip(
                rows, _labels(rows), strict=True
            )
        ]
        listed.append(Series(series_id, latest.prompt, latest.kind, runs))
    return listed


def series(project_id: int, series_id: int, *, ended_only: bool = False) -> Series:
    """One series of the project, or a DomainError (``unknown_series``) when the
    project has no such series with two runs to compare."""
    for found in project_series(project_id, ended_only=ended_only):
        if found.series_id == series_id:
            return found
    raise DomainError(
        "unknown_series",
        N_("This project has no such series of runs to compare."),
    )


def _answers(activity: models.Activity) -> int:
    return int((activity.final_snapshot or {}).get("answer_count") or 0)


def runs_for(
    project_id: int,
    series_id: int,
    activity_ids: list[int] | None = None,
    *,
    ended_only: bool = False,
) -> list[Run]:
    """The runs of the series to compare, in meeting order: all of them when
    ``activity_ids`` is None, else those named (each once). Refused with
    ``unknown_series`` when the project has no such series, and with
    ``not_in_series`` when an id is no run of it."""
    rows = _grouped(_rows(project_id, series_id, ended_only=ended_only)).get(series_id)
    if not rows:
        raise DomainError(
            "unknown_series",
            N_("This project has no such series of runs to compare."),
        )
    labels = _labels(rows)
    if activity_ids is not None:
        known = {activity.id for activity, _, _ in rows}
        strangers = [i for i in activity_ids if i not in known]
        if strangers:
            raise DomainError(
                "not_in_series",
                N_("Run %(id)d is not a run of this series."),
                id=strangers[0],
            )
    picked = set(activity_ids) if activity_ids is not None else None
    return [
        Run(
            activity_id=activity.id,
            label=label,
            kind=activity.kind,
            config=dict(activity.config or {}),
            results=(activity.final_snapshot or {}).get("results") or {},
            answers=_answers(activity),
        )
        for (activity, _, _), label in zip(rows, labels, strict=True)
        if picked is None or activity.id in picked
    ]
