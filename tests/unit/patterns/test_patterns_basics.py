"""Conversations, reply latency, unanswered runs, silences and effort on hand-built chats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.report import PatternReport, Settings, build_report
from clearheart.domain.patterns.timeline_build import build_timeline
from clearheart.errors import InvalidInput

Chat = Callable[..., list[Message]]


def report(messages: list[Message], me: str = "Ana", **kwargs: object) -> PatternReport:
    return build_report(messages, me, **kwargs)  # type: ignore[arg-type]


def test_timeline_keeps_people_and_remembers_positions(chat: Chat) -> None:
    messages = chat(
        ("2024-01-01 09:00", "", "Messages are end-to-end encrypted", Kind.SYSTEM),
        ("2024-01-01 09:01", "Sam", "hi"),
        ("2024-01-01 09:02", "Sam", "Missed voice call", Kind.CALL),
        ("2024-01-01 09:03", "Ana", "<Media omitted>", Kind.MEDIA),
        ("2024-01-01 09:04", "Ana", "This message was deleted", Kind.DELETED),
        ("2024-01-01 09:05", "Ana", "hello"),
    )
    timeline = build_timeline(messages, "Ana")
    assert timeline.names == ("Ana", "Sam")
    assert list(timeline.sender) == [1, 0, 0]
    assert list(timeline.source) == [1, 3, 5]
    assert list(timeline.media_positions) == [1]
    assert list(timeline.calls) == [datetime(2024, 1, 1, 9, 2)]
    assert list(timeline.turns) == [0, 1]
    assert list(timeline.turn_waits()) == [120.0]


def test_timeline_sorts_messages_that_arrive_out_of_order(chat: Chat) -> None:
    messages = chat(
        ("2024-01-01 10:00", "Ana", "second"),
        ("2024-01-01 09:00", "Sam", "first"),
    )
    timeline = build_timeline(messages, "Ana")
    assert list(timeline.chars) == [len("first"), len("second")]
    assert list(timeline.source) == [1, 0]


def test_a_text_too_long_for_two_bytes_keeps_its_exact_length(chat: Chat) -> None:
    """Lengths and word counts are kept in two bytes until one needs more."""
    long_text = "word " * 20_000
    timeline = build_timeline(chat(("2024-01-01 09:00", "Sam", "hi there"),
                                   ("2024-01-01 10:00", "Ana", long_text)), "Ana")
    assert list(timeline.chars) == [8, 100_000]
    assert list(timeline.words) == [2, 20_000]


def test_the_user_comes_first_even_without_messages(chat: Chat) -> None:
    timeline = build_timeline(chat(("2024-01-01 10:00", "Sam", "hi")), "Ana", ["Kim"])
    assert timeline.names == ("Ana", "Kim", "Sam")


def test_conversations_and_who_starts_them(monday_chat: list[Message]) -> None:
    found = report(monday_chat).conversations
    assert found.count == 3
    assert found.started == (2, 1)
    assert found.share(0) == pytest.approx(2 / 3)
    assert [(row.label, row.counts) for row in found.by_week] == [("2024-W01", (2, 1))]
    assert [(row.label, row.counts) for row in found.by_month] == [("2024-01", (2, 1))]
    assert found.basis.messages == 11
    assert found.basis.conversations == 3
    assert found.basis.weeks == 1
    assert found.basis.first == datetime(2024, 1, 1, 9, 0)
    assert found.basis.last == datetime(2024, 1, 4, 13, 2)


def test_the_conversation_gap_is_a_setting(monday_chat: list[Message]) -> None:
    found = report(monday_chat, settings=Settings(conversation_gap_hours=1)).conversations
    # 09:21 → 18:00 and Monday → Thursday, plus 10:02 → 13:02 (three hours).
    assert found.count == 4
    assert found.started == (2, 2)


def test_reply_latency_per_person(monday_chat: list[Message]) -> None:
    latency = report(monday_chat).latency
    sam = latency.of("Sam").overall
    # Sam answered after 15 min, 8 h 39 min (overnight counts), 15 min and 3 h.
    assert sam.replies == 4
    assert sam.median == pytest.approx((900 + 10800) / 2)
    assert sam.p90 == pytest.approx(10800 + 0.7 * (31140 - 10800))
    ana = latency.of("Ana").overall
    # Ana answered after 1 min and 30 min; Thursday's message came after 63 h: a silence.
    assert ana.replies == 2
    assert ana.median == pytest.approx(930)
    assert [row.stats.replies for row in latency.of("Sam").by_month] == [4]


def test_reply_cap_leaves_out_long_waits(monday_chat: list[Message]) -> None:
    latency = report(monday_chat, settings=Settings(reply_cap_hours=6)).latency
    assert latency.of("Sam").overall.replies == 3
    assert latency.cap_hours == 6


def test_unanswered_runs(monday_chat: list[Message]) -> None:
    runs = report(monday_chat).unanswered
    ana = runs.of("Ana")
    assert (ana.runs, ana.messages, ana.runs_3plus) == (4, 7, 1)
    assert ana.mean_length == pytest.approx(7 / 4)
    top = ana.longest[0]
    assert (top.length, top.first, top.last) == (
        3, datetime(2024, 1, 4, 10, 0), datetime(2024, 1, 4, 10, 2)
    )
    assert top.answered == datetime(2024, 1, 4, 13, 2)
    assert top.wait == 3 * 3600
    assert top.index == 7
    assert [r.length for r in ana.longest] == [3, 2, 1, 1]
    buckets = {b.low: b for b in ana.lengths}
    assert (buckets[1].runs, buckets[2].runs, buckets[3].runs) == (2, 1, 1)
    assert buckets[2].median_wait == 15 * 60
    assert buckets[3].median_wait == 3 * 3600
    assert buckets[1].median_wait is None
    sam = runs.of("Sam")
    assert (sam.runs, sam.messages) == (4, 4)
    last = [r for r in sam.longest if r.index == 10]
    assert last and last[0].answered is None and last[0].wait is None
    assert [(row.runs, row.messages, row.longest) for row in ana.by_week] == [(4, 7, 3)]


def test_long_silences_and_who_ended_them(chat: Chat, monday_chat: list[Message]) -> None:
    found = report(monday_chat).silences
    assert found.count == 1
    (only,) = found.items
    assert (only.before, only.broken_by, only.index) == ("Sam", "Ana", 7)
    assert only.hours == pytest.approx(63.25)
    assert found.broken_by == (1, 0)
    assert only.calls == 0
    with_call = [
        *monday_chat[:7],
        Message(datetime(2024, 1, 2, 20, 0), "Ana", Kind.CALL, "Missed voice call"),
        *monday_chat[7:],
    ]
    assert report(with_call).silences.items[0].calls == 1
    assert report(monday_chat, settings=Settings(silence_hours=72)).silences.count == 0


def test_effort_lengths_and_questions(monday_chat: list[Message]) -> None:
    effort = report(monday_chat).effort
    ana, sam = effort.overall
    assert (ana.messages, sam.messages) == (7, 4)
    assert ana.share == pytest.approx(7 / 11)
    assert ana.chars_mean == pytest.approx(80 / 7)
    assert ana.chars_median == 12
    assert ana.words_mean == pytest.approx(17 / 7)
    assert ana.words_median == 2
    assert ana.questions == 4
    assert sam.chars_mean == pytest.approx(7.5)
    assert sam.chars_median == pytest.approx(6.5)
    assert sam.words_median == pytest.approx(1.5)
    assert sam.questions == 0
    assert effort.per_week == (7.0, 4.0)
    assert [row.counts for row in effort.by_week] == [(7, 4)]
    assert effort.by_month[0].people == effort.overall


def test_media_counts_as_a_message_but_not_as_words(chat: Chat) -> None:
    messages = chat(
        ("2024-01-01 09:00", "Ana", "hello there"),
        ("2024-01-01 09:01", "Ana", "<Media omitted>", Kind.MEDIA),
        ("2024-01-01 09:02", "Sam", "IMG-001.jpg?", Kind.MEDIA),
    )
    ana, sam = report(messages).effort.overall
    assert (ana.messages, ana.media, ana.chars_mean, ana.words_mean) == (2, 1, 11, 2)
    assert (sam.messages, sam.media, sam.chars_mean, sam.questions) == (1, 1, None, 0)


def test_since_and_until_pick_whole_days(monday_chat: list[Message]) -> None:
    found = report(monday_chat, since=date(2024, 1, 2), until=date(2024, 1, 4))
    assert found.basis.messages == 4
    assert found.since == datetime(2024, 1, 2)
    assert found.until == datetime(2024, 1, 5)
    monday = report(monday_chat, until=datetime(2024, 1, 1, 18, 0))
    assert monday.basis.messages == 4


def test_an_empty_chat_gives_empty_results() -> None:
    found = report([])
    assert found.basis.messages == 0
    assert found.conversations.count == 0
    assert found.latency.of("Ana").overall.median is None
    assert found.silences.count == 0
    assert found.plans.hits == ()
    assert not found.loop.enough


def test_group_chats_report_each_person(chat: Chat) -> None:
    messages = chat(
        ("2024-01-01 09:00", "Ana", "morning all"),
        ("2024-01-01 09:10", "Sam", "morning"),
        ("2024-01-01 09:30", "Kim", "hi!"),
        ("2024-01-01 09:31", "Ana", "how are you both?"),
        ("2024-01-01 20:00", "Kim", "tired"),
    )
    found = report(messages)
    assert found.names == ("Ana", "Sam", "Kim")
    assert found.conversations.started == (1, 0, 1)
    assert found.latency.of("Kim").overall.replies == 2
    assert found.latency.of("Sam").overall.median == 600
    assert [p.runs for p in found.unanswered.people] == [2, 1, 2]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("conversation_gap_hours", 0),
        ("silence_hours", -1),
        ("reply_cap_hours", 0),
        ("plan_window_hours", 0),
        ("loop_min_weeks", 2),
    ],
)
def test_settings_refuse_values_that_make_no_sense(field: str, value: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        Settings(**{field: value})  # type: ignore[arg-type]
    assert caught.value.field == field


def test_the_garbage_collector_is_restored(monday_chat: list[Message]) -> None:
    import gc

    assert gc.isenabled()
    report(monday_chat)
    assert gc.isenabled()

    broken = [*monday_chat, Message(None, "Sam", Kind.TEXT, "no time")]  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        report(broken)
    assert gc.isenabled()
    gc.disable()
    try:
        report(monday_chat)
        assert not gc.isenabled()
    finally:
        gc.enable()
