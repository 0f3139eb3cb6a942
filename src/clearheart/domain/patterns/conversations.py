"""Conversations: runs of messages with no gap as long as `gap_hours`, and who starts them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from clearheart.domain.patterns.periods import PeriodCounts, Periods, per_period
from clearheart.domain.patterns.timeline import Basis, Timeline

DEFAULT_GAP_HOURS = 6.0


@dataclass(frozen=True, slots=True)
class Conversations:
    gap_hours: float
    names: tuple[str, ...]
    count: int
    started: tuple[int, ...]
    """Conversations each participant started."""
    by_week: tuple[PeriodCounts, ...]
    by_month: tuple[PeriodCounts, ...]
    basis: Basis

    def share(self, person: int) -> float | None:
        return self.started[person] / self.count if self.count else None


def conversation_starts(timeline: Timeline, gap_hours: float = DEFAULT_GAP_HOURS) -> list[int]:
    """Positions of the first message of each conversation."""
    if timeline.size == 0:
        return []
    return [0, *timeline.long_gaps(timedelta(hours=gap_hours))]


def summarise_conversations(
    timeline: Timeline,
    starts: Sequence[int],
    weeks: Periods,
    months: Periods,
    basis: Basis,
    gap_hours: float = DEFAULT_GAP_HOURS,
) -> Conversations:
    people = len(timeline.names)
    owners = list(map(timeline.sender.__getitem__, starts))
    tally = Counter(owners)
    return Conversations(
        gap_hours=gap_hours,
        names=timeline.names,
        count=len(starts),
        started=tuple(tally.get(p, 0) for p in range(people)),
        by_week=per_period(weeks, starts, owners, people),
        by_month=per_period(months, starts, owners, people),
        basis=basis,
    )
