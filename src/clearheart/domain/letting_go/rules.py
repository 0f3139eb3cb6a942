"""The person's own no-contact or low-contact rules, kept as versions.

A person starts on a day they choose and writes, in their own words, what counts as
contact ("texting", "checking their profile") and what is an exception ("the children",
"shared bills", "work"). Editing the rules saves a new version; earlier versions stay,
so the history of what they asked of themselves is never rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from clearheart.errors import InvalidInput

MAX_ITEMS = 12
"""At most this many lines in each list."""
MAX_WORDS = 200
"""Each line's longest length, in characters."""


class Mode(StrEnum):
    NO_CONTACT = "no-contact"
    LOW_CONTACT = "low-contact"
    """For co-parents and others who must stay in touch: contacts within the exceptions
    are expected, and shown apart from the rest."""


MODES: dict[Mode, str] = {
    Mode.NO_CONTACT: "No contact",
    Mode.LOW_CONTACT: "Low contact (only what the exceptions need)",
}


@dataclass(frozen=True, slots=True)
class Rules:
    mode: Mode
    started_on: date
    counts: tuple[str, ...] = ()
    """What counts as contact, in the person's words."""
    exceptions: tuple[str, ...] = ()
    """What never counts (and never starts the count again), in the person's words."""


@dataclass(frozen=True, slots=True)
class RulesVersion:
    id: int
    saved_at: datetime
    rules: Rules


def read_mode(text: str) -> Mode:
    """ "no-contact" or "low-contact" (also "no", "low", any case, "_" for "-")."""
    value = text.strip().lower().replace("_", "-")
    for mode in Mode:
        if value in (mode.value, mode.value.split("-")[0]):
            return mode
    raise InvalidInput("mode", "choose no contact or low contact")


def clean_lines(lines: Iterable[str], field: str) -> tuple[str, ...]:
    """Blank lines dropped, spaces trimmed, repeats kept once; each line at most MAX_WORDS
    characters and at most MAX_ITEMS lines."""
    kept = tuple(dict.fromkeys(" ".join(line.split()) for line in lines if line.strip()))
    if len(kept) > MAX_ITEMS:
        raise InvalidInput(field, f"keep it to {MAX_ITEMS} lines or fewer")
    if any(len(line) > MAX_WORDS for line in kept):
        raise InvalidInput(field, f"keep each line under {MAX_WORDS} characters")
    return kept


def clean_rules(rules: Rules, today: date | None) -> Rules:
    """The rules as stored. A start more than a day ahead of `today` is refused (a day's
    grace for time zones); `today` None (a restored row) skips that check."""
    if today is not None and (rules.started_on - today).days > 1:
        raise InvalidInput("started_on", "choose today or a day that has passed")
    return Rules(
        mode=rules.mode,
        started_on=rules.started_on,
        counts=clean_lines(rules.counts, "counts"),
        exceptions=clean_lines(rules.exceptions, "exceptions"),
    )
