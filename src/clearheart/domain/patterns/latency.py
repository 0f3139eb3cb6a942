"""Reply latency: how long one person's message waits before the other person writes.

A reply is any change of sender. Its latency is the time from the last message of one
person to the first message of the next. Waits as long as the long-silence threshold
(48 hours by default) are not replies but silences: they are reported there, with who broke
them, and kept out of these medians so one long break does not masquerade as a slow reply.
Replies across a conversation boundary (say, an answer the next morning) do count: that
overnight wait is exactly what a person notices.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress, islice

from clearheart.domain.patterns.periods import Periods
from clearheart.domain.patterns.stats import histogram_quantile
from clearheart.domain.patterns.timeline import Basis, Timeline


@dataclass(frozen=True, slots=True)
class LatencyStats:
    replies: int
    median: float | None
    """Seconds."""
    p90: float | None
    """Seconds: nine replies in ten came at least this fast."""


@dataclass(frozen=True, slots=True)
class PeriodLatency:
    start: date
    label: str
    stats: LatencyStats


@dataclass(frozen=True, slots=True)
class PersonLatency:
    name: str
    """Whose replies these are."""
    overall: LatencyStats
    by_month: tuple[PeriodLatency, ...]


@dataclass(frozen=True, slots=True)
class Latency:
    cap_hours: float
    people: tuple[PersonLatency, ...]
    basis: Basis

    def of(self, name: str) -> PersonLatency:
        return next(p for p in self.people if p.name == name)


@dataclass(frozen=True, slots=True)
class Replies:
    """One participant's (or group's) replies: where each is, and how long it took."""

    positions: Sequence[int]
    waits: Sequence[float]
    """Seconds."""


def find_replies(
    timeline: Timeline, cap_hours: float, groups: Sequence[frozenset[int]]
) -> list[Replies]:
    """For each group of participants, the replies they wrote within `cap_hours`.

    A reply is the first message of a turn (a change of sender), so in a two-person chat
    the turns alternate and each person's replies are every other turn.
    """
    turns = timeline.turns
    waits: array[float] | None = None
    cap = cap_hours * 3600.0
    later: array[int] | None = None
    owners: array[int] | None = None
    found = []
    for group in groups:
        if len(timeline.names) == 2 and len(group) == 1 and len(turns) > 1:
            # Turns alternate between two people: theirs are every other one, read in place.
            (person,) = group
            offset = 0 if timeline.sender[turns[1]] == person else 1
            positions, seconds = turns[1 + offset::2], timeline.turn_waits(offset, 2)
        else:
            if waits is None:
                waits = timeline.turn_waits()
            if later is None:
                later = array("I", islice(turns, 1, None))
            if owners is None:
                owners = array("i", map(timeline.sender.__getitem__, later))
            mine = bytes(map(group.__contains__, owners))
            positions = array("I", compress(later, mine))
            seconds = array("d", compress(waits, mine))
        quick = bytes(map(cap.__gt__, seconds))
        found.append(Replies(array("I", compress(positions, quick)),
                             array("d", compress(seconds, quick))))
    return found


def shorter_than(replies: Replies, seconds: float) -> Replies:
    """Only the replies that came in less than `seconds`."""
    quick = bytes(map(seconds.__gt__, replies.waits))
    return Replies(array("I", compress(replies.positions, quick)),
                   array("d", compress(replies.waits, quick)))


def stats(waits: Sequence[float]) -> LatencyStats:
    """Counting first, then walking the distinct values: waits repeat a lot."""
    histogram = Counter(waits)
    return LatencyStats(
        len(waits), histogram_quantile(histogram, 0.5), histogram_quantile(histogram, 0.9)
    )


def by_period(periods: Periods, replies: Replies) -> tuple[PeriodLatency, ...]:
    cuts = periods.cuts(replies.positions)
    waits = replies.waits
    return tuple(
        PeriodLatency(start, periods.label(i), stats(waits[cuts[i] : cuts[i + 1]]))
        for i, start in enumerate(periods.starts)
    )


def measure_latency(
    timeline: Timeline,
    replies: Sequence[Replies],
    months: Periods,
    basis: Basis,
    cap_hours: float,
) -> Latency:
    """`replies` holds each participant's replies, in participant order (find_replies)."""
    people = [
        PersonLatency(name=name, overall=stats(mine.waits), by_month=by_period(months, mine))
        for name, mine in zip(timeline.names, replies, strict=True)
    ]
    return Latency(cap_hours, tuple(people), basis)
