"""Cycle maps in the database, and a read-only count of the log entries pointing at steps."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from clearheart.domain.cycle import CycleMap, Step, clean_map
from clearheart.domain.journal import from_stamp, utc_stamp
from clearheart.errors import InvalidInput
from clearheart.store.rows import change_row, fetch_row, remove_row
from clearheart.store.schema import behaviour_log
from clearheart.store.schema import cycle_maps as t


def _steps(cycle: CycleMap) -> list[dict[str, str]]:
    return [{"id": s.id, "role": s.role, "text": s.text} for s in cycle.steps]


def _map(row: Any) -> CycleMap:
    return CycleMap(
        id=row.id,
        title=row.title,
        steps=tuple(Step(s["id"], s["role"], s["text"]) for s in row.steps),
        created_at=from_stamp(row.created_at, 0),
        updated_at=from_stamp(row.updated_at, 0),
    )


def check_restored(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored row reads back and meets the rules of `add`."""
    steps = row["steps"]
    if not isinstance(steps, list) or not all(
            isinstance(s, dict) and all(isinstance(s.get(k), str) for k in ("id", "role", "text"))
            for s in steps):
        raise InvalidInput("steps", "each step needs an id, a role and a text")
    clean_map(_map(SimpleNamespace(**row)))


class CycleRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def add(self, cycle: CycleMap, at: datetime) -> CycleMap:
        """Store a cleaned map as a new one; returns after the transaction has committed."""
        stamp = utc_stamp(at)
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t).values(title=cycle.title, steps=_steps(cycle), created_at=stamp,
                                    updated_at=stamp).returning(t.c.id)
            ).scalar_one()
        return self.get(new_id)

    def update(self, map_id: int, cycle: CycleMap, at: datetime) -> CycleMap:
        """Replace a map's title and steps; when it was first made stays."""
        values = {"title": cycle.title, "steps": _steps(cycle), "updated_at": utc_stamp(at)}
        with self.engine.begin() as conn:
            change_row(conn, t, map_id, "cycle map", values)
        return self.get(map_id)

    def get(self, map_id: int) -> CycleMap:
        with self.engine.connect() as conn:
            return _map(fetch_row(conn, t, map_id, "cycle map"))

    def all(self) -> tuple[CycleMap, ...]:
        """Most recently changed first."""
        query = sa.select(t).order_by(t.c.updated_at.desc(), t.c.id.desc())
        with self.engine.connect() as conn:
            return tuple(_map(r) for r in conn.execute(query))

    def delete(self, map_id: int) -> None:
        """Delete a map; log entries that pointed at it keep their words and lose the link."""
        with self.engine.begin() as conn:
            remove_row(conn, t, map_id, "cycle map")

    def step_counts(self, map_id: int) -> dict[str, int]:
        """How many behaviour-log entries point at each step of a map (read only)."""
        log = behaviour_log
        query = (
            sa.select(log.c.cycle_step, sa.func.count())
            .where(log.c.cycle_map_id == map_id, log.c.cycle_step.is_not(None))
            .group_by(log.c.cycle_step)
        )
        with self.engine.connect() as conn:
            return {str(step): int(n) for step, n in conn.execute(query)}

    def linked_count(self, map_id: int) -> int:
        """How many behaviour-log entries point at the map at all, with or without a step."""
        log = behaviour_log
        query = sa.select(sa.func.count()).select_from(log).where(log.c.cycle_map_id == map_id)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())
