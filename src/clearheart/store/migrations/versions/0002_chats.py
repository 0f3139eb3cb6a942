"""Imported chats: the chat, its participants and its messages.

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
        "chat_messages",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("ts", sa.BigInteger, nullable=False),
        sa.Column("sender", sa.Integer, nullable=False),
        sa.Column("kind", sa.SmallInteger, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("edited", sa.Boolean, nullable=False),
    )
    op.create_index("ix_chat_messages_chat_ts", "chat_messages", ["chat_id", "ts"])


def downgrade() -> None:
    op.drop_table("chat_messages")
    op.drop_table("chat_participants")
    op.drop_table("chats")
