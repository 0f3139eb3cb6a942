"""Questionnaires, the behaviour log and the cycle map; chat blocks packed as bytes;
pattern reports kept once worked out.

Chat blocks move from a JSON `data` column to a packed `payload` column
(store/chat_codec.py), which packs and unpacks many times faster; every
stored block is converted inside the migration's transaction.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from clearheart.store import chat_codec

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _pack_json_block(data: str) -> bytes:
    rows = json.loads(data)
    return chat_codec.pack([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                           [r[3] for r in rows], [r[4] for r in rows])


def _pack_chat_blocks() -> None:
    with op.batch_alter_table("chat_blocks") as batch:
        batch.add_column(sa.Column("payload", sa.LargeBinary, nullable=True))
    conn = op.get_bind()
    blocks = sa.table("chat_blocks", sa.column("id", sa.Integer), sa.column("data", sa.Text),
                      sa.column("payload", sa.LargeBinary))
    ids = conn.execute(sa.select(blocks.c.id).order_by(blocks.c.id)).scalars().all()
    for block_id in ids:
        data = conn.execute(sa.select(blocks.c.data).where(blocks.c.id == block_id)).scalar_one()
        conn.execute(sa.update(blocks).where(blocks.c.id == block_id)
                     .values(payload=_pack_json_block(data)))
    with op.batch_alter_table("chat_blocks") as batch:
        batch.drop_column("data")
        batch.alter_column("payload", existing_type=sa.LargeBinary, nullable=False)


def upgrade() -> None:
    _pack_chat_blocks()
    op.create_table(
        "pattern_reports",
        sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("made_at", sa.String(32), nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
    )
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
    op.drop_table("pattern_reports")
    _unpack_chat_blocks()


def _unpack_chat_blocks() -> None:
    with op.batch_alter_table("chat_blocks") as batch:
        batch.add_column(sa.Column("data", sa.Text, nullable=True))
    conn = op.get_bind()
    blocks = sa.table("chat_blocks", sa.column("id", sa.Integer), sa.column("data", sa.Text),
                      sa.column("payload", sa.LargeBinary))
    ids = conn.execute(sa.select(blocks.c.id).order_by(blocks.c.id)).scalars().all()
    for block_id in ids:
        payload = conn.execute(
            sa.select(blocks.c.payload).where(blocks.c.id == block_id)).scalar_one()
        seconds, senders, kinds, edited, texts = chat_codec.unpack(payload)
        rows = [list(row) for row in zip(seconds, senders, kinds, texts, edited, strict=True)]
        data = json.dumps(rows, separators=(",", ":"))  # ASCII: lone surrogates survive
        conn.execute(sa.update(blocks).where(blocks.c.id == block_id).values(data=data))
    with op.batch_alter_table("chat_blocks") as batch:
        batch.drop_column("payload")
        batch.alter_column("data", existing_type=sa.Text, nullable=False)
