"""Dating again: checklist and commitment versions, people, and their notebooks' notes.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dating_checklists",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("items", sa.JSON, nullable=False),
    )
    op.create_table(
        "dating_commitments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("texts", sa.JSON, nullable=False),
    )
    op.create_table(
        "dating_people",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
    )
    op.create_table(
        "dating_notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("dating_people.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("on_day", sa.String(10), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("situation", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("answer", sa.String(20)),
        sa.Column("words_actions", sa.String(20)),
        sa.Column("mood", sa.Integer),
        sa.Column("mood_word", sa.String(40), nullable=False),
    )
    op.create_index("ix_dating_notes_person_day", "dating_notes", ["person_id", "on_day"])


def downgrade() -> None:
    op.drop_index("ix_dating_notes_person_day", "dating_notes")
    op.drop_table("dating_notes")
    op.drop_table("dating_people")
    op.drop_table("dating_commitments")
    op.drop_table("dating_checklists")
