"""Long silences: stretches of `threshold_hours` or more in which nobody wrote.

Silences are measured in written messages. Calls are listed in exports whether answered or
missed, and most exports cannot tell which, so a call never ends a silence; instead each
silence says how many call entries fell inside it, and the person can judge.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from clearheart.domain.patterns.periods import PeriodCounts, Periods, per_period
from clearheart.domain.patterns.timeline import Basis, Timeline

DEFAULT_SILENCE_HOURS = 48.0
LONGEST = 5


@dataclass(frozen=True, slots=True)
class Silence:
    start: datetime
    """The last message before the silence."""
    end: datetime
    """The message that broke it."""
    before: str
    """Who wrote last before it."""
    broken_by: str
    calls: int
    """Call entries (answered or missed) inside the silence."""
    index: int
    """Position of the message that broke it, in the caller's sequence."""

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600.0


@dataclass(frozen=True, slots=True)
class Silences:
    threshold_hours: float
    names: tuple[str, ...]
    items: tuple[Silence, ...]
    """Every silence, in time order."""
    broken_by: tuple[int, ...]
    """Silences each participant broke."""
    longest: tuple[Silence, ...]
    by_month: tuple[PeriodCounts, ...]
    """Silences per month (of the message that broke them), by who broke them."""
    basis: Basis

    @property
    def count(self) -> int:
        return len(self.items)


def silence_positions(timeline: Timeline, threshold_hours: float) -> list[int]:
    """Positions of the messages that end a silence."""
    return timeline.long_gaps(timedelta(hours=threshold_hours))


def silences_among(
    timeline: Timeline, candidates: Sequence[int], threshold_hours: float
) -> list[int]:
    """The silence ends among `candidates`: for when every silence is already among them."""
    limit = timedelta(hours=threshold_hours)
    return [c for c in candidates if c and timeline.gap(c) >= limit]


def find_silences(
    timeline: Timeline,
    months: Periods,
    basis: Basis,
    threshold_hours: float = DEFAULT_SILENCE_HOURS,
    ends: Sequence[int] | None = None,
) -> Silences:
    """`ends` (from silence_positions) can be passed to save a pass."""
    if ends is None:
        ends = silence_positions(timeline, threshold_hours)
    names = timeline.names
    items = []
    for end in ends:
        calls = bisect_left(timeline.calls, timeline.stamps[end]) - bisect_right(
            timeline.calls, timeline.stamps[end - 1]
        )
        items.append(
            Silence(
                start=timeline.stamps[end - 1],
                end=timeline.stamps[end],
                before=names[timeline.sender[end - 1]],
                broken_by=names[timeline.sender[end]],
                calls=max(calls, 0),
                index=timeline.source[end],
            )
        )
    owners = list(map(timeline.sender.__getitem__, ends))
    tally = Counter(owners)
    longest = heapq.nlargest(LONGEST, items, key=lambda s: s.hours)
    return Silences(
        threshold_hours=threshold_hours,
        names=names,
        items=tuple(items),
        broken_by=tuple(tally.get(p, 0) for p in range(len(names))),
        longest=tuple(longest),
        by_month=per_period(months, ends, owners, len(names)),
        basis=basis,
    )
