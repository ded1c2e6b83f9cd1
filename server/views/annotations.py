"""Leaders' comments on archived activities, written on the archive page
(templates/archive/_annotations.html). Plain forms; each answer is a redirect
back to the page."""

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from sessions.errors import DomainError

from .. import annotations, models
from ..authz import leader_required
from ..extensions import db
from ..i18n import translate
from .lookup import ID

bp = Blueprint("annotations", __name__)


def back_to(activity: models.Activity, *, anchored: bool = True):
    """The archive page, at the activity. A refusal goes to the top instead,
    where the flashed message is shown."""
    url = url_for("archive.session", session_id=activity.session_id)
    return redirect(url + f"#archived-{activity.id}" if anchored else url)


@bp.post(f"/archive/activities/<{ID}:activity_id>/annotations")
@leader_required
def add(activity_id: int):
    activity = db.session.get(models.Activity, activity_id) or abort(404)
    try:
        annotations.add(activity, current_user.id, request.form.get("text", ""))
    except DomainError as error:
        flash(translate(error), "error")
        return back_to(activity, anchored=False)
    flash(_("The comment is added."), "info")
    return back_to(activity)


@bp.post(f"/archive/annotations/<{ID}:annotation_id>/edit")
@leader_required
def edit(annotation_id: int):
    activity = annotations.activity_of(annotation_id) or abort(404)
    try:
        annotations.edit(annotation_id, request.form.get("text", ""))
    except DomainError as error:
        flash(translate(error), "error")
        return back_to(activity, anchored=False)
    flash(_("The comment is saved."), "info")
    return back_to(activity)


@bp.post(f"/archive/annotations/<{ID}:annotation_id>/remove")
@leader_required
def remove(annotation_id: int):
    activity = annotations.activity_of(annotation_id) or abort(404)
    try:
        annotations.remove(annotation_id)
    except DomainError as error:  # removed meanwhile, by another leader
        flash(translate(error), "error")
        return back_to(activity, anchored=False)
    flash(_("The comment is removed."), "info")
    return back_to(activity)
