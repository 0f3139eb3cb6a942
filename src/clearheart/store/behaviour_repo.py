"""Behaviour log entries in the database: add, read, page, change, delete."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from clearheart.domain.behaviour import Draft, LogEntry, clean
from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.store.rows import (
    change_row,
    count_rows,
    fetch_row,
    insert_rows,
    remove_row,
)
from clearheart.store.schema import behaviour_log as t
from clearheart.store.schema import cycle_maps


@dataclass(frozen=True, slots=True)
class LogPage:
    entries: tuple[LogEntry, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.entries) < self.total


@dataclass(frozen=True, slots=True)
class StepChoice:
    map_id: int
    map_title: str
    step_id: str
    text: str


def _content(draft: Draft) -> dict[str, Any]:
    """The columns a person fills; editing replaces exactly these."""
    return {
        "at": utc_stamp(draft.at),
        "utc_offset": offset_minutes(draft.at),
        "kind": draft.kind,
        "note": draft.note,
        "cycle_map_id": draft.cycle_map_id,
        "cycle_step": draft.cycle_step,
    }


def _entry(row: Any) -> LogEntry:
    return LogEntry(
        id=row.id,
        at=from_stamp(row.at, row.utc_offset),
        kind=row.kind,
        note=row.note,
        cycle_map_id=row.cycle_map_id,
        cycle_step=row.cycle_step,
        created_at=from_stamp(row.created_at, 0).astimezone(UTC),
    )


def check_restored(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored row reads back and meets the rules of `add`.

    Whether its step is still in its map is not checked: a map may change after logging.
    """
    entry = _entry(SimpleNamespace(**row))
    clean(Draft(entry.kind, entry.at, entry.note, entry.cycle_map_id, entry.cycle_step),
          now=entry.at)


def _where(
    query: sa.Select[Any], since: datetime | None, until: datetime | None, kinds: Iterable[str]
) -> sa.Select[Any]:
    if since is not None:
        query = query.where(t.c.at >= utc_stamp(since))
    if until is not None:
        query = query.where(t.c.at < utc_stamp(until))
    wanted = list(kinds)
    if wanted:
        query = query.where(t.c.kind.in_(wanted))
    return query


class BehaviourRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def add(self, draft: Draft, created: datetime) -> LogEntry:
        """Store a cleaned draft; returns only after the transaction has committed."""
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t)
                .values(created_at=utc_stamp(created), **_content(draft))
                .returning(t.c.id)
            ).scalar_one()
        return self.get(new_id)

    def add_many(self, drafts: Iterable[Draft], created: datetime) -> int:
        """Store many cleaned drafts in one transaction (the demo); all or nothing."""
        return insert_rows(self.engine, t,
                           [{"created_at": utc_stamp(created), **_content(d)} for d in drafts])

    def get(self, entry_id: int) -> LogEntry:
        with self.engine.connect() as conn:
            return _entry(fetch_row(conn, t, entry_id, "log entry"))

    def update(self, entry_id: int, draft: Draft) -> LogEntry:
        with self.engine.begin() as conn:
            change_row(conn, t, entry_id, "log entry", _content(draft))
        return self.get(entry_id)

    def delete(self, entry_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, t, entry_id, "log entry")

    def count(self) -> int:
        with self.engine.connect() as conn:
            return count_rows(conn, t)

    def page(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        kinds: Iterable[str] = (),
        offset: int = 0,
        limit: int = 50,
    ) -> LogPage:
        """Newest first, from `since` (kept) to `until` (left out)."""
        wanted = tuple(kinds)
        query = _where(sa.select(t), since, until, wanted)
        counted = _where(sa.select(sa.func.count()).select_from(t), since, until, wanted)
        with self.engine.connect() as conn:
            rows = conn.execute(
                query.order_by(t.c.at.desc(), t.c.id.desc()).offset(offset).limit(limit)
            ).all()
            total = int(conn.execute(counted).scalar_one())
        return LogPage(tuple(_entry(r) for r in rows), total, offset, limit)

    def between(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[LogEntry]:
        """Oldest first, streamed."""
        query = _where(sa.select(t), since, until, ()).order_by(t.c.at, t.c.id)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _entry(row)

    def step_ids(self, map_id: int) -> tuple[str, ...] | None:
        """The step ids of a cycle map in order, or None if there is no such map."""
        with self.engine.connect() as conn:
            steps = conn.execute(
                sa.select(cycle_maps.c.steps).where(cycle_maps.c.id == map_id)
            ).scalar()
        if steps is None:
            return None
        return tuple(str(s["id"]) for s in steps if isinstance(s, dict) and "id" in s)

    def map_with_step(self, step: str) -> int | None:
        """The most recently changed cycle map that has a step with this id."""
        query = sa.select(cycle_maps.c.id, cycle_maps.c.steps).order_by(
            cycle_maps.c.updated_at.desc(), cycle_maps.c.id.desc()
        )
        with self.engine.connect() as conn:
            for map_id, steps in conn.execute(query):
                if any(isinstance(s, dict) and str(s.get("id")) == step for s in steps or ()):
                    return int(map_id)
        return None

    def cycle_steps(self) -> tuple[StepChoice, ...]:
        """Every step of every cycle map, newest map first, for a picker."""
        query = sa.select(cycle_maps.c.id, cycle_maps.c.title, cycle_maps.c.steps).order_by(
            cycle_maps.c.updated_at.desc(), cycle_maps.c.id.desc()
        )
        found: list[StepChoice] = []
        with self.engine.connect() as conn:
            for map_id, title, steps in conn.execute(query):
                for step in steps or ():
                    if isinstance(step, dict) and "id" in step:
                        found.append(
                            StepChoice(
                                int(map_id),
                                str(title),
                                str(step["id"]),
                                str(step.get("text") or step.get("role") or ""),
                            )
                        )
        return tuple(found)
