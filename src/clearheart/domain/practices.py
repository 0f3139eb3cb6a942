"""The daily practices (C6): what is open today and what was done, without guilt.

There are no streaks and no "missed" states: a practice is either done, open,
or not open yet. A gap of a few days earns a welcome back, never a reproach.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from clearheart.domain.journal import Entry, Practice
from clearheart.errors import InvalidInput

WELCOME_BACK_AFTER_DAYS = 3
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class State(StrEnum):
    OPEN = "open"
    DONE = "done"
    LATER = "later"


class Moment(StrEnum):
    """What the evening reflection noticed; stored as the entry's tag."""

    CONNECTION = "connection"
    SELF_CARE = "self-care"


@dataclass(frozen=True, slots=True)
class Schedule:
    """When each practice is offered; the person sets these in settings."""

    morning: time = time(8, 0)
    evening: time = time(21, 0)
    weekly_day: int = 6
    """0 is Monday, 6 is Sunday."""
    weekly_time: time = time(18, 0)
    evening_opens: time = time(16, 0)
    """The evening reflection can be written from this time on."""

    def __post_init__(self) -> None:
        if not 0 <= self.weekly_day <= 6:
            raise InvalidInput("weekly_day", "choose a day from Monday (0) to Sunday (6)")
        if self.evening_opens > self.evening:
            raise InvalidInput("evening", "the evening reminder must come after it opens")

    def time_of(self, practice: Practice) -> time:
        return {
            Practice.MORNING_INTENTION: self.morning,
            Practice.EVENING_REFLECTION: self.evening,
            Practice.WEEKLY_APPRECIATION: self.weekly_time,
        }[practice]


@dataclass(frozen=True, slots=True)
class Due:
    practice: Practice
    state: State
    entry_id: int | None = None
    """The entry that completed it, when done."""
    suggested_today: bool = True
    """False for the weekly ritual on the days after its chosen day."""


def week_start(day: date, schedule: Schedule) -> date:
    """The most recent chosen weekday on or before `day`: the weekly ritual's cycle start."""
    return day - timedelta(days=(day.weekday() - schedule.weekly_day) % 7)


def today(now: datetime, entries: Iterable[Entry], schedule: Schedule) -> tuple[Due, ...]:
    """What the today page shows, given the local time and recent practice entries."""
    day = now.date()
    cycle = week_start(day, schedule)
    done_today: dict[Practice, int] = {}
    done_weekly: int | None = None
    for entry in entries:
        if entry.practice is None:
            continue
        if entry.practice is Practice.WEEKLY_APPRECIATION:
            if cycle <= entry.day <= day:
                done_weekly = entry.id
        elif entry.day == day:
            done_today.setdefault(entry.practice, entry.id)

    def daily(practice: Practice, opens: time) -> Due:
        if practice in done_today:
            return Due(practice, State.DONE, done_today[practice])
        return Due(practice, State.OPEN if now.time() >= opens else State.LATER)

    weekly = (
        Due(Practice.WEEKLY_APPRECIATION, State.DONE, done_weekly)
        if done_weekly is not None
        else Due(Practice.WEEKLY_APPRECIATION, State.OPEN, suggested_today=day == cycle)
    )
    return (
        daily(Practice.MORNING_INTENTION, time(0, 0)),
        daily(Practice.EVENING_REFLECTION, schedule.evening_opens),
        weekly,
    )


@dataclass(frozen=True, slots=True)
class DayRecord:
    day: date
    practices: frozenset[Practice]


def history(entries: Iterable[Entry], until: date, days: int) -> tuple[DayRecord, ...]:
    """Days with at least one practice done, newest first, within the window.

    Days with nothing done are simply absent: the history shows what was done.
    """
    since = until - timedelta(days=days - 1)
    by_day: dict[date, set[Practice]] = {}
    for entry in entries:
        if entry.practice is not None and since <= entry.day <= until:
            by_day.setdefault(entry.day, set()).add(entry.practice)
    return tuple(
        DayRecord(day, frozenset(done)) for day, done in sorted(by_day.items(), reverse=True)
    )


def welcome_back(last_practice_day: date | None, day: date) -> bool:
    """True when someone returns after a few quiet days, to greet them warmly."""
    if last_practice_day is None:
        return False
    return (day - last_practice_day).days >= WELCOME_BACK_AFTER_DAYS
