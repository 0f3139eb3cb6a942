"""The one place that decides whether coaching may be shown, and keeps its history.

Every surface (web pages, CLI commands, content pickers) asks `coaching()` or
`gate()` here and nowhere else. Inputs: questionnaire answers that crossed a
safety threshold (AssessService reports them), the person's own switch
(`unsafe()` / `safe()`), and danger words in new journal entries and drafts
(`notice()`). See domain/safety/gate.py for the rule.

Danger and crisis words are read by the rules (domain/safety) and, when the embedding
model is installed, weighed by the safety classifier (services/safety_model.py, decision
0011); without it the rules decide alone. A danger reading is strong when the rules find it
and the classifier bears them out: that rests coaching by itself. A weaker one (the
classifier alone, or the rules without the classifier to weigh them) only asks the person
whether they feel safe: per text, false alarms run at several percent, and a person who
writes often would otherwise lose coaching for words that meant no danger.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa

from clearheart.domain.safety import (
    Crisis,
    Gate,
    Kind,
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

if TYPE_CHECKING:
    from clearheart.services.safety_model import SafetyModel

log = logging.getLogger("clearheart.model")
R = TypeVar("R")

LEGACY_KEY = "safety"
"""Before schema 0005 the gate was one flag in settings; it is read as the first events."""


@dataclass(frozen=True, slots=True)
class Noticed:
    """Danger from a partner in a person's words, as read."""

    kinds: tuple[Kind, ...] = ()
    closes: bool = False
    """Strong enough to rest coaching by itself; otherwise, when there are kinds, the person
    is asked whether they feel safe."""


_LOADING = threading.Lock()


def installed_model() -> SafetyModel | None:
    """The safety classifier when installed (loaded once per process, on first use), else
    None. A caller that arrives while another thread is loading it waits for that load
    rather than starting a second one."""
    from clearheart.services.safety_model import load_safety_model

    with _LOADING:
        return load_safety_model()


def crisis_in(
    text: str, model: Callable[[], SafetyModel | None] = installed_model
) -> Crisis:
    """Crisis words in `text`, for a caller with no vault open (`clearheart check` without
    one); SafetyService.crisis_of is the same with its own model."""
    return _read(model, text, lambda found: found.crisis(text), read_crisis)


def _read(
    model: Callable[[], SafetyModel | None], text: str,
    decide_with: Callable[[SafetyModel], R], rules: Callable[[str], R],
) -> R:
    """The classifier's decision on `text` when it is installed, else the rules'. A
    classifier that fails here is logged and the rules decide: reading for safety must
    never stop a save."""
    found = model()
    if found is not None:
        try:
            return decide_with(found)
        except Exception as error:
            log.warning("The safety classifier failed (%s); the rules decide.", error)
    return rules(text)


class SafetyService:
    def __init__(
        self, engine: sa.Engine, settings: SettingsRepo, clock: Clock,
        model: Callable[[], SafetyModel | None] = installed_model,
    ) -> None:
        """`model` gives the safety classifier, or None for the rules alone; it is asked
        only when words are read, so opening a vault never loads it."""
        self.repo = SafetyRepo(engine)
        self.settings = settings
        self.clock = clock
        self.model = model

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

    def notice(self, text: str, source: Source, at: datetime | None = None) -> Noticed:
        """Read a new journal entry or draft for danger from a partner; a strong reading rests
        coaching (recorded with its kinds, never the words). `at` is when the words were
        written (default: now)."""
        noticed = self.read_danger(text)
        if noticed.closes:
            self._record(True, source, noticed.kinds, at)
        return noticed

    def read_danger(self, text: str) -> Noticed:
        """Danger from a partner in `text`, and whether the reading is strong (see above)."""
        return _read(
            self.model,
            text,
            lambda model: Noticed(*model.danger_reading(text)),
            lambda words: Noticed(danger_kinds(words), closes=False),
        )

    def crisis_of(self, text: str) -> Crisis:
        """Whether `text` speaks of suicide, self-harm or being hurt right now. With the
        classifier, it may add a crisis the rules miss; it never removes one they find."""
        return crisis_in(text, self.model)

    def _record(
        self, unsafe: bool, source: Source, signs: tuple[str, ...] = (),
        at: datetime | None = None,
    ) -> Gate:
        self.repo.add(SafetyEvent(at or self.clock.now(), unsafe, source, signs))
        return self.gate()
