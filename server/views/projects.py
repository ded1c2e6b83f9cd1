"""Project set-up: a new learning project, and its settings page (name and
theme, member organisations, catalogues). Plain forms: POST, then redirect; a
refusal shows the form again with what was typed and saves nothing."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from sessions.errors import N_, DomainError
from sessions.forms import FieldError
from sessions.project import (
    CATALOGUE_FIELDS,
    DEFAULT_CATALOGUES,
    MAX_ORGANISATIONS,
    ORGANISATION_KIND_LABELS,
    ORGANISATION_KINDS,
    OrganisationRow,
    check_catalogues,
    check_organisations,
    check_project,
    organisation_field,
)

from .. import models, projects
from ..authz import leader_required
from ..extensions import db
from .form_errors import errors_for
from .lookup import ID, project_or_404

bp = Blueprint("projects", __name__)

NEW_ROWS = 5  # blank organisation rows a form offers
STARTS = ("template", "blank")
PROJECT_FIELDS = {"name", "theme", "start"}


@bp.app_context_processor
def project_words() -> dict:
    return {
        "organisation_kinds": ORGANISATION_KINDS,
        "organisation_kind_labels": ORGANISATION_KIND_LABELS,
    }


def organisation_rows(form: MultiDict) -> list[OrganisationRow]:
    """The organisation rows a form sent (``org-count`` of them)."""
    count = min(form.get("org-count", 0, type=int), MAX_ORGANISATIONS + NEW_ROWS)
    rows = []
    for index in range(max(count, 0)):
        rows.append(
            OrganisationRow(
                form.get(organisation_field(index, "id"), None, type=int),
                form.get(organisation_field(index, "name"), ""),
                form.get(organisation_field(index, "kind"), ""),
                remove=bool(form.get(organisation_field(index, "remove"))),
            )
        )
    return rows


def row_fields(rows: list[OrganisationRow]) -> set[str]:
    return {
        organisation_field(i, part)
        for i in range(len(rows))
        for part in ("name", "kind")
    }


def blank_rows() -> list[OrganisationRow]:
    return [OrganisationRow(None, "", "region") for _ in range(NEW_ROWS)]


@bp.get("/leader/projects/new")
@leader_required
def new():
    return render_template(
        "leader/project_new.html",
        values={"name": "", "theme": "", "start": "template"},
        rows=blank_rows(),
        errors={},
        template_name=projects.TEMPLATE.name,
    )


@bp.post("/leader/projects")
@leader_required
def create():
    form = request.form
    rows = organisation_rows(form)
    start = form.get("start", "")
    try:
        fields = check_project(form.get("name"), form.get("theme"))
        kept = check_organisations(rows)
        if start not in STARTS:
            raise FieldError("start", "invalid", N_("Choose how the project starts."))
    except DomainError as error:
        return render_template(
            "leader/project_new.html",
            values={k: form.get(k, "") for k in PROJECT_FIELDS},
            rows=rows,
            errors=errors_for(error, PROJECT_FIELDS | row_fields(rows)),
            template_name=projects.TEMPLATE.name,
        ), 400
    project = projects.create_project(
        fields, kept, template=start == "template", leader_id=current_user.id
    )
    flash(_("The project “%(name)s” is set up.", name=project.name), "info")
    return redirect(url_for("programme.project", project_id=project.id))


def settings_page(project: models.Project, status: int = 200, **typed: object):
    """The settings page, with ``typed`` values (and errors) for one form."""
    stored = projects.project_catalogues(project)
    page = {
        "values": {"name": project.name, "theme": project.description},
        "rows": [OrganisationRow(o.id, o.name, o.kind) for o in project.organisations]
        + blank_rows(),
        "catalogue_values": {name: "\n".join(stored[name]) for name in stored},
        "errors": {},
        "error_form": None,
    }
    page.update(typed)
    return render_template(
        "leader/project_settings.html",
        project=project,
        catalogue_fields=CATALOGUE_FIELDS,
        **page,
    ), status


@bp.get(f"/leader/projects/<{ID}:project_id>/settings")
@leader_required
def settings(project_id: int):
    return settings_page(project_or_404(project_id))


@bp.post(f"/leader/projects/<{ID}:project_id>/settings")
@leader_required
def save_project(project_id: int):
    project = project_or_404(project_id)
    try:
        fields = check_project(request.form.get("name"), request.form.get("theme"))
    except DomainError as error:
        return settings_page(
            project,
            400,
            values={k: request.form.get(k, "") for k in ("name", "theme")},
            errors=errors_for(error, PROJECT_FIELDS),
            error_form="project",
        )
    projects.update_project(project, fields)
    flash(_("The name and theme are saved."), "info")
    return redirect(url_for("projects.settings", project_id=project_id))


@bp.post(f"/leader/projects/<{ID}:project_id>/organisations")
@leader_required
def save_organisations(project_id: int):
    project = project_or_404(project_id)
    rows = organisation_rows(request.form)
    try:
        kept = check_organisations(rows)
        removed = {r.id for r in rows if r.remove and r.id is not None}
        projects.set_organisations(project, kept, removed)
    except DomainError as error:
        db.session.rollback()
        return settings_page(
            project,
            400,
            rows=rows,
            errors=errors_for(error, row_fields(rows)),
            error_form="organisations",
        )
    flash(_("The member organisations are saved."), "info")
    return redirect(url_for("projects.settings", project_id=project_id))


@bp.post(f"/leader/projects/<{ID}:project_id>/catalogues")
@leader_required
def save_catalogues(project_id: int):
    project = project_or_404(project_id)
    typed = {name: request.form.get(name, "") for name in DEFAULT_CATALOGUES}
    try:
        checked = check_catalogues(typed)
    except DomainError as error:
        return settings_page(
            project,
            400,
            catalogue_values=typed,
            errors=errors_for(error, set(DEFAULT_CATALOGUES)),
            error_form="catalogues",
        )
    projects.set_catalogues(project, checked)
    flash(_("The catalogues are saved. Sessions started from now on use them."), "info")
    return redirect(url_for("projects.settings", project_id=project_id))
