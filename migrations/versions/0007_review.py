"""Review: reviewer links, outcomes published to participants, and the series
that keeps linked runs together for the comparison across meetings.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "review_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["leader.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_review_link_project_id", "review_link", ["project_id"])
    op.add_column(
        "activity",
        sa.Column(
            "published", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )
    op.add_column("activity", sa.Column("series_id", sa.Integer(), nullable=True))
    op.create_index("ix_activity_series_id", "activity", ["series_id"])
    # Each run so far joins the series of the item it was copied from: the
    # item's origin, or the item itself when it is the first asking.
    op.execute(
        "UPDATE activity SET series_id = ("
        " SELECT COALESCE(programme_item.origin_id, programme_item.id)"
        " FROM programme_item WHERE programme_item.id = activity.item_id)"
        " WHERE item_id IS NOT NULL"
    )


def downgrade():
    op.drop_index("ix_activity_series_id", table_name="activity")
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        # SQLite drops a column by rebuilding the table, which answers point
        # at: checks off for the rebuild (outside a transaction, where SQLite
        # takes this pragma), as in 0005.
        with op.get_context().autocommit_block():
            op.execute("PRAGMA foreign_keys=OFF")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("series_id")
        batch_op.drop_column("published")
    if sqlite:
        with op.get_context().autocommit_block():
            op.execute("PRAGMA foreign_keys=ON")
    op.drop_index("ix_review_link_project_id", table_name="review_link")
    op.drop_table("review_link")
