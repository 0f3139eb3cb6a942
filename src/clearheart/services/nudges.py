"""Reflection nudges: a gentle question offered beside a journal entry whose words show
trauma-bonding self-talk or the pull of the familiar (domain/reflection_cues.py).

They are coaching, so none is offered while the safety gate is closed
(services/safety.py). A nudge the person sets aside for an entry is stored and never
offered for that entry again; deleting the entry deletes that too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from clearheart.content.nudge_copy import NUDGES, Nudge
from clearheart.domain.journal import Entry
from clearheart.domain.reflection_cues import KINDS, cues
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.services.journal import JournalService
from clearheart.store.promise_repo import PromiseRepo

if TYPE_CHECKING:
    from clearheart.services.safety import SafetyService

RECENT = 30
"""How many of the newest entries the journal's list of nudges looks through."""


@dataclass(frozen=True, slots=True)
class Offered:
    entry: Entry
    nudge: Nudge


class NudgeService:
    def __init__(
        self, engine: sa.Engine, clock: Clock, safety: SafetyService, journal: JournalService
    ) -> None:
        self.repo = PromiseRepo(engine)
        self.clock = clock
        self.safety = safety
        self.journal = journal

    def for_entry(self, entry: Entry) -> tuple[Nudge, ...]:
        """The nudges for one entry, none while coaching rests or once set aside."""
        if not self.safety.coaching():
            return ()
        gone = self.repo.dismissed()
        return tuple(NUDGES[k] for k in cues(entry.text) if (entry.id, k) not in gone)

    def recent(self, limit: int = RECENT) -> tuple[Offered, ...]:
        """The nudges still open for the newest `limit` entries, newest entry first."""
        if not self.safety.coaching():
            return ()
        gone = self.repo.dismissed()
        return tuple(
            Offered(entry, NUDGES[k])
            for entry in self.journal.page(0, limit).entries
            for k in cues(entry.text)
            if (entry.id, k) not in gone
        )

    def dismiss(self, entry_id: int, kind: str, at: datetime | None = None) -> None:
        """Set a nudge aside for one entry (again changes nothing)."""
        if kind not in KINDS:
            raise InvalidInput(
                "kind", f"there is no nudge called {kind[:40]!r}; choose one of {', '.join(KINDS)}"
            )
        self.journal.get(entry_id)
        self.repo.dismiss(entry_id, kind, at or self.clock.now())
