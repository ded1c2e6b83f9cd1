"""Writing an archive's project into the database (docs/archive-format.md),
for server/project_archive.py, which decides its name and holds the
transaction. Rows are added in the file's order, so an imported project exports
as the file it came from; the many (participants, answers, drafts) in bulk.
The ids the kinds keep in their own data are rewritten once every answer has
its new id (sessions/archive_refs.py).
"""

import secrets
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert, select, update

from sessions import archive_refs
from sessions.activity import ActivityState
from sessions.archive_format import Archive
from sessions.archive_schema import Session
from sessions.live import JOIN_CODE_ALPHABET, SessionStatus

from . import models
from .extensions import db
from .freeze import freeze

# Longer than a live session's code, so an imported session never takes a code
# a live one could draw (sessions/live.py); it is shown, never joined: ended.
IMPORTED_CODE_LENGTH = 10


class Importer:
    """Adds an archive's project under ``name``, created at ``created_at``,
    without committing. ``run`` returns the new project."""

    def __init__(self, archive: Archive, name: str, created_at: datetime) -> None:
        self.archive = archive
        self.name = name
        self.created_at = created_at
        self.items: dict[str, models.ProgrammeItem] = {}
        self.activities: dict[str, models.Activity] = {}
        self.submissions: dict[int, int] = {}  # number → new id
        self.sessions: list[tuple[Session, models.LiveSession]] = []
        self.codes: set[str] = set()

    def run(self) -> models.Project:
        doc = self.archive.project
        project = models.Project(
            name=self.name,
            description=doc.description,
            catalogues=doc.catalogues,
            created_at=self.created_at,
        )
        project.organisations = [
            models.Organisation(name=o.name, kind=o.kind) for o in doc.organisations
        ]
        db.session.add(project)
        meetings = self.programme(project)
        for meeting_doc, meeting in zip(doc.meetings, meetings, strict=True):
            for session_doc in meeting_doc.sessions:
                self.session(meeting, session_doc)
        db.session.flush()  # the activities' ids
        for session_doc, live in self.sessions:
            self.people(session_doc, live)
        self.kinds_data()
        self.end_running()
        return project

    def programme(self, project: models.Project) -> list[models.Meeting]:
        """The meetings and their programmes, in the file's order."""
        meetings = []
        for meeting_doc in self.archive.project.meetings:
            meeting = models.Meeting(
                position=meeting_doc.position,
                title=meeting_doc.title,
                held_on=meeting_doc.held_on,
                place=meeting_doc.place,
            )
            for item in meeting_doc.items:
                row = models.ProgrammeItem(
                    position=item.position,
                    kind=item.kind,
                    prompt=item.prompt,
                    config=item.config,
                    hide_results=item.hide_results,
                )
                meeting.items.append(row)
                self.items[item.id] = row
            project.meetings.append(meeting)
            meetings.append(meeting)
        db.session.flush()  # every item's id, then the links between them
        for meeting_doc in self.archive.project.meetings:
            for item in meeting_doc.items:
                if item.origin is not None:
                    self.items[item.id].origin_id = self.items[item.origin].id
        return meetings

    def session(self, meeting: models.Meeting, doc: Session) -> None:
        live = models.LiveSession(
            meeting=meeting,
            join_code=self.new_code(),
            projector_token=secrets.token_urlsafe(24),
            status=SessionStatus.ENDED.value,
            mode=doc.mode,
            allow_anonymous=doc.allow_anonymous,
            started_at=doc.started_at,
            ended_at=doc.ended_at,
        )
        for act in doc.activities:
            row = models.Activity(
                position=act.position,
                item_id=self.items[act.item].id if act.item else None,
                series_id=self.items[act.series].id if act.series else None,
                published=act.published,
                kind=act.kind,
                prompt=act.prompt,
                state=act.state,
                hide_results=act.hide_results,
                due_at=act.due_at,
                version=act.version,
                # config, merges and the outcome name answers: once all have ids
                config={},
                merges={},
            )
            live.activities.append(row)
            self.activities[act.id] = row
        db.session.add(live)
        self.sessions.append((doc, live))

    def new_code(self) -> str:
        while True:
            code = "".join(
                secrets.choice(JOIN_CODE_ALPHABET) for _ in range(IMPORTED_CODE_LENGTH)
            )
            taken = db.session.scalar(
                select(models.LiveSession.id).where(
                    models.LiveSession.join_code == code
                )
            )
            if code not in self.codes and taken is None:
                self.codes.add(code)
                return code

    def people(self, doc: Session, live: models.LiveSession) -> None:
        """The participants, answers and drafts, inserted in bulk."""
        ids = _insert(
            models.Participant,
            (
                {
                    "session_id": live.id,
                    "name": p.name,
                    "organisation": p.organisation,
                    "anonymous": p.anonymous,
                    "quote_by_name": p.quote_by_name,
                    "joined_at": p.joined_at,
                }
                for p in doc.participants
            ),
        )
        own = {p.id: new for p, new in zip(doc.participants, ids, strict=True)}
        _insert(
            models.Submission,
            (
                {
                    "activity_id": self.activities[s.activity].id,
                    "participant_id": own[s.participant],
                    "answer": s.answer,  # rewritten in kinds_data where needed
                    "hidden": s.hidden,
                    "starred": s.starred,
                    "created_at": s.created_at,
                    "updated_at": s.updated_at,
                }
                for s in doc.submissions
            ),
            returning=False,
        )
        # One answer per activity and participant: their new ids by that pair.
        stored = db.session.execute(
            select(
                models.Submission.id,
                models.Submission.activity_id,
                models.Submission.participant_id,
            )
            .join(models.Activity, models.Submission.activity_id == models.Activity.id)
            .where(models.Activity.session_id == live.id)
        )
        by_pair = {(row.activity_id, row.participant_id): row.id for row in stored}
        for sub in doc.submissions:
            pair = (self.activities[sub.activity].id, own[sub.participant])
            self.submissions[sub.number] = by_pair[pair]
        _insert(
            models.Draft,
            (
                {
                    "activity_id": self.activities[d.activity].id,
                    "participant_id": own[d.participant],
                    "answer": d.answer,
                    "updated_at": d.updated_at,
                }
                for d in doc.drafts
            ),
            returning=False,
        )

    def kinds_data(self) -> None:
        """What the kinds keep in their own data, with the new rows' ids."""
        rewrites = archive_refs.Rewrites(
            submission=lambda value, _path: self.submissions.get(value, 0),
            activity=lambda value, _path: (
                self.activities[value].id if value in self.activities else None
            ),
        )
        for doc, live in self.sessions:
            by_id = {a.id: a for a in doc.activities}
            for act in doc.activities:
                row = self.activities[act.id]
                row.config = archive_refs.config(act.kind, act.config, rewrites, "")
                row.merges = archive_refs.merges(act.kind, act.merges, rewrites, "")
                row.final_snapshot = archive_refs.snapshot(
                    act.kind, act.final_snapshot, rewrites, ""
                )
            if doc.current_activity is not None:
                live.current_activity_id = self.activities[doc.current_activity].id
            changed = [
                {"id": self.submissions[s.number], "answer": new}
                for s in doc.submissions
                if (
                    new := archive_refs.answer(
                        by_id[s.activity].kind, s.answer, rewrites, ""
                    )
                )
                is not s.answer
            ]
            if changed:
                db.session.execute(update(models.Submission), changed)

    def end_running(self) -> None:
        """A session running when it was exported is imported ended, as ending
        it then would have left it (server/live.py: end_session)."""
        running = [live for doc, live in self.sessions if doc.status == "running"]
        if not running:
            return
        for live in running:
            live.ended_at = self.archive.exported_at
            for row in live.activities:
                if row.state == ActivityState.OPEN:
                    row.state = ActivityState.CLOSED.value
        db.session.flush()
        for live in running:
            for row in live.activities:
                if row.state != ActivityState.DRAFT:
                    freeze(row)


def _insert(model: type, rows: Iterable[dict], *, returning: bool = True) -> list:
    """Insert ``rows`` in one statement; their new ids, in the rows' order
    (SQLite then inserts one row at a time: where a natural key finds the new
    rows again, ``returning=False`` is much faster)."""
    values = list(rows)
    if not values:
        return []
    if not returning:
        db.session.execute(insert(model), values)
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, values))
