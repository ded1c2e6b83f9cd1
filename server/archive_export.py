"""Writing a project into the JSON archive (docs/archive-format.md).

The archive is built as one dict and written at once: a learning project is a
few meetings of dozens of participants, and even the benchmark's 4 × 2,000 ×
10 answers make some 30 MB, which a dict holds. The rows are read in a fixed
order (position, then id), so the same project always gives the same file, and
an imported one gives the file it came from.
"""

from collections import defaultdict

from sqlalchemy import select

from sessions import archive_refs
from sessions.archive_format import FORMAT, SCHEMA_VERSION, moment, project_key
from sessions.live import SessionStatus

from . import models
from .extensions import db
from .timeutil import utcnow

# The columns read as plain rows: a project may hold tens of thousands.
PARTICIPANT = "id session_id name organisation anonymous quote_by_name joined_at"
SUBMISSION = "id activity_id participant_id answer hidden starred created_at updated_at"
DRAFT = "id activity_id participant_id answer updated_at"


def _columns(model: type, names: str) -> list:
    return [getattr(model, name) for name in names.split()]


class _Names:
    """The file's own names for the project's rows: ``i1``, ``a1``, ``p1``…
    for items, activities and participants, a number for each answer."""

    def __init__(self) -> None:
        self.items: dict[int, str] = {}
        self.activities: dict[int, str] = {}
        self.participants: dict[int, str] = {}
        self.submissions: dict[int, int] = {}

    def rewrites(self) -> archive_refs.Rewrites:
        """Database ids → the file's names; one the project does not hold
        becomes 0 (an answer) or null (an activity)."""
        return archive_refs.Rewrites(
            submission=lambda value, _path: self.submissions.get(value, 0),
            activity=lambda value, _path: self.activities.get(value),
        )


def _by_session(rows: list, session_id=lambda row: row.session_id) -> dict:
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[session_id(row)].append(row)
    return grouped


class _Reader:
    """The project's rows, a few queries for the whole project."""

    def __init__(self, project: models.Project, ended_only: bool) -> None:
        self.meetings = list(
            db.session.scalars(
                select(models.Meeting)
                .where(models.Meeting.project_id == project.id)
                .order_by(models.Meeting.position, models.Meeting.id)
            )
        )
        meeting_ids = [m.id for m in self.meetings]
        self.items = _by_session(
            db.session.scalars(
                select(models.ProgrammeItem)
                .where(models.ProgrammeItem.meeting_id.in_(meeting_ids))
                .order_by(models.ProgrammeItem.position, models.ProgrammeItem.id)
            ).all(),
            lambda row: row.meeting_id,
        )
        sessions = select(models.LiveSession).where(
            models.LiveSession.meeting_id.in_(meeting_ids)
        )
        if ended_only:
            sessions = sessions.where(
                models.LiveSession.status == SessionStatus.ENDED.value
            )
        self.sessions = _by_session(
            db.session.scalars(
                sessions.order_by(models.LiveSession.started_at, models.LiveSession.id)
            ).all(),
            lambda row: row.meeting_id,
        )
        session_ids = [s.id for rows in self.sessions.values() for s in rows]
        self.activities = _by_session(
            db.session.scalars(
                select(models.Activity)
                .where(models.Activity.session_id.in_(session_ids))
                .order_by(models.Activity.position, models.Activity.id)
            ).all()
        )
        self.participants = _by_session(
            db.session.execute(
                select(*_columns(models.Participant, PARTICIPANT))
                .where(models.Participant.session_id.in_(session_ids))
                .order_by(models.Participant.id)
            ).all()
        )
        self.submissions = self._answers(models.Submission, SUBMISSION, session_ids)
        self.drafts = self._answers(models.Draft, DRAFT, session_ids)

    @staticmethod
    def _answers(model: type, names: str, session_ids: list[int]) -> dict[int, list]:
        """Answers or drafts as plain rows (many: no ORM objects), each with its
        activity's session and kind."""
        rows = db.session.execute(
            select(
                *_columns(model, names),
                models.Activity.session_id,
                models.Activity.kind,
            )
            .join(models.Activity, model.activity_id == models.Activity.id)
            .where(models.Activity.session_id.in_(session_ids))
            .order_by(model.id)
        ).all()
        return _by_session(rows)

    def name_everything(self) -> _Names:
        names = _Names()
        for meeting in self.meetings:
            for item in self.items[meeting.id]:
                names.items[item.id] = f"i{len(names.items) + 1}"
            for live in self.sessions[meeting.id]:
                for row in self.activities[live.id]:
                    names.activities[row.id] = f"a{len(names.activities) + 1}"
                for person in self.participants[live.id]:
                    names.participants[person.id] = f"p{len(names.participants) + 1}"
                for answer in self.submissions[live.id]:
                    names.submissions[answer.id] = len(names.submissions) + 1
        return names


def export(project: models.Project, *, ended_only: bool = False) -> dict:
    """The whole project as an archive document (a dict ready for json.dump);
    with ``ended_only`` (a reviewer's, docs/review.md) without the sessions
    still running: their answers are not archived yet."""
    reader = _Reader(project, ended_only)
    names = reader.name_everything()
    rewrites = names.rewrites()
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": moment(utcnow()),
        "project": {
            "key": project_key(project.name, project.created_at),
            "name": project.name,
            "description": project.description,
            "created_at": moment(project.created_at),
            "catalogues": dict(project.catalogues or {}),
            "organisations": [
                {"name": o.name, "kind": o.kind}
                for o in sorted(project.organisations, key=lambda o: o.id)
            ],
            "meetings": [
                _meeting(reader, names, rewrites, meeting)
                for meeting in reader.meetings
            ],
        },
    }


def _meeting(
    reader: _Reader,
    names: _Names,
    rewrites: archive_refs.Rewrites,
    meeting: models.Meeting,
) -> dict:
    return {
        "position": meeting.position,
        "title": meeting.title,
        "held_on": meeting.held_on.isoformat() if meeting.held_on else None,
        "place": meeting.place,
        "items": [
            {
                "id": names.items[item.id],
                "position": item.position,
                "kind": item.kind,
                "prompt": item.prompt,
                "config": item.config,
                "hide_results": item.hide_results,
                "origin": names.items.get(item.origin_id),
            }
            for item in reader.items[meeting.id]
        ],
        "sessions": [
            _session(reader, names, rewrites, live)
            for live in reader.sessions[meeting.id]
        ],
    }


def _session(
    reader: _Reader,
    names: _Names,
    rewrites: archive_refs.Rewrites,
    live: models.LiveSession,
) -> dict:
    """A live session, without its join code and projector token (secrets)."""
    return {
        "status": live.status,
        "mode": live.mode,
        "allow_anonymous": live.allow_anonymous,
        "started_at": moment(live.started_at),
        "ended_at": moment(live.ended_at),
        "current_activity": names.activities.get(live.current_activity_id),
        "activities": [
            {
                "id": names.activities[row.id],
                "position": row.position,
                "item": names.items.get(row.item_id),
                "series": names.items.get(row.series_id),
                "published": row.published,
                "kind": row.kind,
                "prompt": row.prompt,
                "config": archive_refs.config(row.kind, row.config, rewrites, ""),
                "state": row.state,
                "hide_results": row.hide_results,
                "due_at": moment(row.due_at),
                "merges": archive_refs.merges(row.kind, row.merges, rewrites, ""),
                "version": row.version,
                "final_snapshot": archive_refs.snapshot(
                    row.kind, row.final_snapshot, rewrites, ""
                ),
            }
            for row in reader.activities[live.id]
        ],
        "participants": [
            {
                "id": names.participants[person.id],
                "name": person.name,
                "organisation": person.organisation,
                "anonymous": person.anonymous,
                "quote_by_name": person.quote_by_name,
                "joined_at": moment(person.joined_at),
            }
            for person in reader.participants[live.id]
        ],
        "submissions": [
            {
                "number": names.submissions[sub.id],
                "activity": names.activities[sub.activity_id],
                "participant": names.participants[sub.participant_id],
                "answer": archive_refs.answer(sub.kind, sub.answer, rewrites, ""),
                "hidden": sub.hidden,
                "starred": sub.starred,
                "created_at": moment(sub.created_at),
                "updated_at": moment(sub.updated_at),
            }
            for sub in reader.submissions[live.id]
        ],
        "drafts": [
            {
                "activity": names.activities[draft.activity_id],
                "participant": names.participants[draft.participant_id],
                "answer": archive_refs.answer(draft.kind, draft.answer, rewrites, ""),
                "updated_at": moment(draft.updated_at),
            }
            for draft in reader.drafts[live.id]
        ],
    }
