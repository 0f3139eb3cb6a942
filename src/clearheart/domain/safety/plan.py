"""A safety plan the person writes for themselves, in the manner of established plans.

Its parts follow the structure that personal safety plans for domestic abuse and
crisis safety planning share (warning signs, what helps, people and places, a way
out, a bag and documents, numbers): the structure is common practice, the words
are ours. Everything is optional; an empty plan is a fine start. Kept in the
vault (encrypted) and printable without any name of the app on it.

Limits keep a plan readable on one or two printed pages and bound what a form can
send: MAX_TEXT characters per part, MAX_PEOPLE people, MAX_EXTRA own bag items.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from clearheart.errors import InvalidInput

MAX_TEXT = 1_500
MAX_FIELD = 200
MAX_PEOPLE = 12
MAX_EXTRA = 12

PARTS: tuple[str, ...] = (
    "warning_signs", "what_helps", "code_word", "places", "way_out", "children", "later",
)
"""The free-text parts, in the order the plan shows them."""

BAG: tuple[str, ...] = (
    "id", "keys", "phone", "money", "medicines", "documents", "children", "clothes", "numbers",
)
"""The bag checklist's built-in items (their words live with the page copy)."""


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    how: str = ""
    """How to reach them: a number, an address, "knock twice"."""
    note: str = ""
    """What they know, or what they could do."""


@dataclass(frozen=True, slots=True)
class Plan:
    parts: Mapping[str, str] = field(default_factory=dict)
    people: tuple[Person, ...] = ()
    packed: frozenset[str] = frozenset()
    """Bag items ticked as ready: ids from BAG or texts from `extra`."""
    extra: tuple[str, ...] = ()
    """The person's own bag items."""
    updated: datetime | None = None

    def part(self, name: str) -> str:
        return self.parts.get(name, "")

    @property
    def empty(self) -> bool:
        return not (any(self.parts.values()) or self.people or self.packed or self.extra)

    def to_json(self) -> dict[str, object]:
        return {
            "parts": {name: self.parts[name] for name in PARTS if self.parts.get(name)},
            "people": [{"name": p.name, "how": p.how, "note": p.note} for p in self.people],
            "packed": sorted(self.packed),
            "extra": list(self.extra),
            "updated": self.updated.isoformat() if self.updated else None,
        }


def _clean(text: object, where: str, limit: int) -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise InvalidInput(where, "expected text")
    cleaned = unicodedata.normalize("NFC", text).replace("\r\n", "\n").strip()
    if "\x00" in cleaned:
        raise InvalidInput(where, "the text holds a character that cannot be kept")
    if len(cleaned) > limit:
        raise InvalidInput(where, f"keep this to {limit:,} characters (it has {len(cleaned):,})")
    return cleaned


def _line(text: object, where: str) -> str:
    return " ".join(_clean(text, where, MAX_FIELD).split())


def clean_plan(
    parts: Mapping[str, object],
    people: Sequence[Mapping[str, object]],
    packed: Sequence[object],
    extra: Sequence[object],
    updated: datetime | None,
) -> Plan:
    """Check what a form or a file gave; InvalidInput names the first field at fault."""
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        raise InvalidInput(unknown[0], f"a plan has no part called {unknown[0]!r}")
    texts = {name: _clean(parts.get(name), name, MAX_TEXT) for name in PARTS}
    kept_people: list[Person] = []
    for number, person in enumerate(people, 1):
        name = _line(person.get("name"), f"person-{number}")
        how = _line(person.get("how"), f"person-{number}-how")
        note = _line(person.get("note"), f"person-{number}-note")
        if not name and (how or note):
            raise InvalidInput(f"person-{number}", "add a name (a first name or a nickname)")
        if name:
            kept_people.append(Person(name, how, note))
    if len(kept_people) > MAX_PEOPLE:
        raise InvalidInput("people", f"a plan keeps up to {MAX_PEOPLE} people")
    own = tuple(dict.fromkeys(
        item for item in (_line(x, "extra") for x in extra) if item
    ))
    if len(own) > MAX_EXTRA:
        raise InvalidInput("extra", f"keep up to {MAX_EXTRA} of your own items")
    ticks = frozenset(_line(x, "packed") for x in packed) - {""}
    stray = sorted(ticks - set(BAG) - set(own))
    if stray:
        raise InvalidInput("packed", f"{stray[0]!r} is not on the list")
    return Plan(
        parts={name: text for name, text in texts.items() if text},
        people=tuple(kept_people),
        packed=ticks,
        extra=own,
        updated=updated,
    )


def plan_from_json(data: object) -> Plan:
    """A stored or loaded plan; InvalidInput for a shape that is not a plan."""
    if data is None:
        return Plan()
    if not isinstance(data, Mapping):
        raise InvalidInput("plan", "expected a JSON object with parts, people, packed, extra")
    unknown = sorted(set(data) - {"parts", "people", "packed", "extra", "updated"})
    if unknown:
        raise InvalidInput(unknown[0], f"a plan has no field called {unknown[0]!r}")
    parts = data.get("parts") or {}
    people = data.get("people") or []
    packed = data.get("packed") or []
    extra = data.get("extra") or []
    if not isinstance(parts, Mapping):
        raise InvalidInput("parts", "expected an object of texts")
    for name, value in (("people", people), ("packed", packed), ("extra", extra)):
        if not isinstance(value, list):
            raise InvalidInput(name, "expected a list")
    if not all(isinstance(p, Mapping) for p in people):
        raise InvalidInput("people", "each person is an object with name, how and note")
    updated = data.get("updated")
    moment = None
    if isinstance(updated, str) and updated:
        try:
            moment = datetime.fromisoformat(updated)
        except ValueError:
            raise InvalidInput("updated", "expected an ISO date and time") from None
    return clean_plan(parts, people, packed, extra, moment)


def touched(plan: Plan, at: datetime) -> Plan:
    return replace(plan, updated=at)
