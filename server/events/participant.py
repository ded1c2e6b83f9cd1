"""Events a participant's phone sends."""

from .. import broadcast, homework
from ..extensions import socketio
from ..payloads import SaveDraft, Submit
from ..submit import submit
from ..timeutil import iso
from .handling import handler
from .identity import SocketIdentity


@socketio.on("submit")
@handler("participant", payload=Submit)
def on_submit(who: SocketIdentity, data: Submit) -> dict:
    """Sent by a participant's phone when it submits or changes an answer. Acks
    the sender once the answer is committed; the coalesced snapshot goes to the
    session's projector and leader rooms."""
    accepted = submit(
        who.participant_id,
        who.session_id,
        data.activity_id,
        data.client_id,
        data.answer,
    )
    if not accepted.duplicate:
        broadcast.mark_dirty(data.activity_id)
    return {"submission": accepted.submission, "duplicate": accepted.duplicate}


@socketio.on("save_draft")
@handler("participant", payload=SaveDraft)
def on_save_draft(who: SocketIdentity, data: SaveDraft) -> dict:
    """Sent by a participant's homework page as they type. Acks the sender once
    the draft is committed; nothing is broadcast (a draft is no answer)."""
    saved_at = homework.save_draft(
        who.participant_id, who.session_id, data.activity_id, data.answer
    )
    return {"saved_at": iso(saved_at)}
