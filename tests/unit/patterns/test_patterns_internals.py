"""The building blocks: quantiles, long gaps by binary search, positions back to the caller."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.periods import periods
from clearheart.domain.patterns.stats import (
    histogram_quantile,
    pearson,
    quantile,
    zscores,
)
from clearheart.domain.patterns.timeline_build import build_timeline

examples = settings(max_examples=150, deadline=None)


@examples
@given(st.lists(st.integers(0, 40), min_size=1, max_size=60),
       st.sampled_from([0.0, 0.1, 0.5, 0.9, 1.0]))
def test_histogram_quantile_equals_the_sorted_one(values: list[int], q: float) -> None:
    assert histogram_quantile(Counter(values), q) == pytest.approx(quantile(sorted(values), q))


def test_quantiles_interpolate() -> None:
    assert quantile([1, 2, 3, 4], 0.5) == 2.5
    assert quantile([900, 900, 10800, 31140], 0.9) == pytest.approx(25038)
    assert quantile([], 0.5) is None
    assert histogram_quantile({}, 0.5) is None


def test_correlation_and_scores_stay_in_range() -> None:
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1)
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1, 2], [1, 2]) is None
    scores = zscores([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, None])
    assert max(scores) == 3.0
    assert scores[-1] == 0.0


steps = st.lists(
    st.tuples(
        st.sampled_from([0, 1, 30, 179, 180, 181, 359, 360, 361, 720, 2880, 4000, 20000]),
        st.sampled_from([Kind.TEXT, Kind.TEXT, Kind.MEDIA, Kind.CALL, Kind.SYSTEM,
                         Kind.DELETED]),
        st.sampled_from(["a", "b"]),
    ),
    max_size=80,
)


def _chat(spec: list[tuple[int, Kind, str]]) -> list[Message]:
    at, messages = datetime(2024, 2, 26, 22, 0), []
    for minutes, kind, sender in spec:
        at += timedelta(minutes=minutes)
        messages.append(Message(at, sender, kind, "x"))
    return messages


@examples
@given(steps, st.sampled_from([1, 6, 48]))
def test_long_gaps_match_looking_at_every_gap(spec: list[tuple[int, Kind, str]],
                                              hours: int) -> None:
    timeline = build_timeline(_chat(spec), "a")
    stamps = timeline.stamps
    limit = timedelta(hours=hours)
    every = [i for i in range(1, len(stamps)) if stamps[i] - stamps[i - 1] >= limit]
    assert timeline.long_gaps(limit) == every


@examples
@given(steps, st.integers(0, 80), st.integers(0, 80))
def test_positions_lead_back_to_the_callers_messages(
    spec: list[tuple[int, Kind, str]], a: int, b: int
) -> None:
    messages = _chat(spec)
    start, stop = sorted((min(a, len(messages)), min(b, len(messages))))
    timeline = build_timeline(messages, "a", start=start, stop=stop)
    kept = [i for i in range(start, stop) if messages[i].kind in (Kind.TEXT, Kind.MEDIA)]
    assert list(timeline.source) == kept
    assert [timeline.source[i] for i in range(-len(kept), 0)] == kept
    assert [messages[i].ts for i in kept] == list(timeline.stamps)


@examples
@given(steps)
def test_weeks_and_months_cover_every_message_once(spec: list[tuple[int, Kind, str]]) -> None:
    timeline = build_timeline(_chat(spec), "a")
    for unit in ("week", "month"):
        found = periods(timeline, unit)
        assert found.bounds[0] == 0 and found.bounds[-1] == timeline.size
        assert list(found.bounds) == sorted(found.bounds)
        for i, start in enumerate(found.starts):
            for position in range(found.bounds[i], found.bounds[i + 1]):
                day = timeline.stamps[position].date()
                assert start <= day
                if unit == "week":
                    assert (day - start).days < 7
                else:
                    assert (day.year, day.month) == (start.year, start.month)
