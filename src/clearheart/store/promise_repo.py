"""The promise in the database: its versions, the entries pinned to its parts, and the
reflection nudges set aside.

Writes are checked by the domain's rules before they get here (services/promise.py);
`check_restored_*` hold an archive's rows to the same rules (services/archive_rules.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.domain.promise import Part, Pin, PromiseVersion, check_key, clean_parts
from clearheart.domain.reflection_cues import KINDS
from clearheart.errors import InvalidInput
from clearheart.store.schema import nudge_dismissals, promise_pins, promise_versions


def _parts_json(parts: tuple[Part, ...]) -> list[dict[str, Any]]:
    return [
        {"key": p.key, "heading": p.heading, "text": p.text, "looks_at": list(p.looks_at)}
        for p in parts
    ]


def _parts(raw: Any) -> tuple[Part, ...]:
    if not isinstance(raw, list) or not all(isinstance(p, dict) for p in raw):
        raise InvalidInput("parts", "expected a list of parts")
    found = []
    for part in raw:
        if not {"key", "heading", "text", "looks_at"} <= set(part):
            raise InvalidInput("parts", "each part needs a key, heading, text and looks_at")
        if not all(isinstance(part[k], str) for k in ("key", "heading", "text")) or not (
            isinstance(part["looks_at"], list) and all(isinstance(k, str) for k in part["looks_at"])
        ):
            raise InvalidInput("parts", "a part's key, heading and text are texts, looks_at a list")
        found.append(Part(part["key"], part["heading"], part["text"], tuple(part["looks_at"])))
    parts = tuple(found)
    if clean_parts(parts) != parts:
        raise InvalidInput("parts", "are not stored the way Clearheart stores them")
    return parts


def _version(row: Any) -> PromiseVersion:
    return PromiseVersion(row.id, from_stamp(row.created_at, row.utc_offset), _parts(row.parts))


def check_restored_version(row: Mapping[str, Any]) -> None:
    _parts(row["parts"])


def check_restored_pin(row: Mapping[str, Any]) -> None:
    check_key(row["part_key"])


def check_restored_dismissal(row: Mapping[str, Any]) -> None:
    if row["kind"] not in KINDS:
        raise InvalidInput("kind", f"expected one of {', '.join(KINDS)}")


class PromiseRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def add_version(self, parts: tuple[Part, ...], at: datetime) -> PromiseVersion:
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(promise_versions)
                .values(
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    parts=_parts_json(parts),
                )
                .returning(promise_versions.c.id)
            ).scalar_one()
        return PromiseVersion(new_id, at, parts)

    def versions(self) -> tuple[PromiseVersion, ...]:
        """Oldest first."""
        query = sa.select(promise_versions).order_by(
            promise_versions.c.created_at, promise_versions.c.id
        )
        with self.engine.connect() as conn:
            return tuple(_version(r) for r in conn.execute(query))

    def pins(self) -> tuple[Pin, ...]:
        query = sa.select(promise_pins).order_by(promise_pins.c.created_at, promise_pins.c.id)
        with self.engine.connect() as conn:
            return tuple(
                Pin(r.part_key, r.entry_id, from_stamp(r.created_at, r.utc_offset))
                for r in conn.execute(query)
            )

    def pin(self, part_key: str, entry_id: int, at: datetime) -> bool:
        """Pin the entry to the part; False when it already was."""
        with self.engine.begin() as conn:
            there = conn.execute(
                sa.select(promise_pins.c.id).where(
                    promise_pins.c.part_key == part_key, promise_pins.c.entry_id == entry_id
                )
            ).first()
            if there is not None:
                return False
            conn.execute(
                sa.insert(promise_pins).values(
                    part_key=part_key,
                    entry_id=entry_id,
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                )
            )
        return True

    def unpin(self, part_key: str, entry_id: int) -> bool:
        """False when the entry was not pinned there."""
        with self.engine.begin() as conn:
            gone = conn.execute(
                sa.delete(promise_pins).where(
                    promise_pins.c.part_key == part_key, promise_pins.c.entry_id == entry_id
                )
            ).rowcount
        return bool(gone)

    def dismissed(self) -> frozenset[tuple[int, str]]:
        """(entry id, kind) of every nudge set aside."""
        query = sa.select(nudge_dismissals.c.entry_id, nudge_dismissals.c.kind)
        with self.engine.connect() as conn:
            return frozenset((r.entry_id, r.kind) for r in conn.execute(query))

    def dismiss(self, entry_id: int, kind: str, at: datetime) -> None:
        if (entry_id, kind) in self.dismissed():
            return
        with self.engine.begin() as conn:
            conn.execute(
                sa.insert(nudge_dismissals).values(
                    entry_id=entry_id,
                    kind=kind,
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                )
            )
