"""The three options the decision aid lays out, and the order they are shown in.

None is recommended, so none may always come first: the order is the person's own
when they set one, and otherwise one of the six orders of the three, chosen from a
stable seed (the moment the person started the aid). The same seed always gives the
same order, so the page does not reshuffle on every visit, and across people each
option comes first equally often.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from enum import StrEnum
from itertools import permutations

from clearheart.errors import InvalidInput


class Option(StrEnum):
    TOGETHER = "together"
    """Work on it together, with conditions and a time frame."""
    PAUSE = "pause"
    """A structured pause: time apart with an agreed length and boundaries."""
    LET_GO = "let-go"
    """Letting go of the relationship."""


ORDERS = tuple(permutations(Option))
"""All six orders, in a fixed sequence, for the seeded choice."""


def read_option(value: str) -> Option:
    """`value` as an Option; InvalidInput naming the three when it is none of them."""
    try:
        return Option(value.strip())
    except ValueError:
        names = ", ".join(o.value for o in Option)
        raise InvalidInput("option", f"choose one of {names}") from None


def seeded_order(seed: str) -> tuple[Option, ...]:
    """One of the six orders, the same for the same seed (never random per page load)."""
    digest = hashlib.sha256(f"decide-order|{seed}".encode()).digest()
    return ORDERS[int.from_bytes(digest[:4], "big") % len(ORDERS)]


def clean_order(given: Sequence[str]) -> tuple[Option, ...]:
    """The person's own order: each option exactly once."""
    order = tuple(read_option(value) for value in given)
    if sorted(order) != sorted(Option):
        raise InvalidInput("order", "name each of the three options exactly once")
    return order


def option_order(seed: str, own: Sequence[Option] | None) -> tuple[Option, ...]:
    """The person's own order when they set one, else the seeded one."""
    return tuple(own) if own else seeded_order(seed)
