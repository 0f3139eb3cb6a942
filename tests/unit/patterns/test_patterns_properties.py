"""Properties every pattern keeps, on random chats."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.report import PatternReport, Settings, build_report

BASE = datetime(2024, 1, 1, 8, 0)
QUICK = Settings(loop_min_weeks=3)

rows = st.lists(
    st.tuples(
        st.sampled_from([0, 1, 2, 5, 30, 90, 400, 700, 3000, 5000]),
        st.sampled_from(["a", "b"]),
        st.sampled_from(["ok", "how are you?", "want to grab dinner friday?", "sure",
                         "can't make it", "", "  spaced   out  ", "line\nbreak", "😀 hi"]),
        st.sampled_from([Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.MEDIA, Kind.CALL]),
    ),
    min_size=0,
    max_size=60,
)
examples = settings(max_examples=60, deadline=None)


def chat(spec: list[tuple[int, str, str, Kind]], shift: timedelta = timedelta(0)) -> list[Message]:
    messages, at = [], BASE + shift
    for minutes, sender, text, kind in spec:
        at += timedelta(minutes=minutes)
        messages.append(Message(at, sender, kind, text))
    return messages


def report(messages: list[Message], me: str = "a") -> PatternReport:
    return build_report(messages, me, others=["b" if me == "a" else "a"],
                        settings=QUICK)


@examples
@given(rows)
def test_counts_add_up(spec: list[tuple[int, str, str, Kind]]) -> None:
    found = report(chat(spec))
    people = [m for m in chat(spec) if m.kind != Kind.CALL]
    conv = found.conversations
    assert sum(conv.started) == conv.count == found.basis.conversations
    assert sum(row.total for row in conv.by_week) == conv.count
    assert sum(row.total for row in conv.by_month) == conv.count
    assert sum(s.messages for s in found.effort.overall) == len(people) == found.basis.messages
    assert sum(p.messages for p in found.unanswered.people) == len(people)
    assert sum(found.silences.broken_by) == found.silences.count


@examples
@given(rows)
def test_waits_are_never_negative(spec: list[tuple[int, str, str, Kind]]) -> None:
    found = report(chat(spec))
    for person in found.latency.people:
        for stats in [person.overall, *(row.stats for row in person.by_month)]:
            assert stats.median is None or stats.median >= 0
            assert stats.p90 is None or stats.p90 >= (stats.median or 0)
    for runs in found.unanswered.people:
        for run in runs.longest:
            assert run.wait is None or run.wait >= 0
        for bucket in runs.lengths:
            assert bucket.median_wait is None or bucket.median_wait >= 0
    assert all(s.hours >= QUICK.silence_hours for s in found.silences.items)


def _shape(found: PatternReport) -> object:
    return (
        found.conversations.started,
        [row.counts for row in found.conversations.by_week],
        [p.overall for p in found.latency.people],
        [(p.runs, p.messages, p.lengths, [r.length for r in p.longest]) for p in
         found.unanswered.people],
        [(s.hours, s.broken_by, s.calls) for s in found.silences.items],
        found.effort.overall,
        [row.counts for row in found.effort.by_week],
        [(h.rule, h.sender, h.index) for h in found.plans.hits],
        [link.outcome for link in found.plans.links],
        [(w.pursuit, w.distance) for w in found.loop.weeks],
        found.loop.pursuit_then_distance,
    )


@examples
@given(rows, st.integers(min_value=-300, max_value=300))
def test_moving_the_whole_chat_by_whole_weeks_changes_nothing(
    spec: list[tuple[int, str, str, Kind]], weeks: int
) -> None:
    here = report(chat(spec))
    there = report(chat(spec, timedelta(weeks=weeks)))
    assert _shape(here) == _shape(there)


@examples
@given(rows, st.integers(min_value=1, max_value=6))
def test_moving_by_days_keeps_what_does_not_depend_on_the_calendar(
    spec: list[tuple[int, str, str, Kind]], days: int
) -> None:
    here = report(chat(spec))
    there = report(chat(spec, timedelta(days=days)))
    assert here.conversations.started == there.conversations.started
    assert [p.overall for p in here.latency.people] == [p.overall for p in there.latency.people]
    assert here.effort.overall == there.effort.overall
    assert [h.rule for h in here.plans.hits] == [h.rule for h in there.plans.hits]


@examples
@given(rows)
def test_swapping_who_is_the_user_swaps_the_results(
    spec: list[tuple[int, str, str, Kind]],
) -> None:
    messages = chat(spec)
    as_a, as_b = report(messages, "a"), report(messages, "b")
    assert as_a.names == ("a", "b") and as_b.names == ("b", "a")
    assert as_a.conversations.started == as_b.conversations.started[::-1]
    assert as_a.latency.of("a") == as_b.latency.of("a")
    assert as_a.unanswered.of("b") == as_b.unanswered.of("b")
    assert as_a.effort.overall == as_b.effort.overall[::-1]
    assert as_a.silences.broken_by == as_b.silences.broken_by[::-1]
    assert as_a.plans.overall == as_b.plans.overall[::-1]
