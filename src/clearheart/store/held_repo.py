"""The holding pen in the database: keep a draft, list, decide, keep a rewrite, forget."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import sqlalchemy as sa

from clearheart.domain.holding import HeldDraft, Status, check_decision, clean_text
from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.store.rows import change_row, count_rows, fetch_row, remove_row
from clearheart.store.schema import held_drafts as t

NOUN = "held draft"


def _held(row: Any) -> HeldDraft:
    return HeldDraft(
        id=row.id,
        text=row.text,
        created=from_stamp(row.created_at, row.utc_offset),
        hold_until=from_stamp(row.hold_until, 0).astimezone(UTC),
        status=cast(Status, row.status),
        decided_at=from_stamp(row.decided_at, 0).astimezone(UTC) if row.decided_at else None,
        rewrite=row.rewrite,
    )


def check_restored(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored row reads back and meets the rules of `add`."""
    held = _held(SimpleNamespace(**row))
    if held.status != "holding":
        check_decision(held.status)
    clean_text(held.text)
    if held.rewrite is not None:
        clean_text(held.rewrite, "rewrite")


class HeldRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def add(
        self, text: str, created: datetime, hold_until: datetime, rewrite: str | None = None
    ) -> HeldDraft:
        """Keep a cleaned draft; returns only after the transaction has committed."""
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t)
                .values(
                    text=text,
                    created_at=utc_stamp(created),
                    utc_offset=offset_minutes(created),
                    hold_until=utc_stamp(hold_until),
                    status="holding",
                    decided_at=None,
                    rewrite=rewrite,
                )
                .returning(t.c.id)
            ).scalar_one()
        return self.get(new_id)

    def get(self, draft_id: int) -> HeldDraft:
        with self.engine.connect() as conn:
            return _held(fetch_row(conn, t, draft_id, NOUN))

    def page(self, *, status: Status | None = None, limit: int = 50) -> tuple[HeldDraft, ...]:
        """Newest first."""
        query = sa.select(t)
        if status is not None:
            query = query.where(t.c.status == status)
        query = query.order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return tuple(_held(r) for r in conn.execute(query))

    def count(self) -> int:
        with self.engine.connect() as conn:
            return count_rows(conn, t)

    def _change(self, draft_id: int, **values: Any) -> HeldDraft:
        with self.engine.begin() as conn:
            change_row(conn, t, draft_id, NOUN, values)
        return self.get(draft_id)

    def decide(self, draft_id: int, status: Status, at: datetime) -> HeldDraft:
        return self._change(draft_id, status=status, decided_at=utc_stamp(at))

    def set_rewrite(self, draft_id: int, rewrite: str | None) -> HeldDraft:
        return self._change(draft_id, rewrite=rewrite)

    def delete(self, draft_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, t, draft_id, NOUN)
