"""The documentation report of a project (docs/report.md), for its readers
(leaders and reviewers): HTML, Markdown or PDF, each a download."""

import re
import time
import unicodedata
from urllib.parse import quote

from flask import Blueprint, Response, current_app, render_template
from flask_babel import gettext as _

from ..access import require_reader
from ..report import html, markdown
from ..report_pdf import PdfError, pdf
from ..security import REPORT_POLICY
from .lookup import ID, project_or_404

bp = Blueprint("report", __name__)


def file_names(title: str, suffix: str) -> tuple[str, str]:
    """An ASCII name for ``filename`` and the UTF-8 one for ``filename*``
    (RFC 5987): "Integration – regionernas roll" gives
    integration-regionernas-roll.pdf both ways; "Träff" gives traff and träff."""
    stem = re.sub(r"[\W_]+", "-", title.casefold()).strip("-")[:80] or "report"
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    plain = re.sub(r"-+", "-", plain).strip("-") or "report"
    return f"{plain}.{suffix}", f"{stem}.{suffix}"


def _download(body: str | bytes, mimetype: str, title: str, suffix: str) -> Response:
    plain, full = file_names(title, suffix)
    disposition = f'attachment; filename="{plain}"'
    if full != plain:
        disposition += f"; filename*=UTF-8''{quote(full, safe='')}"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = disposition
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get(f"/projects/<{ID}:project_id>/report.html")
def report_html(project_id: int):
    require_reader(project_id)
    project = project_or_404(project_id)
    response = _download(html(project), "text/html", project.name, "html")
    response.headers["Content-Security-Policy"] = REPORT_POLICY
    return response


@bp.get(f"/projects/<{ID}:project_id>/report.md")
def report_markdown(project_id: int):
    require_reader(project_id)
    project = project_or_404(project_id)
    return _download(markdown(project), "text/markdown", project.name, "md")


@bp.get(f"/projects/<{ID}:project_id>/report.pdf")
def report_pdf(project_id: int):
    require_reader(project_id)
    project = project_or_404(project_id)
    began = time.perf_counter()
    try:
        body = pdf(html(project))
    except PdfError as error:
        current_app.logger.error("report %d as PDF failed: %s", project_id, error)
        message = _(
            "The PDF could not be made just now. The HTML report holds the same "
            "content and prints as well; try the PDF again later."
        )
        return render_template("error.html", message=message), 500
    current_app.logger.info(
        "report %d as PDF: %.2f s", project_id, time.perf_counter() - began
    )
    return _download(body, "application/pdf", project.name, "pdf")
