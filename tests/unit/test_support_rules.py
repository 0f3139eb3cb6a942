"""The support network's rules (domain/support.py): nudges only from the person's own
interval, plain spans, counts over a stated window, names tied to the safety plan."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from clearheart.domain.support import (
    Contact,
    Details,
    Kind,
    Supporter,
    clean_details,
    due,
    every_words,
    for_hard_moments,
    on_plan,
    read_day,
    read_every,
    span_words,
    summarise,
)
from clearheart.errors import InvalidInput

TODAY = date(2026, 5, 20)
ADDED = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def person(
    pid: int, name: str, every: int | None, *days: date, kinds: frozenset[Kind] = frozenset()
) -> Supporter:
    contacts = tuple(Contact(pid * 100 + n, pid, d) for n, d in enumerate(days))
    return Supporter(pid, Details(name, kinds, every_days=every), ADDED, contacts)


def test_no_interval_never_nudges_however_long_it_has_been() -> None:
    assert due([person(1, "Maya", None, date(2020, 1, 1))], TODAY) == ()


def test_a_nudge_comes_only_past_the_chosen_interval() -> None:
    exactly = person(1, "Maya", 14, TODAY - timedelta(days=14))
    past = person(2, "Jonah", 14, TODAY - timedelta(days=15))
    assert [d.supporter.name for d in due([exactly, past], TODAY)] == ["Jonah"]


def test_with_nothing_logged_the_interval_counts_from_the_day_added() -> None:
    fresh = Supporter(1, Details("Ellie", every_days=30), datetime(2026, 5, 1, tzinfo=UTC))
    assert due([fresh], TODAY) == ()
    found = due([person(2, "Ellie", 30)], TODAY)
    assert found and found[0].since_added and found[0].days == (TODAY - ADDED.date()).days
    assert found[0].sentence.startswith("You added Ellie 19 weeks ago.")


def test_furthest_past_their_interval_comes_first_and_the_latest_contact_counts() -> None:
    weekly = person(1, "Maya", 7, TODAY - timedelta(days=60), TODAY - timedelta(days=10))
    monthly = person(2, "Jonah", 28, TODAY - timedelta(days=35))
    found = due([monthly, weekly], TODAY)
    assert [(d.supporter.name, d.days) for d in found] == [("Maya", 10), ("Jonah", 35)]
    assert found[1].sentence == (
        "It has been five weeks since you were last in touch with "
        "Jonah. Would a short message be nice?"
    )


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (1, "a day"),
        (3, "three days"),
        (13, "13 days"),
        (14, "two weeks"),
        (20, "two weeks"),
        (77, "11 weeks"),
    ],
)
def test_spans_are_said_plainly(days: int, said: str) -> None:
    assert span_words(days) == said


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("", None),
        ("10", 10),
        ("10d", 10),
        ("3w", 21),
        ("3 weeks", 21),
        (" 1 day ", 1),
        ("52W", 364),
    ],
)
def test_intervals_read_in_days_or_weeks(text: str, days: int | None) -> None:
    assert read_every(text) == days


@pytest.mark.parametrize("text", ["0", "366", "often", "2 months", "1.5w", "-3"])
def test_an_interval_that_cannot_be_read_says_how_to_write_it(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_every(text)
    assert refused.value.field == "every"


def test_every_words() -> None:
    assert [every_words(d) for d in (1, 7, 10, 21)] == [
        "every day",
        "every week",
        "every 10 days",
        "every 3 weeks",
    ]


def test_details_are_cleaned_and_a_name_is_required() -> None:
    kept = clean_details("  Maya \n", [" Talk", "fun", ""], "  listens\r\nwell ", " 07700 ", 14)
    assert kept == Details("Maya", frozenset({Kind.TALK, Kind.FUN}), "listens\nwell", "07700", 14)
    for args, field in (
        ((" ",), "name"),
        (("Maya", ["gossip"]), "good_for"),
        (("x" * 201,), "name"),
        (("Maya", (), "", "", 0), "every"),
        (("Maya", (), "a\x00b"), "words"),
    ):
        with pytest.raises(InvalidInput) as refused:
            clean_details(*args)  # type: ignore[arg-type]
        assert refused.value.field == field


def test_a_day_in_touch_is_never_after_today() -> None:
    assert read_day("", TODAY) == TODAY
    assert read_day("2026-05-01", TODAY) == date(2026, 5, 1)
    for text in ("2026-05-21", "1899-12-31", "yesterday"):
        with pytest.raises(InvalidInput) as refused:
            read_day(text, TODAY)
        assert refused.value.field == "on"


def test_hard_moments_are_talk_or_company_most_recent_first() -> None:
    people = [
        person(1, "Accountant", None, TODAY, kinds=frozenset({Kind.PRACTICAL})),
        person(2, "Jonah", None, kinds=frozenset({Kind.COMPANY})),
        person(3, "Maya", None, TODAY - timedelta(days=2), kinds=frozenset({Kind.TALK})),
        person(4, "Ellie", None, TODAY, kinds=frozenset({Kind.TALK, Kind.FUN})),
    ]
    assert [s.name for s in for_hard_moments(people)] == ["Ellie", "Maya", "Jonah"]


def test_the_summary_counts_the_last_thirty_days_today_included() -> None:
    people = [
        person(1, "Maya", None, TODAY, TODAY - timedelta(days=29)),
        person(2, "Jonah", None, TODAY - timedelta(days=30)),
        person(3, "Choir", None),
    ]
    summary = summarise(people, TODAY)
    assert (summary.people, summary.reached, summary.times) == (3, 1, 2)
    assert summary.since == TODAY - timedelta(days=29) and summary.until == TODAY
    empty = summarise([], TODAY)
    assert (empty.people, empty.reached, empty.times) == (0, 0, 0)


def test_the_plan_is_matched_by_name_whatever_the_case_and_spacing() -> None:
    people = [person(1, "Maya  Okafor", None), person(2, "Jonah", None)]
    assert on_plan(people, ["maya okafor", "Ellie"]) == frozenset({1})
