"""Process leaders' accounts (docs/accounts.md): passwords hashed with
argon2id, and which leaders lead which project. Reviewers are not accounts:
they come by review link (access.py)."""

import functools
import hashlib
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, session
from flask_login import current_user, login_user
from sqlalchemy import delete, func, select

from sessions.errors import N_, DomainError

from . import models
from .extensions import db

PASSWORD_MIN = 10  # characters; long beats clever (NIST SP 800-63B)
PASSWORD_MAX = 200  # hashing a megabyte per attempt would be a denial of service
# argon2-cffi's defaults (RFC 9106's second recommendation: 64 MiB, 3 passes).
hasher = PasswordHasher()


@functools.cache
def _nobody() -> str:
    """Verified when no leader has the email, so a wrong email takes as long
    as a wrong password and sign-in does not tell which addresses exist. Made
    at the first sign-in, not at import: a hash takes 64 MiB for a moment."""
    return hasher.hash("no leader has this email")


# Flask cookie session: when this browser signed in (seconds since the epoch).
SIGNED_IN_KEY = "signed_in_at"
# ...and with which password: a new one ends every other browser's sign-in.
CREDENTIAL_KEY = "credential"


def credential(leader: models.Leader) -> str:
    """A short mark of the leader's current password (none: ""), never the
    hash itself, which must not leave the database."""
    return hashlib.sha256((leader.password_hash or "").encode()).hexdigest()[:16]


def start_sign_in(leader: models.Leader) -> None:
    """Signed in for this browser for SIGN_IN_HOURS, however busy it is, or
    until the password changes; no remember-me cookie that would outlive it."""
    session.clear()  # nothing from before signing in carries over
    login_user(leader, remember=False)
    session.permanent = True
    session[SIGNED_IN_KEY] = int(datetime.now(UTC).timestamp())
    session[CREDENTIAL_KEY] = credential(leader)


def sign_in_expired() -> bool:
    """The signed-in leader's sign-in is older than SIGN_IN_HOURS (or unknown),
    or their password changed since (in another browser, say)."""
    began = session.get(SIGNED_IN_KEY)
    if not isinstance(began, int):
        return True
    if session.get(CREDENTIAL_KEY) != credential(current_user):
        return True
    limit = timedelta(hours=current_app.config["SIGN_IN_HOURS"])
    return datetime.now(UTC) - datetime.fromtimestamp(began, UTC) > limit


def normal_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str) -> None:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise DomainError(
            "bad_password",
            N_("Choose a password of %(min)d to %(max)d characters."),
            min=PASSWORD_MIN,
            max=PASSWORD_MAX,
        )


def set_password(leader: models.Leader, password: str) -> None:
    """The new password; the leader's unused sign-in links stop working."""
    check_password(password)
    leader.password_hash = hasher.hash(password)
    db.session.execute(
        delete(models.LoginToken).where(
            models.LoginToken.leader_id == leader.id,
            models.LoginToken.used_at.is_(None),
        )
    )


def leader_by_email(email: str) -> models.Leader | None:
    return db.session.scalar(
        select(models.Leader).where(
            func.lower(models.Leader.email) == normal_email(email)
        )
    )


def authenticate(email: str, password: str) -> models.Leader | None:
    """The leader with this email and password, or None (either wrong)."""
    if len(password) > PASSWORD_MAX:
        return None
    leader = leader_by_email(email)
    stored = leader.password_hash if leader is not None else None
    try:
        hasher.verify(stored or _nobody(), password)
    except (VerificationError, InvalidHashError):
        return None
    if leader is None or stored is None:
        return None
    if hasher.check_needs_rehash(stored):  # parameters raised since it was set
        leader.password_hash = hasher.hash(password)
        db.session.commit()
    return leader


def create_leader(name: str, email: str, password: str | None = None):
    """A new leader; refused when a leader already has the email."""
    name, email = name.strip(), normal_email(email)
    if not name or len(name) > 120:
        raise DomainError("bad_name", N_("Write a name of at most 120 characters."))
    if "@" not in email or len(email) > 254:
        raise DomainError("bad_email", N_("Write an email address."))
    if leader_by_email(email) is not None:
        raise DomainError(
            "email_taken", N_("A leader with this email address already exists.")
        )
    leader = models.Leader(name=name, email=email)
    if password is not None:
        set_password(leader, password)
    db.session.add(leader)
    db.session.flush()
    return leader


def is_member(leader_id: int, project_id: int) -> bool:
    return db.session.get(models.ProjectLeader, (project_id, leader_id)) is not None


def add_member(project_id: int, leader_id: int) -> None:
    """Make the leader one of the project's leaders (again: no change)."""
    if not is_member(leader_id, project_id):
        db.session.add(models.ProjectLeader(project_id=project_id, leader_id=leader_id))
        db.session.flush()


def project_ids_of(leader_id: int) -> list[int]:
    return list(
        db.session.scalars(
            select(models.ProjectLeader.project_id).where(
                models.ProjectLeader.leader_id == leader_id
            )
        )
    )


def leaders_of(project_id: int) -> list[models.Leader]:
    return list(
        db.session.scalars(
            select(models.Leader)
            .join(models.ProjectLeader)
            .where(models.ProjectLeader.project_id == project_id)
            .order_by(models.Leader.name, models.Leader.id)
        )
    )
