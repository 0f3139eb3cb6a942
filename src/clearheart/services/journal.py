"""Writing, reading, searching and deleting journal entries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from clearheart.content.loader import load_emotions, prompt_by_id
from clearheart.domain.journal import Draft, Entry, Mood, Practice, clean_draft
from clearheart.domain.safety import Source
from clearheart.domain.search import snippet, terms
from clearheart.errors import InvalidInput, NotFound
from clearheart.services.clock import Clock
from clearheart.store.journal_repo import JournalRepo, Page

if TYPE_CHECKING:
    from clearheart.services.safety import SafetyService


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    before: str
    match: str
    after: str


class JournalService:
    def __init__(
        self, engine: sa.Engine, clock: Clock, safety: SafetyService | None = None
    ) -> None:
        """`safety`, when given, reads each new or edited entry for danger from a partner."""
        self.repo = JournalRepo(engine)
        self.clock = clock
        self.safety = safety

    def add(
        self,
        text: str,
        *,
        prompt_id: str | None = None,
        mood: int | None = None,
        emotions: Iterable[str] = (),
        tags: Iterable[str] = (),
        practice: Practice | None = None,
        at: datetime | None = None,
    ) -> Entry:
        """Validate and store an entry; returns once it is committed to disk."""
        draft = self._draft(text, prompt_id, mood, emotions, tags, practice)
        entry = self.repo.add(draft, at or self.clock.now())
        self._notice(entry.text, entry.created)
        return entry

    def edit(
        self,
        entry_id: int,
        text: str,
        *,
        prompt_id: str | None = None,
        mood: int | None = None,
        emotions: Iterable[str] = (),
        tags: Iterable[str] = (),
    ) -> Entry:
        """Replace an entry's words, prompt, mood and tags; its time and practice stay."""
        current = self.repo.get(entry_id)
        draft = self._draft(text, prompt_id, mood, emotions, tags, current.practice)
        entry = self.repo.update(entry_id, draft)
        self._notice(entry.text)
        return entry

    def _notice(self, text: str, at: datetime | None = None) -> None:
        if self.safety is not None:
            self.safety.notice(text, Source.JOURNAL, at)

    @staticmethod
    def _draft(text: str, prompt_id: str | None, mood: int | None, emotions: Iterable[str],
               tags: Iterable[str], practice: Practice | None) -> Draft:
        """The same rules for new and edited entries."""
        if prompt_id:
            try:
                prompt_by_id(prompt_id)
            except NotFound:
                raise InvalidInput("prompt", f"there is no prompt with id {prompt_id!r}") from None
        words = tuple(emotions)
        if words and mood is None:
            raise InvalidInput("mood", "choose how you feel (1 to 5) along with the words")
        draft = Draft(
            text=text,
            prompt_id=prompt_id,
            mood=Mood(mood, words) if mood is not None else None,
            tags=tuple(tags),
            practice=practice,
        )
        return clean_draft(draft, load_emotions().all_words)

    def add_many(self, drafts: Iterable[tuple[Draft, datetime]]) -> int:
        """Validate and store many entries in one transaction; all or nothing."""
        words = load_emotions().all_words
        return self.repo.add_many((clean_draft(d, words), at) for d, at in drafts)

    def get(self, entry_id: int) -> Entry:
        return self.repo.get(entry_id)

    def delete(self, entry_id: int) -> None:
        self.repo.delete(entry_id)

    def page(self, offset: int = 0, limit: int = 50) -> Page:
        if offset < 0 or not 1 <= limit <= 500:
            raise InvalidInput("page", "offset must be 0 or more and limit 1 to 500")
        return self.repo.page(offset, limit)

    def all(self) -> list[Entry]:
        return list(self.repo.all())

    def search(self, query: str, limit: int = 50) -> tuple[Hit, ...]:
        if not 1 <= limit <= 500:
            raise InvalidInput("limit", "choose from 1 to 500 results")
        words = terms(query)
        return tuple(
            Hit(entry, *snippet(entry.text, words)) for entry in self.repo.search(query, limit)
        )

    def count(self) -> int:
        return self.repo.count()
