"""The count of days without contact: exceptions never start it again, windows are cut to
the start, and stretches are a plain history."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from clearheart.domain.letting_go import Contact, count
from clearheart.domain.letting_go.count import Stretch

ZONE = timezone(timedelta(hours=1))
START = date(2026, 3, 1)


def contact(day: date, exception: str | None = None, n: int = 1) -> Contact:
    at = datetime(day.year, day.month, day.day, 20, 0, tzinfo=ZONE)
    return Contact(n, at, "message", "me", exception, None)


def test_without_contacts_the_count_runs_from_the_start() -> None:
    found = count([], START, date(2026, 3, 11))
    assert found.days_since == 10 and found.last_contact is None
    assert [(w.days, w.covered, w.without) for w in found.windows] == [(30, 11, 11), (90, 11, 11)]
    assert found.stretches == (Stretch(START, date(2026, 3, 11), True),)


def test_a_contact_starts_the_count_again_and_splits_the_history() -> None:
    found = count([contact(date(2026, 3, 5))], START, date(2026, 3, 11))
    assert found.days_since == 6 and found.last_contact == date(2026, 3, 5)
    assert found.stretches == (
        Stretch(START, date(2026, 3, 4), False),
        Stretch(date(2026, 3, 6), date(2026, 3, 11), True),
    )
    assert found.windows[0].without == 10 and found.counted == 1


def test_an_exception_never_starts_the_count_again() -> None:
    found = count([contact(date(2026, 3, 5), "the children")], START, date(2026, 3, 11))
    assert found.days_since == 10 and found.excepted == 1 and found.counted == 0
    assert len(found.stretches) == 1


def test_a_contact_today_reads_zero_and_no_stretch_is_open() -> None:
    found = count([contact(date(2026, 3, 11))], START, date(2026, 3, 11))
    assert found.days_since == 0
    assert found.stretches[-1].ongoing is False


def test_contacts_before_the_start_and_windows_longer_than_the_history() -> None:
    today = START + timedelta(days=120)
    found = count(
        [contact(START - timedelta(days=3)), contact(today - timedelta(days=40))], START, today
    )
    assert found.counted == 1
    assert [(w.covered, w.without) for w in found.windows] == [(30, 30), (90, 89)]


def test_two_contacts_on_one_day_touch_one_day() -> None:
    day = date(2026, 3, 4)
    found = count([contact(day, n=1), contact(day, n=2)], START, date(2026, 3, 6))
    assert found.windows[0].without == 5 and found.counted == 2
