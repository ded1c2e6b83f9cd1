"""Rows named in URLs and forms, or a 404. Ids stop at the integer column's
largest: a bigger one is no row, where the database would fail on it."""

from flask import abort, request

from .. import models
from ..extensions import db

MAX_ID = 2**31 - 1
ID = f"int(max={MAX_ID})"  # the URL converter for an id


def form_id(name: str) -> int | None:
    """A form's id field, or None when it is missing or can be no row's id."""
    value = request.form.get(name, type=int)
    return value if value is not None and 0 < value <= MAX_ID else None


def project_or_404(project_id: int) -> models.Project:
    return db.session.get(models.Project, project_id) or abort(404)


def meeting_or_404(meeting_id: int) -> models.Meeting:
    return db.session.get(models.Meeting, meeting_id) or abort(404)
