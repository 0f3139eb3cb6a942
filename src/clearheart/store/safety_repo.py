"""The safety gate's history in the database: append an event, read them in order."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.domain.safety.gate import SafetyEvent, Source
from clearheart.errors import InvalidInput
from clearheart.store.schema import safety_events as t


def _source(value: str) -> Source:
    try:
        return Source(value)
    except ValueError:  # written by a newer version: still counts, as an older record
        return Source.IMPORT


def _event(row: Any) -> SafetyEvent:
    signs = row.signs if isinstance(row.signs, list) else []
    return SafetyEvent(
        at=from_stamp(row.at, row.utc_offset),
        unsafe=bool(row.unsafe),
        source=_source(row.source),
        signs=tuple(str(sign) for sign in signs),
        id=row.id,
    )


def check_restored(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored row reads back as an event, signs as texts."""
    _event(SimpleNamespace(**row))
    if not isinstance(row["signs"], list) or not all(isinstance(s, str) for s in row["signs"]):
        raise InvalidInput("signs", "expected a list of texts")


class SafetyRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def add(self, event: SafetyEvent) -> SafetyEvent:
        """Record an event; returns only after the transaction has committed."""
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t)
                .values(
                    at=utc_stamp(event.at),
                    utc_offset=offset_minutes(event.at),
                    unsafe=event.unsafe,
                    source=event.source.value,
                    signs=list(event.signs),
                )
                .returning(t.c.id)
            ).scalar_one()
        return SafetyEvent(event.at, event.unsafe, event.source, event.signs, new_id)

    def events(self) -> tuple[SafetyEvent, ...]:
        """Every event, in the order recorded."""
        with self.engine.connect() as conn:
            return tuple(_event(row) for row in conn.execute(sa.select(t).order_by(t.c.id)))
