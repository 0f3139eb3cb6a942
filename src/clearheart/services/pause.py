"""The pause: hold a draft for a while, build a calmer request, then decide (B3, B5, B6).

The draft check itself lives in services/draftcheck.py; this joins the
holding pen, the rewrite, the journal and the behaviour log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from clearheart.domain import rewrite as rewrite_rules
from clearheart.domain.holding import (
    DEFAULT_MINUTES,
    MAX_LIST,
    HeldDraft,
    Status,
    check_decision,
    check_minutes,
    clean_text,
)
from clearheart.domain.journal import Entry
from clearheart.domain.safety import Source
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.store.held_repo import HeldRepo

if TYPE_CHECKING:
    from clearheart.domain.behaviour import LogEntry
    from clearheart.services.behaviour import BehaviourService
    from clearheart.services.journal import JournalService
    from clearheart.services.safety import SafetyService

PAUSED_KIND = "i_paused"
NEED_PROMPT = "What do I need right now?"


class PauseService:
    def __init__(
        self, engine: sa.Engine, clock: Clock, journal: JournalService, log: BehaviourService,
        safety: SafetyService,
    ) -> None:
        self.repo = HeldRepo(engine)
        self.clock = clock
        self.journal = journal
        self.log = log
        self.safety = safety

    def hold(
        self, text: str, minutes: int = DEFAULT_MINUTES, rewrite: str | None = None
    ) -> HeldDraft:
        """Put a draft in the holding pen for `minutes`; returns once committed."""
        cleaned = clean_text(text)
        wait = check_minutes(minutes)
        kept = clean_text(rewrite, "rewrite") if rewrite and rewrite.strip() else None
        now = self.clock.now()
        held = self.repo.add(cleaned, now, now + wait, kept)
        self.safety.notice(cleaned, Source.DRAFT)
        return held

    def list(self, status: Status | None = None, limit: int = 50) -> tuple[HeldDraft, ...]:
        """Held drafts, newest first; `status` narrows to one kind."""
        if not 1 <= limit <= MAX_LIST:
            raise InvalidInput("limit", f"choose from 1 to {MAX_LIST}")
        return self.repo.page(status=status, limit=limit)

    def get(self, draft_id: int) -> HeldDraft:
        return self.repo.get(draft_id)

    def decide(self, draft_id: int, status: str) -> HeldDraft:
        """Sent, let go, or journaled; "journaled" also writes the journal entry."""
        decision = check_decision(status)
        if decision == "journaled":
            self.to_journal(draft_id)
            return self.repo.get(draft_id)
        self._still_holding(draft_id)
        return self.repo.decide(draft_id, decision, self.clock.now())

    def _still_holding(self, draft_id: int) -> HeldDraft:
        held = self.repo.get(draft_id)
        if held.status != "holding":
            raise InvalidInput("status", f"this draft was already decided ({held.label})")
        return held

    def rewrite(
        self, answers: rewrite_rules.Answers, before: str = ""
    ) -> rewrite_rules.Rewrite | None:
        """The calm request built from the four answers (nothing is stored); None while
        coaching rests, or when the draft speaks of a crisis: calmer words are not the
        help then. (A draft that speaks of danger from a partner has closed the gate.)"""
        if not self.safety.coaching() or self.safety.crisis_of(before):
            return None
        return rewrite_rules.build(answers, before)

    def keep_rewrite(self, draft_id: int, text: str) -> HeldDraft:
        """Store the person's own (edited) rewrite beside a held draft."""
        return self.repo.set_rewrite(draft_id, clean_text(text, "rewrite"))

    def to_journal(self, draft_id: int) -> Entry:
        """The held draft (and its rewrite) as a new journal entry; the draft is marked
        journaled."""
        held = self._still_holding(draft_id)
        entry = self.draft_to_journal(held.text, held.rewrite)
        self.repo.decide(draft_id, "journaled", self.clock.now())
        return entry

    def draft_to_journal(self, text: str, rewrite: str | None = None) -> Entry:
        """ "Write it in your journal instead": a draft that was never held."""
        body = rewrite_rules.journal_text(clean_text(text), rewrite)
        return self.journal.add(body, tags=(rewrite_rules.JOURNAL_TAG,))

    def paused_instead(self, note: str | None = None) -> LogEntry:
        """Log "I paused instead of chasing", now."""
        return self.log.add(PAUSED_KIND, note=note)

    def need_now(self, text: str, to: str) -> Entry | LogEntry:
        """The answer to "what do I need right now?", kept in the journal or the log."""
        words = clean_text(text, "need")
        if to == "journal":
            return self.journal.add(f"{NEED_PROMPT}\n{words}", tags=(rewrite_rules.JOURNAL_TAG,))
        if to == "log":
            return self.paused_instead(words)
        raise InvalidInput("to", "choose the journal or the log")

    def forget(self, draft_id: int) -> None:
        """Delete a held draft for good."""
        self.repo.delete(draft_id)

    def count(self) -> int:
        return self.repo.count()
