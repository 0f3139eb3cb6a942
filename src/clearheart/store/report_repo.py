"""Worked-out pattern reports kept in the vault, so a long chat is read only once.

Each report is stored as compressed JSON under a key that digests everything it
depends on. Only the newest few per chat are kept; the chat's deletion removes
them all (foreign key, and ChatRepo.delete).
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from itertools import islice
from typing import TypeVar

import sqlalchemy as sa

from clearheart.domain.journal import utc_stamp
from clearheart.store.dataclass_json import ShapeError, decode, json_pieces
from clearheart.store.schema import pattern_reports as r

T = TypeVar("T")
KEEP_PER_CHAT = 4


_CHUNKS = 4096
"""JSON pieces handed to the compressor at once."""


def _compressed_json(value: object) -> bytes:
    """`value` as compact JSON (dataclass_json), compressed as it is written.

    A long chat's report has rows for every week (some 100,000 a section for a chat of ten
    million messages), so its JSON form, its text and the bytes made of it would be the
    biggest things alive while it is kept; written piece by piece, only a row's and the
    compressed copy are.
    """
    pieces = json_pieces(value)
    packer = zlib.compressobj(1)
    out = [packer.compress("".join(chunk).encode()) for chunk in iter(
        lambda: list(islice(pieces, _CHUNKS)), [])]
    out.append(packer.flush())
    return b"".join(out)


class ReportRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def get(self, chat_id: int, key: str, kind: type[T]) -> T | None:
        """The stored value, or None when there is none or it can no longer be read."""
        with self.engine.connect() as conn:
            payload = conn.execute(sa.select(r.c.payload).where(
                r.c.chat_id == chat_id, r.c.key == key)).scalar()
        if payload is None:
            return None
        try:
            return decode(kind, json.loads(zlib.decompress(payload)))
        except (zlib.error, ValueError, ShapeError, TypeError):
            return None  # written by another version, or damaged: worked out again

    def put(self, chat_id: int, key: str, value: object, now: datetime) -> None:
        """Keep `value` under `key`, and only the newest KEEP_PER_CHAT of the chat's reports."""
        payload = _compressed_json(value)
        with self.engine.begin() as conn:
            conn.execute(sa.delete(r).where(r.c.chat_id == chat_id, r.c.key == key))
            conn.execute(sa.insert(r).values(chat_id=chat_id, key=key, made_at=utc_stamp(now),
                                             payload=payload))
            keys = conn.execute(sa.select(r.c.key).where(r.c.chat_id == chat_id)
                                .order_by(r.c.made_at.desc(), r.c.key)).scalars().all()
            stale = keys[KEEP_PER_CHAT:]
            if stale:
                conn.execute(sa.delete(r).where(r.c.chat_id == chat_id, r.c.key.in_(stale)))

    def forget(self, chat_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.delete(r).where(r.c.chat_id == chat_id))
