"""A whole project as a JSON archive: export, and import in one transaction
(docs/archive-format.md). The file's format and checks are in the domain
(sessions/archive_format.py); writing it is server/archive_export.py.

An import adds a new project and everything in it, or nothing: any error rolls
the whole transaction back. A project the instance already holds (the same
key) is refused, or imported as a copy under a new name. Imported sessions are
ended: a running one is ended as of the export, its open activity closed and
every outcome frozen, as ending it would have. Join codes and projector tokens
are not in the file; each imported session draws new ones.
"""

from flask import current_app, has_request_context
from flask_babel import force_locale, gettext
from sqlalchemy import select

from sessions.archive_format import Archive, ArchiveError, project_key, validate
from sessions.errors import N_
from sessions.project import MAX_NAME

from . import accounts, models
from .archive_export import export
from .archive_import import Importer
from .extensions import db
from .timeutil import utcnow

__all__ = ["already_present", "copy_name", "export", "import_archive"]


def already_present(archive: Archive) -> models.Project | None:
    """The project of this instance that the archive is an export of."""
    wanted = archive.project
    for row in db.session.scalars(
        select(models.Project).where(models.Project.name == wanted.name)
    ):
        if project_key(row.name, row.created_at) == wanted.key:
            return row
    return None


def copy_name(name: str) -> str:
    """A copy's name, "<name> (copy)" in the page's language (on the command
    line, the instance's), within the column's size."""
    if has_request_context():
        return _copy_name(name)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _copy_name(name)


def _copy_name(name: str) -> str:
    whole = gettext("%(name)s (copy)", name=name)
    if len(whole) <= MAX_NAME:
        return whole
    return gettext("%(name)s (copy)", name=name[: MAX_NAME - (len(whole) - len(name))])


def import_archive(
    document: object, *, as_copy: bool, leader_id: int | None = None
) -> models.Project:
    """Add the project of a parsed archive ``document``, led by ``leader_id``
    (none: a test's instance); one transaction.
    Raises an ArchiveError for a file that is no valid archive
    (sessions/archive_format.py), and ``already_present`` when the instance
    holds the project, unless ``as_copy``: then it is added under "<name>
    (copy)", created now."""
    archive = document if isinstance(document, Archive) else validate(document)
    doc = archive.project
    try:
        name, created_at = doc.name, doc.created_at
        if already_present(archive) is not None:
            if not as_copy:
                raise ArchiveError(
                    "already_present",
                    N_(
                        "This instance already holds the project “%(name)s”. "
                        "Import it as a copy, or leave it."
                    ),
                    name=doc.name,
                )
            name, created_at = copy_name(doc.name), utcnow()
        project = Importer(archive, name, created_at).run()
        if leader_id is not None:
            accounts.add_member(project.id, leader_id)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    return project
