"""The person's own checklist for dating again (concepts F1-F3): items they keep, in their words.

An item is something to look for, a red flag, a need or boundary of theirs, or a pattern
that hurt them before. Suggested items carry where they came from (`source`, "from your log:
…"); items the person writes themselves have none. The checklist is theirs: every change
(accept, edit, remove, add) makes a new version, and earlier versions are kept.

Rules: an item's text is 1 to `MAX_TEXT` characters once spaces are tidied and invisible
control characters dropped; a checklist holds at most `MAX_ITEMS`; ids are unique. Editing
keeps an item's id and source, so notes tagged against it stay tagged. Removing an item
leaves old notes' tags in place (they read as "an item no longer on your list").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal, get_args

from clearheart.errors import InvalidInput

ItemKind = Literal["look-for", "red-flag", "need", "hurt", "own"]
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
MAX_TEXT = 300
MAX_SOURCE = 300
MAX_ITEMS = 60
_ID = re.compile(r"^[a-z0-9][a-z0-9\-]{0,59}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    kind: ItemKind
    source: str = ""
    """Where a suggested item came from, in plain words; empty for the person's own."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An item offered from the person's history or from the F1-F3 ideas, not yet theirs."""

    item: Item
    concept: str
    """The concept it rests on (F1, F2, F3, C2, A2, D4 …)."""


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[Item, ...] = ()
    version: int = 0
    """How many versions were saved before and including this one (0: never saved)."""
    saved_at: datetime | None = None

    def find(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise InvalidInput("item", f"there is no item {item_id[:60]!r} on your list")


def clean_text(text: str, field: str = "text", most: int = MAX_TEXT) -> str:
    """Tidy spaces, drop invisible control characters; InvalidInput if empty or too long."""
    tidy = " ".join(_CONTROL.sub(" ", text).split())
    if not tidy:
        raise InvalidInput(field, "write a few words for it")
    if len(tidy) > most:
        raise InvalidInput(field, f"keep it to {most} characters (this one has {len(tidy)})")
    return tidy


def clean_items(items: Iterable[Item]) -> tuple[Item, ...]:
    """Every item checked; raises InvalidInput on the first problem, naming it."""
    kept: list[Item] = []
    seen: set[str] = set()
    for item in items:
        if not _ID.match(item.id):
            raise InvalidInput("item", "an item id is lower-case letters, digits and dashes")
        if item.id in seen:
            raise InvalidInput("item", f"the id {item.id!r} is on the list twice")
        if item.kind not in ITEM_KINDS:
            raise InvalidInput("kind", f"choose one of: {', '.join(ITEM_KINDS)}")
        source = " ".join(item.source.split())
        if len(source) > MAX_SOURCE:
            raise InvalidInput("source", f"keep it to {MAX_SOURCE} characters")
        seen.add(item.id)
        kept.append(Item(item.id, clean_text(item.text), item.kind, source))
    if len(kept) > MAX_ITEMS:
        raise InvalidInput("items", f"a checklist holds at most {MAX_ITEMS} items")
    return tuple(kept)


def accept(
    items: tuple[Item, ...], offered: Suggestion, text: str | None = None
) -> tuple[Item, ...]:
    """The list with a suggestion added (in the person's words if `text` is given)."""
    if any(i.id == offered.item.id for i in items):
        raise InvalidInput("item", "that one is already on your list")
    chosen = offered.item if text is None else replace(offered.item, text=text)
    return clean_items((*items, chosen))


def edit(items: tuple[Item, ...], item_id: str, text: str) -> tuple[Item, ...]:
    """The list with one item reworded; its id and source stay."""
    Checklist(items).find(item_id)
    return clean_items(replace(i, text=text) if i.id == item_id else i for i in items)


def remove(items: tuple[Item, ...], item_id: str) -> tuple[Item, ...]:
    Checklist(items).find(item_id)
    return tuple(i for i in items if i.id != item_id)


def add_own(items: tuple[Item, ...], text: str) -> tuple[Item, ...]:
    """The list with an item in the person's own words (id `own-N`, N one past the highest)."""
    numbers = [int(i.id[4:]) for i in items if re.fullmatch(r"own-[0-9]{1,6}", i.id)]
    new_id = f"own-{max(numbers, default=0) + 1}"
    return clean_items((*items, Item(new_id, text, "own")))
