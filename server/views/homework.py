"""The leader's homework pages: assign, follow the hand-ins, change the due date,
close. Participants answer homework on the phone page (public.phone)."""

from datetime import UTC, datetime

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

from sessions.errors import N_, DomainError
from sessions.live import SessionStatus
from sessions.privacy import is_anonymous

from .. import broadcast, homework, live, models, tokens
from ..authz import leader_required
from ..extensions import db
from ..i18n import translate
from ..timeutil import room_zone
from .lookup import ID

bp = Blueprint("homework", __name__)


def due_from_form() -> datetime:
    """The form's local date and time (the instance's time zone) as naive UTC."""
    typed = request.form.get("due_at", "")
    try:
        local = datetime.fromisoformat(typed)
    except ValueError:
        raise DomainError(
            "invalid_due_date", N_("Give the due date as a date and a time.")
        ) from None
    if local.tzinfo is None:
        zone = room_zone()
        local = local.replace(tzinfo=zone)
    return local.astimezone(UTC).replace(tzinfo=None)


@bp.post(f"/leader/items/<{ID}:item_id>/homework")
@leader_required
def assign(item_id: int):
    item = db.session.get(models.ProgrammeItem, item_id) or abort(404)
    try:
        assigned = homework.assign(
            item,
            due_from_form(),
            allow_anonymous=request.form.get("allow_anonymous") == "on",
        )
    except DomainError as error:
        flash(translate(error), "error")
        return redirect(request.referrer or url_for("leader.home"))
    return redirect(url_for("homework.page", session_id=assigned.id))


def _homework(session_id: int) -> models.LiveSession:
    found = db.session.get(models.LiveSession, session_id)
    if found is None or found.mode != homework.HOMEWORK:
        abort(404)
    return found


@bp.get(f"/leader/homework/<{ID}:session_id>")
@leader_required
def page(session_id: int):
    assigned = _homework(session_id)
    activity = homework.homework_activity(assigned)
    # Anonymous: no hand-in times (they would match the exports' answers) and
    # no personal links (the leader would hold a participant's token).
    anonymous = is_anonymous(activity.config)
    return render_template(
        "leader/homework.html",
        live_session=assigned,
        activity=activity,
        anonymous=anonymous,
        hand_ins=homework.hand_ins(assigned),
        running=assigned.status == SessionStatus.RUNNING,
        continue_for=None if anonymous else request.args.get("continue_for", type=int),
    )


@bp.post(f"/leader/homework/<{ID}:session_id>/due")
@leader_required
def set_due(session_id: int):
    assigned = _homework(session_id)
    try:
        row = homework.set_due(assigned, due_from_form())
    except DomainError as error:
        flash(translate(error), "error")
    else:
        broadcast.activity_changed(row)  # open pages show the new date
        flash(_("The due date is changed."), "info")
    return redirect(url_for("homework.page", session_id=session_id))


@bp.post(f"/leader/homework/<{ID}:session_id>/close")
@leader_required
def close(session_id: int):
    assigned = _homework(session_id)
    try:
        live.end_session(assigned)
    except DomainError as error:
        flash(translate(error), "error")
    else:
        broadcast.session_ended(assigned)  # open pages lock at once
    return redirect(url_for("homework.page", session_id=session_id))


def participant_link(participant: models.Participant) -> str:
    code = db.session.get(models.LiveSession, participant.session_id).join_code
    return (
        url_for("public.phone", code=code, _external=True)
        + "#continue="
        + tokens.participant_token(participant)
    )


@bp.app_context_processor
def homework_helpers() -> dict:
    return {"participant_link": participant_link}
