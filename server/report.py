"""The documentation report read from the database (docs/report.md): the
project's meetings, their sessions and each activity's frozen outcome, the
starred quotes and the comparisons, as the domain's plain data
(sessions/report.py); then drawn as HTML, Markdown or PDF."""

from zoneinfo import ZoneInfo

from flask import render_template
from flask_babel import format_date, gettext
from markupsafe import Markup

from sessions import charts, report, report_markdown
from sessions.live import SessionMode, SessionStatus
from sessions.report_blocks import Bars, Block, Columns, Network, Scale

from . import models, quotes
from .report_comparison import comparisons
from .timeutil import local_day, room_zone


def _activity(row: models.Activity) -> report.ActivityData:
    frozen = row.final_snapshot
    return report.ActivityData(
        kind=row.kind,
        prompt=row.prompt,
        config=dict(row.config or {}),
        results=frozen.get("results") if frozen else None,
        answer_count=(frozen or {}).get("answer_count") or 0,
    )


def _session(row: models.LiveSession, zone: ZoneInfo) -> report.SessionData:
    ended = row.status == SessionStatus.ENDED
    return report.SessionData(
        mode=SessionMode(row.mode).value,
        ended=ended,
        started_on=local_day(row.started_at, zone),
        ended_on=local_day(row.ended_at, zone) if row.ended_at else None,
        # A running session's activities are not read: it is left out.
        activities=tuple(_activity(a) for a in row.activities) if ended else (),
    )


def _quotes(project_id: int) -> tuple[report.QuoteData, ...]:
    """Starred answers of ended sessions, never a hidden one."""
    return tuple(
        report.QuoteData(
            text=quote.text,
            signed=quote.signed,
            meeting=quote.meeting,
            prompt=quote.prompt,
        )
        for quote in quotes.project_quotes(project_id, archived_only=True)
        if quote.text
    )


def project_data(project: models.Project) -> report.ProjectData:
    zone = room_zone()
    return report.ProjectData(
        name=project.name,
        description=project.description or "",
        organisations=tuple(o.name for o in project.organisations),
        meetings=tuple(
            report.MeetingData(
                title=m.title,
                held_on=m.held_on,
                place=m.place or "",
                sessions=tuple(_session(s, zone) for s in m.live_sessions),
            )
            for m in project.meetings
        ),
        quotes=_quotes(project.id),
        comparisons=comparisons(project.id),
    )


def words() -> report.Words:
    """The request's language (Flask-Babel): Swedish unless asked otherwise."""
    return report.Words(gettext=gettext, date=lambda d: format_date(d, "long"))


def chart(block: Block, said: report.Words) -> Markup:
    """A block's chart as inline SVG (escaped by sessions/charts.py), or none."""
    title = said(block.caption) if hasattr(block, "caption") else ""
    if isinstance(block, Bars) and block.rows:
        return Markup(charts.bars(title, block.rows))
    if isinstance(block, Scale) and block.rows:
        steps = [r.label for r in block.rows]
        return Markup(
            charts.columns(title, steps, [("", [r.count for r in block.rows])])
        )
    if isinstance(block, Columns) and block.steps:
        series = [(name, [c or 0 for c in counts]) for name, counts in block.series]
        return Markup(charts.columns(title, list(block.steps), series))
    if isinstance(block, Network) and block.nodes:
        return Markup(charts.network(title, block.nodes, block.edges))
    return Markup("")


def html(project: models.Project) -> str:
    said = words()
    return render_template(
        "report/report.html",
        report=report.build(project_data(project)),
        words=said,
        headings=report.HEADINGS,
        labels=report,
        chart=lambda block: chart(block, said),
        step_date=said.day,
    )


def markdown(project: models.Project) -> str:
    return report_markdown.render(report.build(project_data(project)), words())
