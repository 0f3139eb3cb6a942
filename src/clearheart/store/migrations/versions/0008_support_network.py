"""The support network: the people and places that help, and times in touch.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "support_people",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("good_for", sa.JSON, nullable=False),
        sa.Column("words", sa.String(500), nullable=False),
        sa.Column("how", sa.String(200), nullable=False),
        sa.Column("every_days", sa.Integer),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "support_contacts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("support_people.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("on_day", sa.String(10), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
    )
    op.create_index("ix_support_contacts_person_day", "support_contacts", ["person_id", "on_day"])


def downgrade() -> None:
    op.drop_index("ix_support_contacts_person_day", "support_contacts")
    op.drop_table("support_contacts")
    op.drop_table("support_people")
