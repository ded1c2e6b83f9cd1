"""Project set-up and the programme editor: organisation kinds, a project's own
catalogues, and the links that let a copied activity be compared with its
origin.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The built-in project's members that are no region.
_KINDS = {"Vinnova": "agency", "Tillväxtverket": "agency", "SKL": "partner"}


def _add_reference(table: str, column: str) -> None:
    """A nullable reference to a programme item (removing an item clears its
    references first: server/programme.py). SQLite adds it in place with
    REFERENCES; alembic would rebuild the table (a batch), which fails while
    other tables point at it."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
            "REFERENCES programme_item (id)"
        )
        return
    op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(
        f"{table}_{column}_fkey",
        table,
        "programme_item",
        [column],
        ["id"],
    )


def upgrade():
    op.add_column(
        "organisation",
        sa.Column(
            "kind", sa.String(length=16), nullable=False, server_default="region"
        ),
    )
    organisation = sa.table(
        "organisation", sa.column("name", sa.String), sa.column("kind", sa.String)
    )
    for name, kind in _KINDS.items():
        op.execute(
            organisation.update().where(organisation.c.name == name).values(kind=kind)
        )
    op.add_column(
        "project",
        sa.Column(
            "catalogues", sa.JSON(), nullable=False, server_default=sa.text("'{}'")
        ),
    )
    _add_reference("programme_item", "origin_id")
    _add_reference("activity", "item_id")
    op.create_index("ix_activity_item_id", "activity", ["item_id"])
    # The editor lists each item's copies.
    op.create_index("ix_programme_item_origin_id", "programme_item", ["origin_id"])


def downgrade():
    op.drop_index("ix_programme_item_origin_id", table_name="programme_item")
    op.drop_index("ix_activity_item_id", table_name="activity")
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        # SQLite drops a referencing column only by rebuilding the table, which
        # answers point at: checks off for the rebuild (outside a transaction,
        # where SQLite takes this pragma).
        with op.get_context().autocommit_block():
            op.execute("PRAGMA foreign_keys=OFF")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("item_id")
    with op.batch_alter_table("programme_item", schema=None) as batch_op:
        batch_op.drop_column("origin_id")
    if sqlite:
        with op.get_context().autocommit_block():
            op.execute("PRAGMA foreign_keys=ON")
    op.drop_column("project", "catalogues")
    op.drop_column("organisation", "kind")
