"""Journaling prompts as values, and the rule for choosing one for a given day."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# Concept IDs from the product brief that prompts may serve.
CONCEPT_IDS = frozenset(
    [f"A{i}" for i in range(1, 9)] + [f"B{i}" for i in range(1, 9)]
    + [f"C{i}" for i in range(1, 8)] + [f"D{i}" for i in range(1, 8)]
    + [f"E{i}" for i in range(1, 5)] + [f"F{i}" for i in range(1, 6)] + ["G1"]
)


class Theme(StrEnum):
    """What a prompt helps with; the journal page groups prompts by theme."""

    NOTICING_THE_LOOP = "noticing-the-loop"
    NEEDS_AND_BOUNDARIES = "needs-and-boundaries"
    SELF_WORTH = "self-worth"
    REFLECTION = "reflection"
    CONNECTION = "connection"
    SELF_CARE = "self-care"
    SAFETY = "safety"
    """Written for a person who may not be safe: steadiness, trust in their gut, their worth."""
    PRACTICE = "practice"


@dataclass(frozen=True, slots=True)
class Prompt:
    id: str
    version: int
    locale: str
    theme: Theme
    concepts: tuple[str, ...]
    text: str
    """The question itself, one or two short sentences."""
    hint: str = ""
    """An optional gentle nudge shown under the question."""
    coaching: bool = False
    """It tells the person how to act toward their partner, or reads the relationship as a
    loop to work on: it rests while the safety gate is closed (domain/safety/gate.py)."""


QUIET_THEMES = (Theme.SAFETY, Theme.SELF_WORTH)
"""What the day's question draws from while coaching rests: safety and self-worth."""


def offered(prompts: Sequence[Prompt], coaching: bool) -> list[Prompt]:
    """The prompts that may be offered: all of them, or none that coach while coaching rests."""
    return [p for p in prompts if coaching or not p.coaching]


def prompt_for_day(
    prompts: Sequence[Prompt], day: date, theme: Theme | None = None, *, coaching: bool = True
) -> Prompt:
    """A stable prompt for a given day: the same all day, different on most days.

    Without a theme it draws from every theme but the practices' and safety's; while
    coaching rests, only from the non-coaching prompts of QUIET_THEMES.
    """
    pool = [p for p in offered(prompts, coaching) if theme is None or p.theme == theme]
    if theme is None:
        pool = [
            p for p in pool
            if (p.theme in QUIET_THEMES if not coaching
                else p.theme not in (Theme.PRACTICE, Theme.SAFETY))
        ]
    if not pool:
        raise LookupError(f"no prompts for theme {theme}")
    digest = hashlib.sha256(
        f"{day.isoformat()}|{theme or ''}{'' if coaching else '|quiet'}".encode()
    ).digest()
    return sorted(pool, key=lambda p: p.id)[int.from_bytes(digest[:4], "big") % len(pool)]
