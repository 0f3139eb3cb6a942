"""Whole numbers that arrive from outside (addresses, forms, command lines), read safely.

Python's `int()` takes a number of any size, but SQLite stores at most 2^63 - 1
and Python itself refuses to convert more than 4,300 digits (a ValueError that
was never meant for a person). So every number from outside goes through
`read_whole`: plain ASCII digits only, a length cap before any conversion (a
100,000-digit number costs nothing to refuse), then the caller's range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearheart.errors import InvalidInput

MAX_ID = 2**63 - 1
"""The largest row id SQLite can store (its INTEGER is a signed 64-bit number)."""

ID_DIGITS = 18
"""Ids are read with at most this many digits: every such number is below MAX_ID, so an
address pattern of `[0-9]{1,18}` can never produce one the store would refuse."""

MAX_DIGITS = 20
"""Longer text is refused before conversion; 20 digits hold any 64-bit number."""

_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)


@dataclass(frozen=True, slots=True)
class Bounds:
    """The range a whole number must fall in, and how to name it to a person."""

    low: int
    high: int
    reason: str = ""
    """What to say when the text is not such a number; empty means "a whole number from
    LOW to HIGH"."""

    def explain(self) -> str:
        return self.reason or f"choose a whole number from {self.low:,} to {self.high:,}"


IDS = Bounds(1, MAX_ID, "that cannot be an id; ids are whole numbers like 12")
"""Ids the store gave out: positive and within SQLite's INTEGER."""


def looks_whole(text: str) -> bool:
    """Whether `text` is written as a whole number at all (ASCII digits, one optional sign),
    whatever its size."""
    return _WHOLE.fullmatch(text.strip()) is not None


def read_whole(text: str, field: str, bounds: Bounds) -> int:
    """`text` as a whole number within `bounds`, or InvalidInput(field, …).

    Surrounding spaces are ignored; a sign is accepted (the range decides whether a
    negative number is welcome). Refused: empty text, non-ASCII digits ("²", "٣"),
    decimals and exponents ("1.0", "1e3"), and more than MAX_DIGITS digits.
    """
    cleaned = text.strip()
    if not looks_whole(cleaned) or len(cleaned.lstrip("+-")) > MAX_DIGITS:
        raise InvalidInput(field, bounds.explain())
    number = int(cleaned)
    if not bounds.low <= number <= bounds.high:
        raise InvalidInput(field, bounds.explain())
    return number


def in_bounds(number: int, field: str, bounds: Bounds) -> int:
    """An already-converted number (a JSON value, a click argument) checked the same way."""
    if not bounds.low <= number <= bounds.high:
        raise InvalidInput(field, bounds.explain())
    return number
