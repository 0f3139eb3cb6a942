"""The sentence about a chat after the no-contact start: counts and days with their ground,
no claim of change, no word of breaking or failing."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from clearheart.domain.letting_go.since_start import MOST_DAYS, SinceStart, sentence

START = date(2025, 3, 1)
CHANGE = re.compile(
    r"more than|less than|\bup\b(?! to\b)|\bdown\b|slower|quicker|\brose\b|\bfell\b|"
    r"went together|changed|increase|decrease",
    re.IGNORECASE,
)
"""The words of change the claims guard (tests/unit/patterns/test_claims_guard.py) watches."""
JUDGING = ("broke", "broken", "fail", "slip", "streak", "relapse", "should", "again")


def test_nothing_after_the_start_says_nothing() -> None:
    assert sentence(SinceStart(START, 0, 0, ()), "Sam") is None


def test_counts_both_sides_and_names_the_days() -> None:
    said = sentence(SinceStart(START, 4, 2, (date(2025, 3, 5), date(2025, 3, 9))), "Sam")
    assert said is not None
    assert said.text == (
        "Since 1 March 2025, the day you began keeping distance, this chat has 4 messages "
        "from you and 2 from Sam, on 2 days: 5 March 2025 and 9 March 2025."
    )
    assert said.topic == "since_no_contact" and said.rests_on == 6
    assert said.figure and not said.claims_change


@pytest.mark.parametrize(
    ("mine", "theirs", "words"),
    [(0, 1, "no messages from you and 1 from Sam"), (1, 0, "1 message from you and none")],
)
def test_one_side_silent(mine: int, theirs: int, words: str) -> None:
    said = sentence(SinceStart(START, mine, theirs, (START,)), "Sam")
    assert said is not None and words in said.text and "on 1 day: 1 March 2025." in said.text


def test_a_handful_of_days_named_the_rest_counted() -> None:
    days = tuple(START + timedelta(days=n) for n in range(MOST_DAYS + 3))
    said = sentence(SinceStart(START, 20, 9, days), "the others")
    assert said is not None
    assert f"on {MOST_DAYS + 3} days:" in said.text
    assert said.text.endswith(f"{MOST_DAYS} March 2025 and 3 other days.")
    assert "6 March" not in said.text


@pytest.mark.parametrize("days", [1, 2, MOST_DAYS + 1])
def test_no_claim_and_no_judgement(days: int) -> None:
    found = SinceStart(START, 3, 3, tuple(START + timedelta(days=n) for n in range(days)))
    said = sentence(found, "Sam")
    assert said is not None
    assert not CHANGE.search(said.text)
    assert not any(word in said.text.lower() for word in JUDGING)
