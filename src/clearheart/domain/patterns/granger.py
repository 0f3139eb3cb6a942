"""Does last week's X add to telling this week's Y, beyond Y's own last week and the drift?

The rule (a Granger-style regression, one direction): over pairs of neighbouring weeks, fit

    Y[t+1] = a + b·Y[t] + c·X[t] + d·t + error

by ordinary least squares, and ask whether c is zero. The answer is the partial correlation
of X[t] with Y[t+1] holding Y[t] and the week number t fixed, and its two-sided p-value from
Student's t with n − 4 degrees of freedom (t = r·√(df / (1 − r²))).

Why this shape: weekly chat measures have long memory (each week resembles the last) and
often drift together (a relationship that cools, a busy year). A plain lagged correlation
sees a link in both; Y's own previous week soaks up the memory and the week number soaks up
a straight-line drift, so what is left for X is what it adds. The week number is the actual
week, not the pair's position, so gaps of silent weeks keep their place in time.

Assumptions: given its own last week and a straight-line trend, Y's weekly wobble is
roughly independent from week to week and roughly normal (the loop's indices are logs and
clipped z-scores for that reason). A curved shared drift is only partly removed. The
measured false-claim rates of this test, with these assumptions broken on purpose, are in
bench/null_loop.py and docs/patterns.md.

Edge cases: fewer than five pairs, or an X or Y that does not vary once the rest is set
aside, give None: there is nothing to test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul

_FLAT = 1e-12


@dataclass(frozen=True, slots=True)
class Granger:
    partial: float
    """X[t] with Y[t+1], holding Y[t] and the week number fixed: from −1 to 1."""
    p: float
    """Two-sided: how often a partial this far from 0 comes up when c is truly 0."""
    df: int


def _centred(values: Sequence[float]) -> list[float]:
    mean = sum(values) / len(values)
    return [v - mean for v in values]


def _without(values: list[float], basis: Sequence[list[float]]) -> list[float]:
    """`values` with its projection on each (orthogonal) basis column taken out."""
    for column in basis:
        norm = sum(map(mul, column, column))
        if norm > _FLAT:
            share = sum(map(mul, values, column)) / norm
            values = [v - share * c for v, c in zip(values, column, strict=True)]
    return values


def granger(
    y_next: Sequence[float], y_now: Sequence[float], x_now: Sequence[float],
    x_before: Sequence[float], week: Sequence[float],
) -> Granger | None:
    """The test above, by Frisch–Waugh: Y[t+1] and X[t] freed of 1, t, Y[t] and X[t-1]."""
    n = len(y_next)
    df = n - 5
    if df < 1:
        return None
    basis: list[list[float]] = []
    for column in (week, y_now, x_before):
        basis.append(_without(_centred(column), basis))
    y = _without(_centred(y_next), basis)
    x = _without(_centred(x_now), basis)
    sxx, syy = sum(map(mul, x, x)), sum(map(mul, y, y))
    if sxx <= _FLAT * n or syy <= _FLAT * n:
        return None
    r = max(-1.0, min(1.0, sum(map(mul, x, y)) / math.sqrt(sxx * syy)))
    if abs(r) >= 1.0:
        return Granger(r, 0.0, df)
    t = r * math.sqrt(df / (1.0 - r * r))
    return Granger(r, student_two_sided(t, df), df)


def student_two_sided(t: float, df: int) -> float:
    """P(|T| ≥ |t|) for Student's t with `df` degrees of freedom: I_{df/(df+t²)}(df/2, 1/2)."""
    return _incomplete_beta(df / (df + t * t), df / 2.0, 0.5)


def _incomplete_beta(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta I_x(a, b), by its continued fraction (Lentz)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
        + a * math.log(x) + b * math.log1p(-x)
    )
    if x > (a + 1.0) / (a + b + 2.0):
        return 1.0 - _incomplete_beta(1.0 - x, b, a)
    return front * _fraction(x, a, b) / a


def _fraction(x: float, a: float, b: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    value = d
    for m in range(1, 300):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            value *= c * d
        if abs(c * d - 1.0) < 1e-14:
            break
    return value
