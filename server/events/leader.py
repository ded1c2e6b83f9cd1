"""Events the leader's console sends. Each acks the console with the changed
activity and tells every client of the session through broadcast.py."""

from .. import broadcast, control, homework, lessons, models, quotes
from .. import live as live_sessions
from ..extensions import db, socketio
from ..payloads import (
    ActivityRef,
    EditLessonsBoard,
    Empty,
    HideResults,
    HideSubmission,
    MergeWords,
    OpenActivity,
    StarSubmission,
    UnmergeWord,
)
from ..present import activity_view, session_view
from .handling import handler
from .identity import SocketIdentity


def _live(who: SocketIdentity) -> models.LiveSession:
    return db.session.get(models.LiveSession, who.session_id)


def _changed(row: models.Activity) -> dict:
    broadcast.activity_changed(row)
    return {"activity": activity_view(row)}


@socketio.on("open_activity")
@handler("leader", payload=OpenActivity)
def on_open(who: SocketIdentity, data: OpenActivity) -> dict:
    """Sent by the console to open an activity, optionally with a countdown.
    Any other open activity closes first."""
    live = _live(who)
    before = {a.id for a in live.activities if a.state == "open"}
    row = control.open_activity(live, data.activity_id, data.timer_seconds)
    for other in live.activities:
        if other.id in before and other.id != row.id:
            broadcast.activity_changed(other)
    return _changed(row)


@socketio.on("close_activity")
@handler("leader", payload=ActivityRef)
def on_close(who: SocketIdentity, data: ActivityRef) -> dict:
    """Sent by the console to stop answers to an activity."""
    return _changed(control.close_activity(_live(who), data.activity_id))


@socketio.on("reveal_activity")
@handler("leader", payload=ActivityRef)
def on_reveal(who: SocketIdentity, data: ActivityRef) -> dict:
    """Sent by the console to show the results on the projector and phones."""
    return _changed(control.reveal_activity(_live(who), data.activity_id))


@socketio.on("set_hide_results")
@handler("leader", payload=HideResults)
def on_hide_results(who: SocketIdentity, data: HideResults) -> dict:
    """Sent by the console to hide results until reveal, or show them live."""
    return _changed(control.set_hide_results(_live(who), data.activity_id, data.hidden))


@socketio.on("hide_submission")
@handler("leader", payload=HideSubmission)
def on_hide_submission(who: SocketIdentity, data: HideSubmission) -> dict:
    """Sent by the console to leave one answer out of the results, or back in."""
    sub = control.hide_submission(_live(who), data.submission_id, data.hidden)
    broadcast.mark_dirty(sub.activity_id)
    # While a lessons board is voted on, phones list exactly the visible lessons.
    if (board := lessons.refresh_ballot(sub.activity_id)) is not None:
        broadcast.activity_changed(board)
    return {"submission_id": sub.id, "hidden": sub.hidden}


@socketio.on("merge_words")
@handler("leader", payload=MergeWords)
def on_merge(who: SocketIdentity, data: MergeWords) -> dict:
    """Sent by the console to count one word as another ("samordning" →
    "Samordnare")."""
    row = control.merge_words(
        _live(who), data.activity_id, data.source, data.target, data.field
    )
    broadcast.mark_dirty(row.id)
    return {"activity": activity_view(row)}


@socketio.on("unmerge_word")
@handler("leader", payload=UnmergeWord)
def on_unmerge(who: SocketIdentity, data: UnmergeWord) -> dict:
    """Sent by the console to undo a merge."""
    row = control.unmerge_word(_live(who), data.activity_id, data.source, data.field)
    broadcast.mark_dirty(row.id)
    return {"activity": activity_view(row)}


@socketio.on("edit_lessons_board")
@handler("leader", payload=EditLessonsBoard)
def on_edit_lessons_board(who: SocketIdentity, data: EditLessonsBoard) -> dict:
    """Sent by the console to change a lessons board: add, rename or merge a
    theme, place a lesson, start voting or collect again. Every client of the
    session gets the new board (phones switch to voting with it)."""
    change = data.change.model_dump()
    action = change.pop("action")
    row = lessons.edit_board(_live(who), data.activity_id, action, change)
    return _changed(row)


@socketio.on("star_submission")
@handler("leader", payload=StarSubmission)
def on_star(who: SocketIdentity, data: StarSubmission) -> dict:
    """Sent by the console to star an open-text answer as a quote for the
    documentation, or to unstar it. Every console of the session is told."""
    activity_id = quotes.star(data.submission_id, data.starred, who.session_id)
    broadcast.mark_dirty(activity_id)
    return {"submission_id": data.submission_id, "starred": data.starred}


@socketio.on("show_homework")
@handler("leader", payload=ActivityRef)
def on_show_homework(who: SocketIdentity, data: ActivityRef) -> dict:
    """Sent by a meeting's console to put one of the project's homework on its
    projector. Every client of the session is told; the projector then follows
    the homework's snapshots as late answers arrive."""
    live = _live(who)
    row = homework.show(live, data.activity_id)
    broadcast.homework_shown(live, row)
    return {"activity": activity_view(row)}


@socketio.on("end_session")
@handler("leader", payload=Empty)
def on_end(who: SocketIdentity, _: Empty) -> dict:
    """Sent by the console to end the session; it is archived read-only and every
    client of the session is told."""
    live = _live(who)
    live_sessions.end_session(live)
    broadcast.session_ended(live)
    return {"session": session_view(live)}
