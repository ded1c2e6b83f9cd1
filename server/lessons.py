"""The leader's lessons board (docs/kinds.md), one transaction per change.

The board is the activity's ``merges`` (sessions/kinds/lessons_board.py). Each
change locks the activity's row as control.py does, bumps its version and, once
the activity has run, freezes its outcome again, so the archive shows the board
as the leader left it. While voting, the phones' ballot is rebuilt from the
visible lessons with every change.
"""

from sessions.activity import ActivityState
from sessions.errors import N_, DomainError
from sessions.kinds import lessons
from sessions.kinds import lessons_board as boards

from . import control, models, repository
from .extensions import db
from .freeze import freeze

MAX_ID = 2**31 - 1  # the database's integer ids


def _board_activity(live: models.LiveSession, activity_id: int) -> models.Activity:
    row = control._activity(live, activity_id)  # locked, of this running session
    if row.kind != "lessons":
        raise DomainError("invalid", N_("This activity has no lessons board."))
    return row


def _check_open(row: models.Activity) -> None:
    if row.state != ActivityState.OPEN:
        raise DomainError(
            "not_open", N_("Open the activity first: voting runs while it is open.")
        )


def _check_lesson(row: models.Activity, ref: str) -> None:
    """The lesson ``<submission id>.<lesson id>`` is among the activity's."""
    submission_id, lesson_id = ref.split(".")
    sub = (
        db.session.get(models.Submission, int(submission_id))
        if int(submission_id) <= MAX_ID
        else None
    )
    found = sub is not None and sub.activity_id == row.id
    if not found or lesson_id not in {
        lesson.get("id") for lesson in (sub.answer or {}).get("lessons") or ()
    }:
        raise DomainError("unknown_lesson", N_("There is no such lesson."))


def edit_board(
    live: models.LiveSession, activity_id: int, action: str, params: dict
) -> models.Activity:
    """Apply one change (server/payloads.py: LessonsBoardChange) to the board."""
    row = _board_activity(live, activity_id)
    board = boards.current(row.config, row.merges)
    if action == "add_theme":
        board = boards.add_theme(board, params["name"])
    elif action == "rename_theme":
        board = boards.rename_theme(board, params["theme"], params["name"])
    elif action == "merge_themes":
        board = boards.merge_themes(board, params["source"], params["target"])
    elif action == "place_lesson":
        board = boards.place(board, params["lesson"], params["theme"])
        _check_lesson(row, params["lesson"])
    elif action == "start_voting":
        _check_open(row)
        board = boards.start_voting(board, params["dots"])
    elif action == "reopen_collecting":
        _check_open(row)
        board = boards.reopen_collecting(board)
    else:  # the payload's union names every action above
        raise DomainError("invalid", N_("The request was malformed. Reload the page."))
    _store(row, board)
    return row


def refresh_ballot(activity_id: int) -> models.Activity | None:
    """After the leader hid or showed an answer: while voting, phones must see
    exactly the visible lessons. Returns the activity when its board changed."""
    row = db.session.get(models.Activity, activity_id)
    if row is None or row.kind != "lessons":
        return None
    db.session.refresh(row, with_for_update=True)
    board = boards.current(row.config, row.merges)
    if board["phase"] != boards.VOTE:
        db.session.rollback()
        return None
    _store(row, board)
    return row


def _store(row: models.Activity, board: dict) -> None:
    answers = repository.to_submissions(repository.answer_rows(row.id))
    row.merges = lessons.ballot(row.config, answers, board)
    repository.bump_version(row.id)
    db.session.flush()
    db.session.refresh(row)
    if row.state in (ActivityState.CLOSED, ActivityState.REVEALED):
        freeze(row)
    db.session.commit()
