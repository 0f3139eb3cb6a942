"""The decision aid: where the person is, their SURE takes, every version of their plan.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decision_aid",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("option_order", sa.JSON, nullable=False),
        sa.Column("chosen_values", sa.JSON, nullable=False),
        sa.Column("ratings", sa.JSON, nullable=False),
        sa.Column("questions", sa.JSON, nullable=False),
    )
    op.create_table(
        "decision_sure",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("taken_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
    )
    op.create_table(
        "decision_plans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("option", sa.String(16), nullable=False),
        sa.Column("review_on", sa.String(10), nullable=False),
        sa.Column("parts", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("decision_plans")
    op.drop_table("decision_sure")
    op.drop_table("decision_aid")
