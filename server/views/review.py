"""Review links: the leader's page to make, list and revoke a project's links,
and the reviewer's way in (docs/review.md). Plain forms; a refusal shows the
page again with its message and has changed nothing."""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import Forbidden

from sessions.errors import DomainError

from .. import models, review_links
from ..access import remember_review_link
from ..authz import leader_required
from ..i18n import translate
from .lookup import ID, project_or_404

bp = Blueprint("review", __name__)


def links_page(
    project: models.Project,
    *,
    status: int = 200,
    error: str | None = None,
    label: str = "",
    made: tuple[models.ReviewLink, str] | None = None,
):
    """The list of links and the form. ``made``: a link just made, with its
    token, shown this once."""
    new_link = None
    if made is not None:
        link, token = made
        new_link = {
            "label": link.label,
            "url": url_for("review.enter", token=token, _external=True),
        }
    return render_template(
        "review/links.html",
        project=project,
        links=review_links.links_of(project.id),
        error=error,
        label=label,
        max_label=review_links.MAX_LABEL,
        new_link=new_link,
    ), status


@bp.get(f"/leader/projects/<{ID}:project_id>/review-links")
@leader_required
def links(project_id: int):
    return links_page(project_or_404(project_id))


@bp.post(f"/leader/projects/<{ID}:project_id>/review-links")
@leader_required
def create(project_id: int):
    """Answered with the page itself, not a redirect: the link is in this one
    answer and nowhere else (not in the cookie session, not in the database)."""
    project = project_or_404(project_id)
    label = request.form.get("label", "")
    try:
        made = review_links.create(project.id, current_user.id, label)
    except DomainError as error:
        return links_page(project, status=400, error=translate(error), label=label)
    page, status = links_page(project, made=made)
    return page, status, {"Cache-Control": "no-store"}


@bp.post(f"/leader/projects/<{ID}:project_id>/review-links/<{ID}:link_id>/revoke")
@leader_required
def revoke(project_id: int, link_id: int):
    project = project_or_404(project_id)
    done = review_links.revoke(project.id, link_id)
    if done is None:
        abort(404)
    if done:
        flash(_("The link is revoked. It no longer opens the project."), "info")
    else:
        flash(_("This link was already revoked."), "info")
    return redirect(url_for("review.links", project_id=project.id))


@bp.get("/review/<token>")
def enter(token: str):
    """The reviewer's way in: remembered in the cookie session (the link's id,
    never the token), then on to the project's page."""
    link = review_links.find(token)
    if link is None:
        message = _("This review link is not known. Ask the process leader for a link.")
        return render_template("review/refused.html", message=message), 404
    if link.revoked_at is not None:
        message = _(
            "This review link has been revoked. Ask the process leader for a new one."
        )
        return render_template("review/refused.html", message=message), 403
    remember_review_link(link)
    review_links.mark_used(link)
    response = redirect(url_for("timeline.project", project_id=link.project_id))
    # The token is in this URL: no page it leads to may pass it on.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.app_errorhandler(403)
def forbidden(error: Forbidden):
    """A page this reader may not open (server/access.py): most often a review
    link revoked since, or one for another project."""
    message = error.description
    if message == Forbidden.description:
        message = _(
            "Your review link does not open this page: it may have been revoked,"
            " or be for another project. Ask the process leader for a new link."
        )
    return render_template("review/refused.html", message=message), 403
