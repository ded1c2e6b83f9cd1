"""``flask --app server.app mellanrum export-project ID FILE`` and
``… import-project FILE [--copy]``: a project's JSON archive on the command
line (docs/archive-format.md). FILE may be ``-``: standard output or input."""

import json
from typing import BinaryIO, TextIO

import click

from sessions.archive_format import ArchiveError, parse
from sessions.archive_schema import MAX_ARCHIVE_BYTES

from . import accounts, models, project_archive, seed
from .extensions import db


def register_archive(group: click.Group) -> None:
    @group.command("export-project")
    @click.argument("project_id", type=int)
    @click.argument("target", type=click.File("w", encoding="utf-8"))
    def export_project(project_id: int, target: TextIO) -> None:
        """Write project PROJECT_ID's archive to TARGET."""
        project = db.session.get(models.Project, project_id)
        if project is None:
            raise click.ClickException(f"There is no project {project_id}.")
        json.dump(project_archive.export(project), target, ensure_ascii=False)
        target.write("\n")

    @group.command("import-project")
    @click.argument("source", type=click.File("rb"))
    @click.option(
        "--copy", "as_copy", is_flag=True, help="Import as a copy if already here."
    )
    @click.option(
        "--leader",
        "email",
        help="The email of the leader who will lead it (default: the first).",
    )
    def import_project(source: BinaryIO, as_copy: bool, email: str | None) -> None:
        """Import the project archive in SOURCE, all of it or nothing."""
        leader = accounts.leader_by_email(email) if email else seed.default_leader()
        if leader is None:
            raise click.ClickException(f"There is no leader with the email {email}.")
        try:
            project = project_archive.import_archive(
                parse(source.read(MAX_ARCHIVE_BYTES + 1)),
                as_copy=as_copy,
                leader_id=leader.id,
            )
        except ArchiveError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"Imported project {project.id}: {project.name}")
