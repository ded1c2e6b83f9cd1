"""The project's starred quotes, gathered for the documentation."""

from flask import Blueprint, abort, redirect, render_template, request, url_for

from sessions.errors import DomainError

from .. import models, quotes
from ..authz import leader_required
from ..extensions import db
from .lookup import ID

bp = Blueprint("quotes", __name__)


@bp.get(f"/leader/projects/<{ID}:project_id>/quotes")
@leader_required
def page(project_id: int):
    project = db.session.get(models.Project, project_id) or abort(404)
    return render_template(
        "leader/quotes.html", project=project, quotes=quotes.project_quotes(project.id)
    )


@bp.post(f"/leader/submissions/<{ID}:submission_id>/star")
@leader_required
def star(submission_id: int):
    """Star or unstar from a page (the quotes list), where no socket is open."""
    try:
        quotes.star(submission_id, request.form.get("starred") == "on")
    except DomainError:
        abort(404)
    sub = db.session.get(models.Submission, submission_id)
    activity = db.session.get(models.Activity, sub.activity_id)
    project_id = activity.live_session.meeting.project_id
    return redirect(url_for("quotes.page", project_id=project_id))
