"""The promise and what happened (concept F5): the person's hopes, in parts and versions,
with their own records set beside each part (domain/promise.py).

Evidence comes from the decision aid's digest (services/evidence.py), so every figure is
the one the evidence page shows, with its count and period; journal entries sit beside a
part only when the person pins them. Like the decision aid it goes through the safety gate
(services/safety.py): while coaching rests, pages show help instead and every write here
is refused with a plain reason, storing nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from clearheart.domain.journal import Entry
from clearheart.domain.promise import (
    Beside,
    Part,
    Pin,
    PromiseVersion,
    beside,
    blank,
    check_key,
    clean_parts,
)
from clearheart.errors import InvalidInput, NotFound
from clearheart.services.clock import Clock
from clearheart.services.evidence import Digest, EvidenceService
from clearheart.services.journal import JournalService
from clearheart.store.promise_repo import PromiseRepo

if TYPE_CHECKING:
    from clearheart.services.patterns import PatternService
    from clearheart.services.safety import SafetyService


@dataclass(frozen=True, slots=True)
class PromiseView:
    """The latest version's parts, each with what is set beside it."""

    version: PromiseVersion | None
    parts: tuple[Beside, ...]
    entries: dict[int, Entry]
    """The pinned entries by id."""
    digest: Digest
    versions: int


class PromiseService:
    def __init__(
        self,
        engine: sa.Engine,
        clock: Clock,
        safety: SafetyService,
        journal: JournalService,
        evidence: EvidenceService,
    ) -> None:
        self.repo = PromiseRepo(engine)
        self.clock = clock
        self.safety = safety
        self.journal = journal
        self.evidence = evidence

    def resting(self) -> bool:
        """Whether it rests now (the safety gate is closed): surfaces show help instead."""
        return not self.safety.coaching()

    def history(self) -> tuple[PromiseVersion, ...]:
        """Every saved version, oldest first."""
        return self.repo.versions()

    def latest(self) -> PromiseVersion | None:
        versions = self.repo.versions()
        return versions[-1] if versions else None

    def parts(self) -> tuple[Part, ...]:
        """The latest version's parts, or the empty starting ones."""
        latest = self.latest()
        return latest.parts if latest else blank()

    def pins(self) -> tuple[Pin, ...]:
        return self.repo.pins()

    def view(
        self, *, patterns: PatternService | None = None, inline_most: int | None = None
    ) -> PromiseView:
        """The page's reading: each part with its evidence items and pinned entries."""
        digest = self.evidence.digest(patterns=patterns, inline_most=inline_most)
        parts = self.parts()
        keys = {p.key for p in parts}
        pins = tuple(p for p in self.repo.pins() if p.part_key in keys)
        entries = {p.entry_id: self.journal.get(p.entry_id) for p in pins}
        return PromiseView(
            self.latest(),
            beside(parts, digest.items, pins),
            entries,
            digest,
            len(self.repo.versions()),
        )

    # --- writes: each refused while coaching rests, each all or nothing ---------

    def save(self, parts: Iterable[Part], at: datetime | None = None) -> PromiseVersion:
        """Save a new version; earlier versions stay."""
        self._open()
        return self.repo.add_version(clean_parts(parts), at or self.clock.now())

    def pin(self, part_key: str, entry_id: int, at: datetime | None = None) -> bool:
        """Pin a journal entry beside a part; False when it already sat there."""
        self._open()
        self._part(part_key)
        self.journal.get(entry_id)
        return self.repo.pin(part_key, entry_id, at or self.clock.now())

    def unpin(self, part_key: str, entry_id: int) -> None:
        self._open()
        check_key(part_key)
        if not self.repo.unpin(part_key, entry_id):
            raise NotFound("pinned entry", f"{entry_id} in {part_key}")

    def _part(self, key: str) -> Part:
        check_key(key)
        found = next((p for p in self.parts() if p.key == key), None)
        if found is None:
            raise InvalidInput("part", f"the promise has no part {key} yet; write it first")
        return found

    def _open(self) -> None:
        if self.resting():
            raise InvalidInput(
                "promise",
                "it rests while you may not be safe; your safety plan and who can help come first",
            )
