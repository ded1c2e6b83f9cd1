"""A project's page: its meetings on a timeline with their sessions, and the
ways into its archive (comparison, report, downloads). Leaders and reviewers
read it (server/access.py); the leader-only links are left out for reviewers."""

from flask import Blueprint, render_template

from sessions.homework import HOMEWORK_KINDS

from ..access import require_reader
from ..timeline import timeline
from .lookup import ID, project_or_404

bp = Blueprint("timeline", __name__)


@bp.get(f"/projects/<{ID}:project_id>")
def project(project_id: int):
    reader = require_reader(project_id)
    project = project_or_404(project_id)
    return render_template(
        "timeline/project.html",
        project=project,
        reader=reader,
        meetings=timeline(project),
        homework_kinds=HOMEWORK_KINDS,
    )
