"""The loop: weekly indices and cross-lagged correlations with block-bootstrap intervals."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from clearheart.domain.patterns.loop import (
    WeekSignals,
    cross_lagged,
    measure_loop,
    weekly_indices,
)
from clearheart.domain.patterns.stats import partial, pearson
from clearheart.domain.patterns.timeline import Basis

BASIS = Basis(0, 0, 0, None, None)


def series(n: int, seed: int, lead: float) -> tuple[list[float], list[float]]:
    """Pursuit follows its own slow drift; distance next week follows pursuit by `lead`."""
    rng = random.Random(seed)
    pursuit, distance = [0.0], [rng.gauss(0, 1)]
    for _ in range(n):
        pursuit.append(0.5 * pursuit[-1] + rng.gauss(0, 1))
        distance.append(lead * pursuit[-2] + rng.gauss(0, 1))
    return pursuit, distance


def test_pursuit_leading_distance_shows_a_clear_positive_link() -> None:
    pursuit, distance = series(80, seed=1, lead=0.9)
    ahead, behind, block = cross_lagged(
        pursuit[:-1], distance[:-1], pursuit[1:], distance[1:], random.Random(7), 1000
    )
    assert ahead.pairs == 80
    assert ahead.r.value is not None and ahead.r.value > 0.4
    assert ahead.r.low is not None and ahead.r.low > 0
    assert ahead.partial.low is not None and ahead.partial.low > 0
    assert block == round(80 ** (1 / 3))
    # The other direction has no built-in link.
    assert behind.r.low is not None and behind.r.high is not None
    assert behind.r.low < 0.25


def test_independent_noise_gives_intervals_that_include_zero() -> None:
    covered = 0
    trials = 30
    for seed in range(trials):
        pursuit, distance = series(60, seed=100 + seed, lead=0.0)
        ahead, _, _ = cross_lagged(
            pursuit[:-1], distance[:-1], pursuit[1:], distance[1:], random.Random(seed), 400
        )
        assert ahead.r.low is not None and ahead.r.high is not None
        covered += ahead.r.low <= 0 <= ahead.r.high
    # A 95% interval should cover the true value (zero) nearly always.
    assert covered >= trials * 0.85


def test_the_same_seed_gives_the_same_interval() -> None:
    pursuit, distance = series(40, seed=3, lead=0.5)
    first = cross_lagged(pursuit[:-1], distance[:-1], pursuit[1:], distance[1:],
                         random.Random(5), 300)
    again = cross_lagged(pursuit[:-1], distance[:-1], pursuit[1:], distance[1:],
                         random.Random(5), 300)
    assert first == again


def test_point_estimates_match_plain_formulas() -> None:
    pursuit, distance = series(50, seed=4, lead=0.6)
    ahead, behind, _ = cross_lagged(
        pursuit[:-1], distance[:-1], pursuit[1:], distance[1:], random.Random(1), 10
    )
    r = pearson(pursuit[:-1], distance[1:])
    assert r is not None
    assert ahead.r.value == pytest.approx(r)
    expected = partial(
        r, pearson(pursuit[:-1], distance[:-1]) or 0, pearson(distance[1:], distance[:-1]) or 0
    )
    assert ahead.partial.value == pytest.approx(expected)
    assert behind.r.value == pytest.approx(pearson(distance[:-1], pursuit[1:]))


def signals(weeks: int, active: set[int] | None = None) -> list[WeekSignals]:
    rng = random.Random(weeks)
    rows = []
    for week in range(weeks):
        on = active is None or week in active
        mine = rng.randint(5, 50) if on else 0
        rows.append(
            WeekSignals(
                start=date(2024, 1, 1) + timedelta(weeks=week),
                label=f"w{week}",
                messages=mine * 2,
                my_messages=mine,
                my_starts=rng.randint(0, 5) if on else 0,
                my_mean_run=1 + rng.random() if on else None,
                my_late_night=rng.randint(0, 5) if on else 0,
                their_median_latency=rng.uniform(60, 7200) if on else None,
                their_messages=mine,
                their_starts=rng.randint(0, 5) if on else 0,
                silence_hours=0.0,
            )
        )
    return rows


def test_not_enough_data_below_the_minimum() -> None:
    found = measure_loop(signals(12), random.Random(0), BASIS, min_weeks=12)
    assert found.pairs == 11
    assert not found.enough
    assert found.pursuit_then_distance is None and found.distance_then_pursuit is None
    enough = measure_loop(signals(13), random.Random(0), BASIS, min_weeks=12, resamples=50)
    assert enough.enough and enough.pairs == 12
    assert enough.pursuit_then_distance is not None


def test_weeks_without_messages_take_no_part() -> None:
    rows = signals(20, active=set(range(20)) - {5, 6})
    found = measure_loop(rows, random.Random(0), BASIS, min_weeks=3, resamples=20)
    assert found.active_weeks == 18
    # Pairs 4→5, 5→6 and 6→7 need a silent week.
    assert found.pairs == 16
    assert found.weeks[5].pursuit is None and found.weeks[5].distance is None


def test_indices_rise_with_their_parts() -> None:
    rows = signals(10)
    start = rows[0].start
    busy = WeekSignals(start, "busy", 500, 400, 9, 6.0, 40, 10.0, 100, 9, 0.0)
    distant = WeekSignals(start, "distant", 12, 10, 2, 3.0, 3, 86400.0, 2, 0, 80.0)
    indices = weekly_indices([*rows, busy, distant])
    pursuits = [i.pursuit for i in indices if i.pursuit is not None]
    distances = [i.distance for i in indices if i.distance is not None]
    assert indices[-2].pursuit == max(pursuits)
    assert indices[-1].distance == max(distances)
    assert all(-3 <= value <= 3 for value in pursuits + distances)


def test_from_messages_pursuit_one_week_goes_with_distance_the_next() -> None:
    """A chat built so that the more Ana writes in a week, the slower Sam is the week after."""
    from datetime import datetime

    from clearheart.domain.chat import Kind, Message
    from clearheart.domain.patterns.report import Settings, build_report

    rng = random.Random(11)
    messages: list[Message] = []
    monday = datetime(2024, 1, 1, 9, 0)
    previous = 10
    for week in range(40):
        mine = rng.choice([4, 8, 16, 32])
        # Sam answers three times a week, slower after a week in which Ana wrote a lot;
        # everything happens in daytime, so only these two things change.
        delay = timedelta(minutes=5 + 4 * previous + rng.randint(0, 10))
        at = monday + timedelta(weeks=week)
        for i in range(mine):
            at += timedelta(minutes=7)
            messages.append(Message(at, "Ana", Kind.TEXT, f"note {i}"))
            if i in (0, 1, 2):
                at += delay
                messages.append(Message(at, "Sam", Kind.TEXT, "ok"))
        previous = mine
    found = build_report(messages, "Ana", random.Random(3), settings=Settings(loop_resamples=500))
    loop = found.loop
    assert loop.enough and loop.pairs == 39
    assert loop.pursuit_then_distance is not None
    ahead = loop.pursuit_then_distance.r
    assert ahead.value is not None and ahead.value > 0.3
    assert ahead.low is not None and ahead.low > 0
