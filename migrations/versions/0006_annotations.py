"""Annotations: leaders' comments on archived activities.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "annotation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"]),
        sa.ForeignKeyConstraint(["leader_id"], ["leader.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    # The archive page reads a session's comments activity by activity.
    op.create_index("ix_annotation_activity_id", "annotation", ["activity_id"])


def downgrade():
    op.drop_index("ix_annotation_activity_id", table_name="annotation")
    op.drop_table("annotation")
