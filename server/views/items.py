"""The programme editor's activities: add one of any registered kind, edit its
question and settings, move, remove, and preview it as a phone shows it."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from sessions.errors import DomainError
from sessions.homework import HOMEWORK_KINDS
from sessions.programme import (
    SETTINGS,
    SETTINGS_FIELD,
    check_item,
    form_values,
    offered_kinds,
    untouched_settings,
)
from sessions.project import CATALOGUE_FIELDS, CATALOGUE_SETTINGS

from .. import models, programme, projects
from ..activity_setup import activity_config
from ..authz import leader_required
from ..extensions import db
from ..i18n import translate
from .form_errors import errors_for
from .lookup import ID, meeting_or_404
from .programme import step_from_form

bp = Blueprint("items", __name__)


def _item(item_id: int) -> models.ProgrammeItem:
    return db.session.get(models.ProgrammeItem, item_id) or abort(404)


def _back(item: models.ProgrammeItem):
    return redirect(
        url_for("programme.meeting", meeting_id=item.meeting_id) + f"#item-{item.id}"
    )


def form_fields(kind: str) -> set[str]:
    """The fields of ``kind``'s form a refusal can be shown next to."""
    return {"prompt", SETTINGS_FIELD, *(s.name for s in SETTINGS.get(kind, ()))}


def typed_values(kind: str, form) -> dict:
    """The form as typed, to show again with a refusal."""
    values = {
        "prompt": form.get("prompt", ""),
        "hide_results": bool(form.get("hide_results")),
        "project_catalogues": bool(form.get("project_catalogues")),
    }
    for setting in SETTINGS.get(kind, ()):
        raw = form.get(setting.name)
        values[setting.name] = bool(raw) if setting.type == "flag" else raw or ""
    return values


def catalogue_notes(
    project: models.Project, kind: str, config: dict
) -> list[dict[str, object]]:
    """Which catalogues the activity offers: the project's, or its own."""
    words = projects.project_catalogues(project)
    return [
        {
            "label": CATALOGUE_FIELDS[name],
            "own": setting in config,
            "count": len(config[setting]) if setting in config else len(words[name]),
        }
        for setting, name in CATALOGUE_SETTINGS.get(kind, {}).items()
    ]


def item_page(
    meeting: models.Meeting,
    kind: str,
    values: dict,
    *,
    item: models.ProgrammeItem | None = None,
    errors: dict | None = None,
    status: int = 200,
):
    config = item.config if item is not None and item.kind == kind else {}
    return render_template(
        "leader/item_form.html",
        meeting=meeting,
        item=item,
        kind=kind,
        kinds=offered_kinds(),
        settings=SETTINGS.get(kind, ()),
        settings_field=SETTINGS_FIELD,
        values=values,
        errors=errors or {},
        catalogues=catalogue_notes(meeting.project, kind, config),
        answered=programme.answered_in(item) if item is not None else None,
    ), status


@bp.get(f"/leader/meetings/<{ID}:meeting_id>/items/new")
@leader_required
def new(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    kind = request.args.get("kind", "")
    if kind not in offered_kinds():
        flash(_("Choose one of the activity kinds."), "error")
        return redirect(url_for("programme.meeting", meeting_id=meeting_id))
    values = {"prompt": "", "hide_results": True, **form_values(kind, {})}
    return item_page(meeting, kind, values)


@bp.post(f"/leader/meetings/<{ID}:meeting_id>/items")
@leader_required
def create(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    kind = request.form.get("kind", "")
    try:
        fields = check_item(
            kind,
            request.form,
            existing={},
            project_catalogues=meeting.project.catalogues,
        )
    except DomainError as error:
        if kind not in offered_kinds():
            abort(400)
        return item_page(
            meeting,
            kind,
            typed_values(kind, request.form),
            errors=errors_for(error, form_fields(kind)),
            status=400,
        )
    item = programme.add_item(meeting, fields)
    flash(_("“%(prompt)s” is added.", prompt=item.prompt), "info")
    return _back(item)


@bp.get(f"/leader/items/<{ID}:item_id>/edit")
@leader_required
def edit(item_id: int):
    item = _item(item_id)
    kind = request.args.get("kind") or item.kind
    if kind not in offered_kinds() and kind != item.kind:
        abort(404)
    same = kind == item.kind
    values = {
        "prompt": item.prompt,
        "hide_results": item.hide_results,
        **form_values(kind, item.config if same else {}),
    }
    return item_page(item.meeting, kind, values, item=item)


@bp.post(f"/leader/items/<{ID}:item_id>/edit")
@leader_required
def save(item_id: int):
    item = _item(item_id)
    project = item.meeting.project
    kind = request.form.get("kind", "")
    try:
        fields = check_item(
            kind,
            request.form,
            existing=item.config if kind == item.kind else {},
            project_catalogues=project.catalogues,
        )
        untouched = untouched_settings(item.kind, item.config, project.catalogues)
        programme.update_item(item, fields, unchanged_settings=untouched)
    except DomainError as error:
        db.session.rollback()
        if kind not in offered_kinds() and kind != item.kind:
            abort(400)
        return item_page(
            item.meeting,
            kind,
            typed_values(kind, request.form),
            item=item,
            errors=errors_for(error, form_fields(kind)),
            status=409 if error.code == "has_answers" else 400,
        )
    flash(_("“%(prompt)s” is saved.", prompt=item.prompt), "info")
    return _back(item)


@bp.post(f"/leader/items/<{ID}:item_id>/move")
@leader_required
def move(item_id: int):
    item = _item(item_id)
    programme.move_item(item, step_from_form())
    return _back(item)


@bp.post(f"/leader/items/<{ID}:item_id>/remove")
@leader_required
def remove(item_id: int):
    item = _item(item_id)
    meeting_id, prompt = item.meeting_id, item.prompt
    programme.remove_item(item)
    flash(
        _(
            "“%(prompt)s” is removed. Sessions that ran it keep their answers.",
            prompt=prompt,
        ),
        "info",
    )
    return redirect(url_for("programme.meeting", meeting_id=meeting_id))


@bp.get(f"/leader/items/<{ID}:item_id>/preview")
@leader_required
def preview(item_id: int):
    """The item as a phone would show it when its session starts."""
    item = _item(item_id)
    try:
        config, error = activity_config(item), None
    except DomainError as refused:
        config, error = None, translate(refused)
    return render_template(
        "leader/item_preview.html",
        item=item,
        config=config,
        error=error,
        homework=item.kind in HOMEWORK_KINDS,
    )
