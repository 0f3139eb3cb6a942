"""One piece of evidence, and the questions of the decision it can speak to.

The questions are the conditions for healing (concept D1: both willing, a safe space,
each doing their own work, actions that back words) and the signals for letting go
(concept D2: refusing to engage, needs unmet, attempts ignored, fear and self-doubt).
They are questions the person weighs, never a checklist that adds up to an answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Literal

DecisionKey = Literal[
    "both_willing",
    "safe_space",
    "own_work",
    "actions_match_words",
    "refuses_to_engage",
    "needs_unmet",
    "attempts_ignored",
    "fear_self_doubt",
]
Concept = Literal["D1", "D2", "D4", "C3"]


@dataclass(frozen=True, slots=True)
class Question:
    key: DecisionKey
    concept: Concept
    title: str
    """The question as the person reads it, in a few words."""


KEYS: Mapping[DecisionKey, Question] = MappingProxyType(
    {
        "both_willing": Question("both_willing", "D1", "Are you both willing?"),
        "safe_space": Question("safe_space", "D1", "Is it safe to be open with each other?"),
        "own_work": Question("own_work", "D1", "Is each of you working on your own side?"),
        "actions_match_words": Question(
            "actions_match_words", "D1", "Do actions back up what is said?"
        ),
        "refuses_to_engage": Question(
            "refuses_to_engage", "D2", "Do talks about the two of you happen, or stall?"
        ),
        "needs_unmet": Question("needs_unmet", "D2", "Are your needs met?"),
        "attempts_ignored": Question("attempts_ignored", "D2", "What happens when you reach out?"),
        "fear_self_doubt": Question("fear_self_doubt", "D2", "How are you feeling in yourself?"),
    }
)
"""Every question the evidence is grouped under, healing conditions first."""


@dataclass(frozen=True, slots=True)
class Point:
    """One month of a figure: what it showed and the count it rests on."""

    start: date
    """The first day of the month."""
    shown: str
    """The month's figure as the person reads it: "3 of 5", "3.4 of 5"."""
    n: int


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """What one source shows, with how much it rests on, its dates and where it came from.

    `n` is never zero and `since` is never after `until`: a source with nothing recorded
    gives no item (the page says what would add some instead). `text` describes what was
    recorded, never what anyone is like, and never says what to do.
    """

    key: str
    """Stable id: the source's id, then what it is about ("log-bids", "chat-3-latency")."""
    concept: Concept
    bears_on: tuple[DecisionKey, ...]
    title: str
    text: str
    n: int
    unit: str
    """What `n` counts, plural: "log entries", "messages", "takes", "check-ins"."""
    since: date
    until: date
    link: str
    """The app path where the underlying records are: /log?kind=…, /chats/3, /reflect/…"""
    claims_change: bool = False
    """True when `text` says something changed over time or two things go together: such
    text must come from a test whose false-claim rate is measured (patterns/claims.py)."""
    months: tuple[Point, ...] = ()
    """The same figure month by month, oldest first; empty where it is not kept by month."""

    def __post_init__(self) -> None:
        if self.n < 1:
            raise ValueError(f"{self.key}: an item rests on at least one record")
        if self.since > self.until:
            raise ValueError(f"{self.key}: its period ends before it starts")
        if not self.bears_on or any(k not in KEYS for k in self.bears_on):
            raise ValueError(f"{self.key}: bears_on must name decision questions")

    @property
    def source(self) -> str:
        """The registry id of the source it came from (sources.SOURCES)."""
        return self.key.split(":", 1)[0]
