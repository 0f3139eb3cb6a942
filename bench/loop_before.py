"""The loop as it was before issue 12 (report version 1), kept only as the floor that
bench/null_loop.py measures beside the new test. Not used by the app.

The original notes follow.
next, and the other way round?

Each week gets two indices, each the mean of z-scores (clipped at ±3) of its parts:

- pursuit (the user): messages sent, conversations started, mean length of unanswered
  runs, and late-night messages (23:00 to 04:59);
- distance (everyone else): median reply latency, fewer messages sent, and hours of long
  silence.

Conversations the other side starts are left out of distance on purpose: a reply that comes
after the conversation gap counts as a new conversation, so slow replies would look like
reaching out. For the same reason pursuit counts the user's starts, not their share.

Counts enter as log(1 + x) and latency as log(1 + minutes), so one frantic week or one slow
reply does not dominate. A part missing in a week (no replies, no conversations) is left out
of that week's mean rather than guessed.

Only pairs of consecutive weeks that both have messages are used. For each direction we give
Pearson's r of this week's index with the other index next week, and a steadier check: the
same correlation holding the other index's own previous week constant (a partial
correlation), because both indices drift slowly and drift alone makes lagged correlations.
Intervals come from a moving-block bootstrap over the pairs (blocks of about n^(1/3) weeks,
since neighbouring weeks resemble each other), percentile method. Below `min_weeks` pairs the
result says "not enough data yet" and carries no numbers. None of this is a prediction or a
verdict: two things moving together in someone's chat says nothing about why.
"""

from __future__ import annotations

import math
import random
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate, islice
from operator import mul, sub

from clearheart.domain.chat import Columns, Message
from clearheart.domain.patterns.conversations import (
    DEFAULT_GAP_HOURS,
    conversation_starts,
    summarise_conversations,
)
from clearheart.domain.patterns.effort import measure_effort
from clearheart.domain.patterns.latency import by_period, find_replies
from clearheart.domain.patterns.loop import late_night_counts, week_counts
from clearheart.domain.patterns.periods import Periods, periods
from clearheart.domain.patterns.silences import DEFAULT_SILENCE_HOURS, silences_among
from clearheart.domain.patterns.stats import partial, quantile, zscores
from clearheart.domain.patterns.timeline import ZERO, Basis, Timeline
from clearheart.domain.patterns.timeline_build import build_timeline
from clearheart.domain.patterns.unanswered import find_runs

DEFAULT_MIN_WEEKS = 12
DEFAULT_RESAMPLES = 1000


@dataclass(frozen=True, slots=True)
class WeekSignals:
    """The raw parts of one week's indices, before any scaling."""

    start: date
    label: str
    messages: int
    """Messages from anyone: a week with none takes no part."""
    my_messages: int
    my_starts: int
    my_mean_run: float | None
    my_late_night: int
    their_median_latency: float | None
    """Seconds."""
    their_messages: int
    their_starts: int
    """Kept for display; not part of the distance index (see the module notes)."""
    silence_hours: float


@dataclass(frozen=True, slots=True)
class WeekIndex:
    signals: WeekSignals
    pursuit: float | None
    distance: float | None
    """None for weeks without messages."""


@dataclass(frozen=True, slots=True)
class Estimate:
    value: float | None
    low: float | None
    high: float | None
    """Bootstrap percentile interval; None when too few resamples gave a number."""


@dataclass(frozen=True, slots=True)
class Lagged:
    lead: str
    """"pursuit" (this week's pursuit with next week's distance) or "distance"."""
    r: Estimate
    partial: Estimate
    """The same, holding the following index's own previous week constant."""
    pairs: int


@dataclass(frozen=True, slots=True)
class Loop:
    enough: bool
    """False means "not enough data yet": no correlations are given."""
    min_weeks: int
    active_weeks: int
    pairs: int
    """Pairs of consecutive weeks that both have messages: what each correlation rests on."""
    weeks: tuple[WeekIndex, ...]
    pursuit_then_distance: Lagged | None
    distance_then_pursuit: Lagged | None
    resamples: int
    block_weeks: int
    confidence: float
    basis: Basis


def silence_hours(timeline: Timeline, ends: Sequence[int], weeks: Periods) -> list[float]:
    """Hours of each week that fall inside a long silence (ending at positions `ends`)."""
    edges = [datetime.combine(start, time()) for start in weeks.starts]
    if edges:
        edges.append(edges[-1] + timedelta(days=7))
    hours = [0.0] * len(weeks)
    for end in ends:
        low, high = timeline.stamps[end - 1], timeline.stamps[end]
        week = max(bisect_right(edges, low) - 1, 0)
        while week < len(hours) and edges[week] < high:
            overlap = min(high, edges[week + 1]) - max(low, edges[week])
            if overlap > ZERO:
                hours[week] += overlap.total_seconds() / 3600.0
            week += 1
    return hours


def _log1p(value: float | None) -> float | None:
    return None if value is None else math.log1p(value)


def _index(parts: Sequence[Sequence[float | None]], active: Sequence[int], size: int) -> list[
    float | None
]:
    """Mean z-score per week over the parts present that week; None for inactive weeks."""
    scored = [zscores([part[w] for w in active]) for part in parts]
    result: list[float | None] = [None] * size
    for k, week in enumerate(active):
        values = [scored[j][k] for j, part in enumerate(parts) if part[week] is not None]
        result[week] = sum(values) / len(values) if values else 0.0
    return result


def weekly_indices(signals: Sequence[WeekSignals]) -> list[WeekIndex]:
    size = len(signals)
    active = [i for i, s in enumerate(signals) if s.messages]
    pursuit_parts: list[list[float | None]] = [
        [_log1p(s.my_messages) for s in signals],
        [math.log1p(s.my_starts) for s in signals],
        [s.my_mean_run for s in signals],
        [_log1p(s.my_late_night) for s in signals],
    ]
    distance_parts: list[list[float | None]] = [
        [_log1p(None if s.their_median_latency is None else s.their_median_latency / 60)
         for s in signals],
        [-math.log1p(s.their_messages) for s in signals],
        [math.log1p(s.silence_hours) for s in signals],
    ]
    pursuit = _index(pursuit_parts, active, size)
    distance = _index(distance_parts, active, size)
    return [WeekIndex(s, p, d) for s, p, d in zip(signals, pursuit, distance, strict=True)]


_PRODUCTS = (
    (0, None), (1, None), (2, None), (3, None),
    (0, 0), (1, 1), (2, 2), (3, 3),
    (0, 3), (0, 1), (3, 1), (1, 2), (2, 0),
)
"""Series: 0 pursuit now, 1 distance now, 2 pursuit next week, 3 distance next week."""


def _correlations(totals: Sequence[float], n: int) -> tuple[float | None, ...]:
    """r(P,D'), partial | D; r(D,P'), partial | P — from sums over n pairs."""
    s = totals

    def cov(k: int, i: int, j: int) -> float:
        return s[k] - s[i] * s[j] / n

    var = [cov(4 + i, i, i) for i in range(4)]
    if min(var) <= 1e-9 * n:
        return (None, None, None, None)

    def r(k: int, i: int, j: int) -> float:
        return max(-1.0, min(1.0, cov(k, i, j) / math.sqrt(var[i] * var[j])))

    r_p_dnext = r(8, 0, 3)
    r_p_d = r(9, 0, 1)
    r_dnext_d = r(10, 3, 1)
    r_d_pnext = r(11, 1, 2)
    r_pnext_p = r(12, 2, 0)
    return (
        r_p_dnext,
        partial(r_p_dnext, r_p_d, r_dnext_d),
        r_d_pnext,
        partial(r_d_pnext, r_p_d, r_pnext_p),
    )


def cross_lagged(
    pursuit: Sequence[float],
    distance: Sequence[float],
    pursuit_next: Sequence[float],
    distance_next: Sequence[float],
    rng: random.Random,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = 0.95,
) -> tuple[Lagged, Lagged, int]:
    """Both lagged correlations with moving-block bootstrap intervals, and the block length.

    The four series are aligned by pair: week t's pursuit and distance, and week t+1's.
    """
    series = (list(pursuit), list(distance), list(pursuit_next), list(distance_next))
    n = len(series[0])
    block = max(2, round(n ** (1 / 3)))
    # Arrays of doubles, not lists of floats: a week takes 8 bytes, not 32, in each of the
    # 39 series below, and a long chat has as many weeks as it has hundreds of messages.
    prefix = [
        array("d", accumulate(series[i] if j is None else map(mul, series[i], series[j]),
                              initial=0.0))
        for i, j in _PRODUCTS
    ]
    blocks = [array("d", map(sub, islice(pre, block, None), pre)) for pre in prefix]
    full, rest = divmod(n, block)
    starts = range(n - block + 1)
    tail_starts = range(n - rest + 1)
    point = _correlations([pre[n] for pre in prefix], n)
    draws: list[list[float]] = [[], [], [], []]
    for _ in range(resamples):
        chosen = rng.choices(starts, k=full)
        totals = [sum(map(column.__getitem__, chosen)) for column in blocks]
        if rest:
            k = rng.choice(tail_starts)
            totals = [t + pre[k + rest] - pre[k] for t, pre in zip(totals, prefix, strict=True)]
        for slot, value in enumerate(_correlations(totals, n)):
            if value is not None:
                draws[slot].append(value)
    tail = (1 - confidence) / 2

    def estimate(slot: int) -> Estimate:
        ordered = sorted(draws[slot])
        if point[slot] is None or len(ordered) < resamples / 2:
            return Estimate(point[slot], None, None)
        return Estimate(point[slot], quantile(ordered, tail), quantile(ordered, 1 - tail))

    return (
        Lagged("pursuit", estimate(0), estimate(1), n),
        Lagged("distance", estimate(2), estimate(3), n),
        block,
    )


def measure_loop(
    signals: Sequence[WeekSignals],
    rng: random.Random,
    basis: Basis,
    min_weeks: int = DEFAULT_MIN_WEEKS,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = 0.95,
) -> Loop:
    weeks = weekly_indices(signals)
    active = sum(1 for w in weeks if w.pursuit is not None)
    pairs = [
        t for t in range(len(weeks) - 1)
        if weeks[t].pursuit is not None and weeks[t + 1].pursuit is not None
    ]
    if len(pairs) < max(min_weeks, 3):
        return Loop(False, min_weeks, active, len(pairs), tuple(weeks), None, None, 0, 0,
                    confidence, basis)

    def values(attr: str, shift: int) -> list[float]:
        out = []
        for t in pairs:
            value = getattr(weeks[t + shift], attr)
            out.append(0.0 if value is None else value)
        return out

    ahead, behind, block = cross_lagged(
        values("pursuit", 0), values("distance", 0), values("pursuit", 1),
        values("distance", 1), rng, resamples, confidence,
    )
    return Loop(True, min_weeks, active, len(pairs), tuple(weeks), ahead, behind, resamples,
                block, confidence, basis)


def week_signals(messages: Sequence[Message], me: str) -> list[WeekSignals]:
    """The old parts of each week, worked out from the messages as report version 1 did
    (the report no longer keeps the parts only the old indices read)."""
    batch = Columns.of(messages)
    timeline = build_timeline(batch, me, (), 0, len(batch.seconds))
    weeks = periods(timeline, "week")
    months = periods(timeline, "month")
    starts = conversation_starts(timeline, DEFAULT_GAP_HOURS)
    stamps = timeline.stamps
    basis = Basis(timeline.size, len(starts), len(weeks), stamps[0] if stamps else None,
                  stamps[-1] if stamps else None, timeline.notices, timeline.deleted,
                  len(timeline.calls))
    effort = measure_effort(timeline, weeks, months, basis)
    people = len(timeline.names)
    groups = [frozenset((p,)) for p in range(people)]
    if people != 2:
        groups.append(frozenset(range(1, people)))
    replies = find_replies(timeline, DEFAULT_SILENCE_HOURS, groups)
    their_latency = [row.stats.median for row in by_period(weeks, replies[-1])]
    conversations = summarise_conversations(timeline, starts, weeks, months, basis,
                                            DEFAULT_GAP_HOURS)
    runs = find_runs(timeline, weeks, months, basis).people[0].by_week
    ends = silences_among(timeline, starts, DEFAULT_SILENCE_HOURS)
    others = range(1, people)
    late = late_night_counts(timeline, 0, weeks)
    silent = silence_hours(timeline, ends, weeks)
    their_messages = week_counts(effort.by_week, others)
    their_starts = week_counts(conversations.by_week, others)
    signals = []
    for i, start in enumerate(weeks.starts):
        mine = effort.by_week[i].counts[0]
        signals.append(WeekSignals(
            start, weeks.label(i), mine + their_messages[i], mine,
            conversations.by_week[i].counts[0], runs[i].mean_length, late[i],
            their_latency[i], their_messages[i], their_starts[i], silent[i]))
    return signals
