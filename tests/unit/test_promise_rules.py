"""The promise's rules (domain/promise.py) and the reflection cues (domain/reflection_cues.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from clearheart.domain.evidence.item import EvidenceItem
from clearheart.domain.promise import Part, Pin, beside, blank, clean_parts, next_own_key
from clearheart.domain.reflection_cues import cues
from clearheart.errors import InvalidInput


def _item(key: str, n: int, bears_on: tuple[str, ...]) -> EvidenceItem:
    return EvidenceItem(
        key,
        "D2",
        bears_on,
        "t",
        "x",
        n,
        "log entries",  # type: ignore[arg-type]
        date(2026, 1, 1),
        date(2026, 2, 1),
        "/log",
    )


def test_empty_starters_are_kept_and_empty_own_parts_dropped() -> None:
    parts = clean_parts([*blank()[:2], Part("me", "  Me ", " calm "), Part("own-1", "H", "")])
    assert [p.key for p in parts] == ["us", "hard-times", "me"]
    assert parts[2] == Part("me", "Me", "calm", ())
    assert next_own_key(parts) == "own-1"


def test_a_promise_without_words_is_refused() -> None:
    with pytest.raises(InvalidInput, match="a few words"):
        clean_parts(blank())


def test_beside_sets_items_once_and_calls_little_evidence_thin() -> None:
    part = Part("me", "Me", "calm", ("needs_unmet", "fear_self_doubt"))
    at = datetime(2026, 3, 1, tzinfo=UTC)
    items = [
        _item("log-needs", 4, ("needs_unmet", "fear_self_doubt")),
        _item("log-bids", 40, ("attempts_ignored",)),
    ]
    (found,) = beside([part], items, [Pin("me", 7, at), Pin("us", 8, at)])
    assert [i.key for i in found.items] == ["log-needs"] and found.pinned == (7,)
    assert found.thin
    (steady,) = beside([part], [_item("log-needs", 500, ("needs_unmet",))], [])
    assert not steady.thin


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("But when it's good, it's so good.", ("highs",)),
        ("nobody else will ever get me", ("only-one",)),
        ("Maybe I'm asking too much of her.", ("too-much",)),
        ("I miss him even though he never called.", ("missing-despite",)),
        ("he cant help it, its his childhood", ("excusing",)),
        ("He's kind and reliable and I'm so bored.", ("familiar",)),
        ("I miss my brother.", ()),
        ("I used to tell myself no one else would understand me.", ()),
        ("I'm not too much. I asked for a call.", ()),
        ("One perfect evening and I forgot the month of silence.", ("highs",)),
        ("who else would ever put up with me", ("only-one",)),
        ("prob too needy again", ("too-much",)),
        ("i still miss her altho she lied", ("missing-despite",)),
        ("It's my fault he went silent.", ("excusing",)),
        ("Only into ppl who dont txt back.", ("familiar",)),
        ("I miss my grandad, even though it was a relief when he passed.", ()),
        ("Work is boring, though my colleague is reliable.", ()),
        ("He's steady, and I'm not bored; I'm calm.", ()),
        ("His childhood explains it, but it's not my job to fix it.", ()),
        ("My manager gave me far too much to do.", ()),
        ("", ()),
    ],
)
def test_cues_fire_on_the_thought_and_not_on_distance_from_it(
    text: str, kinds: tuple[str, ...]
) -> None:
    assert cues(text) == kinds
