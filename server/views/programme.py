"""The programme editor's meetings: the project's list of meetings (add, move,
remove) and one meeting's page (its date and place, its programme, copying an
activity from another meeting). The items themselves are in views/items.py."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from sessions.errors import DomainError
from sessions.homework import HOMEWORK_KINDS
from sessions.programme import (
    MeetingFields,
    check_meeting,
    kind_label,
    offered_kinds,
)

from .. import models, programme
from ..authz import leader_required
from ..extensions import db
from ..i18n import translate
from .form_errors import errors_for
from .lookup import ID, form_id, meeting_or_404, project_or_404

bp = Blueprint("programme", __name__)

MEETING_FIELDS = {"title", "held_on", "place"}
STEPS = {"up": -1, "down": 1}


@bp.app_context_processor
def programme_words() -> dict:
    return {"kind_label": kind_label, "homework_kinds": HOMEWORK_KINDS}


def step_from_form() -> int:
    """Move up (-1) or down (1), as the button says."""
    return STEPS.get(request.form.get("direction", "")) or abort(400)


def meeting_form(form) -> dict:
    return {k: form.get(k, "") for k in MEETING_FIELDS}


def project_page(project: models.Project, status: int = 200, **typed: object):
    next_title = _("Meeting %(number)d", number=len(project.meetings) + 1)
    page = {"values": {"title": next_title, "held_on": "", "place": ""}, "errors": {}}
    page.update(typed)
    return render_template("leader/programme.html", project=project, **page), status


def meeting_fields() -> MeetingFields:
    """The meeting form's fields, checked (a DomainError names the field)."""
    form = request.form
    return check_meeting(form.get("title"), form.get("held_on"), form.get("place"))


@bp.get(f"/leader/projects/<{ID}:project_id>/programme")
@leader_required
def project(project_id: int):
    return project_page(project_or_404(project_id))


@bp.post(f"/leader/projects/<{ID}:project_id>/meetings")
@leader_required
def add_meeting(project_id: int):
    project = project_or_404(project_id)
    try:
        fields = meeting_fields()
    except DomainError as error:
        return project_page(
            project,
            400,
            values=meeting_form(request.form),
            errors=errors_for(error, MEETING_FIELDS),
        )
    meeting = programme.add_meeting(project, fields)
    flash(_("%(meeting)s is added.", meeting=meeting.title), "info")
    return redirect(url_for("programme.meeting", meeting_id=meeting.id))


@bp.post(f"/leader/meetings/<{ID}:meeting_id>/move")
@leader_required
def move_meeting(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    programme.move_meeting(meeting, step_from_form())
    return redirect(
        url_for("programme.project", project_id=meeting.project_id)
        + f"#meeting-{meeting_id}"
    )


@bp.post(f"/leader/meetings/<{ID}:meeting_id>/remove")
@leader_required
def remove_meeting(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    project_id, title = meeting.project_id, meeting.title
    try:
        programme.remove_meeting(meeting)
    except DomainError as error:
        flash(translate(error), "error")
    else:
        flash(_("%(meeting)s is removed.", meeting=title), "info")
    return redirect(url_for("programme.project", project_id=project_id))


def meeting_page(meeting: models.Meeting, status: int = 200, **typed: object):
    page = {
        "values": {
            "title": meeting.title,
            "held_on": meeting.held_on.isoformat() if meeting.held_on else "",
            "place": meeting.place,
        },
        "errors": {},
    }
    page.update(typed)
    others = [m for m in meeting.project.meetings if m.id != meeting.id and m.items]
    return render_template(
        "leader/meeting.html",
        meeting=meeting,
        kinds=offered_kinds(),
        copyable=others,
        answered={i.id: programme.answered_in(i) for i in meeting.items},
        copies={i.id: programme.copies_of(i) for i in meeting.items},
        **page,
    ), status


@bp.get(f"/leader/meetings/<{ID}:meeting_id>/programme")
@leader_required
def meeting(meeting_id: int):
    return meeting_page(meeting_or_404(meeting_id))


@bp.post(f"/leader/meetings/<{ID}:meeting_id>/details")
@leader_required
def save_meeting(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    try:
        fields = meeting_fields()
    except DomainError as error:
        return meeting_page(
            meeting,
            400,
            values=meeting_form(request.form),
            errors=errors_for(error, MEETING_FIELDS),
        )
    programme.update_meeting(meeting, fields)
    flash(_("%(meeting)s is saved.", meeting=meeting.title), "info")
    return redirect(url_for("programme.meeting", meeting_id=meeting_id))


@bp.post(f"/leader/meetings/<{ID}:meeting_id>/copy")
@leader_required
def copy_item(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    source_id = form_id("item_id")
    source = db.session.get(models.ProgrammeItem, source_id) if source_id else None
    if source is None:
        flash(_("Choose an activity to copy."), "error")
        return redirect(url_for("programme.meeting", meeting_id=meeting_id))
    try:
        copy = programme.copy_item(source, meeting)
    except DomainError as error:
        flash(translate(error), "error")
        return redirect(url_for("programme.meeting", meeting_id=meeting_id))
    flash(
        _(
            "“%(prompt)s” is copied from %(meeting)s.",
            prompt=copy.prompt,
            meeting=source.meeting.title,
        ),
        "info",
    )
    return redirect(
        url_for("programme.meeting", meeting_id=meeting_id) + f"#item-{copy.id}"
    )
