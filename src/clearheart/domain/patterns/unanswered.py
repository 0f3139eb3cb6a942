"""Unanswered runs: messages one person sends in a row before anyone else writes.

A run of one is an ordinary turn. Runs cross conversation boundaries on purpose: a message
left unanswered overnight and another the next morning are two messages without a reply.
The wait after a run is the time from its last message to the reply; the last run of the
chat has no reply yet and so no wait.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate, chain, compress, islice
from operator import sub

from clearheart.domain.patterns.periods import Periods
from clearheart.domain.patterns.stats import histogram_quantile
from clearheart.domain.patterns.timeline import Basis, Timeline

LONGEST = 5
BUCKETS: tuple[tuple[int, int | None], ...] = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, None))
"""Run lengths grouped as 1, 2, 3, 4, 5–9 and 10 or more."""


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    length: int
    first: datetime
    last: datetime
    answered: datetime | None
    """When someone else next wrote; None if nobody has yet."""
    index: int
    """Position of the run's first message in the caller's sequence."""

    @property
    def wait(self) -> float | None:
        """Seconds from the run's last message to the reply."""
        return None if self.answered is None else (self.answered - self.last).total_seconds()


@dataclass(frozen=True, slots=True)
class LengthBucket:
    low: int
    high: int | None
    runs: int
    answered: int
    """Runs that got a reply and so have a wait (runs of one are not measured here)."""
    median_wait: float | None
    """Seconds from the last message of these runs to the reply, answered runs only."""


@dataclass(frozen=True, slots=True)
class PeriodRuns:
    start: date
    label: str
    runs: int
    messages: int
    longest: int

    @property
    def mean_length(self) -> float | None:
        return self.messages / self.runs if self.runs else None


@dataclass(frozen=True, slots=True)
class PersonRuns:
    name: str
    runs: int
    messages: int
    runs_3plus: int
    lengths: tuple[LengthBucket, ...]
    longest: tuple[Run, ...]
    """The longest runs, longest first; equal lengths earliest first."""
    by_week: tuple[PeriodRuns, ...]
    by_month: tuple[PeriodRuns, ...]

    @property
    def mean_length(self) -> float | None:
        return self.messages / self.runs if self.runs else None


@dataclass(frozen=True, slots=True)
class Unanswered:
    people: tuple[PersonRuns, ...]
    basis: Basis

    def of(self, name: str) -> PersonRuns:
        return next(p for p in self.people if p.name == name)


def _by_period(
    periods: Periods, starts: Sequence[int], lengths: Sequence[int], running: Sequence[int]
) -> tuple[PeriodRuns, ...]:
    cuts = periods.cuts(starts)
    rows = []
    for i, start in enumerate(periods.starts):
        lo, hi = cuts[i], cuts[i + 1]
        rows.append(
            PeriodRuns(
                start,
                periods.label(i),
                runs=hi - lo,
                messages=running[hi] - running[lo],
                longest=max(lengths[lo:hi], default=0),
            )
        )
    return tuple(rows)


def _bucket_table(longest: int) -> list[int]:
    """Bucket number for every run length from 0 to `longest`."""
    table = [0]
    for n in range(1, longest + 1):
        table.append(
            next(k for k, (lo, hi) in enumerate(BUCKETS) if lo <= n and (hi is None or n <= hi))
        )
    return table


def _buckets(
    lengths: Sequence[int], tally: Counter[int], waits: Sequence[float]
) -> tuple[LengthBucket, ...]:
    """Runs per length bucket; `waits` belong to the first len(waits) runs (the answered ones).

    Only runs of two or more get a median wait: after a single message the wait is simply
    the other person's reply latency, which latency.py reports.
    """
    table = _bucket_table(max(tally, default=0))
    answered = len(waits)
    longer = bytes(map((2).__le__, islice(lengths, answered)))
    long_waits = array("d", compress(waits, longer))
    long_keys = bytes(map(table.__getitem__, compress(islice(lengths, answered), longer)))
    rows = []
    for number, (low, high) in enumerate(BUCKETS):
        top = high if high is not None else max(tally, default=0)
        runs = sum(n for length, n in tally.items() if low <= length <= top)
        if number == 0:
            rows.append(LengthBucket(low, high, runs, 0, None))
            continue
        # Counted, not sorted: waits repeat a lot, and a list of floats costs 32 bytes each.
        chosen = Counter(compress(long_waits, map(number.__eq__, long_keys)))
        rows.append(LengthBucket(low, high, runs, chosen.total(),
                                 histogram_quantile(chosen, 0.5)))
    return tuple(rows)


def _longest(lengths: Sequence[int], tally: Counter[int]) -> list[int]:
    """Indices of the LONGEST longest runs, longest first, equal lengths earliest first."""
    covered = 0
    floor = 0
    for length in sorted(tally, reverse=True):
        covered += tally[length]
        floor = length
        if covered >= LONGEST:
            break
    chosen = list(compress(range(len(lengths)), map(floor.__le__, lengths)))
    chosen.sort(key=lambda k: -lengths[k])
    return chosen[:LONGEST]


def find_runs(timeline: Timeline, weeks: Periods, months: Periods, basis: Basis) -> Unanswered:
    turns = timeline.turns
    size = timeline.size
    stamps = timeline.stamps
    two = len(timeline.names) == 2 and bool(turns)
    owners = array("i", () if two else map(timeline.sender.__getitem__, turns))
    lengths_all = array("i", () if two else map(sub, chain(islice(turns, 1, None), (size,)),
                                                 turns))
    people = []
    for person, name in enumerate(timeline.names):
        if two:
            # Turns alternate between two people: theirs are every other one.
            offset = 0 if timeline.sender[0] == person else 1
            starts = turns[offset::2]
            # Each run ends where the next turn (the other person's) starts, or at the end.
            lengths = array("i", map(sub, chain(islice(turns, offset + 1, None, 2), (size,)),
                                     starts))
            waits = timeline.turn_waits(offset, 2)
        else:
            mask = bytes(map(person.__eq__, owners))
            starts = array("I", compress(turns, mask))
            lengths = array("i", compress(lengths_all, mask))
            waits = array("d", compress(timeline.turn_waits(), mask))
        tally = Counter(lengths)
        running = array("I", accumulate(lengths, initial=0))
        longest = []
        for k in _longest(lengths, tally):
            first = starts[k]
            last = first + lengths[k] - 1
            longest.append(
                Run(
                    name=name,
                    length=lengths[k],
                    first=stamps[first],
                    last=stamps[last],
                    answered=stamps[last + 1] if last + 1 < size else None,
                    index=timeline.source[first],
                )
            )
        people.append(
            PersonRuns(
                name=name,
                runs=len(lengths),
                messages=running[-1],
                runs_3plus=sum(n for length, n in tally.items() if length >= 3),
                lengths=_buckets(lengths, tally, waits),
                longest=tuple(longest),
                by_week=_by_period(weeks, starts, lengths, running),
                by_month=_by_period(months, starts, lengths, running),
            )
        )
    return Unanswered(tuple(people), basis)
