"""Leaders' accounts (docs/accounts.md): signing in with a password, choosing
one, signed-in sessions that expire, and a project's co-leaders, invited from
the console with a one-time sign-in link."""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask import session as cookie_session
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from sessions.errors import DomainError

from .. import accounts, models, tokens
from ..authz import leader_required
from ..extensions import db, limiter
from ..i18n import error_reply, translate
from ..join_limits import client_address
from .lookup import ID, project_or_404

bp = Blueprint("accounts", __name__)


@bp.before_app_request
def end_expired_sign_in():
    if request.endpoint in ("static", "vendor.asset"):
        return  # files for anyone: no need to load the leader for them
    if current_user.is_authenticated and accounts.sign_in_expired():
        logout_user()


@bp.app_errorhandler(429)
def too_many(_error: Exception):
    """Flask-Limiter's refusal, in words; Retry-After says when to try again."""
    message = _("Too many attempts. Wait a few minutes, then try again.")
    if request.path.startswith("/api/"):
        return error_reply("rate_limited", message), 429
    if request.endpoint == "accounts.sign_in_with_password":
        page = render_template(
            "leader/sign_in.html", error=message, email=request.form.get("email", "")
        )
        return page, 429
    return render_template("error.html", message=message), 429


def _email_key() -> str:
    return "email:" + accounts.normal_email(request.form.get("email", ""))[:254]


@bp.post("/login")
# Per address, against guessing from one place; per email, against guessing
# one leader's password from many. Only failures count.
@limiter.limit(
    "10 per minute;50 per hour",
    key_func=client_address,
    deduct_when=lambda r: r.status_code == 401,
)
@limiter.limit(
    "20 per hour", key_func=_email_key, deduct_when=lambda r: r.status_code == 401
)
def sign_in_with_password():
    email = request.form.get("email", "")
    leader = accounts.authenticate(email, request.form.get("password", ""))
    if leader is None:
        message = _("Wrong email address or password.")
        page = render_template("leader/sign_in.html", error=message, email=email)
        return page, 401
    accounts.start_sign_in(leader)
    return redirect(url_for("leader.home"))


@bp.get("/leader/password")
@leader_required
def password_form():
    return render_template("leader/password.html")


@bp.post("/leader/password")
@leader_required
@limiter.limit(
    "10 per hour", key_func=client_address, deduct_when=lambda r: r.status_code == 400
)
def set_password():
    form = request.form
    leader: models.Leader = current_user
    error = None
    if leader.password_hash and not accounts.authenticate(
        leader.email, form.get("current", "")
    ):
        error = _("Your current password is not right.")
    elif form.get("password", "") != form.get("again", ""):
        error = _("The two new passwords differ.")
    else:
        try:
            accounts.set_password(leader, form.get("password", ""))
        except DomainError as refused:
            error = translate(refused)
    if error:
        db.session.rollback()
        return render_template("leader/password.html", error=error), 400
    db.session.commit()
    # This browser stays signed in; every other one must sign in again.
    cookie_session[accounts.CREDENTIAL_KEY] = accounts.credential(leader)
    flash(_("Your password is saved."), "info")
    return redirect(url_for("leader.home"))


def leaders_page(project: models.Project, status: int = 200, **shown: object):
    page = render_template(
        "leader/leaders.html",
        project=project,
        leaders=accounts.leaders_of(project.id),
        **shown,
    )
    return page, status, {"Cache-Control": "no-store"}


@bp.get(f"/leader/projects/<{ID}:project_id>/leaders")
@leader_required
def leaders(project_id: int):
    return leaders_page(project_or_404(project_id))


@bp.post(f"/leader/projects/<{ID}:project_id>/leaders")
@leader_required
def invite(project_id: int):
    """A co-leader joins the project. Someone new gets an account and a
    one-time sign-in link, shown once on this answer for the inviter to pass
    on; someone who has an account keeps signing in as before, and no link to
    it is ever made here (it would let the inviter in as them)."""
    project = project_or_404(project_id)
    name, email = request.form.get("name", ""), request.form.get("email", "")
    invited = accounts.leader_by_email(email)
    link = None
    try:
        if invited is None:
            invited = accounts.create_leader(name, email)
            token = tokens.new_login_token(invited)
            link = url_for("leader.sign_in_with_link", token=token, _external=True)
    except DomainError as error:
        db.session.rollback()
        return leaders_page(
            project, 400, error=translate(error), name=name, email=email
        )
    accounts.add_member(project.id, invited.id)
    db.session.commit()
    return leaders_page(project, invited=invited, link=link)


@bp.post(f"/leader/projects/<{ID}:project_id>/leaders/<{ID}:leader_id>/remove")
@leader_required
def remove(project_id: int, leader_id: int):
    project = project_or_404(project_id)
    # Locked: two leaders removing each other at once must not both succeed.
    db.session.refresh(project, with_for_update=True)
    membership = db.session.get(models.ProjectLeader, (project.id, leader_id))
    if membership is None:
        abort(404)
    if len(accounts.leaders_of(project.id)) == 1:
        flash(_("A project needs a leader: invite another one first."), "error")
        return redirect(url_for("accounts.leaders", project_id=project.id))
    db.session.delete(membership)
    db.session.commit()
    if leader_id == current_user.id:
        flash(_("You no longer lead this project."), "info")
        return redirect(url_for("leader.home"))
    flash(_("The leader no longer leads this project."), "info")
    return redirect(url_for("accounts.leaders", project_id=project.id))
