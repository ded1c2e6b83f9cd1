"""Who may use a leader's page or form (docs/accounts.md): a signed-in leader
of the project the URL points into. Every leader route is ``leader_required``;
the project comes from the route's id, whatever object it names, so no view
can forget the check. Reading an archive is access.py's ``require_reader``.
"""

from collections.abc import Callable
from functools import wraps

from flask import abort, current_app
from flask_login import current_user
from sqlalchemy import Select, bindparam, select

from . import accounts, models
from .extensions import db

M = models


def _finder(query: Select) -> Callable[[int], int | None]:
    return lambda object_id: db.session.scalar(query, {"id": object_id})


ID = bindparam("id")

_SESSION = select(M.Meeting.project_id).join(M.LiveSession)
_ACTIVITY = _SESSION.join(M.Activity)
# The URL's id that names a project's object, and how to find the project, in
# the order asked (a review link's route names its project first).
PROJECT_OF: dict[str, Callable[[int], int | None]] = {
    "project_id": _finder(select(M.Project.id).where(M.Project.id == ID)),
    "meeting_id": _finder(select(M.Meeting.project_id).where(M.Meeting.id == ID)),
    "item_id": _finder(
        select(M.Meeting.project_id)
        .join(M.ProgrammeItem)
        .where(M.ProgrammeItem.id == ID)
    ),
    "session_id": _finder(_SESSION.where(M.LiveSession.id == ID)),
    "activity_id": _finder(_ACTIVITY.where(M.Activity.id == ID)),
    "annotation_id": _finder(_ACTIVITY.join(M.Annotation).where(M.Annotation.id == ID)),
    "submission_id": _finder(_ACTIVITY.join(M.Submission).where(M.Submission.id == ID)),
}


def project_in(view_args: dict) -> int | None:
    """The project the route's first id points into; 404 when it names
    nothing; None for a route with no project (the home page)."""
    for name, find in PROJECT_OF.items():
        if name in view_args:
            return find(view_args[name]) or abort(404)
    return None


def leader_required(view: Callable) -> Callable:
    """Signed in, and a leader of the project the URL points into: else the
    sign-in page, or 403 for a leader of other projects."""

    @wraps(view)
    def guarded(**view_args: object):
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        project_id = project_in(view_args)
        if project_id is not None and not accounts.is_member(
            current_user.id, project_id
        ):
            abort(403)
        return view(**view_args)

    return guarded
