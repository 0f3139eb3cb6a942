"""The decision aid: the person's values, ratings, SURE takes and plan, kept in the vault.

It goes through the safety gate (services/safety.py): while coaching rests, every surface
shows help instead of the options, and every write here is refused with a plain reason,
so nothing about staying or leaving is worked on while the person may not be safe.
Each write checks everything first (domain/decide) and stores nothing when any of it is
wrong. Saving a step moves the person's stage to that step; they can move freely.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from clearheart.content.decide_copy import DecideCopy, load_decide_copy
from clearheart.content.loader import load_prompts
from clearheart.domain.decide import (
    Aid,
    ConflictTake,
    Option,
    Plan,
    PlanVersion,
    Progress,
    Stage,
    Value,
    clean_answers,
    clean_order,
    clean_plan,
    clean_questions,
    clean_ratings,
    clean_values,
    progress,
    read_stage,
)
from clearheart.domain.prompts import Prompt, offered
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.store.decide_repo import DecideRepo

if TYPE_CHECKING:
    from clearheart.services.safety import SafetyService

REFLECTION_CONCEPT = "D3"
"""The reflection questions (concept D3) the aid offers as guided writing."""


class DecideService:
    def __init__(self, engine: sa.Engine, clock: Clock, safety: SafetyService) -> None:
        self.repo = DecideRepo(engine)
        self.clock = clock
        self.safety = safety

    @staticmethod
    def copy() -> DecideCopy:
        return load_decide_copy()

    def resting(self) -> bool:
        """Whether the aid rests now (the safety gate is closed): surfaces show help instead."""
        return not self.safety.coaching()

    def aid(self) -> Aid:
        return self.repo.aid()

    def order(self) -> tuple[Option, ...]:
        """The options in the order to show them: the person's, or seeded by their start."""
        return self.aid().order()

    def progress(self) -> Progress:
        """The SURE takes: the first ("before") and the latest after it ("after")."""
        return progress(self.repo.takes())

    def takes(self) -> tuple[ConflictTake, ...]:
        return self.repo.takes()

    def history(self) -> tuple[PlanVersion, ...]:
        """Every saved version of the choice and plan, oldest first."""
        return self.repo.plans()

    def plan(self) -> PlanVersion | None:
        """The latest version, or None before the first."""
        versions = self.repo.plans()
        return versions[-1] if versions else None

    def reflections(self) -> tuple[Prompt, ...]:
        """The journal prompts that carry the reflection questions (D3)."""
        return tuple(
            p
            for p in offered(load_prompts(), not self.resting())
            if REFLECTION_CONCEPT in p.concepts
        )

    # --- writes: each refused while the aid rests, each all or nothing ---------

    def start(self, at: datetime | None = None) -> Aid:
        """Begin (at the values step); starting again changes nothing."""
        aid = self._open()
        if aid.started:
            return aid
        return self._save(replace(aid, stage=Stage.VALUES), at)

    def go(self, stage: str, at: datetime | None = None) -> Aid:
        """Move to a step (starting the aid if need be)."""
        return self._save(replace(self._open(), stage=read_stage(stage)), at)

    def save_values(self, values: Iterable[Value], at: datetime | None = None) -> Aid:
        """Replace the chosen values (weight 0 leaves one out)."""
        aid = self._open()
        return self._save(replace(aid, values=clean_values(values), stage=Stage.VALUES), at)

    def rate(self, ratings: Mapping[str, str], at: datetime | None = None) -> Aid:
        """Set the ratings given (others keep theirs)."""
        aid = self._open()
        merged = {**{k: r.value for k, r in aid.ratings.items()}, **ratings}
        return self._save(replace(aid, ratings=clean_ratings(merged), stage=Stage.EVIDENCE), at)

    def set_order(self, order: Sequence[str], at: datetime | None = None) -> Aid:
        """The person's own order of the options; an empty one goes back to the seeded order."""
        aid = self._open()
        own = clean_order(order) if order else ()
        return self._save(replace(aid, own_order=own, stage=Stage.OPTIONS), at)

    def save_questions(self, questions: Iterable[str], at: datetime | None = None) -> Aid:
        """Replace the list of questions for a therapist or coach."""
        aid = self._open()
        return self._save(replace(aid, questions=clean_questions(questions)), at)

    def take_sure(self, answers: Mapping[str, object], at: datetime | None = None) -> ConflictTake:
        """Record a take of the four SURE questions (yes or no each)."""
        self._open()
        return self.repo.add_take(clean_answers(answers), at or self.clock.now())

    def choose(self, plan: Plan, at: datetime | None = None) -> PlanVersion:
        """Save a new version of the choice and its plan; earlier versions stay."""
        aid = self._open()
        moment = at or self.clock.now()
        cleaned = clean_plan(plan, moment.date())
        version = self.repo.add_plan(cleaned, moment)
        self._save(replace(aid, stage=Stage.PLAN), moment)
        return version

    def _open(self) -> Aid:
        if self.resting():
            raise InvalidInput(
                "decision aid",
                "it rests while you may not be safe; your safety plan and who can help come first",
            )
        return self.repo.aid()

    def _save(self, aid: Aid, at: datetime | None) -> Aid:
        stage = Stage.VALUES if aid.stage is Stage.NOT_STARTED else aid.stage
        return self.repo.save_aid(replace(aid, stage=stage), at or self.clock.now())
