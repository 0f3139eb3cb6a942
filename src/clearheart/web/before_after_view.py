"""The patterns page's "Before and after" section: the date form, each figure's two sides,
and the shifts found, ready for the template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clearheart.domain.before_after.compare import Comparison, reading, sentence, value_text
from clearheart.domain.before_after.series import Side, units
from clearheart.domain.journal import Entry
from clearheart.domain.patterns.sentence import cap
from clearheart.domain.patterns.wording import count, day

ENTRY_WORDS = 8
"""Words of a journal entry shown beside its date in the list to pick from."""
ENTRIES_LISTED = 200
"""The newest entries offered in the list; an older date can still be typed."""


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    before: str
    after: str
    reading: str
    claims: bool


def entry_choices(entries: list[Entry]) -> list[Choice]:
    """Journal entries to pick a date from, newest first: "3 March 2025: we moved in …"."""
    found = []
    for entry in sorted(entries, key=lambda e: e.created, reverse=True)[:ENTRIES_LISTED]:
        words = entry.text.split()
        gist = " ".join(words[:ENTRY_WORDS]) + (" …" if len(words) > ENTRY_WORDS else "")
        found.append(Choice(entry.day.isoformat(), f"{day(entry.day)}: {gist}"))
    return found


def side_text(comparison: Comparison, side: Side) -> str:
    """ "39% · 109 conversations · 12 whole weeks, 15 June to 6 September 2026"."""
    if side.first is None or side.last is None:
        return "Nothing to go on"
    parts = [value_text(comparison.kind, comparison.unit, side.value)]
    if comparison.unit != "week":
        parts.append(count(side.count, comparison.unit, units(comparison.unit)))
    parts.append(f"{count(side.weeks, 'whole week')}, {day(side.first)} to {day(side.last)}")
    return " · ".join(parts)


def rows(comparisons: tuple[Comparison, ...]) -> list[Row]:
    return [
        Row(
            cap(c.label),
            side_text(c, c.before),
            side_text(c, c.after),
            reading(c),
            c.claims_change,
        )
        for c in comparisons
    ]


def shift_rows(found: tuple[Comparison, ...]) -> list[tuple[date, str]]:
    return [(c.split, sentence(c)) for c in found]
