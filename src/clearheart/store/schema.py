"""The schema, in SQLAlchemy Core, shared by SQLCipher and PostgreSQL.

Timestamps are stored as sortable UTC text with the writer's UTC offset beside
them, so the local time a person saw is kept exactly on both backends.
Alembic migrations under `migrations/` are the source of truth for changes;
`tests/store` checks this module and the migrations agree.
"""

from __future__ import annotations

import sqlalchemy as sa

HEAD = "0001"
"""The newest migration; opening a vault below it runs the upgrade."""

metadata = sa.MetaData()

journal_entries = sa.Table(
    "journal_entries",
    metadata,
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
    sa.Index("ix_journal_created", "created_at"),
    sa.Index("ix_journal_practice", "practice", "practice_day"),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.JSON, nullable=False),
)

TABLES = (journal_entries, settings)
"""Every table holding the person's data, in dependency order (for export)."""
