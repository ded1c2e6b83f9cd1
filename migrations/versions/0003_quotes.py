"""Quotes: starred answers, and consent to be named under them.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows: nobody agreed to be named, nothing is starred yet.
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "quote_by_name", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "starred", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("starred")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("quote_by_name")
