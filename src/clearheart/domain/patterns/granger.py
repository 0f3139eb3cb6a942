"""Does what was unexpected in X's week go with what is unexpected in Y's next week?

The rule (a Granger-style test in Haugh's form, one direction): over pairs of neighbouring
weeks, free each series of its own rhythm separately,

    Y[t+1] = a + b·Y[t] + d·t + u[t+1]        X[t] = a' + b'·X[t−1] + d'·t + v[t]

by ordinary least squares, and ask whether the two leftovers u[t+1] and v[t] (each week's
surprise) are correlated. The answer is their correlation r and its two-sided p-value from
Student's t with n* − 4 degrees of freedom (t = r·√(df / (1 − r²))), where n* is the number
of pairs n shrunk by Bartlett's rule for two series that each still remember a little:

    n / n* = 1 + 2·Σ_{j=1}^{⌊n/5⌋} ((n − j)/n)·ρu(j)·ρv(j)

with ρu(j), ρv(j) the leftovers' own correlations j pairs apart (the form and the n/5 lags
of Pyper & Peterman, 1998). n* is never taken above n.

Why this shape: weekly chat measures have long memory (each week resembles the last) and
often drift together (a relationship that cools, a busy year). A plain lagged correlation
sees a link in both; each series' own previous week soaks up its memory and the week number
a straight-line drift. The week number is the actual week, not the pair's position, so gaps
of silent weeks keep their place in time.

Why separately, not one joint regression of Y[t+1] on Y[t], X[t], X[t−1] and t: in the joint
fit X's own lag is estimated together with Y's, so X's later weeks (which carry X's surprise)
sit among the regressors and the t-test is only right for long chats: with memory φ 0.9 it
claimed a link for 6–7% of independent pairs at 40–52 weeks (bench/null_loop.py). Freed
separately, the two leftovers are each made from one person's series only, so when the two
are independent the leftovers are exactly independent too. If the leftover u were spread
evenly over the n − 3 directions its fit leaves free (roughly true: its own lag and the
drift are gone), r would follow the null law of a correlation with n − 4 degrees of freedom
exactly; v not lying wholly in that space only pulls r towards 0, so the test errs, if at
all, on the side of not claiming.

Why the shrinking: one previous week takes out all of the memory only if a week is its last
week plus something new. A real index is a slowly moving level seen through a few counts
(starts, replies), and what one lag leaves over still remembers a little, usually the same
way on both sides; two such leftovers are correlated by chance more often than n pairs
suggest. Synthetic chats through the report code claimed a link for 6–9% of independent
pairs at 52 weeks without it (bench/null_loop.py). Where the leftovers are white, n* ≈ n
and almost nothing is lost.

Assumptions: given its own last week and a straight-line trend, each index's weekly wobble
is roughly independent from week to week and roughly normal (the loop's indices are logs and
clipped z-scores for that reason). A curved shared drift is only partly removed. The
measured false-claim rates, with these assumptions broken on purpose, are in
bench/null_loop.py and docs/patterns.md.

Edge cases: fewer than five pairs, or a leftover that does not vary, give None: there is
nothing to test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul

_FLAT = 1e-12


@dataclass(frozen=True, slots=True)
class Granger:
    r: float
    """X's surprise this week with Y's surprise next week: from −1 to 1."""
    p: float
    """Two-sided: how often a correlation this far from 0 comes up when there is no link."""
    df: int
    """n* − 4, rounded down (see the module notes)."""


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


def surprise(now: Sequence[float], before: Sequence[float], week: Sequence[float]) -> list[float]:
    """`now` freed of 1, the week number and `before` (least squares, by Frisch–Waugh)."""
    basis: list[list[float]] = []
    for column in (week, before):
        basis.append(_without(_centred(column), basis))
    return _without(_centred(now), basis)


def granger(
    y_next: Sequence[float], y_now: Sequence[float], x_now: Sequence[float],
    x_before: Sequence[float], week: Sequence[float],
) -> Granger | None:
    """The test above: Y[t+1] freed of 1, t, Y[t]; X[t] freed of 1, t, X[t−1]; correlated."""
    n = len(y_next)
    if n < 5:
        return None
    y = surprise(y_next, y_now, week)
    x = surprise(x_now, x_before, week)
    sxx, syy = sum(map(mul, x, x)), sum(map(mul, y, y))
    if sxx <= _FLAT * n or syy <= _FLAT * n:
        return None
    df = max(1, math.floor(effective_pairs(x, y) - 4))
    r = max(-1.0, min(1.0, sum(map(mul, x, y)) / math.sqrt(sxx * syy)))
    if abs(r) >= 1.0:
        return Granger(r, 0.0, df)
    t = r * math.sqrt(df / (1.0 - r * r))
    return Granger(r, student_two_sided(t, df), df)


def effective_pairs(x: Sequence[float], y: Sequence[float]) -> float:
    """Bartlett's n* for two centred series (module notes), never above their length."""
    n = len(x)
    sxx, syy = sum(map(mul, x, x)), sum(map(mul, y, y))
    shared = 0.0
    for j in range(1, n // 5 + 1):
        rx = sum(map(mul, x[j:], x[:-j])) / sxx
        ry = sum(map(mul, y[j:], y[:-j])) / syy
        shared += (n - j) / n * rx * ry
    return n / max(1.0, 1.0 + 2.0 * shared)


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
