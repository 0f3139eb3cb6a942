"""Letting go on SQLCipher and PostgreSQL: rules kept as versions, contacts, urges and
letters stored, bad input refused with nothing stored, and an archive that loses nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clearheart.domain.letting_go import ContactDraft, Mode, UrgeDraft
from clearheart.errors import InvalidInput, NotFound
from clearheart.services import archive
from clearheart.services.chats import ChatService
from clearheart.services.journal import JournalService
from clearheart.services.letters import LetterService
from clearheart.services.nocontact import NoContactService
from clearheart.services.urges import UrgeService

OSLO = timezone(timedelta(hours=2))
AT = datetime(2026, 6, 30, 21, 15, 30, 250000, tzinfo=OSLO)
TABLES = ("unsent_letters", "urges", "nocontact_contacts", "nocontact_rules")


class Clock:
    def now(self) -> datetime:
        return AT


def services(engine: sa.Engine) -> tuple[NoContactService, UrgeService, LetterService]:
    clock = Clock()
    return (
        NoContactService(engine, clock, ChatService(engine, clock)),
        UrgeService(engine, clock, JournalService(engine, clock)),
        LetterService(engine, clock),
    )


def filled(engine: sa.Engine) -> tuple[NoContactService, UrgeService, LetterService]:
    tracker, urges, letters = services(engine)
    tracker.start(
        "low-contact",
        date(2026, 6, 1),
        ["texting", "checking their profile"],
        ["the children", "the mortgage"],
        at=AT - timedelta(days=29),
    )
    tracker.change_rules(counts=["texting", "checking their profile", "late calls"])
    tracker.log_contact(
        ContactDraft(
            AT - timedelta(days=20),
            "message",
            "them",
            "the children",
            "pick-up times \u00fcml\u00e4ut",
        )
    )
    tracker.log_contact(ContactDraft(AT - timedelta(days=3), "their-profile", "me"))
    urges.log(
        UrgeDraft(
            AT - timedelta(days=2),
            7,
            ("night", "lonely"),
            "our song",
            25,
            "rode-it-out",
            "it passed",
        )
    )
    urges.log(UrgeDraft(AT - timedelta(hours=1), 3))
    letters.write("To you", "Things I never said.\n\nAnd more.")
    letters.write("")
    return tracker, urges, letters


def test_rules_keep_every_version_and_contacts_count_or_not(engine: sa.Engine) -> None:
    tracker, urges, letters = filled(engine)
    versions = tracker.history()
    assert [len(v.rules.counts) for v in versions] == [2, 3]
    assert versions[-1].rules.mode is Mode.LOW_CONTACT
    assert versions[-1].rules.started_on == date(2026, 6, 1)
    status = tracker.status()
    assert status is not None
    assert status.count.days_since == 3
    assert [c.way for c in status.counted] == ["their-profile"]
    assert [c.exception for c in status.excepted] == ["the children"]
    assert status.excepted[0].at == AT - timedelta(days=20)
    assert [u.strength for u in urges.urges()] == [7, 3]
    assert urges.urges()[0].triggers == ("lonely", "night")
    assert [letter.heading for letter in letters.letters()] == ["What I wanted to say", "To you"]


BAD: dict[str, Any] = {
    "a start ahead": lambda t, u, w: t.start("no", date(2026, 7, 9)),
    "an unknown mode": lambda t, u, w: t.start("some contact"),
    "too many rules": lambda t, u, w: t.change_rules(counts=[f"rule {i}" for i in range(13)]),
    "an unknown way": lambda t, u, w: t.log_contact(ContactDraft(AT, "pigeon", "me")),
    "a contact ahead": lambda t, u, w: t.log_contact(
        ContactDraft(AT + timedelta(hours=2), "call", "me")
    ),
    "a strength of 11": lambda t, u, w: u.log(UrgeDraft(AT, 11)),
    "an unknown trigger": lambda t, u, w: u.log(UrgeDraft(AT, 4, ("moon",))),
    "an unknown choice": lambda t, u, w: u.log(UrgeDraft(AT, 4, did="shouted")),
    "too long a letter": lambda t, u, w: w.write("x", "y" * 100_001),
    "a missing letter": lambda t, u, w: w.edit(99, "x", "y"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_says_what_is_wrong_and_stores_nothing(engine: sa.Engine, name: str) -> None:
    made = filled(engine)
    before = archive.snapshot(engine)
    with pytest.raises((InvalidInput, NotFound)) as refused:
        BAD[name](*made)
    assert str(refused.value.message)
    assert archive.snapshot(engine) == before


def test_contacts_before_a_start_are_refused(engine: sa.Engine) -> None:
    tracker, _, _ = services(engine)
    with pytest.raises(InvalidInput, match="start the tracker first"):
        tracker.log_contact(ContactDraft(AT, "call", "me"))
    assert tracker.status() is None


def test_letters_edit_and_delete(engine: sa.Engine) -> None:
    _, _, letters = filled(engine)
    first = letters.letters()[-1]
    changed = letters.edit(first.id, "To you, again", "Fewer words now.")
    assert (changed.heading, changed.body, changed.written_at) == (
        "To you, again",
        "Fewer words now.",
        first.written_at,
    )
    letters.delete(first.id)
    with pytest.raises(NotFound):
        letters.get(first.id)


def test_letting_go_round_trips_through_an_archive(engine: sa.Engine, tmp_path: Path) -> None:
    tracker, urges, letters = filled(engine)
    before = archive.snapshot(engine)
    assert all(before[t] for t in TABLES)
    out = tmp_path / "a.chx"
    archive.export(engine, out, "correct horse battery", AT)
    with engine.begin() as conn:
        for table in (*TABLES, "settings"):
            conn.execute(sa.text(f"DELETE FROM {table}"))
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    again, urges_again, letters_again = services(engine)
    assert again.history() == tracker.history() and again.contacts() == tracker.contacts()
    assert urges_again.urges() == urges.urges() and letters_again.letters() == letters.letters()
