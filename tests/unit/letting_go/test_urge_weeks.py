"""Urges over weeks: counts per week, top triggers, the median length with its n, mood
beside, and "not enough yet" below the minimum."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from clearheart.domain.letting_go import Urge, urge_weeks
from clearheart.domain.letting_go.urge_weeks import MIN_URGES, Trigger

ZONE = UTC
TODAY = date(2026, 5, 14)  # a Thursday


def urge(
    day: date, triggers: tuple[str, ...] = (), own: str | None = None, minutes: int | None = None
) -> Urge:
    at = datetime(day.year, day.month, day.day, 22, tzinfo=ZONE)
    return Urge(1, at, 5, triggers, own, minutes, "rode-it-out", None)


def test_weeks_run_monday_to_sunday_and_end_this_week() -> None:
    found = urge_weeks(
        [urge(TODAY), urge(TODAY - timedelta(days=4)), urge(TODAY - timedelta(weeks=9))], [], TODAY
    )
    assert found.first == date(2026, 3, 23) and found.last == date(2026, 5, 17)
    assert [w.urges for w in found.weeks][-1] == 1 and [w.urges for w in found.weeks][-2] == 1
    assert found.total == 2 and not found.enough


def test_triggers_rank_by_count_with_own_words_merged() -> None:
    urges = [
        urge(TODAY, ("night",), "Our song"),
        urge(TODAY, ("night", "lonely"), "our song "),
        urge(TODAY, ("lonely",)),
        urge(TODAY, ("night",)),
        urge(TODAY, ("memory",)),
    ]
    found = urge_weeks(urges, [], TODAY)
    assert found.enough and found.total == MIN_URGES
    assert found.triggers == (
        Trigger("Late at night", 3),
        Trigger("Our song", 2),
        Trigger("Feeling lonely", 2),
    )


def test_median_length_rests_only_on_timed_urges() -> None:
    found = urge_weeks([urge(TODAY, minutes=10), urge(TODAY, minutes=30), urge(TODAY)], [], TODAY)
    assert (found.median_minutes, found.timed) == (20.0, 2)


def test_mood_beside_each_week_with_its_count() -> None:
    moods = [(datetime(2026, 5, 12, 9, tzinfo=ZONE), 2), (datetime(2026, 5, 13, 9, tzinfo=ZONE), 3)]
    found = urge_weeks([], moods, TODAY)
    assert (found.weeks[-1].mood, found.weeks[-1].moods) == (2.5, 2)
    assert found.weeks[0].mood is None and found.median_minutes is None
