"""domain/same_chat.py on its own: the words both phones agree on, and the verdict's thresholds."""

from __future__ import annotations

from collections import Counter

import pytest

from clearheart.domain.chat import Kind
from clearheart.domain.same_chat import ASK_SHARE, SURE_SHARE, Tally, Verdict, judge, match_text


def test_words_lose_invisible_marks_case_and_spacing() -> None:
    assert match_text(Kind.TEXT, "\u200eHi  you\nSLEPT well?\u202c") == "hi you slept well?"


def test_words_are_compared_in_one_unicode_form() -> None:
    assert match_text(Kind.TEXT, "Cafe\u0301") == match_text(Kind.TEXT, "Caf\u00e9")


@pytest.mark.parametrize("kind", [Kind.MEDIA, Kind.CALL, Kind.SYSTEM, Kind.DELETED])
def test_what_each_phone_words_its_own_way_is_its_kind_alone(kind: Kind) -> None:
    assert match_text(kind, "<Media omitted>") == match_text(kind, "\u200eimage omitted")
    assert match_text(kind, "x") != match_text(Kind.TEXT, "x")


def tally(new: int, stored: int, matched: int, *pairs: tuple[str, str]) -> Tally:
    return Tally(new, stored, matched, Counter(pairs or [("Sam", "Sam")] * matched))


def test_nothing_in_the_window_on_either_side_is_a_different_chat() -> None:
    assert judge(tally(0, 5, 0)).verdict is Verdict.DIFFERENT
    assert judge(tally(5, 0, 0)).verdict is Verdict.DIFFERENT
    assert judge(Tally()).coverage == 0.0


def test_coverage_is_measured_against_the_larger_side() -> None:
    assert judge(tally(10, 20, 10)).coverage == 0.5
    assert judge(tally(20, 10, 10)).coverage == 0.5


def test_sure_share_and_up_is_the_same_chat() -> None:
    assert judge(tally(100, 100, round(SURE_SHARE * 100))).verdict is Verdict.SAME
    assert judge(tally(100, 100, round(SURE_SHARE * 100) - 1)).verdict is Verdict.UNSURE


def test_from_ask_share_it_asks_and_below_it_is_different() -> None:
    assert judge(tally(100, 100, round(ASK_SHARE * 100))).verdict is Verdict.UNSURE
    assert judge(tally(100, 100, round(ASK_SHARE * 100) - 1)).verdict is Verdict.DIFFERENT


def test_people_named_differently_are_asked_about_even_when_every_message_matches() -> None:
    found = judge(tally(4, 4, 4, *[("Samantha", "Sam")] * 3, ("Alex", "Alex")))
    assert found.verdict is Verdict.UNSURE
    assert found.coverage == 1.0
    assert found.renamed == {"Samantha": "Sam"}


def test_a_name_is_renamed_to_its_most_frequent_counterpart() -> None:
    found = judge(tally(5, 5, 5, *[("Sam", "Sam")] * 4, ("Sam", "Alex")))
    assert found.renamed == {}
    assert found.verdict is Verdict.SAME
