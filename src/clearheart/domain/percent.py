"""Percentages as a person reads them: whole numbers, with a half rounded up.

Every percentage shown anywhere (pages, sentences, tables, the command line)
is written by `percent` or `percent_of`, so the same share always reads the
same. Python's own ways disagree with a reader and with each other: `int()`
cuts 45.6 down to 45; `round()` and the ".0f" and ".0%" formats send a half
to the even neighbour (0.5 to 0, 2.5 to 2) and work on the float's binary
value, so 28.5 can become 28. Here a share is read by its shortest decimal
form, and a count by exact fractions, then a half goes up: 45.5 is 46, 0.5
is 1, 0.49 is 0.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def percent(share: float) -> str:
    """A share from 0 to 1 as "46%": 0.455 → "46%", 0.456 → "46%", 0.005 → "1%"."""
    whole = (Decimal(repr(share)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{int(whole)}%"


def percent_of(part: int, whole: int) -> str:
    """`part` of `whole` as "46%", worked out exactly (91 of 200 is 45.5%, shown "46%").

    Raises ZeroDivisionError for a `whole` of 0: a share of nothing has no percentage,
    and the caller says so in words instead.
    """
    exact = Fraction(part * 100, whole)
    return f"{math.floor(exact + Fraction(1, 2))}%"
