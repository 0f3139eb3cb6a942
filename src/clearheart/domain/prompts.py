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


def prompt_for_day(prompts: Sequence[Prompt], day: date, theme: Theme | None = None) -> Prompt:
    """A stable prompt for a given day: the same all day, different on most days."""
    pool = [p for p in prompts if theme is None or p.theme == theme]
    pool = [p for p in pool if p.theme != Theme.PRACTICE] if theme is None else pool
    if not pool:
        raise LookupError(f"no prompts for theme {theme}")
    digest = hashlib.sha256(f"{day.isoformat()}|{theme or ''}".encode()).digest()
    return sorted(pool, key=lambda p: p.id)[int.from_bytes(digest[:4], "big") % len(pool)]
