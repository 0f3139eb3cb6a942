"""A month the messages only partly cover is never compared as if it were whole."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.periods import whole
from clearheart.domain.patterns.report import build_report
from clearheart.domain.patterns.sentences import latency


def exchanges(first: date, days: int, reply_minutes: float) -> list[Message]:
    """Each day, Ana writes every two hours from eight and Sam replies after about
    `reply_minutes`: half as long, as long or twice as long, in turn."""
    found = []
    for n in range(days):
        day = datetime.combine(first + timedelta(days=n), datetime.min.time())
        for turn, hour in enumerate(range(8, 22, 2)):
            at = day + timedelta(hours=hour)
            wait = reply_minutes * (0.5, 1.0, 2.0)[(n + turn) % 3]
            found.append(Message(at, "Ana", Kind.TEXT, "hello"))
            found.append(Message(at + timedelta(minutes=wait), "Sam", Kind.TEXT, "hi"))
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
    # Three days of January and two of October, with quick replies; the eight whole
    # months between grow slower by a quarter each: only those eight make the trend.
    messages = exchanges(date(2024, 1, 29), 3, 0.5)
    for step in range(8):
        start = date(2024, 2 + step, 1)
        days = (date(2024, 3 + step, 1) - start).days
        messages += exchanges(start, days, 10 * 1.25**step)
    messages += exchanges(date(2024, 10, 1), 2, 0.5)
    report = build_report(messages, "Ana")
    said = [s for s in latency(report) if "whole months" in s.text and "Sam" in s.text]
    assert len(said) == 1, said
    assert "8 whole months from February 2024 to September 2024" in said[0].text
    assert "Sam's replies got slower" in said[0].text
    assert said[0].claims_change
