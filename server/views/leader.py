"""The process leader's console: sign-in by link, meetings, starting sessions."""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from sqlalchemy import select

from sessions.errors import DomainError
from sessions.homework import HOMEWORK_KINDS
from sessions.live import SessionStatus

from .. import accounts, homework, live, models, tokens
from ..authz import leader_required
from ..extensions import db, login_manager
from ..i18n import translate

bp = Blueprint("leader", __name__)


@login_manager.user_loader
def load_leader(leader_id: str) -> models.Leader | None:
    return db.session.get(models.Leader, int(leader_id))


@bp.get("/login")
def sign_in():
    return render_template("leader/sign_in.html")


@bp.get("/login/<token>")
def sign_in_with_link(token: str):
    leader = tokens.use_login_token(token)
    if leader is None:
        message = _(
            "This sign-in link has been used or has expired. Ask for a new one."
        )
        return render_template("leader/sign_in.html", error=message), 403
    accounts.start_sign_in(leader)
    if leader.password_hash is None:  # a new or invited leader: suggest one
        flash(_("Choose a password under Password, to sign in without a link."), "info")
    return redirect(url_for("leader.home"))


@bp.post("/logout")
@leader_required
def sign_out():
    logout_user()
    return redirect(url_for("public.index"))


@bp.get("/leader/")
@leader_required
def home():
    projects = db.session.scalars(
        select(models.Project)
        .join(models.ProjectLeader)
        .where(models.ProjectLeader.leader_id == current_user.id)
        .order_by(models.Project.id)
    )
    return render_template(
        "leader/home.html", projects=list(projects), homework_kinds=HOMEWORK_KINDS
    )


# Ids in URLs stop at the integer column's largest: a bigger one is no page,
# where PostgreSQL would fail on it.
@bp.post("/leader/meetings/<int(max=2147483647):meeting_id>/sessions")
@leader_required
def start_session(meeting_id: int):
    meeting = db.session.get(models.Meeting, meeting_id) or abort(404)
    try:
        started = live.start_session(
            meeting, allow_anonymous=request.form.get("allow_anonymous") == "on"
        )
    except DomainError as error:  # an activity its kind refuses to run
        db.session.rollback()
        flash(translate(error), "error")
        return redirect(url_for("leader.home"))
    return redirect(url_for("leader.console", session_id=started.id))


@bp.get("/leader/sessions/<int(max=2147483647):session_id>")
@leader_required
def console(session_id: int):
    live_session = db.session.get(models.LiveSession, session_id) or abort(404)
    if live_session.status == SessionStatus.ENDED:
        return redirect(url_for("archive.session", session_id=session_id))
    meeting = live_session.meeting
    return render_template(
        "leader/console.html",
        live_session=live_session,
        homework_items=[i for i in meeting.items if i.kind in HOMEWORK_KINDS],
        project_homework=homework.project_homework(meeting.project_id),
    )
