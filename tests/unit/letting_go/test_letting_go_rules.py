"""Rules, contacts, urges and letters as the person writes them: cleaned or refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from clearheart.domain.chat import Kind, Message
from clearheart.domain.letting_go import (
    ContactDraft,
    Mode,
    Rules,
    UrgeDraft,
    clean_contact,
    clean_letter,
    clean_rules,
    clean_urge,
    read_mode,
    since_start,
)
from clearheart.errors import InvalidInput

NOW = datetime(2026, 4, 2, 21, 0, tzinfo=UTC)


def test_rules_trim_lines_and_keep_repeats_once() -> None:
    rules = clean_rules(
        Rules(Mode.NO_CONTACT, date(2026, 4, 1), ("  texting ", "", "texting", "calls"), ("work",)),
        NOW.date(),
    )
    assert rules.counts == ("texting", "calls")


@pytest.mark.parametrize(
    ("text", "mode"), [("no", Mode.NO_CONTACT), ("LOW_contact", Mode.LOW_CONTACT)]
)
def test_modes_read_loosely(text: str, mode: Mode) -> None:
    assert read_mode(text) is mode


def test_rules_refuse_a_start_ahead_and_long_lines() -> None:
    with pytest.raises(InvalidInput, match="a day that has passed"):
        clean_rules(Rules(Mode.NO_CONTACT, date(2026, 4, 9)), NOW.date())
    with pytest.raises(InvalidInput) as refused:
        clean_rules(Rules(Mode.NO_CONTACT, date(2026, 4, 1), ("x" * 201,)), NOW.date())
    assert refused.value.field == "counts"


def test_a_contact_is_cleaned_and_a_time_ahead_refused() -> None:
    draft = clean_contact(ContactDraft(NOW, "In person", "THEM", "  the  kids ", "  "), NOW)
    assert (draft.way, draft.started_by, draft.exception, draft.note) == (
        "in-person",
        "them",
        "the kids",
        None,
    )
    with pytest.raises(InvalidInput, match="has passed"):
        clean_contact(ContactDraft(NOW + timedelta(hours=1), "call", "me"), NOW)


def test_an_urge_is_cleaned_and_limits_hold() -> None:
    draft = clean_urge(UrgeDraft(NOW, 0, ("night", "lonely", "night"), " ", 0), NOW)
    assert draft.triggers == ("lonely", "night") and draft.own_trigger is None
    for bad, field in (
        (UrgeDraft(NOW, -1), "strength"),
        (UrgeDraft(NOW, 3, minutes=1441), "minutes"),
        (UrgeDraft(NOW, 3, did="gave in"), "did"),
    ):
        with pytest.raises(InvalidInput) as refused:
            clean_urge(bad, NOW)
        assert refused.value.field == field


def test_a_letter_gets_a_heading_when_it_has_none() -> None:
    assert clean_letter("  ", "Dear you,\n\n") == ("What I wanted to say", "Dear you,")


def test_messages_since_the_start_are_counted_by_side_and_day() -> None:
    def msg(day: int, sender: str, kind: Kind = Kind.TEXT) -> Message:
        return Message(datetime(2026, 4, day, 9), sender, kind, "x")

    found = since_start(
        [
            msg(1, "Sam"),
            msg(2, "Sam"),
            msg(2, "Alex"),
            msg(4, "Sam"),
            msg(4, "", Kind.SYSTEM),
            msg(5, "Sam", Kind.CALL),
        ],
        "Alex",
        date(2026, 4, 2),
    )
    assert (found.mine, found.theirs) == (1, 2)
    assert found.days == (date(2026, 4, 2), date(2026, 4, 4))
    assert not since_start([msg(1, "Sam")], "Alex", date(2026, 4, 2)).any
