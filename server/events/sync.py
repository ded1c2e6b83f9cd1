"""``sync``: a client asks for the whole current state after every (re)connect."""

from sessions import snapshot as snapshots
from sessions.live import SessionMode

from .. import freeze, models, repository
from ..extensions import db, socketio
from ..payloads import Empty
from ..present import activity_view, participant_view, session_view, submission_view
from ..timeutil import iso
from .handling import handler
from .identity import SocketIdentity


@socketio.on("sync")
@handler("participant", "projector", "leader")
def on_sync(who: SocketIdentity, _: Empty) -> dict:
    """Sent by a phone, projector or console after it connects. Acks the sender
    with the state its page shows; nothing is broadcast."""
    live = db.session.get(models.LiveSession, who.session_id)
    state = {
        "role": who.role,
        "session": session_view(live),
        "joined": repository.joined_count(live.id),
    }
    current = (
        db.session.get(models.Activity, live.current_activity_id)
        if live.current_activity_id
        else None
    )
    state["activity"] = activity_view(current) if current else None
    if who.role == "leader":
        state["projector_token"] = live.projector_token
        state["activities"] = [activity_view(a) for a in live.activities]
        state["snapshots"] = [
            freeze.snapshots(a)[1] for a in live.activities if a.state != "draft"
        ]
        if current is not None and current.session_id != live.id:
            # A homework this meeting shows: the console shows its results too.
            state["snapshots"].append(freeze.snapshots(current)[1])
        return state
    if who.role == "projector":
        state["snapshot"] = public_snapshot(current) if current else None
        return state
    participant = db.session.get(models.Participant, who.participant_id)
    state["participant"] = participant_view(participant)
    own = repository.own_submission(current.id, participant.id) if current else None
    state["submission"] = submission_view(own) if own else None
    if live.mode == SessionMode.HOMEWORK and current is not None:
        draft = repository.own_draft(current.id, participant.id)
        state["draft"] = (
            {"answer": draft.answer, "saved_at": iso(draft.updated_at)}
            if draft
            else None
        )
    # Phones see results only once revealed; a reconnect storm of phones must
    # not recompute the aggregate for each of them otherwise.
    revealed = current is not None and current.state == "revealed"
    state["snapshot"] = public_snapshot(current) if revealed else None
    return state


def public_snapshot(row: models.Activity) -> dict:
    return snapshots.public(freeze.current_snapshot(row))
