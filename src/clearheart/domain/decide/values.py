"""What matters most to the person, chosen and weighted by them.

A value is one of the offered ones (content/decide: being seen, steadiness, …) or
one in the person's own words (id `own-1`, `own-2`, …, whose words are required).
Any value may carry the person's own words instead of the offered label. Weights run
from 0 to MAX_WEIGHT; a weight of 0 means "not for me" and is not kept, so the list
holds only what the person chose. Order is kept as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clearheart.errors import InvalidInput

MAX_WEIGHT = 3
MAX_VALUES = 20
MAX_WORDS = 120
OFFERED = (
    "being-seen",
    "steadiness",
    "shared-future",
    "family",
    "own-growth",
    "freedom",
    "honesty",
    "ease",
)
"""The values offered by name; their labels live in content/decide."""
_OWN = re.compile(r"^own-[1-9][0-9]?$")


@dataclass(frozen=True, slots=True)
class Value:
    id: str
    weight: int
    """1 to MAX_WEIGHT: how much it matters, as the person weighs it."""
    words: str = ""
    """The person's own words for it (required for an `own-N` value)."""


def is_own(value_id: str) -> bool:
    """Whether a value is one in the person's own words (`own-N`), not an offered one
    (note the offered `own-growth`)."""
    return bool(_OWN.match(value_id))


def clean_values(given: Iterable[Value]) -> tuple[Value, ...]:
    """Check every value; drop those weighted 0. Raises InvalidInput on the first problem."""
    kept: list[Value] = []
    seen: set[str] = set()
    for value in given:
        if value.id not in OFFERED and not is_own(value.id):
            raise InvalidInput(
                "value",
                f"{value.id[:40]!r} is not one of the values offered; "
                "values in your own words need their words",
            )
        if value.id in seen:
            raise InvalidInput("value", f"{value.id} is listed twice")
        seen.add(value.id)
        if (
            isinstance(value.weight, bool)
            or not isinstance(value.weight, int)
            or not 0 <= value.weight <= MAX_WEIGHT
        ):
            raise InvalidInput(
                "weight", f"weigh each value from 0 (not for me) to {MAX_WEIGHT} (matters most)"
            )
        words = " ".join(value.words.split())
        if len(words) > MAX_WORDS:
            raise InvalidInput("words", f"keep a value's words under {MAX_WORDS} characters")
        if is_own(value.id) and not words and value.weight:
            raise InvalidInput("words", "a value of your own needs a few words")
        if value.weight:
            kept.append(Value(value.id, value.weight, words))
    if len(kept) > MAX_VALUES:
        raise InvalidInput("value", f"choose at most {MAX_VALUES} values")
    return tuple(kept)
