"""``flask --app server.app mellanrum …`` commands."""

import click
from flask import Flask, url_for
from flask_migrate import upgrade

from sessions.errors import DomainError

from . import accounts, models, seed, tokens
from .database import migration_lock
from .extensions import db


def login_link(base_url: str) -> str:
    token = tokens.new_login_token(seed.default_leader())
    return base_url.rstrip("/") + url_for("leader.sign_in_with_link", token=token)


def prepare_database() -> None:
    """Bring the schema up to date and load the built-in project once.

    Several workers start at once; the lock lets one migrate and seed while the
    others wait, then find nothing left to do.
    """
    with migration_lock():
        upgrade()
        seed.seed_if_empty()


def register(app: Flask) -> None:
    @app.cli.group()
    def mellanrum() -> None:
        """Mellanrum's own commands."""

    @mellanrum.command("init-db")
    def init_db() -> None:
        """Migrate the database and load the built-in learning project."""
        prepare_database()
        click.echo("Database ready.")

    @mellanrum.command("login-link")
    @click.option("--base-url", default="http://127.0.0.1:5000")
    def print_login_link(base_url: str) -> None:
        """Print a one-time sign-in link for the process leader."""
        with app.test_request_context():
            click.echo(login_link(base_url))

    @mellanrum.command("create-leader")
    @click.option("--name", required=True, help="The leader's name.")
    @click.option("--email", required=True, help="Their email: they sign in with it.")
    @click.option(
        "--project",
        "project_ids",
        type=int,
        multiple=True,
        help="A project they lead (repeat for several).",
    )
    @click.password_option(help="Asked for when not given (typed twice).")
    def create_leader(
        name: str, email: str, project_ids: tuple[int, ...], password: str
    ) -> None:
        """Create a process leader with a password (docs/accounts.md)."""
        try:
            leader = accounts.create_leader(name, email, password)
            for project_id in project_ids:
                if db.session.get(models.Project, project_id) is None:
                    raise click.ClickException(f"There is no project {project_id}.")
                accounts.add_member(project_id, leader.id)
        except DomainError as error:
            db.session.rollback()
            raise click.ClickException(error.message % error.params) from None
        db.session.commit()
        click.echo(f"Leader {leader.id} created: {leader.email}")

    from .archive_cli import register_archive

    register_archive(mellanrum)  # export-project, import-project
