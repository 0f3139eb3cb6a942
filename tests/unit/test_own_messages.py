"""The user's own messages over time: counting by week and hour, late-night bursts, and
what every figure rests on. A fake check stands in for the draft check."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

import pytest

from clearheart.domain.chat import wall_seconds
from clearheart.domain.own_messages import (
    BURST_AT,
    MIN_SHARE_MESSAGES,
    Tally,
    night_of,
    read_own,
)

CALLS: list[str] = []


def fake_check(text: str) -> Collection[str] | None:
    """Words stand for kinds; "???" is a message the check cannot read."""
    CALLS.append(text)
    if text == "???":
        return None
    found = []
    if "always" in text:
        found.append("criticism")
    if "!!!" in text:
        found.append("intensity")
    if "are we ok" in text:
        found.append("reassurance_seeking")
    if "never" in text:
        found.append("contempt")  # not a kind this view counts
    return found


def at(*parts: int) -> int:
    return wall_seconds(datetime(*parts))  # type: ignore[arg-type]


def test_counts_each_kind_once_per_message_and_the_share_of_all() -> None:
    mine = [at(2024, 3, 4, 10, m) for m in range(6)]
    texts = [
        "you always forget!!!",
        "are we ok",
        "see you at 8",
        "you never listen",
        "lunch?",
        "ok",
    ]
    report = read_own(mine, texts, [], fake_check)
    assert report.total == Tally(6, (1, 1, 1), 2)
    assert report.total.share() == pytest.approx(2 / 6)
    assert report.total.share("intensity") == pytest.approx(1 / 6)
    assert report.unread == 0
    assert report.first == datetime(2024, 3, 4, 10, 0)
    assert report.last == datetime(2024, 3, 4, 10, 5)


def test_weeks_are_iso_weeks_from_monday_and_quiet_weeks_stay_in() -> None:
    mine = [at(2024, 3, 3, 12), at(2024, 3, 4, 9), at(2024, 3, 18, 9)]
    report = read_own(mine, ["always", "hi", "hi"], [], fake_check)
    assert [w.start for w in report.weeks] == [
        date(2024, 2, 26),
        date(2024, 3, 4),
        date(2024, 3, 11),
        date(2024, 3, 18),
    ]
    assert [w.label for w in report.weeks] == ["2024-W09", "2024-W10", "2024-W11", "2024-W12"]
    assert [w.tally.messages for w in report.weeks] == [1, 1, 0, 1]
    assert report.weeks[0].tally.count("criticism") == 1
    # What each figure rests on: every week's count of messages read; too few gives no share.
    assert all(w.tally.share() is None for w in report.weeks)
    assert sum(w.tally.messages for w in report.weeks) == report.total.messages == 3


def test_a_share_needs_enough_messages() -> None:
    few = Tally(MIN_SHARE_MESSAGES - 1, (1, 0, 0), 1)
    enough = Tally(MIN_SHARE_MESSAGES, (1, 0, 0), 1)
    assert few.share() is None and few.share("criticism") is None
    assert enough.share("criticism") == pytest.approx(1 / MIN_SHARE_MESSAGES)


def test_hours_of_the_day_and_the_late_hours() -> None:
    mine = [
        at(2024, 3, 4, 23, 10),
        at(2024, 3, 5, 0, 30),
        at(2024, 3, 5, 4, 59),
        at(2024, 3, 5, 5, 0),
        at(2024, 3, 5, 14, 0),
    ]
    texts = ["always", "!!!", "hi", "always", "hi"]
    report = read_own(mine, texts, [], fake_check)
    by_hour = {h.hour: h.tally for h in report.hours}
    assert len(report.hours) == 24
    assert by_hour[23] == Tally(1, (1, 0, 0), 1)
    assert by_hour[0] == Tally(1, (0, 1, 0), 1)
    assert by_hour[4].messages == by_hour[5].messages == by_hour[14].messages == 1
    assert report.late == Tally(3, (1, 1, 0), 2)
    assert report.day_tally == Tally(2, (1, 0, 0), 1)


def test_a_late_night_burst_needs_enough_messages_and_no_reply_between() -> None:
    night = [at(2024, 3, 4, 23, 40), at(2024, 3, 5, 0, 5), at(2024, 3, 5, 1, 15)]
    broken = [
        at(2024, 3, 6, 23, 0),
        at(2024, 3, 6, 23, 5),
        at(2024, 3, 6, 23, 30),
        at(2024, 3, 6, 23, 35),
    ]
    reply = [at(2024, 3, 6, 23, 10)]
    texts = ["are we ok", "hello?", "always!!!", "a", "b", "c", "d"]
    report = read_own(night + broken, texts, reply, fake_check)
    assert len(report.bursts) == 1
    burst = report.bursts[0]
    assert (burst.night, burst.messages, burst.flagged) == (date(2024, 3, 4), 3, 2)
    assert BURST_AT == 3
    assert report.weeks[0].bursts == 1


def test_a_burst_ends_with_the_night_and_daytime_runs_are_not_bursts() -> None:
    mine = [
        at(2024, 3, 5, 4, 0),
        at(2024, 3, 5, 4, 30),
        at(2024, 3, 5, 5, 10),
        at(2024, 3, 5, 12, 0),
        at(2024, 3, 5, 12, 1),
        at(2024, 3, 5, 12, 2),
    ]
    report = read_own(mine, ["a", "b", "c", "d", "e", "f"], [], fake_check)
    assert report.bursts == ()


def test_a_night_belongs_to_the_evening_it_began() -> None:
    assert night_of(at(2024, 3, 5, 1, 0)) == date(2024, 3, 4)
    assert night_of(at(2024, 3, 4, 23, 0)) == date(2024, 3, 4)
    # A burst in the small hours of a Monday counts in the week before.
    mine = [at(2024, 3, 11, 0, 10), at(2024, 3, 11, 0, 20), at(2024, 3, 11, 0, 30)]
    report = read_own(mine, ["a", "b", "c"], [], fake_check)
    assert [(w.start, w.bursts, w.tally.messages) for w in report.weeks] == [
        (date(2024, 3, 4), 1, 0),
        (date(2024, 3, 11), 0, 3),
    ]


def test_unreadable_messages_are_counted_apart_and_repeated_texts_checked_once() -> None:
    CALLS.clear()
    mine = [at(2024, 3, 4, 10, m) for m in range(5)]
    report = read_own(mine, ["ok", "???", "ok", "ok", "always"], [], fake_check)
    assert report.unread == 1
    assert report.total.messages == 4
    assert sorted(CALLS) == ["???", "always", "ok"]


def test_no_messages_means_no_weeks_and_times_and_words_must_match() -> None:
    report = read_own([], [], [at(2024, 1, 1, 9)], fake_check)
    assert report.weeks == () and report.total.messages == 0 and report.first is None
    with pytest.raises(ValueError):
        read_own([1, 2], ["one"], [], fake_check)
