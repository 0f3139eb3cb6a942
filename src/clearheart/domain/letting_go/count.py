"""Days without contact, told as a plain history rather than a record to beat.

Rules (the person's own, see rules.py):
- Only contacts that count (not under an exception) start the count again; a contact
  under an exception never does.
- Days are the person's calendar days, in the time zone each contact was logged in.
- "Days since" is whole days from the day of the last contact that counts (or from
  the start day, when none has) to today: 0 on the day itself.
- A day is "without contact" when no contact that counts fell on it. Windows (the
  last 30 or 90 days) are cut to the start day, so a tracker begun 10 days ago reads
  "10 of 10 days", never "10 of 30".
- Stretches are the runs of days without contact from the start to today, oldest
  first; the one still going ends today and says so. No stretch is called longest
  or best: they are shown as they happened.
- Contacts before the start day are left out; the start day itself is day 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from clearheart.domain.letting_go.contacts import Contact

WINDOWS = (30, 90)
"""The windows the status shows, in days."""


@dataclass(frozen=True, slots=True)
class Window:
    days: int
    """The window asked for (30, 90)."""
    covered: int
    """Days of it since the start (at most `days`)."""
    without: int
    """Of those, days on which no contact that counts fell."""


@dataclass(frozen=True, slots=True)
class Stretch:
    first: date
    last: date
    ongoing: bool

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class Count:
    started_on: date
    today: date
    days_since: int
    """Whole days since the last contact that counts, or since the start."""
    last_contact: date | None
    """The day of the last contact that counts, when one has been logged since the start."""
    windows: tuple[Window, ...]
    stretches: tuple[Stretch, ...]
    counted: int
    """Contacts that count since the start."""
    excepted: int
    """Contacts under an exception since the start."""


def contact_days(contacts: Iterable[Contact], started_on: date, today: date) -> set[date]:
    """Days from the start to today on which a contact that counts fell."""
    return {c.at.date() for c in contacts if c.counts and started_on <= c.at.date() <= today}


def count(
    contacts: Iterable[Contact], started_on: date, today: date, windows: tuple[int, ...] = WINDOWS
) -> Count:
    """The count as of `today` (a start later than today reads as starting today)."""
    listed = [c for c in contacts if started_on <= c.at.date() <= today]
    start = min(started_on, today)
    days = contact_days(listed, start, today)
    last = max(days, default=None)
    since = (today - (last or start)).days
    return Count(
        started_on=start,
        today=today,
        days_since=since,
        last_contact=last,
        windows=tuple(_window(days, start, today, w) for w in windows),
        stretches=stretches(days, start, today),
        counted=sum(1 for c in listed if c.counts),
        excepted=sum(1 for c in listed if not c.counts),
    )


def _window(days: set[date], start: date, today: date, length: int) -> Window:
    first = max(start, today - timedelta(days=length - 1))
    covered = (today - first).days + 1
    touched = sum(1 for d in days if d >= first)
    return Window(length, covered, covered - touched)


def stretches(days: set[date], start: date, today: date) -> tuple[Stretch, ...]:
    """Runs of days without contact between `start` and `today`, oldest first."""
    found: list[Stretch] = []
    first: date | None = None
    day = start
    while day <= today:
        if day in days:
            if first is not None:
                found.append(Stretch(first, day - timedelta(days=1), False))
            first = None
        elif first is None:
            first = day
        day += timedelta(days=1)
    if first is not None:
        found.append(Stretch(first, today, True))
    return tuple(found)
