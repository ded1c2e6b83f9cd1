"""``sync``: a client asks for the whole current state after every (re)connect."""

from sessions import snapshot as snapshots

from .. import models, repository
from ..broadcast import leader_snapshot
from ..extensions import db, socketio
from ..freeze import current_snapshot
from ..payloads import Empty
from ..present import activity_view, participant_view, session_view, submission_view
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
            leader_snapshot(a, current_snapshot(a))
            for a in live.activities
            if a.state != "draft"
        ]
        return state
    public = snapshots.public(current_snapshot(current)) if current else None
    if who.role == "projector":
        state["snapshot"] = public
        return state
    participant = db.session.get(models.Participant, who.participant_id)
    state["participant"] = participant_view(participant)
    own = repository.own_submission(current.id, participant.id) if current else None
    state["submission"] = submission_view(own) if own else None
    state["snapshot"] = public if current and current.state == "revealed" else None
    return state
