"""Daily practice rules: what is open, history without gaps shamed, the calendar file."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from clearheart.domain.calendar import Reminder, ics
from clearheart.domain.journal import Entry, Practice
from clearheart.domain.practices import (
    Schedule,
    State,
    history,
    today,
    week_start,
    welcome_back,
)
from clearheart.errors import InvalidInput

UTC = UTC
SUNDAY = date(2026, 11, 22)


def entry(i: int, day: date, practice: Practice | None, hour: int = 9) -> Entry:
    return Entry(id=i, created=datetime.combine(day, time(hour), UTC), text="x", practice=practice)


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), UTC)


def test_morning_is_open_until_done_and_evening_opens_later() -> None:
    states = today(at(SUNDAY, 9), [], Schedule())
    assert [d.state for d in states] == [State.OPEN, State.LATER, State.OPEN]
    done = today(at(SUNDAY, 17), [entry(1, SUNDAY, Practice.MORNING_INTENTION)], Schedule())
    assert done[0].state is State.DONE and done[0].entry_id == 1
    assert done[1].state is State.OPEN


def test_yesterday_does_not_count_for_today() -> None:
    yesterday = SUNDAY - timedelta(days=1)
    states = today(at(SUNDAY, 9), [entry(1, yesterday, Practice.MORNING_INTENTION)], Schedule())
    assert states[0].state is State.OPEN


def test_weekly_ritual_stays_open_all_cycle_and_is_done_once_per_cycle() -> None:
    schedule = Schedule(weekly_day=6)
    assert week_start(SUNDAY, schedule) == SUNDAY
    tuesday = SUNDAY + timedelta(days=2)
    assert week_start(tuesday, schedule) == SUNDAY
    open_tuesday = today(at(tuesday, 10), [], schedule)[2]
    assert open_tuesday.state is State.OPEN and not open_tuesday.suggested_today
    assert today(at(SUNDAY, 10), [], schedule)[2].suggested_today
    done = today(at(tuesday, 10), [entry(4, SUNDAY, Practice.WEEKLY_APPRECIATION)], schedule)
    assert done[2].state is State.DONE
    last_week = SUNDAY - timedelta(days=1)
    stale = today(at(tuesday, 10), [entry(4, last_week, Practice.WEEKLY_APPRECIATION)], schedule)
    assert stale[2].state is State.OPEN


def test_history_lists_only_days_with_something_done() -> None:
    entries = [
        entry(1, SUNDAY, Practice.MORNING_INTENTION),
        entry(2, SUNDAY, Practice.EVENING_REFLECTION, 21),
        entry(3, SUNDAY - timedelta(days=3), Practice.MORNING_INTENTION),
        entry(4, SUNDAY - timedelta(days=30), Practice.MORNING_INTENTION),
        entry(5, SUNDAY - timedelta(days=1), None),
    ]
    records = history(entries, SUNDAY, days=28)
    assert [r.day for r in records] == [SUNDAY, SUNDAY - timedelta(days=3)]
    assert records[0].practices == {Practice.MORNING_INTENTION, Practice.EVENING_REFLECTION}


def test_welcome_back_after_a_few_quiet_days_only() -> None:
    assert not welcome_back(None, SUNDAY)
    assert not welcome_back(SUNDAY - timedelta(days=2), SUNDAY)
    assert welcome_back(SUNDAY - timedelta(days=3), SUNDAY)


def test_schedule_rejects_impossible_values() -> None:
    with pytest.raises(InvalidInput):
        Schedule(weekly_day=7)
    with pytest.raises(InvalidInput):
        Schedule(evening=time(15, 0), evening_opens=time(16, 0))


def test_calendar_file_is_valid_neutral_and_stable() -> None:
    reminders = tuple(
        Reminder(p, "A quiet minute", "Time for you, with a comma; and a semicolon")
        for p in Practice
    )
    stamp = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    text = ics(Schedule(weekly_day=2), reminders, date(2026, 11, 22), stamp, "seed1")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 3 and text.count("BEGIN:VALARM") == 3
    assert "RRULE:FREQ=WEEKLY;BYDAY=WE" in text
    assert "DTSTART:20261125T180000" in text  # the first Wednesday on or after the start
    assert "DTSTART:20261122T080000" in text
    assert "DESCRIPTION:Time for you\\, with a comma\\; and a semicolon\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    again = ics(Schedule(weekly_day=2), reminders, date(2026, 11, 22), stamp, "seed1")
    assert again == text
    assert "UID:weekly-seed1@schedule.invalid" in text
    assert "PRODID:-//Local//Schedule//EN\r\n" in text
    for telling in ("clearheart", "practice", "appreciation", "reflection", "intention"):
        assert telling not in text.lower()  # neither the app nor what the events are for


def test_a_late_reminder_ends_after_it_starts() -> None:
    reminders = (Reminder(Practice.EVENING_REFLECTION, "Wind down", "x"),)
    late = Schedule(evening=time(23, 55), evening_opens=time(16, 0))
    stamp = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    text = ics(late, reminders, date(2026, 11, 22), stamp, "s")
    assert "DTSTART:20261122T235500\r\n" in text
    assert "DTEND:20261123T000500\r\n" in text


def test_long_lines_are_folded_without_splitting_characters() -> None:
    reminders = (Reminder(Practice.MORNING_INTENTION, "Ruhe " * 30, "é" * 100),)
    text = ics(Schedule(), reminders, date(2026, 11, 22), datetime(2026, 1, 1, tzinfo=UTC), "s")
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:" + "é" * 100 + "\r\n" in unfolded


def test_carriage_returns_in_wording_become_escaped_newlines() -> None:
    # RFC 5545 allows no bare CR inside a text value: every line ends in CRLF and
    # a line break inside TEXT is written `\n` (icalendar reads CR and CRLF the same).
    reminders = (Reminder(Practice.MORNING_INTENTION, "one\rtwo\r\nthree", "a\r\nb"),)
    text = ics(Schedule(), reminders, date(2026, 11, 22), datetime(2026, 1, 1, tzinfo=UTC), "s")
    assert "\r" not in text.replace("\r\n", "")
    assert "SUMMARY:one\\ntwo\\nthree\r\n" in text
    assert "DESCRIPTION:a\\nb\r\n" in text
