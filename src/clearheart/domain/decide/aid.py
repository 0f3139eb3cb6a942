"""Where the person is in the decision aid, and what they have given it so far.

Stages run not started → values → evidence → options → plan, but they are places, not
gates: the person may go to any step at any time, and the stage is simply the step they
were last at. Open questions are a short list the person writes for a therapist or
coach (concept G1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from clearheart.domain.decide.options import Option, option_order
from clearheart.domain.decide.ratings import Rating
from clearheart.domain.decide.values import Value
from clearheart.errors import InvalidInput

MAX_QUESTIONS = 12
MAX_QUESTION = 300


class Stage(StrEnum):
    NOT_STARTED = "not-started"
    VALUES = "values"
    EVIDENCE = "evidence"
    OPTIONS = "options"
    PLAN = "plan"


STEPS = (Stage.VALUES, Stage.EVIDENCE, Stage.OPTIONS, Stage.PLAN)
"""The steps a person can be at once started, in their usual order."""


def read_stage(value: str) -> Stage:
    try:
        stage = Stage(value.strip())
    except ValueError:
        stage = None
    if stage not in STEPS:
        raise InvalidInput("stage", "choose one of " + ", ".join(s.value for s in STEPS))
    return stage


@dataclass(frozen=True, slots=True)
class Aid:
    """The person's decision aid as it stands (the plan and the SURE takes keep their own
    histories beside it)."""

    stage: Stage = Stage.NOT_STARTED
    started_at: datetime | None = None
    own_order: tuple[Option, ...] = ()
    """The order the person chose for the options; empty for the seeded one."""
    values: tuple[Value, ...] = ()
    ratings: Mapping[str, Rating] = field(default_factory=dict)
    questions: tuple[str, ...] = ()

    @property
    def started(self) -> bool:
        return self.started_at is not None

    def order(self) -> tuple[Option, ...]:
        """The options in the order to show them (see options.py)."""
        seed = self.started_at.isoformat() if self.started_at else ""
        return option_order(seed, self.own_order)


def clean_questions(given: Iterable[str]) -> tuple[str, ...]:
    """The list without blank lines; InvalidInput when too long."""
    questions = tuple(" ".join(q.split()) for q in given if q.strip())
    if len(questions) > MAX_QUESTIONS:
        raise InvalidInput("questions", f"keep the list to {MAX_QUESTIONS} questions")
    for question in questions:
        if len(question) > MAX_QUESTION:
            raise InvalidInput(
                "questions",
                f"keep each question under {MAX_QUESTION} characters (one has {len(question)})",
            )
    return questions
