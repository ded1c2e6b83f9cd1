"""Who may read a project's archive (docs/review.md): its process leaders, signed
in, and reviewers who opened one of the project's review links. Reviewers read;
they never change anything, so every form and event stays ``leader_required``
(authz.py). A leader of other projects reads this one only by a review link.

A review link's token is spent into the cookie session once (the project's id
and the link's id, never the token); each request checks that the link is
still there and not revoked, so revoking it shuts the reviewer out at once.
"""

from dataclasses import dataclass

from flask import abort, current_app, session
from flask_login import current_user

from . import accounts, models
from .extensions import db

# Flask cookie session: {"<project id>": <review link id>} of the links opened.
REVIEW_KEY = "review_links"


@dataclass(frozen=True)
class Reader:
    """Someone allowed to read one project's archive."""

    project_id: int
    leader: models.Leader | None  # a signed-in process leader
    review_link_id: int | None  # else the review link they came by

    @property
    def is_leader(self) -> bool:
        return self.leader is not None


def remember_review_link(link: models.ReviewLink) -> None:
    links = dict(session.get(REVIEW_KEY) or {})
    links[str(link.project_id)] = link.id
    session[REVIEW_KEY] = links


def reader_of(project_id: int) -> Reader | None:
    """The reader of ``project_id`` this request comes from, or None."""
    if current_user.is_authenticated and accounts.is_member(
        current_user.id, project_id
    ):
        return Reader(project_id, current_user, None)
    link_id = (session.get(REVIEW_KEY) or {}).get(str(project_id))
    if not isinstance(link_id, int):
        return None
    link = db.session.get(models.ReviewLink, link_id)
    if link is None or link.revoked_at is not None or link.project_id != project_id:
        return None
    return Reader(project_id, None, link.id)


def require_reader(project_id: int) -> Reader:
    """The reader of ``project_id``, or: a 403 for a reviewer whose link was
    revoked or is for another project, and for a leader of other projects; the
    sign-in page for anyone else."""
    reader = reader_of(project_id)
    if reader is not None:
        return reader
    if current_user.is_authenticated:
        # A leader of other projects: no such project, or not theirs.
        abort(403 if db.session.get(models.Project, project_id) else 404)
    if session.get(REVIEW_KEY):
        abort(403)
    abort(current_app.login_manager.unauthorized())
