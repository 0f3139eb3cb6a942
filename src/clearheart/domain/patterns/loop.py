"""The loop (A4): does the user's reaching out one week go with the other side's distance
the next, and the other way round, beyond what each side's own rhythm explains?

Each week gets two indices built from parts that share no raw count, so that one message
cannot move both (an earlier version mixed message counts into both sides and saw a link
between two people writing independently):

- pursuit (the user): conversations the user started, and late-night messages the user
  sent (23:00 to 04:59), each as log(1 + count), z-scored over the weeks with messages,
  clipped at ±3 and averaged;
- distance (everyone else): their median reply time in the week, counting only replies
  inside a conversation (waits shorter than the conversation gap), as log(1 + minutes),
  z-scored and clipped the same way.

Why inside a conversation: a reply that opens a new conversation waits out the gap since
the last one, and that gap is short when the user started many conversations that week, so
more reaching out would read as quicker replies in the same week: a tie made by the
measurement, which each index's own last week can carry into the next-week test. In
synthetic chats with no link it took the same-week correlation of the indices from −0.06 to
−0.03 (60 chats of two years); the false-claim rate was under 5% either way at 2,000
replicates (bench/null_loop.py, docs/patterns.md). The page's reply times still count the
overnight answer.

Left out on purpose: the length of the user's unanswered runs (a run ends when the other
side replies, so it carries their reply time and would tie the two indices together), both
sides' message counts, and hours of silence (both sides make a silence). A week with no
reply from the other side has no distance and takes no part.

The decision, for each direction, is a Granger-style test over runs of three weeks that all
have both indices (see granger.py): each index is freed of its own previous week and the
week number (a straight-line trend, so a shared slow drift is not read as a link), and the
leading index's leftover this week is correlated with the other's leftover next week. Its
p-value is corrected for the two directions by Holm's method at `alpha` (4%), so the chance
of any false link, in either direction, stays under the 5% goal. Why 4% and not 5%: at 5%
the measured rate in long synthetic chats (two and three years, 2,000 replicates) sat at
5.1–5.3% rather than under it, because the test's corrections for memory and drift are
close but not exact; 4% keeps a margin for that, at a small cost in power.
The test runs on the whole chat only: a person who tries many stretches of dates would
otherwise find a link by chance, so a report for picked dates says where to look instead.

Below `min_weeks` pairs the result is "not enough data yet"; the minimum and the number of
pairs at which a modest link shows about four times in five come from the power simulation
in bench/null_loop.py (docs/patterns.md has the measured rates). No interval is given: its
coverage was not measured to be right. A link in someone's chat says nothing about why.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from clearheart.domain.patterns.granger import granger
from clearheart.domain.patterns.periods import PeriodCounts, Periods
from clearheart.domain.patterns.stats import zscores
from clearheart.domain.patterns.timeline import Basis, Timeline

DEFAULT_MIN_WEEKS = 40
"""Fewer pairs than this: "not enough data yet" (see the module notes)."""
WEEKS_FOR_A_MODEST_LINK = 130
"""Pairs at which a modest link (each week's index carrying 0.3 of the other's last week)
shows about four times in five, measured in bench/null_loop.py."""
ALPHA = 0.04
"""The family level for the two directions together (see the module notes)."""
LATE_START_HOUR = 23
LATE_END_HOUR = 5
Lead = Literal["pursuit", "distance"]


@dataclass(frozen=True, slots=True)
class WeekSignals:
    """The raw parts of one week's indices, before any scaling."""

    start: date
    messages: int
    """Messages from anyone: a week with none takes no part."""
    my_starts: int
    my_late_night: int
    their_median_latency: float | None
    """Seconds."""
    their_messages: int
    """Not part of the indices (see the module notes): read by the own-messages page."""


@dataclass(frozen=True, slots=True)
class WeekIndex:
    signals: WeekSignals
    pursuit: float | None
    distance: float | None
    """None for weeks without messages (pursuit) or without a reply from them (distance)."""


@dataclass(frozen=True, slots=True)
class Link:
    lead: Lead
    """"pursuit": this week's pursuit with next week's distance; "distance": the reverse."""
    r: float
    """The leading index's surprise this week with the other's surprise next week, each freed
    of its own previous week and the trend: from −1 to 1."""
    p: float
    clear: bool
    """The link passed the test after Holm's correction for the two directions."""
    pairs: int


@dataclass(frozen=True, slots=True)
class Loop:
    enough: bool
    """False means "not enough data yet": no links are given."""
    whole_chat: bool
    """False for picked dates: the test is not run there (see the module notes)."""
    min_weeks: int
    weeks_for_a_modest_link: int
    active_weeks: int
    pairs: int
    """Weeks whose week before and week after also have both indices (three weeks in a
    row): what each link rests on."""
    weeks: tuple[WeekIndex, ...]
    pursuit_then_distance: Link | None
    distance_then_pursuit: Link | None
    alpha: float
    basis: Basis


def late_night_counts(timeline: Timeline, person: int, weeks: Periods) -> list[int]:
    """Messages `person` sent from 23:00 to 04:59, per week.

    Each night is two stretches of time, found by binary search: no message is visited.
    """
    stamps = timeline.stamps
    counts = [0] * len(weeks)
    if not stamps:
        return counts
    day = weeks.starts[0]
    last = stamps[-1].date()
    week = 0
    while day <= last:
        midnight = datetime.combine(day, time())
        for lo, hi in ((0, LATE_END_HOUR), (LATE_START_HOUR, 24)):
            a = bisect_left(stamps, midnight + timedelta(hours=lo))
            b = bisect_left(stamps, midnight + timedelta(hours=hi), lo=a)
            counts[week] += timeline.count(person, a, b)
        day += timedelta(days=1)
        if day.weekday() == 0:
            week += 1
    return counts


def _log1p(value: float | None) -> float | None:
    return None if value is None else math.log1p(value)


def _index(parts: Sequence[Sequence[float | None]], active: Sequence[int], size: int) -> list[
    float | None
]:
    """Mean z-score per week over the parts present that week; None where none is present."""
    scored = [zscores([part[w] for w in active]) for part in parts]
    result: list[float | None] = [None] * size
    for k, week in enumerate(active):
        values = [scored[j][k] for j, part in enumerate(parts) if part[week] is not None]
        if values:
            result[week] = sum(values) / len(values)
    return result


def weekly_indices(signals: Sequence[WeekSignals]) -> list[WeekIndex]:
    size = len(signals)
    active = [i for i, s in enumerate(signals) if s.messages]
    pursuit_parts: list[list[float | None]] = [
        [math.log1p(s.my_starts) for s in signals],
        [math.log1p(s.my_late_night) for s in signals],
    ]
    distance_parts: list[list[float | None]] = [
        [_log1p(None if s.their_median_latency is None else s.their_median_latency / 60)
         for s in signals],
    ]
    pursuit = _index(pursuit_parts, active, size)
    distance = _index(distance_parts, active, size)
    return [WeekIndex(s, p, d) for s, p, d in zip(signals, pursuit, distance, strict=True)]


def holm(ps: Sequence[float], alpha: float) -> list[bool]:
    """Holm's step-down: the k-th smallest p passes at alpha / (m − k) if all before it did."""
    passed = [False] * len(ps)
    for k, i in enumerate(sorted(range(len(ps)), key=ps.__getitem__)):
        if ps[i] > alpha / (len(ps) - k):
            break
        passed[i] = True
    return passed


def links(pursuit: Sequence[float], distance: Sequence[float], weeks: Sequence[int],
          alpha: float = ALPHA) -> tuple[Link, Link] | None:
    """Both directions with Holm's correction, over the weeks t in `weeks` (the indices are
    whole series; weeks t-1 and t+1 must have both indices too)."""
    def at(series: Sequence[float], shift: int) -> list[float]:
        return [series[t + shift] for t in weeks]

    when = [float(t) for t in weeks]
    ahead = granger(at(distance, 1), at(distance, 0), at(pursuit, 0), at(pursuit, -1), when)
    behind = granger(at(pursuit, 1), at(pursuit, 0), at(distance, 0), at(distance, -1), when)
    if ahead is None or behind is None:
        return None
    clear = holm((ahead.p, behind.p), alpha)
    n = len(weeks)
    return (Link("pursuit", ahead.r, ahead.p, clear[0], n),
            Link("distance", behind.r, behind.p, clear[1], n))


def measure_loop(
    signals: Sequence[WeekSignals],
    basis: Basis,
    min_weeks: int = DEFAULT_MIN_WEEKS,
    whole_chat: bool = True,
    alpha: float = ALPHA,
) -> Loop:
    weeks = weekly_indices(signals)
    active = sum(1 for w in weeks if w.pursuit is not None)
    both = [w.pursuit is not None and w.distance is not None for w in weeks]
    pairs = [t for t in range(1, len(weeks) - 1) if both[t - 1] and both[t] and both[t + 1]]

    def loop(found: tuple[Link, Link] | None) -> Loop:
        ahead, behind = found if found else (None, None)
        return Loop(found is not None, whole_chat, min_weeks, WEEKS_FOR_A_MODEST_LINK, active,
                    len(pairs), tuple(weeks), ahead, behind, alpha, basis)

    if len(pairs) < max(min_weeks, 5) or not whole_chat:
        return loop(None)

    pursuit = [0.0 if w.pursuit is None else w.pursuit for w in weeks]
    distance = [0.0 if w.distance is None else w.distance for w in weeks]
    return loop(links(pursuit, distance, pairs, alpha))


def week_counts(rows: Sequence[PeriodCounts], people: Sequence[int]) -> list[int]:
    return [sum(row.counts[p] for p in people) for row in rows]
