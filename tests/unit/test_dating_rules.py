"""The rules of dating again: checklist changes, suggestions with their ground, what a
notebook has seen and when it is early."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from clearheart.domain.behaviour import LogEntry
from clearheart.domain.dating import (
    History,
    Item,
    Note,
    NoteDraft,
    Suggestion,
    add_own,
    clean_commitments,
    clean_note,
    edit,
    overview,
    remove,
    suggest,
)
from clearheart.errors import InvalidInput

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _entry(n: int, kind: str, day: int) -> LogEntry:
    at = datetime(2026, 1, day, 12, tzinfo=UTC)
    return LogEntry(n, at, kind, None, None, None, at)


def test_a_suggestion_from_the_log_says_how_often_and_when() -> None:
    log = tuple(_entry(n, "named_brushed_off", n) for n in range(1, 15))
    found = suggest(History(log=log), (), ())
    assert found[0].item.source == (
        "from your log: 14 times a need you named was brushed off, "
        "between 1 January 2026 and 14 January 2026"
    )
    assert suggest(History(log=log), (), {"log-brushed-off"}) == ()


def test_ideas_follow_history_and_kept_ones_are_not_offered_again() -> None:
    idea = Suggestion(Item("f2-shrink", "I shrink to fit.", "red-flag", "an idea"), "F2")
    log = (_entry(1, "plan_cancelled", 3),)
    assert [s.item.id for s in suggest(History(log=log), (idea,), ())] == [
        "log-plans-cancelled",
        "f2-shrink",
    ]
    assert suggest(History(), (idea,), {"f2-shrink"}) == ()


def test_the_checklist_changes_keep_ids_and_refuse_empty_words() -> None:
    items = add_own((), "Kind to waiters")
    items = add_own(items, "Plans happen")
    assert [i.id for i in items] == ["own-1", "own-2"]
    assert edit(items, "own-1", "Kind  to\tstaff")[0] == Item("own-1", "Kind to staff", "own")
    with pytest.raises(InvalidInput, match="a few words"):
        edit(items, "own-1", "   ")
    with pytest.raises(InvalidInput, match="no item"):
        remove(items, "own-9")
    assert [i.id for i in remove(items, "own-1")] == ["own-2"]


def test_a_note_is_checked_against_the_day_and_the_list() -> None:
    draft = NoteDraft(date(2026, 3, 2), "Coffee.", tags={"own-1": "seen"})
    with pytest.raises(InvalidInput, match="after today"):
        clean_note(draft, NOW.date(), {"own-1"})
    with pytest.raises(InvalidInput, match="not an item"):
        clean_note(NoteDraft(date(2026, 3, 1), "Coffee.", tags={"x": "seen"}), NOW.date(), ())
    with pytest.raises(InvalidInput, match="1 to 5"):
        clean_note(NoteDraft(date(2026, 3, 1), "Coffee.", mood=6), NOW.date(), ())


def _note(n: int, day: date, situation: str, tag: str) -> Note:
    draft = NoteDraft(day, "x", situation, {"own-1": tag}, mood=3)  # type: ignore[arg-type]
    return Note(n, 1, NOW, draft)


def test_three_entries_over_nine_days_are_early_and_say_so() -> None:
    notes = [
        _note(1, date(2026, 2, 1), "date", "seen"),
        _note(2, date(2026, 2, 5), "messages", "worry"),
        _note(3, date(2026, 2, 9), "date", "seen"),
    ]
    seen = overview([Item("own-1", "Kind", "own")], notes)
    assert seen.early
    assert seen.basis == (
        "3 entries over 9 days, across 2 kinds of situation: early to see a pattern."
    )
    assert seen.items[0].sentence == (
        "Seen twice, a worry once: 3 entries over 9 days, across 2 kinds of situation."
    )


def test_many_entries_over_months_and_situations_are_not_called_early() -> None:
    situations = ("date", "friends", "family", "hard-day")
    notes = [_note(n, date(2026, 1 + n, 1), situations[n % 4], "seen") for n in range(8)]
    seen = overview([], notes)
    assert not seen.early and seen.basis.endswith("across 4 kinds of situation.")


def test_a_blank_commitment_goes_back_to_our_wording() -> None:
    assert clean_commitments(["", " Mine ", ""], ["a", "b", "c"]) == ("a", "Mine", "c")
    with pytest.raises(InvalidInput, match="3 commitments"):
        clean_commitments(["a"], ["a", "b", "c"])
