"""What the pause pages show of a draft check: marked spans, numbered reasons, time left.

Flags may overlap; the draft is cut at every flag edge, so each piece of text
knows which flags cover it and the page can mark it once, in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

KIND_LABELS = {
    "criticism": "May land as blame",
    "contempt": "May land as scorn",
    "sarcasm": "Sarcasm",
    "defensiveness": "Defending yourself",
    "ultimatum": "An all-or-nothing demand",
    "threat": "A threat",
    "guilt_trip": "Guilt",
    "intensity": "Very strong feeling",
    "reassurance_seeking": "Asking for reassurance",
}


class FlagLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def why(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    numbers: tuple[int, ...]
    """1-based numbers of the flags covering this piece (empty: unmarked)."""
    ends: tuple[int, ...]
    """Numbers of the flags whose span ends with this piece (their footnote goes here)."""


@dataclass(frozen=True, slots=True)
class Reason:
    number: int
    kind: str
    label: str
    quote: str
    why: str


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def _ordered(text: str, flags: Sequence[FlagLike]) -> list[tuple[int, int, FlagLike]]:
    spans = []
    for flag in flags:
        start, end = max(0, min(flag.start, len(text))), max(0, min(flag.end, len(text)))
        if end > start:
            spans.append((start, end, flag))
    return sorted(spans, key=lambda s: (s[0], s[1]))


def pieces(text: str, flags: Sequence[FlagLike]) -> list[Piece]:
    """The draft cut at every flag edge, each piece with the flags covering it."""
    spans = _ordered(text, flags)
    edges = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    found: list[Piece] = []
    for a, b in pairwise(edges):
        covering = tuple(n for n, (s, e, _) in enumerate(spans, 1) if s <= a and e >= b)
        ending = tuple(n for n, (s, e, _) in enumerate(spans, 1) if e == b)
        found.append(Piece(text[a:b], covering, ending if covering else ()))
    return found


def reasons(text: str, flags: Sequence[FlagLike]) -> list[Reason]:
    return [
        Reason(n, f.kind, kind_label(f.kind), text[s:e], f.why)
        for n, (s, e, f) in enumerate(_ordered(text, flags), 1)
    ]


def time_left(seconds: int) -> str:
    """ "18 minutes left", "under a minute left", or that the wait is over."""
    if seconds <= 0:
        return "The time is up. Decide whenever you are ready."
    if seconds < 60:
        return "Under a minute left"
    minutes = -(-seconds // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''} left"
