"""The evidence digest: what the log, the chats, the questionnaires and the mood check-ins
show for each question of the decision (domain/evidence), in one call.

Nothing is stored: the digest is read fresh from what is in the vault. Chat figures come
from the chats' pattern reports (services/patterns.py), so they are the patterns page's
own; a long chat's report can take seconds the first time, so a page may work out inline
only chats up to `inline_most` messages, take longer ones only once ready, and say which
chats are still being read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clearheart.domain.assess import latest_changes
from clearheart.domain.evidence.digest import Section, sections
from clearheart.domain.evidence.from_assess import questionnaire_items
from clearheart.domain.evidence.from_chats import chat_items
from clearheart.domain.evidence.from_log import log_items
from clearheart.domain.evidence.from_mood import mood_item
from clearheart.domain.evidence.item import EvidenceItem
from clearheart.domain.evidence.sources import QUESTIONNAIRES
from clearheart.errors import InvalidInput
from clearheart.services.assess import AssessService
from clearheart.services.behaviour import BehaviourService
from clearheart.services.chats import ChatService
from clearheart.services.clock import Clock
from clearheart.services.journal import JournalService
from clearheart.services.patterns import PatternService


@dataclass(frozen=True, slots=True)
class Digest:
    items: tuple[EvidenceItem, ...]
    """Log, then chats, then questionnaires, then mood: each source's own order."""
    sections: tuple[Section, ...]
    """The items under each decision question (an item can sit under two)."""
    since: date | None
    until: date
    waiting: tuple[str, ...] = ()
    """Chats whose patterns are still being worked out (only with `inline_most`)."""


class EvidenceService:
    def __init__(
        self,
        log: BehaviourService,
        assess: AssessService,
        chats: ChatService,
        journal: JournalService,
        clock: Clock,
    ) -> None:
        self.log = log
        self.assess = assess
        self.chats = chats
        self.journal = journal
        self.clock = clock
        self._patterns: PatternService | None = None

    def own_patterns(self) -> PatternService:
        """A PatternService of its own, for callers that hold none (the CLI, the aid)."""
        if self._patterns is None:
            self._patterns = PatternService(self.chats, self.journal)
        return self._patterns

    def digest(
        self,
        since: date | None = None,
        until: date | None = None,
        *,
        patterns: PatternService | None = None,
        inline_most: int | None = None,
    ) -> Digest:
        """Every item from `since` (or the start of the records) through `until` (today).

        `patterns` is the caller's PatternService (the web app keeps one per open vault,
        with its reports). With `inline_most`, a chat of more messages than that is read
        only if its report is ready (else it is started, and named in `waiting`).
        """
        today = self.clock.now().date()
        end = until or today
        if since is not None and since > end:
            raise InvalidInput(
                "since",
                f"the start date {since.isoformat()} is after "
                f"{'the end date' if until else 'today'}",
            )
        service = patterns or self.own_patterns()
        chat_found, waiting = self._chat_items(service, since, until, inline_most)
        mood = mood_item(service.mood(since, end, "month"), end)
        items = (
            *log_items(self.log.entries(since, end)),
            *chat_found,
            *self._questionnaire_items(since, end),
            *((mood,) if mood else ()),
        )
        return Digest(items, sections(items), since, end, waiting)

    def _chat_items(
        self,
        service: PatternService,
        since: date | None,
        until: date | None,
        inline_most: int | None,
    ) -> tuple[list[EvidenceItem], tuple[str, ...]]:
        found: list[EvidenceItem] = []
        waiting: list[str] = []
        for info in self.chats.chats():
            if info.me is None or not info.messages:
                continue
            title = info.partner_alias or info.title or info.source_name
            report = service.at_hand(info, since, until, inline_most=inline_most)
            if report is None:
                waiting.append(title)
            else:
                found += chat_items(info.id, title, report)
        return found, tuple(waiting)

    def _questionnaire_items(self, since: date | None, until: date) -> list[EvidenceItem]:
        found: list[EvidenceItem] = []
        for instrument_id in dict.fromkeys(i for i, _ in QUESTIONNAIRES):
            instrument = self.assess.instrument(instrument_id)
            results = [
                r
                for r in self.assess.results(instrument_id)
                if (since is None or r.taken_at.date() >= since) and r.taken_at.date() <= until
            ]
            if results:
                found += questionnaire_items(
                    instrument,
                    results,
                    self.assess.scores(results[-1]),
                    latest_changes(instrument, results),
                )
        return found
