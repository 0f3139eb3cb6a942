"""The loop: weekly indices and the Granger-style test with Holm's correction."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest

from clearheart.domain.patterns.granger import effective_pairs, granger, student_two_sided
from clearheart.domain.patterns.loop import (
    WeekSignals,
    holm,
    links,
    measure_loop,
    weekly_indices,
)
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
    ahead, behind = links(pursuit, distance, range(1, len(pursuit) - 1)) or (None, None)
    assert ahead is not None and behind is not None
    assert ahead.pairs == len(pursuit) - 2
    assert ahead.clear and ahead.r > 0.4
    # The other direction has no built-in link.
    assert not behind.clear


def test_a_shared_straight_drift_changes_nothing() -> None:
    pursuit, distance = series(60, seed=2, lead=0.0)
    weeks = range(1, len(pursuit) - 1)
    plain = links(pursuit, distance, weeks)
    drifted = links([p - 0.2 * t for t, p in enumerate(pursuit)],
                    [d + 0.3 * t for t, d in enumerate(distance)], weeks)
    assert plain is not None and drifted is not None
    for a, b in zip(plain, drifted, strict=True):
        assert a.r == pytest.approx(b.r) and a.p == pytest.approx(b.p)


def test_student_t_matches_its_table() -> None:
    assert student_two_sided(2.228, 10) == pytest.approx(0.05, abs=1e-4)
    assert student_two_sided(12.706, 1) == pytest.approx(0.05, abs=1e-4)
    assert student_two_sided(0.0, 7) == pytest.approx(1.0)


def test_holm_steps_down() -> None:
    assert holm((0.02, 0.04), 0.05) == [True, True]
    assert holm((0.03, 0.04), 0.05) == [False, False]
    assert holm((0.2, 0.01), 0.05) == [False, True]


def test_too_little_to_test_gives_nothing() -> None:
    assert granger([1.0, 2, 3, 4], [1.0, 2, 3, 4], [0.0, 1, 0, 1], [1.0, 0, 1, 0],
                   [0.0, 1, 2, 3]) is None


def signals(weeks: int, active: set[int] | None = None) -> list[WeekSignals]:
    rng = random.Random(weeks)
    rows = []
    for week in range(weeks):
        on = active is None or week in active
        mine = rng.randint(5, 50) if on else 0
        rows.append(
            WeekSignals(
                start=date(2024, 1, 1) + timedelta(weeks=week),
                messages=mine * 2,
                my_starts=rng.randint(0, 5) if on else 0,
                my_late_night=rng.randint(0, 5) if on else 0,
                their_median_latency=rng.uniform(60, 7200) if on else None,
                their_messages=mine,
            )
        )
    return rows


def test_not_enough_data_below_the_minimum() -> None:
    found = measure_loop(signals(13), BASIS, min_weeks=12)
    assert found.pairs == 11  # weeks 1 to 11 have a week before and after
    assert not found.enough
    assert found.pursuit_then_distance is None and found.distance_then_pursuit is None
    enough = measure_loop(signals(14), BASIS, min_weeks=12)
    assert enough.enough and enough.pairs == 12
    assert enough.pursuit_then_distance is not None


def test_picked_dates_are_not_tested() -> None:
    found = measure_loop(signals(60), BASIS, min_weeks=12, whole_chat=False)
    assert not found.enough and not found.whole_chat
    assert found.pursuit_then_distance is None


def test_weeks_without_messages_take_no_part() -> None:
    rows = signals(20, active=set(range(20)) - {5, 6})
    found = measure_loop(rows, BASIS, min_weeks=3)
    assert found.active_weeks == 18
    # Weeks 1 to 18 have neighbours; 4, 5, 6 and 7 touch a silent week.
    assert found.pairs == 14
    assert found.weeks[5].pursuit is None and found.weeks[5].distance is None


def test_indices_rise_with_their_parts() -> None:
    rows = signals(10)
    start = rows[0].start
    busy = WeekSignals(start, 500, 9, 40, 10.0, 100)
    distant = WeekSignals(start, 12, 2, 3, 86400.0, 2)
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
    from clearheart.domain.patterns.report import build_report

    rng = random.Random(11)
    messages: list[Message] = []
    monday = datetime(2024, 1, 1, 9, 0)
    previous = 3
    for week in range(80):
        starts = rng.choice([1, 2, 4, 6])
        # Ana starts a conversation on `starts` days; Sam is slower the week after she
        # started many. Everything happens in daytime, so only these two things change.
        delay = timedelta(minutes=5 + 20 * previous + rng.randint(0, 30))
        for day in range(starts):
            at = monday + timedelta(weeks=week, days=day)
            messages.append(Message(at, "Ana", Kind.TEXT, "hello"))
            messages.append(Message(at + delay, "Sam", Kind.TEXT, "ok"))
        previous = starts
    found = build_report(messages, "Ana")
    loop = found.loop
    assert loop.enough and loop.pairs == 78
    ahead, behind = loop.pursuit_then_distance, loop.distance_then_pursuit
    assert ahead is not None and behind is not None
    assert ahead.clear and ahead.r > 0.3
    assert not behind.clear


def test_a_reply_that_opens_a_new_conversation_is_not_part_of_the_distance() -> None:
    """Sam answers in 10 minutes inside a conversation, and opens the next one 20 hours
    after Ana's last word: the page counts both waits, the loop's distance only the first
    (otherwise more conversations from Ana would read as quicker replies that same week)."""
    from datetime import datetime

    from clearheart.domain.chat import Kind, Message
    from clearheart.domain.patterns.report import build_report

    at = datetime(2024, 1, 1, 9, 0)
    messages = [
        Message(at, "Ana", Kind.TEXT, "morning"),
        Message(at + timedelta(minutes=10), "Sam", Kind.TEXT, "hi"),
        Message(at + timedelta(minutes=12), "Ana", Kind.TEXT, "ok"),
        Message(at + timedelta(hours=20, minutes=12), "Sam", Kind.TEXT, "new day"),
    ]
    found = build_report(messages, "Ana")
    assert found.latency.of("Sam").overall.replies == 2
    assert found.loop.weeks[0].signals.their_median_latency == 600


def test_leftovers_that_remember_count_as_fewer_pairs() -> None:
    """Bartlett's n*: two leftovers drifting the same way count as fewer pairs, never more."""
    rng = random.Random(4)
    white = [rng.gauss(0, 1) for _ in range(60)], [rng.gauss(0, 1) for _ in range(60)]
    assert effective_pairs(*white) <= 60
    wave = [math.sin(t / 3) for t in range(60)]
    assert effective_pairs(wave, wave) < 20
    flipped = [(-1) ** t * w for t, w in enumerate(wave)]
    assert effective_pairs(wave, flipped) == 60
