"""The one place that decides whether coaching may be shown, and keeps its history.

Every surface (web pages, CLI commands, content pickers) asks `coaching()` or
`gate()` here and nowhere else. Inputs: questionnaire answers that crossed a
safety threshold (AssessService reports them), the person's own switch
(`unsafe()` / `safe()`), and danger words in new journal entries and drafts
(`notice()`). See domain/safety/gate.py for the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa

from clearheart.domain.safety import (
    Crisis,
    Gate,
    SafetyEvent,
    Source,
    danger_kinds,
    decide,
    read_crisis,
)
from clearheart.domain.safety.legacy import legacy_events
from clearheart.services.clock import Clock
from clearheart.store.safety_repo import SafetyRepo
from clearheart.store.settings_repo import SettingsRepo

LEGACY_KEY = "safety"
"""Before schema 0005 the gate was one flag in settings; it is read as the first events."""


class SafetyService:
    def __init__(self, engine: sa.Engine, settings: SettingsRepo, clock: Clock) -> None:
        self.repo = SafetyRepo(engine)
        self.settings = settings
        self.clock = clock

    def history(self) -> tuple[SafetyEvent, ...]:
        """Every event, in the order recorded (the older flag first, if there was one)."""
        return (*legacy_events(self.settings.get(LEGACY_KEY)), *self.repo.events())

    def gate(self) -> Gate:
        return decide(self.history())

    def coaching(self) -> bool:
        """Whether coaching may be shown right now."""
        return self.gate().coaching

    def unsafe(self) -> Gate:
        """The person's own "I don't feel safe": coaching rests from now."""
        return self._record(True, Source.SWITCH)

    def safe(self) -> Gate:
        """The person's own "I am safe now": coaching may show again."""
        return self._record(False, Source.SWITCH)

    def questionnaire(self, signs: Iterable[str], at: datetime | None = None) -> Gate:
        """Questionnaire items ('instrument/item') that crossed their safety threshold."""
        found = tuple(signs)
        return self._record(True, Source.QUESTIONNAIRE, found, at) if found else self.gate()

    def notice(self, text: str, source: Source, at: datetime | None = None) -> Gate:
        """Danger words in a new journal entry or draft rest coaching; the words are not kept,
        only their kinds. `at` is when the words were written (default: now)."""
        kinds = danger_kinds(text)
        return self._record(True, source, kinds, at) if kinds else self.gate()

    @staticmethod
    def crisis_of(text: str) -> Crisis:
        """Whether `text` speaks of suicide, self-harm or being hurt right now."""
        return read_crisis(text)

    def _record(
        self, unsafe: bool, source: Source, signs: tuple[str, ...] = (),
        at: datetime | None = None,
    ) -> Gate:
        self.repo.add(SafetyEvent(at or self.clock.now(), unsafe, source, signs))
        return self.gate()
