"""Signed tokens: a participant's identity in one session, and sign-in links."""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from sessions.errors import N_, DomainError

from . import models
from .extensions import db
from .timeutil import utcnow


def _participant_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="participant")


def participant_token(participant: models.Participant) -> str:
    return _participant_serializer().dumps(
        {"p": participant.id, "s": participant.session_id}
    )


def participant_from_token(token: object) -> models.Participant:
    """The participant a token names; a forged or stale token is refused."""
    refused = DomainError(
        "bad_token",
        N_("We do not recognise this phone in the session. Please join again."),
    )
    if not isinstance(token, str) or len(token) > 500:
        raise refused
    try:
        data = _participant_serializer().loads(token)
        participant = db.session.get(models.Participant, int(data["p"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        raise refused from None
    if participant is None or participant.session_id != data.get("s"):
        raise refused
    return participant


def token_hash(token: str) -> str:
    """What is stored of a secret token (sign-in and review links): its sha256."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_login_token(leader: models.Leader) -> str:
    token = secrets.token_urlsafe(32)
    minutes = current_app.config["LOGIN_LINK_MINUTES"]
    db.session.add(
        models.LoginToken(
            leader_id=leader.id,
            token_hash=token_hash(token),
            expires_at=utcnow() + timedelta(minutes=minutes),
        )
    )
    db.session.commit()
    return token


def use_login_token(token: str) -> models.Leader | None:
    """Spend a sign-in token once; an unknown, used or expired one gives None."""
    row = db.session.scalar(
        select(models.LoginToken).where(
            models.LoginToken.token_hash == token_hash(token)
        )
    )
    if row is None or row.used_at is not None or row.expires_at < utcnow():
        return None
    row.used_at = utcnow()
    db.session.commit()
    return db.session.get(models.Leader, row.leader_id)
