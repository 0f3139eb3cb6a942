"""Calendar weeks (ISO, Monday first) and months over a timeline, as runs of positions.

Messages are in time order, so each week or month is one contiguous slice of positions;
finding its bounds takes one binary search, never a visit to each message.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from clearheart.domain.patterns.timeline import Timeline

Unit = Literal["week", "month"]


@dataclass(frozen=True, slots=True)
class Periods:
    unit: Unit
    starts: tuple[date, ...]
    """Monday of each ISO week, or the first day of each month."""
    bounds: tuple[int, ...]
    """Position where each period begins, and the timeline's size at the end: len(starts) + 1."""
    labels: tuple[str, ...]
    """"2025-W41" for weeks, "2025-10" for months."""

    def __len__(self) -> int:
        return len(self.starts)

    def label(self, index: int) -> str:
        return self.labels[index]

    def cuts(self, positions: Sequence[int]) -> list[int]:
        """For sorted positions, the index in `positions` where each period begins (and the end)."""
        return [bisect_left(positions, bound) for bound in self.bounds]


def label(unit: Unit, start: date) -> str:
    if unit == "month":
        return f"{start.year:04d}-{start.month:02d}"
    year, week, _ = start.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def periods(timeline: Timeline, unit: Unit) -> Periods:
    """Every week or month from the first message to the last, empty ones included."""
    stamps = timeline.stamps
    if not stamps:
        return Periods(unit, (), (0,), ())
    last = stamps[-1].date()
    start = period_of(unit, stamps[0].date())
    starts: list[date] = []
    bounds: list[int] = []
    while start <= last:
        starts.append(start)
        bounds.append(bisect_left(stamps, datetime.combine(start, time())))
        start = start + timedelta(days=7) if unit == "week" else _next_month(start)
    bounds.append(len(stamps))
    return Periods(unit, tuple(starts), tuple(bounds), tuple(label(unit, s) for s in starts))


def whole(unit: Unit, start: date, first: date, last: date) -> bool:
    """Whether messages from day `first` to day `last` (both kept) cover the period whole.

    Only the first and the last period can fall short: the first when the messages
    begin after its first day, the last when they end before its last day (an
    export made on the 7th covers a week of that month). Such a period rests on
    fewer days, so its figures are marked and never compared with whole ones.
    Quiet days inside the messages' span do not make a period partial: silence
    is part of what the messages show.
    """
    end = start + timedelta(days=7) if unit == "week" else _next_month(start)
    return first <= start and end - timedelta(days=1) <= last


def period_of(unit: Unit, day: date) -> date:
    """The week's Monday or the month's first day for a date."""
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """One count per participant for one week or month."""

    start: date
    label: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    def share(self, person: int) -> float | None:
        total = self.total
        return self.counts[person] / total if total else None


def per_period(
    periods: Periods, positions: Sequence[int], owners: Sequence[int], people: int
) -> tuple[PeriodCounts, ...]:
    """Counts of events at sorted `positions`, owned by `owners`, per period and participant."""
    cuts = periods.cuts(positions)
    rows = []
    same: dict[tuple[int, ...], tuple[int, ...]] = {}  # equal counts kept once: many repeat
    for index, start in enumerate(periods.starts):
        tally = Counter(owners[cuts[index] : cuts[index + 1]])
        counts = tuple(tally.get(p, 0) for p in range(people))
        rows.append(PeriodCounts(start, periods.label(index), same.setdefault(counts, counts)))
    return tuple(rows)
