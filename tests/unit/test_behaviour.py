"""The behaviour log's rules: kinds as data, what an entry may hold, the weekly figures."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from clearheart.domain.behaviour import (
    BY_ID,
    FUTURE_TOLERANCE,
    GROUPS,
    KINDS,
    MAX_NOTE,
    Draft,
    LogEntry,
    check_at,
    check_kind,
    clean,
    clean_note,
    kinds_in,
    parse_when,
    week_of,
)
from clearheart.domain.behaviour_summary import MIN_BIDS, RESEARCH_NOTE, summarise
from clearheart.errors import InvalidInput

PARIS = timezone(timedelta(hours=1))
NOW = datetime(2025, 3, 4, 21, 0, tzinfo=PARIS)  # a Tuesday evening
BANNED = re.compile(
    r"\b(avoidant|needy|clingy|toxic|narcissis\w*|cold-hearted|should (leave|"
    r"stay)|you failed|bad partner|good partner)\b",
    re.IGNORECASE,
)


def entry(kind: str, at: datetime, n: int = 1) -> LogEntry:
    return LogEntry(n, at, kind, None, None, None, at.astimezone(UTC))


# --- kinds ---------------------------------------------------------------------------


def test_the_kinds_cover_what_the_issue_asks_for() -> None:
    wanted = {
        "bid_toward",
        "bid_away",
        "bid_against",
        "they_withdrew",
        "repair_mine_accepted",
        "repair_mine_missed",
        "repair_theirs_accepted",
        "repair_theirs_missed",
        "conflict",
        "quality_time",
        "plan_made",
        "plan_kept",
        "plan_cancelled",
        "need_met",
        "need_unmet",
        "named_took_on",
        "named_brushed_off",
        "named_turned_back",
        "i_pursued",
        "i_gave_space",
        "i_soothed_myself",
        "i_said_need",
        "i_asked_once",
        "i_paused",
    }
    assert {k.id for k in KINDS} == wanted
    assert len(BY_ID) == len(KINDS)


def test_every_group_has_kinds_and_every_kind_a_known_group() -> None:
    assert [g.id for g in GROUPS] == [
        "bids",
        "distance",
        "repair",
        "conflict",
        "together",
        "plans",
        "needs",
        "answers",
        "what I did",
    ]
    for group in GROUPS:
        assert kinds_in(group.id), group.id
    assert sum(len(kinds_in(g.id)) for g in GROUPS) == len(KINDS)


def test_labels_are_short_and_no_wording_labels_anyone() -> None:
    for kind in KINDS:
        assert len(kind.label) <= 40, kind.id
        assert kind.description.endswith("."), kind.id
        for text in (kind.label, kind.description):
            assert not BANNED.search(text), text
    for group in GROUPS:
        assert not BANNED.search(group.hint + group.title)
    assert not BANNED.search(RESEARCH_NOTE)


def test_an_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_kind("hugged")
    assert caught.value.field == "kind"
    assert "'hugged'" in caught.value.reason
    for kind in KINDS:
        assert kind.id in caught.value.reason


def test_kind_ids_forgive_case_dashes_and_spaces() -> None:
    assert check_kind(" Bid-Toward ") == "bid_toward"


# --- notes, times, steps -------------------------------------------------------------


def test_a_note_is_normalised_and_invisible_characters_dropped() -> None:
    assert clean_note("  cafe\u0301\r\nline two\x07\x1b  ") == "caf\u00e9\nline two"
    assert clean_note("tab\tkept") == "tab\tkept"
    assert clean_note("   ") is None
    assert clean_note(None) is None


def test_a_note_with_nul_or_too_long_is_refused() -> None:
    with pytest.raises(InvalidInput, match="NUL"):
        clean_note("a\x00b")
    assert clean_note("x" * MAX_NOTE) == "x" * MAX_NOTE
    with pytest.raises(InvalidInput) as caught:
        clean_note("x" * (MAX_NOTE + 1))
    assert caught.value.field == "note" and "2,000" in caught.value.reason


def test_times_in_the_future_before_1970_or_without_a_zone_are_refused() -> None:
    assert check_at(NOW + FUTURE_TOLERANCE, NOW) == NOW + FUTURE_TOLERANCE
    with pytest.raises(InvalidInput, match="future"):
        check_at(NOW + FUTURE_TOLERANCE + timedelta(seconds=1), NOW)
    with pytest.raises(InvalidInput, match="1970"):
        check_at(datetime(1969, 12, 31, 23, 59, tzinfo=UTC), NOW)
    assert check_at(datetime(1970, 1, 1, tzinfo=UTC), NOW)
    with pytest.raises(InvalidInput, match="time zone"):
        check_at(datetime(2025, 3, 4, 9, 0), NOW)


def test_clean_keeps_a_step_and_refuses_a_map_without_one() -> None:
    draft = clean(Draft("i_pursued", NOW, " hi ", None, "  trigger "), NOW)
    assert (draft.kind, draft.note, draft.cycle_step, draft.cycle_map_id) == (
        "i_pursued",
        "hi",
        "trigger",
        None,
    )
    with pytest.raises(InvalidInput) as caught:
        clean(Draft("i_pursued", NOW, None, 3, None), NOW)
    assert caught.value.field == "step"
    with pytest.raises(InvalidInput):
        clean(Draft("i_pursued", NOW, None, None, "no spaces allowed"), NOW)


def test_parse_when_reads_a_clock_time_today_or_a_date_and_time() -> None:
    assert parse_when("7:05", NOW) == datetime(2025, 3, 4, 7, 5, tzinfo=PARIS)
    assert parse_when("2025-03-01T22:30", NOW) == datetime(2025, 3, 1, 22, 30, tzinfo=PARIS)
    assert parse_when("2025-03-01T22:30+00:00", NOW) == datetime(2025, 3, 1, 22, 30, tzinfo=UTC)
    assert parse_when("", NOW) is None
    assert parse_when(None, NOW) is None
    for bad in ("25:00", "yesterday", "2025-13-01"):
        with pytest.raises(InvalidInput) as caught:
            parse_when(bad, NOW, "--at")
        assert caught.value.field == "--at" and "HH:MM" in caught.value.reason


# --- weekly figures ------------------------------------------------------------------


def test_weeks_are_iso_weeks_of_the_local_day() -> None:
    assert week_of(date(2025, 3, 9)) == date(2025, 3, 3)  # Sunday -> Monday before
    assert week_of(date(2025, 3, 10)) == date(2025, 3, 10)
    # 23:30 on Sunday in Paris is Sunday 22:30 UTC: still that week, by the local day.
    late = datetime(2025, 3, 9, 23, 30, tzinfo=PARIS)
    summary = summarise([entry("bid_toward", late)])
    assert [w.start for w in summary.weeks] == [date(2025, 3, 3)]


def test_the_ratio_needs_enough_bids_and_says_what_it_rests_on() -> None:
    monday = datetime(2025, 3, 3, 20, 0, tzinfo=PARIS)
    few = summarise([entry("bid_toward", monday), entry("bid_away", monday)])
    assert few.weeks[0].ratio is None
    assert few.figure("toward").value == "not enough yet"
    assert f"from {MIN_BIDS} bids" in few.figure("toward").sentence
    kinds = ["bid_toward", "bid_toward", "bid_away", "bid_against", "i_pursued", "conflict"]
    items = [entry(k, monday + timedelta(days=7 * (i % 2)), i) for i, k in enumerate(kinds)]
    summary = summarise(items)
    toward = summary.figure("toward")
    assert toward.value == "2 of 4"
    assert toward.sentence == (
        "Of the 4 bids you logged over 2 weeks, they turned toward 2 "
        "(50%), away from 1 and against 1."
    )
    assert toward.note == RESEARCH_NOTE
    assert summary.total.answered == 4 and summary.entries == 6


def test_empty_weeks_between_are_kept_and_the_range_can_be_given() -> None:
    first = datetime(2025, 1, 6, 9, 0, tzinfo=PARIS)
    items = [entry("they_withdrew", first), entry("they_withdrew", first + timedelta(weeks=3))]
    summary = summarise(items)
    assert [w.withdrawals for w in summary.weeks] == [1, 0, 0, 1]
    wider = summarise(items, date(2024, 12, 30), date(2025, 2, 9))
    assert len(wider.weeks) == 6 and wider.weeks[0].entries == 0
    narrower = summarise(items, date(2025, 1, 20), date(2025, 2, 2))
    assert narrower.entries == 1  # the first entry falls before the range
    assert summarise([]).weeks == ()


def test_repairs_withdrawals_and_what_i_did() -> None:
    at = datetime(2025, 3, 4, 20, 0, tzinfo=PARIS)
    kinds = [
        "repair_mine_accepted",
        "repair_mine_missed",
        "repair_theirs_accepted",
        "they_withdrew",
        "i_gave_space",
        "i_gave_space",
        "i_soothed_myself",
    ]
    summary = summarise([entry(k, at, i) for i, k in enumerate(kinds)])
    week = summary.weeks[0]
    assert (week.repairs, week.repairs_accepted, week.withdrawals) == (3, 2, 1)
    assert week.did["i_gave_space"] == 2 and week.did["i_pursued"] == 0
    assert summary.figure("repairs").sentence == (
        "3 repair attempts logged over 1 week (2 yours, 1 theirs); 2 of them were taken up."
    )
    assert summary.figure("withdrawals").sentence == (
        "You noted them pulling back 1 time over 1 week."
    )
    assert summary.figure("did").sentence == (
        "From 3 entries about your own side over 1 week: I gave space (2), I soothed myself (1)."
    )


def test_no_entries_gives_kind_empty_sentences() -> None:
    summary = summarise([])
    for figure in summary.figures:
        assert figure.sentence and not BANNED.search(figure.sentence)
    assert summary.figure("toward").value == "none logged yet"


# --- the demo's log ------------------------------------------------------------------


def test_the_demo_log_is_fixed_and_follows_the_story() -> None:
    import random

    from clearheart.demo.log import LOG_SEED, demo_log_events
    from clearheart.demo.story import STORY_DAYS, load_story

    events = demo_log_events(random.Random(LOG_SEED))
    assert events == demo_log_events(random.Random(LOG_SEED))
    assert all(kind in BY_ID and 0 <= day < STORY_DAYS for day, _, kind, _ in events)
    for _, _, _, note in events:
        assert note is None or (len(note) <= 200 and not BANNED.search(note))
    story = load_story()

    def share_toward(chapter: str) -> float:
        part = story.chapter(chapter)
        bids = [k for d, _, k, _ in events if part.first <= d <= part.last and k.startswith("bid_")]
        return bids.count("bid_toward") / len(bids)

    def count(kind: str, chapter: str) -> int:
        part = story.chapter(chapter)
        return sum(1 for d, _, k, _ in events if k == kind and part.first <= d <= part.last)

    assert share_toward("warm") > share_toward("pulling-back") < share_toward("steadier")
    assert count("i_pursued", "pulling-back") > count("i_pursued", "steadier")
    assert count("i_gave_space", "steadier") > count("i_gave_space", "warm")
    assert count("conflict", "fight-and-repair") >= 1
    assert count("repair_theirs_accepted", "fight-and-repair") >= 1
    assert count("they_withdrew", "fight-and-repair") >= 2  # the silence
    assert {k for _, _, k, _ in events} >= {"named_took_on", "named_brushed_off",
                                           "named_turned_back"}  # the evidence page's D4
