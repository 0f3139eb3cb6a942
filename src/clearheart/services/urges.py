"""Urges to reach out, logged, and how they go over weeks beside the journal's mood.

Logging an urge is a record, not coaching, so it is kept while the safety gate is closed.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from clearheart.domain.letting_go import Urge, UrgeDraft, UrgeWeeks, clean_urge, urge_weeks
from clearheart.services.clock import Clock
from clearheart.services.journal import JournalService
from clearheart.store.letting_go_repo import LettingGoRepo


class UrgeService:
    def __init__(self, engine: sa.Engine, clock: Clock, journal: JournalService) -> None:
        self.repo = LettingGoRepo(engine)
        self.clock = clock
        self.journal = journal

    def log(self, draft: UrgeDraft) -> Urge:
        now = self.clock.now()
        return self.repo.add_urge(clean_urge(draft, now), now)

    def urges(self) -> tuple[Urge, ...]:
        """Oldest first."""
        return self.repo.urges()

    def delete(self, urge_id: int) -> None:
        self.repo.delete_urge(urge_id)

    def weeks(self, today: date | None = None) -> UrgeWeeks:
        """The last weeks' figures, with the journal's moods beside them."""
        moods = [(e.created, e.mood.score) for e in self.journal.all() if e.mood is not None]
        return urge_weeks(self.repo.urges(), moods, today or self.clock.now().date())
