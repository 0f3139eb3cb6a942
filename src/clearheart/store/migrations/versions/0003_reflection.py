"""Questionnaires, the behaviour log and the cycle map.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "instruments",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(20), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("loaded_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "assessment_results",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("instrument_id", sa.String(64), nullable=False),
        sa.Column("instrument_version", sa.String(20), nullable=False),
        sa.Column("taken_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("subject", sa.String(200)),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("scores", sa.JSON, nullable=False),
    )
    op.create_index("ix_results_instrument_taken", "assessment_results",
                    ["instrument_id", "taken_at"])
    op.create_table(
        "cycle_maps",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("steps", sa.JSON, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "behaviour_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("cycle_map_id", sa.Integer,
                  sa.ForeignKey("cycle_maps.id", ondelete="SET NULL")),
        sa.Column("cycle_step", sa.String(40)),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_behaviour_log_at", "behaviour_log", ["at"])


def downgrade() -> None:
    op.drop_table("behaviour_log")
    op.drop_table("cycle_maps")
    op.drop_table("assessment_results")
    op.drop_table("instruments")
