"""Journal entries with full-text search, and settings.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_FTS_TRIGGERS = (
    """CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entries BEGIN
        INSERT INTO journal_fts(rowid, text, tags) VALUES (new.id, new.text, new.tags);
    END""",
    """CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entries BEGIN
        INSERT INTO journal_fts(journal_fts, rowid, text, tags)
        VALUES ('delete', old.id, old.text, old.tags);
    END""",
    """CREATE TRIGGER journal_fts_update AFTER UPDATE ON journal_entries BEGIN
        INSERT INTO journal_fts(journal_fts, rowid, text, tags)
        VALUES ('delete', old.id, old.text, old.tags);
        INSERT INTO journal_fts(rowid, text, tags) VALUES (new.id, new.text, new.tags);
    END""",
)


def upgrade() -> None:
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("utc_offset", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("prompt_id", sa.String(80)),
        sa.Column("practice", sa.String(32)),
        sa.Column("practice_day", sa.String(10)),
        sa.Column("mood", sa.Integer),
        sa.Column("emotions", sa.JSON, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
    )
    op.create_index("ix_journal_created", "journal_entries", ["created_at"])
    op.create_index("ix_journal_practice", "journal_entries", ["practice", "practice_day"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE journal_fts USING fts5(text, tags, "
            "content='journal_entries', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        for trigger in _FTS_TRIGGERS:
            op.execute(trigger)
    else:
        op.execute(
            "CREATE INDEX ix_journal_fts ON journal_entries USING GIN "
            "(to_tsvector('simple', text || ' ' || tags::text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE journal_fts")
    op.drop_table("settings")
    op.drop_table("journal_entries")
