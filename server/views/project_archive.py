"""A project's JSON archive: downloading it, and importing one from a file
(docs/archive-format.md). A refused import shows the form again with what is
wrong with the file, and has saved nothing."""

import json

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import secure_filename

from sessions.archive_format import ArchiveError, parse, too_large
from sessions.archive_schema import MAX_ARCHIVE_BYTES
from sessions.errors import N_
from sessions.privacy import anonymised_archive

from .. import project_archive
from ..access import require_reader
from ..authz import leader_required
from ..exports import member_organisations, wants_anonymised
from ..i18n import translate
from ..timeutil import utcnow
from .lookup import ID, project_or_404

bp = Blueprint("project_archive", __name__)

# The form's own fields and the multipart framing, beside the file.
UPLOAD_ALLOWANCE = 64 * 1024


@bp.url_value_preprocessor
def allow_large_upload(endpoint: str | None, _values: dict | None) -> None:
    """Let the import form take an archive bigger than other requests may be.
    Set here, before the app's CSRF check reads the form."""
    if endpoint == "project_archive.upload":
        request.max_content_length = MAX_ARCHIVE_BYTES + UPLOAD_ALLOWANCE


@bp.get(f"/leader/projects/<{ID}:project_id>/export.json")
def download(project_id: int):
    """The leaders' and the project's reviewers' (server/access.py); importing
    stays the leaders'. A reviewer's leaves out the sessions still running,
    as the archive pages do."""
    reader = require_reader(project_id)
    project = project_or_404(project_id)
    document = project_archive.export(project, ended_only=not reader.is_leader)
    # A reviewer gets the anonymised file only (docs/privacy.md).
    anonymised = wants_anonymised(reader)
    if anonymised:
        document = anonymised_archive(document, member_organisations(project.id))
    name = secure_filename(project.name) or "project"
    suffix = "-anonymised" if anonymised else ""
    filename = f"{name}-{utcnow():%Y-%m-%d}{suffix}.json"
    return Response(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")),
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def form_page(
    status: int = 200, error: ArchiveError | None = None, as_copy: bool = False
):
    """The import form; with a refusal, its message and where the file is wrong
    (a problem's message is an msgid, or pydantic's English)."""
    problems = []
    if error is not None:
        problems = [(p.path, gettext(p.message, **p.params)) for p in error.problems]
    return render_template(
        "leader/project_import.html",
        error=translate(error) if error else None,
        problems=problems,
        more=error.more if error else 0,
        as_copy=as_copy,
    ), status


@bp.get("/leader/projects/import")
@leader_required
def upload_form():
    return form_page()


@bp.post("/leader/projects/import")
@leader_required
def upload():
    as_copy = bool(request.form.get("as_copy"))
    sent = request.files.get("archive")
    try:
        if sent is None or not sent.filename:
            raise ArchiveError("no_file", N_("Choose an archive file to import."))
        project = project_archive.import_archive(
            parse(sent.read()), as_copy=as_copy, leader_id=current_user.id
        )
    except ArchiveError as error:
        return form_page(400, error, as_copy)
    flash(_("The project “%(name)s” is imported.", name=project.name), "info")
    return redirect(url_for("leader.home"))


@bp.errorhandler(RequestEntityTooLarge)
def refuse_too_large(_error: RequestEntityTooLarge):
    return form_page(413, too_large())
