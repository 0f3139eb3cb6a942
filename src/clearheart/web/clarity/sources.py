"""What every section builder reads: the open vault, the person's choices, the day, the gate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from clearheart.domain.behaviour import LogEntry
from clearheart.services.patterns import PatternService
from clearheart.services.workspace import Workspace
from clearheart.store.chat_repo import ChatInfo
from clearheart.web.clarity.model import Options
from clearheart.web.pattern_parts import day_text


@dataclass
class Sources:
    """One report's inputs. Reads that more than one section needs are made once."""

    workspace: Workspace
    options: Options
    today: date
    coaching: bool
    patterns: PatternService

    @property
    def since(self) -> date | None:
        return self.options.since

    def period(self, first: date, last: date) -> str:
        """The dates in words: from 3 March 2026 to 7 December 2026 (one day: on 3 March)."""
        if first == last:
            return f"on {day_text(first)}"
        return f"from {day_text(first)} to {day_text(last)}"

    @cached_property
    def log_entries(self) -> tuple[LogEntry, ...]:
        """The behaviour log from `since` on, oldest first."""
        return self.workspace.log.entries(self.since)

    @cached_property
    def chat(self) -> ChatInfo | None:
        """The chat the person picked, else the one with the most messages among the chats
        where they said which name is theirs; None when no chat has that."""
        chats = [c for c in self.workspace.chats.chats() if c.me is not None and c.messages]
        if self.options.chat_id is not None:
            return self.workspace.chats.get(self.options.chat_id)
        return max(chats, key=lambda c: (c.messages, -c.id), default=None)

    @cached_property
    def has_evidence(self) -> bool:
        """Whether there is anything a section could show: log entries from `since` on, a
        chat with messages, a questionnaire take or a cycle map. Questions about the
        evidence make no sense without it."""
        workspace = self.workspace
        return bool(
            self.log_entries
            or self.chat is not None
            or any(workspace.assess.counts().values())
            or workspace.cycle.current() is not None
        )
