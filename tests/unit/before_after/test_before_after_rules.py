"""Before and after a date: the step test, which weeks count, and what the sentences say."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from clearheart.domain.before_after.chat_series import chat_series, weekly_replies
from clearheart.domain.before_after.compare import compare, sentence
from clearheart.domain.before_after.diary_series import log_series, mood_series
from clearheart.domain.before_after.series import Series, Week, sides
from clearheart.domain.before_after.step import MIN_SIDE_WEEKS, step
from clearheart.domain.behaviour_summary import Week as LogWeek
from clearheart.domain.chat import Columns, Kind, Message
from clearheart.domain.patterns.report import Settings, build_report
from clearheart.domain.patterns.timeline_build import build_timeline

MONDAY = date(2024, 1, 1)


def weekly(values: list[float], kind: str = "mean") -> Series:
    return Series(
        "x",
        "the weekly figure",
        kind,
        "check-in",  # type: ignore[arg-type]
        tuple(Week(MONDAY + timedelta(weeks=t), v, 2) for t, v in enumerate(values)),
    )


def noisy(n: int, seed: int, jump: float = 0.0, drift: float = 0.0) -> list[float]:
    rng = random.Random(seed)
    return [rng.gauss(0, 1) + (jump if t >= n // 2 else 0.0) + drift * t for t in range(n)]


def test_a_clear_step_is_seen_the_right_way_and_sized() -> None:
    found = step(list(range(40)), noisy(40, 1, jump=3.0), 20)
    assert found is not None and found.direction == 1
    assert found.low < 3.0 < found.high


def test_no_step_and_a_steady_drift_are_not_called_a_change() -> None:
    flat = step(list(range(40)), noisy(40, 2), 20)
    drifting = step(list(range(40)), noisy(40, 3, drift=0.2), 20)
    assert flat is not None and not flat.clear
    assert drifting is not None and not drifting.clear  # 8 SD of drift, no step at the date


def test_below_the_minimum_on_either_side_there_is_no_test() -> None:
    short = MIN_SIDE_WEEKS - 1
    assert step(list(range(30)), noisy(30, 4), short) is None
    assert step(list(range(30)), noisy(30, 4), 30 - short) is None
    assert step(list(range(30)), noisy(30, 4), MIN_SIDE_WEEKS) is not None


def test_the_week_holding_the_date_belongs_to_neither_side_unless_it_is_its_monday() -> None:
    series = weekly([1.0] * 10)
    before, after = sides(series, MONDAY + timedelta(weeks=4, days=2))
    assert [w.start for w in before][-1] == MONDAY + timedelta(weeks=3)
    assert after[0].start == MONDAY + timedelta(weeks=5)
    before, after = sides(series, MONDAY + timedelta(weeks=4))
    assert len(before) + len(after) == 10


def test_sentences_give_both_sides_with_counts_and_claim_only_when_clear() -> None:
    clear = compare(weekly(noisy(40, 5, jump=3.0)), MONDAY + timedelta(weeks=20))
    same = compare(weekly(noisy(40, 6)), MONDAY + timedelta(weeks=20))
    assert clear.claims_change and not same.claims_change
    assert "higher after 20 May 2024" in sentence(clear)
    for text in (sentence(clear), sentence(same)):
        assert "40 check-ins over 20 whole weeks" in text
    assert "about the same" in sentence(same)


def test_not_enough_says_what_would_help() -> None:
    late = compare(weekly(noisy(24, 7)), MONDAY + timedelta(weeks=20))
    early = compare(weekly(noisy(24, 7)), MONDAY + timedelta(weeks=3))
    assert late.step is None and not late.claims_change
    assert "About 4 more weeks from now would do." in sentence(late)
    assert "further back" in sentence(early)
    assert sentence(late).startswith("There is not enough to tell")


def test_reply_times_compare_on_a_log_scale_and_read_as_durations() -> None:
    times = weekly(
        [600.0 * (4 if t >= 15 else 1) * (1.1 if t % 2 else 0.9) for t in range(30)], "seconds"
    )
    found = compare(times, MONDAY + timedelta(weeks=15))
    assert found.step is not None and found.step.direction == 1
    text = sentence(found)
    assert "slower" in text and "9 min before" in text and "44 min after" in text
    assert "times the time before" in text


def test_the_week_not_over_yet_is_left_out_of_the_mood() -> None:
    series = mood_series(
        [(MONDAY, 3.0, 2), (MONDAY + timedelta(weeks=1), 4.0, 1)], today=MONDAY + timedelta(days=10)
    )
    assert [w.start for w in series.weeks] == [MONDAY]


def test_a_chat_gives_whole_weeks_only() -> None:
    start = datetime(2024, 1, 3, 9)  # a Wednesday: the first week is partial
    messages = []
    for d in range(70):
        at = start + timedelta(days=d)
        messages += [
            Message(at, "Ana", Kind.TEXT, "hi"),
            Message(at + timedelta(minutes=5), "Sam", Kind.TEXT, "hey"),
            Message(at + timedelta(minutes=9), "Ana", Kind.TEXT, "ok"),
        ]
    columns = Columns.of(messages)
    report = build_report(columns, "Ana")
    mine, theirs = weekly_replies(build_timeline(columns, "Ana"), Settings())
    series = {s.figure: s for s in chat_series(report, mine, theirs)}
    starts = series["starts"].weeks
    assert starts[0].start == date(2024, 1, 8)  # not the partial week of 1 January
    assert all(w.value == 1.0 and w.count == 7 for w in starts)
    assert {w.value for w in series["their_reply"].weeks} == {300.0}


def test_the_log_gives_bids_turned_toward_and_repairs_taken_up_with_their_counts() -> None:
    weeks = [
        LogWeek(MONDAY, {"bid_toward": 3, "bid_away": 1, "repair_mine_accepted": 1}),
        LogWeek(MONDAY + timedelta(weeks=1), {"quality_time": 2}),
        LogWeek(MONDAY + timedelta(weeks=2), {"bid_against": 2, "repair_theirs_missed": 1}),
    ]
    bids, repairs = log_series(weeks, today=MONDAY + timedelta(weeks=3))
    assert [(w.value, w.count, w.part) for w in bids.weeks] == [(0.75, 4, 3), (0.0, 2, 0)]
    assert [(w.part, w.count) for w in repairs.weeks] == [(1, 1), (0, 1)]
