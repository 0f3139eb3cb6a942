"""The holding pen: drafts kept for a while before deciding what to do with them.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held_drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("hold_until", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decided_at", sa.String(32)),
        sa.Column("rewrite", sa.Text),
    )
    op.create_index("ix_held_drafts_created", "held_drafts", ["created_at"])


def downgrade() -> None:
    op.drop_table("held_drafts")
