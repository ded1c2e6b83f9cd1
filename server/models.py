"""Database rows. Conversion to domain objects lives in repository.py only."""

from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db
from .timeutil import utcnow


class Leader(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # argon2id (server/accounts.py); None until the leader chooses one, and
    # sign-in links keep working either way.
    password_hash: Mapped[str | None] = mapped_column(String(255))


class ProjectLeader(db.Model):
    """A leader of a project: several may run one together (docs/accounts.md)."""

    __tablename__ = "project_leader"
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), primary_key=True)
    leader_id: Mapped[int] = mapped_column(
        ForeignKey("leader.id"), primary_key=True, index=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginToken(db.Model):
    """A one-time sign-in link; only the token's hash is stored."""

    id: Mapped[int] = mapped_column(primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("leader.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class Project(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # {"roles": [...], "actors": [...], "areas": [...], "themes": [...]}: the
    # words new activities offer; a missing list means the built-in one.
    catalogues: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    organisations: Mapped[list["Organisation"]] = relationship(
        order_by="Organisation.name", cascade="all, delete-orphan"
    )
    meetings: Mapped[list["Meeting"]] = relationship(
        order_by="Meeting.position", cascade="all, delete-orphan"
    )
    # Who leads it; a deleted project takes its memberships with it.
    memberships: Mapped[list["ProjectLeader"]] = relationship(
        cascade="all, delete-orphan"
    )


class Organisation(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    # sessions.project.ORGANISATION_KINDS: region, agency or partner.
    kind: Mapped[str] = mapped_column(String(16), default="region")


class Meeting(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date | None]
    place: Mapped[str] = mapped_column(String(200), default="")
    project: Mapped[Project] = relationship(back_populates="meetings")
    items: Mapped[list["ProgrammeItem"]] = relationship(
        order_by="ProgrammeItem.position",
        cascade="all, delete-orphan",
        back_populates="meeting",
    )
    live_sessions: Mapped[list["LiveSession"]] = relationship(
        order_by="LiveSession.started_at", back_populates="meeting"
    )


class ProgrammeItem(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(40))
    prompt: Mapped[str] = mapped_column(Text)
    config: Mapped[dict] = mapped_column(JSON, default=dict)
    hide_results: Mapped[bool] = mapped_column(default=True)
    meeting: Mapped[Meeting] = relationship(back_populates="items")
    # The item this one was copied from (or that one's origin): "Vem är du?" in
    # Träff 1, 3 and 4 share an origin, so their answers can be compared.
    origin_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_item.id"), index=True
    )
    origin: Mapped["ProgrammeItem | None"] = relationship(remote_side=[id])

    @property
    def series_id(self) -> int:
        """The series its runs join (``Activity.series_id``): the first asking."""
        return self.origin_id or self.id


class LiveSession(db.Model):
    """One live run of a meeting; its activities are copied from the programme."""

    __tablename__ = "live_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    projector_token: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="running")
    # sessions.live.SessionMode: run in the room, or homework between meetings.
    mode: Mapped[str] = mapped_column(String(16), default="meeting")
    allow_anonymous: Mapped[bool] = mapped_column(default=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    current_activity_id: Mapped[int | None]
    meeting: Mapped[Meeting] = relationship(back_populates="live_sessions")
    activities: Mapped[list["Activity"]] = relationship(
        order_by="Activity.position",
        cascade="all, delete-orphan",
        back_populates="live_session",
    )


class Activity(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_session.id"), index=True)
    position: Mapped[int]
    # The programme item this activity was copied from, while it exists
    # (removing an item clears this first).
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_item.id"), index=True
    )
    # The series of linked askings this run belongs to (the root item's id when
    # the session started): runs of "Vem är du?" in Träff 1, 3 and 4 share it,
    # and keep sharing it when an item is removed (server/programme.py
    # re-keys the series to the first remaining copy, or clears it when no
    # item of the series is left). No foreign key: it is set by hand there.
    series_id: Mapped[int | None] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(40))
    prompt: Mapped[str] = mapped_column(Text)
    config: Mapped[dict] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    hide_results: Mapped[bool] = mapped_column(default=True)
    timer_ends_at: Mapped[datetime | None]
    # Homework only: answers and drafts are refused after this.
    due_at: Mapped[datetime | None]
    # The leader's arrangement of the answers: alias merges ("field:key" →
    # target), and a lessons activity's board (docs/kinds.md).
    merges: Mapped[dict] = mapped_column(JSON, default=dict)
    # Bumped in the same transaction as every change: orders snapshots.
    version: Mapped[int] = mapped_column(default=0)
    # The outcome frozen when the activity last closed, and when the session ended.
    final_snapshot: Mapped[dict | None] = mapped_column(JSON)
    # The leader published the archived outcome to the session's participants
    # (docs/review.md); nothing else is shown to them after the session.
    published: Mapped[bool] = mapped_column(default=False)
    live_session: Mapped[LiveSession] = relationship(back_populates="activities")


class Participant(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_session.id"), index=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    organisation: Mapped[str] = mapped_column(String(120), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)
    # Consent to be named under a starred quote; otherwise it reads "Deltagare".
    quote_by_name: Mapped[bool] = mapped_column(default=False)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class Submission(db.Model):
    __table_args__ = (UniqueConstraint("activity_id", "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    answer: Mapped[dict] = mapped_column(JSON)
    hidden: Mapped[bool] = mapped_column(default=False)
    # Starred by the leader: a quote for the project's documentation.
    starred: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    participant: Mapped[Participant] = relationship()


class Draft(db.Model):
    """Homework as the participant last typed it, complete or not: saved as they
    type, so a closed tab loses nothing. Submitting does not remove it."""

    __table_args__ = (UniqueConstraint("activity_id", "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    answer: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SubmitReceipt(db.Model):
    """Every client id ever applied: a retry is acknowledged, not re-applied."""

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class Annotation(db.Model):
    """A leader's comment on an archived activity, kept beside its frozen outcome
    and never part of it (sessions/annotations.py)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), index=True)
    # Who wrote it; any leader may edit or remove it.
    leader_id: Mapped[int] = mapped_column(ForeignKey("leader.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    leader: Mapped[Leader] = relationship()


class ReviewLink(db.Model):
    """A read-only, revocable link to one project's archive for a reviewer
    (docs/review.md); only the token's hash is stored."""

    __tablename__ = "review_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Whom it was given to, as the leader wrote it ("Utvärderare, Reglab").
    label: Mapped[str] = mapped_column(String(120), default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("leader.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
