"""Short lessons on the pattern, and what the person's own records show beside each one.

A lesson is an explanation in plain words. Its id is stable (links from other pages and
the coverage table rest on it) and it names the concepts of the product brief it carries.
"In your own evidence" reuses the evidence digest's items (domain/evidence): nothing is
counted again here, only chosen. "Try this" is coaching, and so is a whole lesson whose
advice is about how to respond to the partner (`coaching`): the safety gate holds both back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from clearheart.domain.evidence.item import EvidenceItem
from clearheart.domain.evidence.sources import SOURCES

LESSON_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A lesson id: lower-case words joined by "-" (pages link to it, the vault keeps it)."""
CYCLE_MAP = "cycle-map"
"""An evidence id beside the digest's sources: the person's own map of the loop."""
EVIDENCE_IDS = frozenset(SOURCES) | {CYCLE_MAP}
LEAST = 3
"""Fewer records than this under one source is not enough to see a pattern in."""
MOST_SHOWN = 3
WORDS_A_MINUTE = 180
"""A slow, careful reading pace: the people reading are often tired or upset."""

MOMENTS: dict[str, str] = {
    "pause": "not-a-verdict",
    "chat-runs": "the-loop",
    "chat-loop": "the-loop",
    "cycle": "the-loop",
    "decide-paths": "both-paths",
    "decide-slow": "can-it-heal",
    "safety": "explanation-not-excuse",
    "letting-go": "missing-the-promise",
    "dating": "dating-again",
}
"""Where a lesson is offered in one tap, at the moment it matters (place → lesson id).

The places are the pause (a slow reply is not a verdict, said first late at night), the
patterns page's unanswered-runs and loop charts and the cycle map (why reaching out more
can bring more distance), the decision aid (both paths are real; healing is slow and
needs both), the help page (an explanation is not an excuse), moving on (missing the
promise rather than the person) and dating again (seeing distance early). Every id must
name a lesson (content/lesson_copy.py refuses a file set that lacks one); a coaching
lesson offered here rests with the gate like any coaching.
"""
LATE_FROM, LATE_UNTIL = 22, 6
"""Late at night: from 22:00 to 05:59 local time, when a quiet phone weighs most."""


def is_late(moment: datetime) -> bool:
    """True from LATE_FROM o'clock until LATE_UNTIL, in `moment`'s own time zone; the pause
    then offers its lesson first rather than last."""
    return moment.hour >= LATE_FROM or moment.hour < LATE_UNTIL


@dataclass(frozen=True, slots=True)
class Reference:
    """One piece of research, stated as what it found and where it falls short."""

    id: str
    cite: str
    """Authors, year, title and where it appeared."""
    found: str
    limits: str


@dataclass(frozen=True, slots=True)
class Lesson:
    id: str
    version: int
    order: int
    title: str
    summary: str
    concepts: tuple[str, ...]
    paragraphs: tuple[str, ...]
    try_this: str
    evidence: tuple[str, ...]
    """Evidence ids (EVIDENCE_IDS) in the order they are worth showing."""
    references: tuple[str, ...]
    coaching: bool
    """True when the body itself advises how to respond to the partner: it rests with
    the gate, since such advice can be wrong where someone is unsafe."""

    @property
    def words(self) -> int:
        """What the reader reads: the summary, the body and "Try this"."""
        return sum(len(p.split()) for p in (self.summary, *self.paragraphs, self.try_this))

    @property
    def minutes(self) -> int:
        """Reading time in whole minutes, at least one."""
        return max(1, round(self.words / WORDS_A_MINUTE))


@dataclass(frozen=True, slots=True)
class Shown:
    """One line of evidence: what it shows, how much it rests on, and where to see it."""

    title: str
    text: str
    n: int
    unit: str
    link: str
    counted: bool = True
    """False when `text` already says how much it rests on (the cycle map's steps)."""

    @property
    def basis(self) -> str:
        """ "Rests on 12 log entries.", or nothing when the text has said it."""
        return f"Rests on {self.n:,} {self.unit}." if self.counted else ""


@dataclass(frozen=True, slots=True)
class OwnEvidence:
    """What to show under "In your own evidence". Empty `shown`: not enough data yet, and
    `adds` says (as an offer) how the person could add some; `waiting` names chats whose
    patterns are still being read, so "not enough" is never said of those too early."""

    shown: tuple[Shown, ...]
    adds: tuple[str, ...]
    waiting: tuple[str, ...] = ()

    @property
    def enough(self) -> bool:
        return bool(self.shown)


def own_evidence(
    lesson: Lesson,
    items: Iterable[EvidenceItem],
    cycle_steps: int = 0,
    waiting: tuple[str, ...] = (),
) -> OwnEvidence:
    """Choose, for one lesson, the digest items worth showing beside it.

    An item counts when its source is one of the lesson's evidence ids and it rests on at
    least LEAST records; they come in the lesson's order, then the digest's, at most
    MOST_SHOWN. A saved cycle map with steps counts for CYCLE_MAP. When nothing counts,
    `adds` holds the sources' own lines on how to add evidence (at most two, no repeats).
    """
    rank = {source: n for n, source in enumerate(lesson.evidence)}
    chosen = sorted(
        (i for i in items if i.source in rank and i.n >= LEAST), key=lambda i: rank[i.source]
    )
    shown = [Shown(i.title, i.text, i.n, i.unit, i.link) for i in chosen]
    if CYCLE_MAP in rank and cycle_steps > 0:
        steps = "1 step" if cycle_steps == 1 else f"{cycle_steps} steps"
        at = sum(1 for i in chosen if rank[i.source] < rank[CYCLE_MAP])
        shown.insert(
            at,
            Shown(
                "Your cycle map",
                f"Your map of the loop has {steps}, in your own words.",
                cycle_steps,
                "steps",
                "/cycle",
                counted=False,
            ),
        )
    if shown:
        return OwnEvidence(tuple(shown[:MOST_SHOWN]), (), waiting)
    adds = dict.fromkeys(
        "You can draw the loop in your own words on the cycle map page."
        if source == CYCLE_MAP
        else SOURCES[source].adds
        for source in lesson.evidence
    )
    return OwnEvidence((), tuple(adds)[:2], waiting)
