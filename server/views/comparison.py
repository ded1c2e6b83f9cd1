"""The comparison across meetings (docs/comparison.md): the project's series of
linked askings, and runs of one set side by side. Read-only, for the project's
leaders and reviewers (server/access.py)."""

from flask import Blueprint, render_template, request

from sessions.comparison import compare
from sessions.errors import N_, DomainError
from sessions.programme import kind_label

from .. import comparison
from ..access import require_reader
from ..i18n import translate
from .lookup import ID, MAX_ID, project_or_404

bp = Blueprint("comparison", __name__)

# The pick form sends this beside its ticked runs, so a form with fewer than
# two ticked is told so, while a plain link without runs compares them all.
PICKED = "picked"


@bp.get(f"/projects/<{ID}:project_id>/compare")
def index(project_id: int):
    reader = require_reader(project_id)
    project = project_or_404(project_id)
    return render_template(
        "comparison/index.html",
        reader=reader,
        project=project,
        series=comparison.project_series(project.id, ended_only=not reader.is_leader),
        kind_label=kind_label,
    )


def _picked_ids() -> list[int] | str | None:
    """The ``run`` ids asked for, each once in the order given; None for all;
    the offending text when one is no id."""
    values = request.args.getlist("run")
    if not values and PICKED not in request.args:
        return None
    ids: list[int] = []
    for value in values:
        if not value.isascii() or not value.isdigit() or not 0 < int(value) <= MAX_ID:
            return value
        if int(value) not in ids:
            ids.append(int(value))
    return ids


@bp.get(f"/projects/<{ID}:project_id>/compare/<{ID}:series_id>")
def series(project_id: int, series_id: int):
    reader = require_reader(project_id)
    project = project_or_404(project_id)
    page = {"reader": reader, "project": project, "kind_label": kind_label}
    try:
        found = comparison.series(
            project.id, series_id, ended_only=not reader.is_leader
        )
    except DomainError as error:
        page["error"] = translate(error)
        return render_template("comparison/series.html", **page), 404
    page["found"] = found
    picked = _picked_ids()
    if isinstance(picked, str):
        page["error"] = translate(
            DomainError(
                "not_a_run",
                N_("“%(value)s” is not a run of this series."),
                value=picked[:40],
            )
        )
        page["picked"] = set()
        return render_template("comparison/series.html", **page), 400
    page["picked"] = set(picked) if picked is not None else None
    try:
        compared = compare(
            comparison.runs_for(
                project.id, series_id, picked, ended_only=not reader.is_leader
            )
        )
    except DomainError as error:
        page["error"] = translate(error)
        return render_template("comparison/series.html", **page), 400
    page["compared"] = compared
    return render_template("comparison/series.html", **page)
