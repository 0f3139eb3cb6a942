"""Safety events: every "I don't feel safe", "I am safe now" and danger sign, in order.

The older single flag (the `safety` setting) is read as the first events of this
history by services/safety.py, so vaults and archives from before keep their state.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "safety_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("unsafe", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("signs", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("safety_events")
