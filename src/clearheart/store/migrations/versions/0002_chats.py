"""Imported chats: the chat, its participants and its messages (in blocks).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chats",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200)),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("me", sa.String(200)),
        sa.Column("partner_alias", sa.String(200)),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "chat_participants",
        sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
    )
    op.create_table(
        "chat_blocks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("first_ts", sa.BigInteger, nullable=False),
        sa.Column("last_ts", sa.BigInteger, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_chat_blocks_chat_ts", "chat_blocks", ["chat_id", "first_ts"])


def downgrade() -> None:
    op.drop_table("chat_blocks")
    op.drop_table("chat_participants")
    op.drop_table("chats")
