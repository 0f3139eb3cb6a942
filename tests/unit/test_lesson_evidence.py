"""Choosing "In your own evidence" for a lesson from the digest's items: enough or not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clearheart.content.lesson_copy import load_lessons
from clearheart.domain.evidence import EvidenceItem
from clearheart.domain.evidence.sources import SOURCES
from clearheart.domain.lessons import LEAST, MOST_SHOWN, own_evidence

LOOP = load_lessons().lesson("the-loop")  # evidence: chat-loop, cycle-map, chat-unanswered


def item(key: str, n: int = 12) -> EvidenceItem:
    return EvidenceItem(
        key=key,
        concept="D2",
        bears_on=("attempts_ignored",),
        title=f"About {key}",
        text=f"What {key} shows.",
        n=n,
        unit="messages",
        since=date(2026, 1, 1),
        until=date(2026, 3, 1),
        link=f"/chats/1#{key}",
    )


def test_items_of_the_lessons_sources_show_in_its_order_with_count_and_link() -> None:
    own = own_evidence(LOOP, [item("chat-unanswered:1"), item("log-bids"), item("chat-loop:1")])
    assert own.enough
    assert [s.title for s in own.shown] == ["About chat-loop:1", "About chat-unanswered:1"]
    assert (own.shown[0].n, own.shown[0].unit, own.shown[0].link) == (
        12,
        "messages",
        "/chats/1#chat-loop:1",
    )


def test_too_few_records_is_not_enough_and_says_how_to_add_some() -> None:
    own = own_evidence(LOOP, [item("chat-loop:1", n=LEAST - 1), item("log-bids")])
    assert not own.enough and own.shown == ()
    assert own.adds == (
        SOURCES["chat-loop"].adds,
        "You can draw the loop in your own words on the cycle map page.",
    )


def test_a_saved_cycle_map_counts_in_its_place() -> None:
    own = own_evidence(LOOP, [item("chat-unanswered:1"), item("chat-loop:1")], cycle_steps=4)
    assert [s.link for s in own.shown] == [
        "/chats/1#chat-loop:1",
        "/cycle",
        "/chats/1#chat-unanswered:1",
    ]
    assert own.shown[1].text == "Your map of the loop has 4 steps, in your own words."
    assert own.shown[1].basis == "" and own.shown[0].basis.startswith("Rests on ")
    alone = own_evidence(LOOP, [], cycle_steps=1)
    assert alone.enough and alone.shown[0].n == 1 and "1 step," in alone.shown[0].text


def test_at_most_a_few_items_show_and_chats_still_read_are_named() -> None:
    many = [item(f"chat-loop:{n}") for n in range(1, 6)]
    assert len(own_evidence(LOOP, many).shown) == MOST_SHOWN
    waiting = own_evidence(LOOP, [], waiting=("Sam",))
    assert not waiting.enough and waiting.waiting == ("Sam",)


def test_a_lesson_reads_longer_with_more_words() -> None:
    longer = replace(LOOP, paragraphs=LOOP.paragraphs * 3)
    assert longer.minutes > LOOP.minutes >= 2
