"""Setting up a learning project: a new one (blank, or from the built-in one as a
template), its name and theme, its member organisations and its catalogues.
Each function is one transaction; the checks are in sessions/project.py.
"""

from sessions.builtin import INTEGRATION
from sessions.errors import N_, DomainError
from sessions.project import OrganisationRow, ProjectFields, catalogues

from . import accounts, models
from .extensions import db
from .seed import add_meetings

TEMPLATE = INTEGRATION


def create_project(
    fields: ProjectFields,
    organisations: list[OrganisationRow],
    *,
    template: bool,
    leader_id: int,
) -> models.Project:
    """A new project with the leader's own name, theme and organisations; from
    the template, also its meetings, programmes and catalogues. The leader
    who set it up leads it, in the same transaction."""
    project = models.Project(name=fields.name, description=fields.theme)
    project.organisations = [
        models.Organisation(name=o.name, kind=o.kind) for o in organisations
    ]
    if template:
        # The template's words become the project's own, for the leader to edit.
        project.catalogues = catalogues(TEMPLATE.catalogues)
        add_meetings(project, TEMPLATE.meetings)
    else:
        project.catalogues = {}
    db.session.add(project)
    db.session.flush()
    accounts.add_member(project.id, leader_id)
    db.session.commit()
    return project


def update_project(project: models.Project, fields: ProjectFields) -> None:
    project.name = fields.name
    project.description = fields.theme
    db.session.commit()


def set_organisations(
    project: models.Project, kept: list[OrganisationRow], removed: set[int]
) -> None:
    """Rename, re-kind and add the ``kept`` rows, remove the ``removed`` ids.
    Participants keep the organisation they gave: it is stored as text."""
    by_id = {o.id: o for o in project.organisations}
    if any(row.id is not None and row.id not in by_id for row in kept) or (
        removed - set(by_id)
    ):
        raise DomainError(
            "stale",
            N_("The list of organisations has changed. Reload the page."),
        )
    for row in kept:
        if row.id is None:
            project.organisations.append(
                models.Organisation(name=row.name, kind=row.kind)
            )
        else:
            by_id[row.id].name = row.name
            by_id[row.id].kind = row.kind
    for organisation_id in removed:
        project.organisations.remove(by_id[organisation_id])
    db.session.commit()


def set_catalogues(project: models.Project, checked: dict[str, list[str]]) -> None:
    """The project's words from now on: sessions started later offer them."""
    project.catalogues = {name: list(words) for name, words in checked.items()}
    db.session.commit()


def project_catalogues(project: models.Project) -> dict[str, list[str]]:
    """The words the project's activities offer: its own, or the built-in ones."""
    return catalogues(project.catalogues)
