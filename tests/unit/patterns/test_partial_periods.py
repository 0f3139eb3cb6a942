"""A month the messages only partly cover is never compared as if it were whole."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.periods import whole
from clearheart.domain.patterns.report import build_report
from clearheart.domain.patterns.sentences import latency


def exchanges(first: date, days: int, reply_minutes: float) -> list[Message]:
    """Each day, Ana writes every two hours from eight and Sam replies after `reply_minutes`."""
    found = []
    for n in range(days):
        day = datetime.combine(first + timedelta(days=n), datetime.min.time())
        for hour in range(8, 22, 2):
            at = day + timedelta(hours=hour)
            found.append(Message(at, "Ana", Kind.TEXT, "hello"))
            found.append(Message(at + timedelta(minutes=reply_minutes), "Sam", Kind.TEXT, "hi"))
    return found


def test_only_the_first_and_last_period_can_be_partial() -> None:
    first, last = date(2024, 1, 29), date(2024, 4, 2)
    assert not whole("month", date(2024, 1, 1), first, last)
    assert whole("month", date(2024, 2, 1), first, last)
    assert whole("month", date(2024, 3, 1), first, last)
    assert not whole("month", date(2024, 4, 1), first, last)
    assert whole("month", date(2024, 2, 1), date(2024, 2, 1), date(2024, 2, 29))
    assert not whole("week", date(2024, 1, 29), date(2024, 1, 30), last)  # Monday missing
    assert whole("week", date(2024, 1, 29), first, date(2024, 2, 4))


def test_a_trend_leaves_out_the_partly_covered_months() -> None:
    # Three days of January, all of February and March, two days of April; the partial
    # months have quick replies, the whole ones slow: only February and March compare.
    messages = (
        exchanges(date(2024, 1, 29), 3, 0.5)
        + exchanges(date(2024, 2, 1), 29, 30)
        + exchanges(date(2024, 3, 1), 31, 90)
        + exchanges(date(2024, 4, 1), 2, 0.5)
    )
    report = build_report(messages, "Ana")
    said = " ".join(s.text for s in latency(report))
    assert "January 2024" not in said and "April 2024" not in said, said
    assert "1 h 30 min in March 2024, up from 30 min in February 2024" in said, said
