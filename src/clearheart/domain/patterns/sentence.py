"""A sentence about one figure, and how sentences name the people in a chat."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.wording import possessive

Topic = Literal[
    "conversations",
    "latency",
    "unanswered",
    "silences",
    "effort",
    "plans",
    "loop",
    "before_after",
    "shifts",
    "since_no_contact",
]

CHART_OF_TOPIC: Mapping[Topic, str] = MappingProxyType(
    {
        "conversations": "first",
        "latency": "replies",
        "unanswered": "runs",
        "silences": "silences",
        "effort": "effort",
        "plans": "plans",
        "loop": "loop",
    }
)
"""Each chart's topic → its chart on the patterns page (the section #chart-<id>), where
its sentences are read and where evidence from it links to."""


@dataclass(frozen=True, slots=True)
class Sentence:
    topic: Topic
    text: str
    rests_on: int
    """The count of messages, replies, conversations or weeks the sentence rests on."""
    figure: bool = True
    """False for a plain caveat that carries no number of its own."""
    claims_change: bool = False
    """True when the sentence tells the person that something differs, changed over time
    or goes together with something else: such a sentence must come from a test whose
    false-claim rate is measured under no change at all (bench/, docs/patterns.md)."""


def them(report: PatternReport) -> str:
    """How sentences name the other side: the partner's name, or "the others" in a group."""
    return report.names[1] if len(report.names) == 2 else "the others"


def who(report: PatternReport, person: int) -> str:
    return "you" if person == 0 else report.names[person]


def whose(report: PatternReport, person: int) -> str:
    return "your" if person == 0 else possessive(report.names[person])


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]
