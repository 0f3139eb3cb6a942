"""The person's cycle maps: keep, change, start from the example, draw, count log links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from clearheart.content.cycle_copy import CycleCopy, load_cycle_copy
from clearheart.domain.cycle import CycleMap, Step, clean_map, keep_ids
from clearheart.domain.cycle_diagram import render_svg
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.store.cycle_repo import CycleRepo


def count_note(count: int) -> str:
    """How a step's log entries are counted under it; nothing for none."""
    if count <= 0:
        return ""
    return "1 log entry" if count == 1 else f"{count} log entries"


if TYPE_CHECKING:
    from clearheart.services.safety import SafetyService


class CycleService:
    def __init__(self, engine: sa.Engine, clock: Clock, safety: SafetyService) -> None:
        self.repo = CycleRepo(engine)
        self.clock = clock
        self.safety = safety

    @staticmethod
    def copy() -> CycleCopy:
        """Role names, the loop explained, the example."""
        return load_cycle_copy()

    def list(self) -> tuple[CycleMap, ...]:
        """Every map, most recently changed first."""
        return self.repo.all()

    def get(self, map_id: int) -> CycleMap:
        """One map; NotFound if there is none with this id. Step ids are stable."""
        return self.repo.get(map_id)

    def current(self) -> CycleMap | None:
        """The most recently changed map, or None before the first is saved."""
        maps = self.repo.all()
        return maps[0] if maps else None

    def save(self, cycle: CycleMap, at: datetime | None = None) -> CycleMap:
        """Validate and store a map: new when its id is None, else a change to that map.

        On a change, a step given without an id keeps the id of an earlier step
        with the same role and words, and new steps never reuse an id the map
        or its log entries have used. Nothing is written unless all of it is valid.
        """
        moment = at or self.clock.now()
        if cycle.id is None:
            return self.repo.add(clean_map(cycle), moment)
        previous = self.repo.get(cycle.id)
        known = {s.id for s in previous.steps} | set(self.repo.step_counts(cycle.id))
        steps = keep_ids(cycle.steps, previous.steps)
        cleaned = clean_map(replace(cycle, steps=steps), known)
        return self.repo.update(cycle.id, cleaned, moment)

    def save_current(self, title: str | None, steps: Iterable[Step],
                     at: datetime | None = None) -> CycleMap:
        """Replace the current map's steps (and title, if given), or make the first map."""
        current = self.current()
        if current is None:
            return self.save(CycleMap(None, title or self.copy().untitled, tuple(steps)), at)
        return self.save(replace(current, title=title or current.title, steps=tuple(steps)), at)

    def delete(self, map_id: int) -> None:
        """Delete a map for good; log entries keep their words and lose the link to it."""
        self.repo.delete(map_id)

    def start_from_example(self, at: datetime | None = None) -> CycleMap:
        """Save the built-in example as the person's first map, to change as they like.

        The example is a loop two people share: coaching, so it rests with the gate."""
        if not self.safety.coaching():
            raise InvalidInput("example", "the example map rests while suggestions do; "
                               "steps in your own words are welcome")
        if self.repo.all():
            raise InvalidInput("example", "you already have a map, so the example was not added; "
                               "change your map's steps instead")
        example = self.copy().example
        return self.save(CycleMap(None, example.title, example.steps), at)

    def step_counts(self, map_id: int) -> dict[str, int]:
        """Log entries pointing at each step of the map, by step id (steps with none left out)."""
        cycle = self.repo.get(map_id)
        counts = self.repo.step_counts(map_id)
        return {s.id: counts[s.id] for s in cycle.steps if counts.get(s.id)}

    def linked_count(self, map_id: int) -> int:
        """Log entries pointing at the map, with or without a step."""
        self.repo.get(map_id)
        return self.repo.linked_count(map_id)

    def svg(self, map_id: int, *, heading: bool = True, counts: bool = True,
            narrow: bool = False, id_prefix: str = "cycle") -> str:
        """The map drawn as a standalone SVG; under each step, how many log entries point to it.

        `narrow` draws one column for a phone; the default two-column loop prints best.
        """
        cycle = self.repo.get(map_id)
        notes = ({step: count_note(n) for step, n in self.step_counts(map_id).items()}
                 if counts else None)
        return render_svg(cycle, self.copy().labels, notes=notes, heading=heading,
                          narrow=narrow, id_prefix=id_prefix)
