"""The no-contact (or low-contact) tracker: the person's rules, contacts logged, the count.

Nothing here coaches, so nothing is refused while the safety gate is closed: keeping
distance and noting contact are records, as the log is (the pages that show them mark
their few coaching words through _coaching.html; decision 0015). Each write is checked whole first
(domain/letting_go) and stores nothing when any part is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

import sqlalchemy as sa

from clearheart.domain.letting_go import (
    Contact,
    ContactDraft,
    Count,
    Mode,
    Rules,
    RulesVersion,
    SinceStart,
    clean_contact,
    clean_rules,
    count,
    read_mode,
    since_start,
)
from clearheart.errors import InvalidInput
from clearheart.services.chats import ChatService
from clearheart.services.clock import Clock
from clearheart.store.letting_go_repo import LettingGoRepo


@dataclass(frozen=True, slots=True)
class Status:
    rules: RulesVersion
    count: Count
    counted: tuple[Contact, ...]
    """Contacts since the start that count, newest first."""
    excepted: tuple[Contact, ...]
    """Contacts since the start under an exception, newest first (expected in low contact)."""


class NoContactService:
    def __init__(self, engine: sa.Engine, clock: Clock, chats: ChatService) -> None:
        self.repo = LettingGoRepo(engine)
        self.clock = clock
        self.chats = chats

    def today(self) -> date:
        return self.clock.now().date()

    def rules(self) -> RulesVersion | None:
        """The rules in force (the newest version), or None before the start."""
        versions = self.repo.rule_versions()
        return versions[-1] if versions else None

    def history(self) -> tuple[RulesVersion, ...]:
        """Every version of the rules, oldest first."""
        return self.repo.rule_versions()

    def start(
        self,
        mode: str | Mode,
        started_on: date | None = None,
        counts: Iterable[str] = (),
        exceptions: Iterable[str] = (),
        at: datetime | None = None,
    ) -> RulesVersion:
        """Start (or start again from a new day): a new version of the rules."""
        moment = at or self.clock.now()
        chosen = mode if isinstance(mode, Mode) else read_mode(mode)
        rules = clean_rules(
            Rules(chosen, started_on or moment.date(), tuple(counts), tuple(exceptions)),
            moment.date(),
        )
        return self.repo.add_rules(rules, moment)

    def change_rules(
        self,
        *,
        mode: str | None = None,
        counts: Iterable[str] | None = None,
        exceptions: Iterable[str] | None = None,
        at: datetime | None = None,
    ) -> RulesVersion:
        """Save a new version with the parts given changed; the start day stays."""
        current = self._current()
        return self.start(
            read_mode(mode) if mode else current.rules.mode,
            current.rules.started_on,
            current.rules.counts if counts is None else counts,
            current.rules.exceptions if exceptions is None else exceptions,
            at,
        )

    def log_contact(self, draft: ContactDraft) -> Contact:
        """Note a contact. Before the tracker starts there is nothing to log it against."""
        self._current()
        now = self.clock.now()
        return self.repo.add_contact(clean_contact(draft, now), now)

    def contacts(self) -> tuple[Contact, ...]:
        """Every contact logged, oldest first."""
        return self.repo.contacts()

    def delete_contact(self, contact_id: int) -> None:
        self.repo.delete_contact(contact_id)

    def status(self, today: date | None = None) -> Status | None:
        """The count and the contacts since the start, or None before the start."""
        rules = self.rules()
        if rules is None:
            return None
        day = today or self.today()
        contacts = self.repo.contacts()
        counted = count(contacts, rules.rules.started_on, day)
        since = [c for c in reversed(contacts) if counted.started_on <= c.at.date() <= day]
        return Status(
            rules,
            counted,
            tuple(c for c in since if c.counts),
            tuple(c for c in since if not c.counts),
        )

    def in_chat(self, chat_id: int) -> SinceStart | None:
        """Messages in a chat on or after the start day (None before a start, or while the
        chat does not yet know who is you)."""
        rules = self.rules()
        info = self.chats.get(chat_id)
        if rules is None or info.me is None:
            return None
        start = rules.rules.started_on
        return since_start(
            self.chats.messages(chat_id, datetime.combine(start, time())), info.me, start
        )

    def _current(self) -> RulesVersion:
        rules = self.rules()
        if rules is None:
            raise InvalidInput("rules", "start the tracker first: choose a day and your rules")
        return rules
