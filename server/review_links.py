"""Review links (docs/review.md): a read-only, revocable way into one project's
archive for someone who is not a process leader. Each change is one
transaction.

The token is shown once, when the link is made; only its sha256 is stored (as
sign-in tokens, server/tokens.py), so a copy of the database opens nothing.
"""

import secrets

from sqlalchemy import select, update

from sessions import text
from sessions.errors import N_

from . import models
from .extensions import db
from .timeutil import utcnow
from .tokens import token_hash

MAX_LABEL = 120  # as the column
LABEL = N_("Label")
# Longer than any token this module makes: no need to hash it to know it is none.
MAX_TOKEN = 100


def create(
    project_id: int, leader_id: int, label: object
) -> tuple[models.ReviewLink, str]:
    """A new link to the project, and its token (never stored, never shown
    again). A missing or too long label is refused (DomainError)."""
    cleaned = text.clean(label, field=LABEL, max_length=MAX_LABEL)
    token = secrets.token_urlsafe(32)
    row = models.ReviewLink(
        project_id=project_id,
        token_hash=token_hash(token),
        label=cleaned,
        created_by=leader_id,
        created_at=utcnow(),
    )
    db.session.add(row)
    db.session.commit()
    return row, token


def links_of(project_id: int) -> list[models.ReviewLink]:
    """The project's links, newest first, revoked ones included."""
    return list(
        db.session.scalars(
            select(models.ReviewLink)
            .where(models.ReviewLink.project_id == project_id)
            .order_by(models.ReviewLink.created_at.desc(), models.ReviewLink.id.desc())
        )
    )


def revoke(project_id: int, link_id: int) -> bool | None:
    """Revoke a link of the project: True when revoked now, False when it
    already was, None when the project has no such link. One statement, so two
    leaders revoking at once keep the first moment."""
    revoked = db.session.scalar(
        update(models.ReviewLink)
        .where(
            models.ReviewLink.id == link_id,
            models.ReviewLink.project_id == project_id,
            models.ReviewLink.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
        .returning(models.ReviewLink.id)
    )
    db.session.commit()
    if revoked is not None:
        return True
    row = db.session.get(models.ReviewLink, link_id)
    return False if row is not None and row.project_id == project_id else None


def find(token: str) -> models.ReviewLink | None:
    """The link a token opens, revoked or not; None for an unknown token."""
    if not token or len(token) > MAX_TOKEN:
        return None
    return db.session.scalar(
        select(models.ReviewLink).where(
            models.ReviewLink.token_hash == token_hash(token)
        )
    )


def mark_used(link: models.ReviewLink) -> None:
    link.last_used_at = utcnow()
    db.session.commit()
