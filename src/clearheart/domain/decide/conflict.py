"""How settled the person feels about the decision, asked in four yes-or-no questions on
the idea of the SURE test, and scored by its published rule.

The four ideas (our own wording of each lives in content/decide): feeling Sure of the
best choice for oneself, Understanding the options, being clear which Risks and
benefits matter most (values), and having enough Support and advice. Scoring follows
Légaré F, Kearing S, Clay K, et al. "Are you SURE? Assessing patient decisional conflict
with a 4-item screening test." Canadian Family Physician 2010;56(8):e308-e314: each
"yes" scores 1 and each "no" 0, so a take scores 0 to 4; 4 means no decisional conflict
was reported, and less than 4 that some remains.

The score is shown to the person as their own progress between their first take and
their latest one, never as a verdict on what they should choose.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from clearheart.errors import InvalidInput

ITEMS = ("sure", "understand", "values", "support")
TOP = len(ITEMS)
"""The highest score: yes to every question, no decisional conflict reported."""


@dataclass(frozen=True, slots=True)
class ConflictTake:
    at: datetime
    answers: Mapping[str, bool]
    """By item, in ITEMS order: True for yes, False for no."""
    id: int | None = None

    @property
    def score(self) -> int:
        return sure_score(self.answers)


@dataclass(frozen=True, slots=True)
class Progress:
    """The first take and the latest one after it (None until there are two)."""

    before: ConflictTake | None
    after: ConflictTake | None
    takes: int


def clean_answers(given: Mapping[str, object]) -> dict[str, bool]:
    """All four answers as yes (True) or no (False); "yes"/"no" text is read too."""
    answers: dict[str, bool] = {}
    for key in given:
        if key not in ITEMS:
            raise InvalidInput("question", f"{str(key)[:40]!r} is not one of: {', '.join(ITEMS)}")
    for key in ITEMS:
        value = given.get(key)
        if isinstance(value, str):
            value = {"yes": True, "no": False}.get(value.strip().lower(), value)
        if not isinstance(value, bool):
            raise InvalidInput(key, "answer yes or no")
        answers[key] = value
    return answers


def sure_score(answers: Mapping[str, bool]) -> int:
    """Légaré et al. 2010: one point for each yes, 0 to 4."""
    return sum(1 for key in ITEMS if answers.get(key) is True)


def progress(takes: Sequence[ConflictTake]) -> Progress:
    """`takes` oldest first: the first is "before", the latest after it is "after"."""
    if not takes:
        return Progress(None, None, 0)
    return Progress(takes[0], takes[-1] if len(takes) > 1 else None, len(takes))
