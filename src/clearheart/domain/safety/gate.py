"""Whether coaching may be shown: the one rule every surface asks.

Coaching is anything that tells a person how to act toward their partner or how
to read the relationship as a shared loop: a tip, a rewrite, a script such as
"give them space" or "I feel … when …", a prompt about stepping back. Where
someone is afraid of their partner that advice can be wrong and even dangerous,
so it rests until they say they are safe.

The rule, over the events recorded in the order they were recorded:

- An *unsafe* event (a questionnaire answer that crossed a safety threshold, the
  person's own "I don't feel safe" switch, danger words in a journal entry or a
  draft) turns coaching off.
- A *safe* event (the person's "I am safe now") turns it back on and clears the
  reasons. Only the person can do that: no signal ever turns coaching back on.
- `since` is the first unsafe event after the last safe one; `reasons` are the
  distinct (source, sign) pairs recorded since then, oldest first.

Edge cases: no events at all means coaching is on. Order is the order of
recording, not the timestamps, so a clock moved backwards cannot flip the gate.
Two "safe" events in a row, or a "safe" with nothing before it, change nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Source(StrEnum):
    """Where an event came from."""

    QUESTIONNAIRE = "questionnaire"
    """A questionnaire answer crossed its safety threshold; signs are 'instrument/item'."""
    SWITCH = "switch"
    """The person's own switch: "I don't feel safe" or "I am safe now"."""
    JOURNAL = "journal"
    """Danger words in a journal entry; signs are the kinds (fear, harm, ...)."""
    DRAFT = "draft"
    """Danger words in a draft read by the pause; signs are the kinds."""
    IMPORT = "import"
    """The history as it stood before events were kept (the older questionnaire flag)."""


@dataclass(frozen=True, slots=True)
class SafetyEvent:
    at: datetime
    unsafe: bool
    """True turns coaching off; False is "I am safe now" and turns it on."""
    source: Source
    signs: tuple[str, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Reason:
    source: Source
    sign: str = ""

    @property
    def code(self) -> str:
        """'switch', 'journal:fear', 'questionnaire:am-i-safe/afraid'."""
        return f"{self.source.value}:{self.sign}" if self.sign else self.source.value


@dataclass(frozen=True, slots=True)
class Gate:
    coaching: bool
    since: datetime | None = None
    reasons: tuple[Reason, ...] = ()
    safe_since: datetime | None = None
    """When the person last said they are safe (None if never)."""

    @property
    def unsafe(self) -> bool:
        return not self.coaching

    @property
    def said_unsafe(self) -> bool:
        """Whether the person themselves said they do not feel safe (not only a sign)."""
        return any(reason.source is Source.SWITCH for reason in self.reasons)

    def to_json(self) -> dict[str, object]:
        return {
            "coaching": self.coaching,
            "since": self.since.isoformat() if self.since else None,
            "reasons": [reason.code for reason in self.reasons],
        }


OPEN = Gate(coaching=True)


def decide(events: Iterable[SafetyEvent]) -> Gate:
    """The gate after `events`, given in the order they were recorded."""
    since: datetime | None = None
    reasons: dict[Reason, None] = {}
    safe_since: datetime | None = None
    for event in events:
        if not event.unsafe:
            since, reasons, safe_since = None, {}, event.at
            continue
        if since is None:
            since = event.at
        for reason in (Reason(event.source, sign) for sign in event.signs or ("",)):
            reasons.setdefault(reason)
    if since is None:
        return Gate(coaching=True, safe_since=safe_since)
    return Gate(coaching=False, since=since, reasons=tuple(reasons), safe_since=safe_since)
