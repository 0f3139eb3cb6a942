"""Small, exact statistics on plain lists: quantiles, means, correlation, z-scores.

Written here rather than with `statistics` because the patterns need sorted-input
quantiles (to sort once and read several), histogram medians, and correlations that
return None instead of raising on constant data.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate
from operator import mul
from typing import TypeVar

Number = TypeVar("Number", int, float)


def quantile(ordered: Sequence[float], q: float) -> float | None:
    """The q-quantile of sorted values, interpolating between neighbours (type 7)."""
    n = len(ordered)
    if n == 0:
        return None
    at = q * (n - 1)
    low = math.floor(at)
    high = min(low + 1, n - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def median(values: Iterable[float]) -> float | None:
    return quantile(sorted(values), 0.5)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def histogram_quantile(counts: Mapping[Number, int], q: float) -> float | None:
    """The q-quantile (type 7) of values given as {value: how many times}."""
    if not counts:
        return None
    keys = sorted(counts)
    ends = list(accumulate(map(counts.__getitem__, keys)))
    total = ends[-1]
    if total <= 0:
        return None
    at = q * (total - 1)
    rank = math.floor(at)
    low = keys[bisect_right(ends, rank)]
    high = keys[bisect_right(ends, min(rank + 1, total - 1))]
    return low + (high - low) * (at - rank)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when either series is constant or shorter than 3."""
    n = len(xs)
    if n < 3 or n != len(ys):
        return None
    mx = sum(xs) / n
    my = sum(ys) / n
    dx = [x - mx for x in xs]
    dy = [y - my for y in ys]
    sxx = sum(map(mul, dx, dx))
    syy = sum(map(mul, dy, dy))
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy: float = sum(map(mul, dx, dy))
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def partial(r_xy: float, r_xz: float, r_yz: float) -> float | None:
    """Correlation of x and y once z is held steady, from the three pairwise correlations."""
    denominator = (1 - r_xz * r_xz) * (1 - r_yz * r_yz)
    if denominator <= 1e-12:
        return None
    return max(-1.0, min(1.0, (r_xy - r_xz * r_yz) / math.sqrt(denominator)))


def zscores(values: Sequence[float | None], clip: float = 3.0) -> list[float]:
    """Standard scores, clipped to ±clip; missing values and constant series score 0."""
    present = [v for v in values if v is not None]
    if len(present) < 2:
        return [0.0] * len(values)
    centre = sum(present) / len(present)
    spread = math.sqrt(sum((v - centre) ** 2 for v in present) / (len(present) - 1))
    if spread <= 1e-12:
        return [0.0] * len(values)
    return [
        0.0 if v is None else max(-clip, min(clip, (v - centre) / spread)) for v in values
    ]

