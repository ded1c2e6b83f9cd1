"""The projector page: read-only, reached by an unguessable link, no sign-in."""

from flask import Blueprint, abort, render_template

from .. import repository

bp = Blueprint("projector", __name__)


@bp.get("/projector/<token>")
def show(token: str):
    live_session = repository.session_by_projector_token(token) or abort(404)
    return render_template("projector.html", live_session=live_session, token=token)
