"""The promise and what happened (concept F5): the future a person hoped for, in parts,
beside what their own records show.

The rule. A promise is a list of parts, each a heading and the person's own words. Three
starting headings are offered (`STARTERS`); the person may rename them, leave them empty
or add their own (`own-1` … `own-N`). Each part names the decision questions
(evidence/item.KEYS) whose evidence is set beside it: a starter has its own, an own part
has the ones the person ticks (none is fine: then only pinned journal entries sit beside
it). Every save is a new version; earlier ones are kept.

Beside a part the app sets only records: the evidence digest's items for its questions
(each with its count and period) and the journal entries the person pinned to it. Nothing
here weighs the two against each other or says what will happen: `thin` says only that
there is little to look at yet.

Edge cases: a part with an empty text is kept only if it is a starter (so the headings
stay where the person left them); a promise with no words at all is refused, as are two
parts with one key, a heading longer than `MAX_HEADING` or text longer than `MAX_TEXT`.
An item that bears on two of a part's questions shows once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from clearheart.domain.evidence.item import KEYS, DecisionKey, EvidenceItem
from clearheart.domain.patterns.share import MIN_SHARE_COUNT
from clearheart.errors import InvalidInput

MAX_HEADING = 120
MAX_TEXT = 4_000
MAX_PARTS = 12
THIN_PINS = 3
"""Fewer pinned entries than this, and no item resting on `MIN_SHARE_COUNT` records or
more, and a part's evidence is called thin."""


@dataclass(frozen=True, slots=True)
class Starter:
    key: str
    heading: str
    hint: str
    looks_at: tuple[DecisionKey, ...]


STARTERS: Mapping[str, Starter] = MappingProxyType(
    {
        "us": Starter(
            "us",
            "What I hoped we would be",
            "The everyday of it: time together, plans, how close you would feel.",
            ("both_willing", "actions_match_words"),
        ),
        "hard-times": Starter(
            "hard-times",
            "What I hoped they would do when things were hard",
            "When you were low, worried or asked for something.",
            ("attempts_ignored", "refuses_to_engage", "safe_space"),
        ),
        "me": Starter(
            "me",
            "What I hoped I would feel",
            "In yourself, most days, with them.",
            ("needs_unmet", "fear_self_doubt"),
        ),
    }
)
"""The three starting headings, in the order the page offers them."""


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    heading: str
    text: str
    looks_at: tuple[str, ...] = ()
    """Decision question keys (evidence/item.KEYS); checked by `clean_parts`."""


@dataclass(frozen=True, slots=True)
class PromiseVersion:
    id: int
    saved_at: datetime
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Pin:
    part_key: str
    entry_id: int
    pinned_at: datetime


@dataclass(frozen=True, slots=True)
class Beside:
    """What is set beside one part: evidence items and pinned entry ids."""

    part: Part
    items: tuple[EvidenceItem, ...]
    pinned: tuple[int, ...]

    @property
    def thin(self) -> bool:
        steady = any(i.n >= MIN_SHARE_COUNT for i in self.items)
        return not steady and len(self.pinned) < THIN_PINS


def blank() -> tuple[Part, ...]:
    """The starting parts, empty, for a person who has not written yet."""
    return tuple(Part(s.key, s.heading, "", s.looks_at) for s in STARTERS.values())


def is_own(key: str) -> bool:
    head, _, number = key.partition("-")
    return head == "own" and number.isdigit() and 1 <= int(number) <= MAX_PARTS


def check_key(key: str) -> str:
    """`key` if it names a starter or an own part, else InvalidInput."""
    if key in STARTERS or is_own(key):
        return key
    raise InvalidInput(
        "part",
        f"there is no part called {key[:40]!r}; parts are "
        f"{', '.join(STARTERS)} or own-1 to own-{MAX_PARTS}",
    )


def clean_looks_at(keys: Iterable[str]) -> tuple[str, ...]:
    found: list[str] = []
    for key in keys:
        if key not in KEYS:
            raise InvalidInput(
                "looks_at", f"unknown question {key[:40]!r}; choose from {', '.join(KEYS)}"
            )
        if key not in found:
            found.append(key)
    order: list[str] = list(KEYS)
    return tuple(sorted(found, key=order.index))


def clean_parts(parts: Iterable[Part]) -> tuple[Part, ...]:
    """The parts as stored: trimmed and checked (see the module's edge cases)."""
    cleaned: list[Part] = []
    for part in parts:
        key = check_key(part.key)
        heading = " ".join(part.heading.split())
        text = part.text.strip().replace("\r\n", "\n")
        if not heading:
            raise InvalidInput(f"heading-{key}", "a part needs a heading")
        if len(heading) > MAX_HEADING:
            raise InvalidInput(f"heading-{key}", f"keep the heading under {MAX_HEADING} characters")
        if len(text) > MAX_TEXT:
            raise InvalidInput(f"text-{key}", f"keep each part under {MAX_TEXT:,} characters")
        if "\x00" in heading + text:
            raise InvalidInput(f"text-{key}", "contains a character that cannot be kept")
        if any(p.key == key for p in cleaned):
            raise InvalidInput("part", f"the part {key} appears twice")
        if not text and key not in STARTERS:
            continue
        cleaned.append(Part(key, heading, text, clean_looks_at(part.looks_at)))
    if len(cleaned) > MAX_PARTS + len(STARTERS):
        raise InvalidInput("part", f"keep it to {MAX_PARTS} parts of your own")
    if not any(p.text for p in cleaned):
        raise InvalidInput("text", "write a few words in at least one part")
    return tuple(cleaned)


def next_own_key(parts: Sequence[Part]) -> str:
    """The first own-N key no part uses."""
    used = {p.key for p in parts}
    return next(f"own-{n}" for n in range(1, MAX_PARTS + 2) if f"own-{n}" not in used)


def beside(
    parts: Sequence[Part], items: Sequence[EvidenceItem], pins: Sequence[Pin]
) -> tuple[Beside, ...]:
    """Each part with the items bearing on its questions (digest order, once each) and the
    entries pinned to it, oldest pin first."""
    return tuple(
        Beside(
            part,
            tuple(i for i in items if set(i.bears_on) & set(part.looks_at)),
            tuple(
                p.entry_id
                for p in sorted(pins, key=lambda p: p.pinned_at)
                if p.part_key == part.key
            ),
        )
        for part in parts
    )
