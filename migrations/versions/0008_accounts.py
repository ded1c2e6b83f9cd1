"""Accounts: leaders' passwords, and which leaders lead which project.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "leader", sa.Column("password_hash", sa.String(length=255), nullable=True)
    )
    op.create_table(
        "project_leader",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"]),
        sa.ForeignKeyConstraint(["leader_id"], ["leader.id"]),
        sa.PrimaryKeyConstraint("project_id", "leader_id"),
    )
    op.create_index("ix_project_leader_leader_id", "project_leader", ["leader_id"])
    # Until now every leader led every project: keep it so, nobody loses access.
    op.execute(
        "INSERT INTO project_leader (project_id, leader_id, added_at)"
        " SELECT project.id, leader.id, CURRENT_TIMESTAMP FROM project, leader"
    )


def downgrade():
    op.drop_index("ix_project_leader_leader_id", table_name="project_leader")
    op.drop_table("project_leader")
    with op.batch_alter_table("leader", schema=None) as batch_op:
        batch_op.drop_column("password_hash")
