"""Whether a weekly series stepped at a date, beyond any slow drift: a test that allows memory.

The rule. Take the whole weeks that have a value, numbered by their distance in weeks
from the first (a week with no value leaves a gap). Fit, by least squares, a level, a
straight-line drift and a step that is 0 before the split week and 1 from it on. The step
is the figure's change at the date; the drift is there so that a slow change running
through the whole stretch (replies slowly getting longer over two years) is not taken for
a change at the date the person picked.

Why the variance is widened. Weeks remember each other: a busy fortnight, a slow month. The
leftovers about the fitted line are treated as an AR(1) series with memory m per week, and
the step's variance is the exact sandwich (XᵀX)⁻¹ Xᵀ Σ X (XᵀX)⁻¹ · σ² under Σ_ij = m^|ti−tj|,
with σ² read from the leftovers as RSS / trace(MΣ) (what a fit removes from a series that
remembers). m is not assumed: it is the one-sided 95% upper bound on the leftovers' lag-1
memory, bias-corrected for a short fitted series (trend.memory_bound, the reply-time
trend's own estimate), capped at 0.9 a week.

The decision. The step is clear when its interval of ±`Z` standard errors leaves out zero.
`Z` is set so that with no step at all false claims stay at or under 5% in every setting of
bench/null_split.py (independent weeks, AR(1) weeks with memory 0 to 0.9, a shared drift
with the date in the middle, 12 to 104 weeks, generated chats); where a date was searched
for rather than given (shifts), `Z_SEARCHED` is used instead (see that bench).

Edge cases: fewer than `MIN_SIDE_WEEKS` weeks with a value on either side gives no test
(None): the caller says "not enough to tell" and how many more weeks would do. A series
with no spread at all about its fit gives a step with zero width only if the step itself is
zero; otherwise the interval is taken as clear.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from clearheart.domain.patterns.trend import memory_bound

MIN_SIDE_WEEKS = 8
"""Whole weeks with a value needed on each side before a step is tested at all."""
Z = 2.576
"""Half-width of the interval for a date the person gave, in standard errors."""
Z_SEARCHED = 4.0
"""Half-width for a date found by searching every week: wider, as the search itself finds
the biggest-looking step there is."""


@dataclass(frozen=True, slots=True)
class Step:
    """The change at the split, beyond a straight-line drift, on the series' own scale."""

    size: float
    """After minus before at the split: the fitted step."""
    low: float
    high: float
    """The interval for the step (±z standard errors)."""
    before: int
    after: int
    """Weeks with a value on each side."""
    memory: float
    """The week-to-week memory the variance allowed for."""

    @property
    def clear(self) -> bool:
        return self.low > 0 or self.high < 0

    @property
    def direction(self) -> int:
        """+1 clearly higher after, -1 clearly lower, 0 not clear either way."""
        return 1 if self.low > 0 else -1 if self.high < 0 else 0


def weeks_short(before: int, after: int) -> tuple[int, int]:
    """How many more weeks with a value each side needs before a step can be tested."""
    return max(0, MIN_SIDE_WEEKS - before), max(0, MIN_SIDE_WEEKS - after)


def step(times: Sequence[int], values: Sequence[float], split: int, z: float = Z) -> Step | None:
    """The step at week `split` (weeks with `times[i] >= split` are after) in the series.

    `times` are week numbers in increasing order, one per value; gaps are weeks with no
    value. None when either side has fewer than `MIN_SIDE_WEEKS` values.
    """
    after = sum(t >= split for t in times)
    before = len(times) - after
    if before < MIN_SIDE_WEEKS or after < MIN_SIDE_WEEKS:
        return None
    columns = (
        [1.0] * len(times),
        [float(t) for t in times],
        [1.0 if t >= split else 0.0 for t in times],
    )
    gram = [[_dot(a, b) for b in columns] for a in columns]
    inverse = _inverse(gram)
    fit = [sum(inverse[i][j] * _dot(columns[j], values) for j in range(3)) for i in range(3)]
    residuals = [y - sum(fit[k] * columns[k][i] for k in range(3)) for i, y in enumerate(values)]
    memory = memory_bound(residuals)
    spread = [_remembered(times, column, memory) for column in columns]
    meat = [[_dot(a, b) for b in spread] for a in columns]
    kept = len(times) - sum(inverse[i][j] * meat[j][i] for i in range(3) for j in range(3))
    sigma2 = _dot(residuals, residuals) / kept if kept > 0 else 0.0
    row = inverse[2]
    variance = sigma2 * sum(row[i] * meat[i][j] * row[j] for i in range(3) for j in range(3))
    reach = z * math.sqrt(max(0.0, variance))
    size = fit[2]
    return Step(size, size - reach, size + reach, before, after, memory)


def _remembered(times: Sequence[int], column: Sequence[float], memory: float) -> list[float]:
    """Σ·column for Σ_ij = memory^|ti − tj|, in two passes instead of n² products."""
    n = len(times)
    ahead = [0.0] * n
    behind = [0.0] * n
    for i in range(n):
        carried = ahead[i - 1] * memory ** (times[i] - times[i - 1]) if i else 0.0
        ahead[i] = column[i] + carried
    for i in reversed(range(n)):
        carried = behind[i + 1] * memory ** (times[i + 1] - times[i]) if i < n - 1 else 0.0
        behind[i] = column[i] + carried
    return [a + b - c for a, b, c in zip(ahead, behind, column, strict=True)]


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return math.fsum(x * y for x, y in zip(a, b, strict=True))


def _inverse(m: list[list[float]]) -> list[list[float]]:
    """The inverse of a 3×3 matrix by its adjugate."""
    (a, b, c), (d, e, f), (g, h, i) = m
    cofactors = [
        [e * i - f * h, c * h - b * i, b * f - c * e],
        [f * g - d * i, a * i - c * g, c * d - a * f],
        [d * h - e * g, b * g - a * h, a * e - b * d],
    ]
    det = a * cofactors[0][0] + b * cofactors[1][0] + c * cofactors[2][0]
    return [[value / det for value in row] for row in cofactors]
