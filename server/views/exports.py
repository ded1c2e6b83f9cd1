"""Downloads for the leader and the project's reviewers (server/access.py): an
activity's answers as CSV, a project's as a workbook with a sheet per activity
(docs/exports.md)."""

import tempfile

from flask import Blueprint, Response, abort, send_file, stream_with_context
from werkzeug.utils import secure_filename

from .. import exports, models
from ..access import require_reader
from ..extensions import db
from .archive import readable_session
from .lookup import ID, project_or_404

bp = Blueprint("exports", __name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_name(title: str, fallback: str, row_id: int, suffix: str) -> str:
    """An ASCII name ("Traff_1_Vem_ar_du-12.csv"): safe in any header."""
    stem = secure_filename(title)[:60].strip("._-") or fallback
    return f"{stem}-{row_id}.{suffix}"


@bp.get(f"/leader/activities/<{ID}:activity_id>/export.csv")
def activity_csv(activity_id: int):
    """Streamed as it is read: the first bytes leave before the last answer
    is fetched. A reviewer reads an activity once its session has ended, as
    its archive page."""
    row = db.session.get(models.Activity, activity_id)
    if row is None:
        require_reader(0)  # no project to ask about: a leader gets the 404
        abort(404)
    reader = readable_session(row.live_session)
    activity = exports.exported_activity(activity_id) or abort(404)
    members = None
    if exports.wants_anonymised(reader):
        members = exports.member_organisations(row.live_session.meeting.project_id)
    name = _file_name(
        f"{activity.meeting} {activity.prompt}{' anonymised' if members else ''}",
        "activity",
        activity_id,
        "csv",
    )
    return Response(
        stream_with_context(exports.csv_chunks(activity_id, activity, members)),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


@bp.get(f"/leader/projects/<{ID}:project_id>/export.xlsx")
def project_xlsx(project_id: int):
    """Written to a temporary file first (a zip is written out of order), then
    streamed from it; the file is gone once the response closes it."""
    reader = require_reader(project_id)
    project = project_or_404(project_id)
    # Closed by the response once sent (a context manager would close it first).
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    try:
        # A reviewer reads ended sessions only, as on the archive pages.
        exports.write_workbook(
            project.id,
            target,
            ended_only=not reader.is_leader,
            anonymised=exports.wants_anonymised(reader),
        )
        target.seek(0)
    except BaseException:
        target.close()
        raise
    response = send_file(
        target,
        mimetype=XLSX,
        as_attachment=True,
        download_name=_file_name(project.name, "project", project.id, "xlsx"),
    )
    response.headers["Cache-Control"] = "no-store"
    return response
