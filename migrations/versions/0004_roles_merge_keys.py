"""Roles' merges keyed like every kind's: "role:<key>".

Revision ID: 0004
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

activity = sa.table(
    "activity",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("merges", sa.JSON),
)


def _rekey(change) -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(activity.c.id, activity.c.merges).where(activity.c.kind == "roles")
    ).all()
    for row in rows:
        merges = (
            row.merges
            if isinstance(row.merges, dict)
            else json.loads(row.merges or "{}")
        )
        if merges:
            conn.execute(
                activity.update()
                .where(activity.c.id == row.id)
                .values(merges={change(k): v for k, v in merges.items()})
            )


def upgrade():
    _rekey(lambda k: k if k.startswith("role:") else f"role:{k}")


def downgrade():
    _rekey(lambda k: k.removeprefix("role:"))
