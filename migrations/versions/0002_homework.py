"""Homework: sessions open between meetings, due dates and drafts.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("activity_id", "participant_id"),
    )
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_draft_activity_id"), ["activity_id"], unique=False
        )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_at", sa.DateTime(), nullable=True))
    # Sessions from before homework were all run in a room.
    with op.batch_alter_table("live_session", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "mode", sa.String(length=16), nullable=False, server_default="meeting"
            )
        )


def downgrade():
    with op.batch_alter_table("live_session", schema=None) as batch_op:
        batch_op.drop_column("mode")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("due_at")
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_draft_activity_id"))
    op.drop_table("draft")
