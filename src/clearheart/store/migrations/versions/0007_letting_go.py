"""Letting go: no-contact rules (versions) and contacts, urges, unsent letters.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "nocontact_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("started_on", sa.String(10), nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("exceptions", sa.JSON, nullable=False),
    )
    op.create_table(
        "nocontact_contacts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("way", sa.String(20), nullable=False),
        sa.Column("started_by", sa.String(8), nullable=False),
        sa.Column("exception", sa.String(200)),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_nocontact_contacts_at", "nocontact_contacts", ["at"])
    op.create_table(
        "urges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("strength", sa.Integer, nullable=False),
        sa.Column("triggers", sa.JSON, nullable=False),
        sa.Column("own_trigger", sa.String(200)),
        sa.Column("minutes", sa.Integer),
        sa.Column("did", sa.String(20), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_urges_at", "urges", ["at"])
    op.create_table(
        "unsent_letters",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("heading", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("unsent_letters")
    op.drop_index("ix_urges_at", "urges")
    op.drop_table("urges")
    op.drop_index("ix_nocontact_contacts_at", "nocontact_contacts")
    op.drop_table("nocontact_contacts")
    op.drop_table("nocontact_rules")
