"""Whether one person's typical reply time drifted across whole months: a trend test.

The rule. Take every whole month (periods.whole) with at least `min_replies` replies and
its median wait, on a log scale (so "twice as long" is the same step at any speed). The
size of the drift is the Theil–Sen slope: the median, over every pair of months, of the
change per month between them. Whether it is clear is decided by Sen's interval for that
slope, read from the Mann–Kendall statistic (the count of later months above earlier ones
minus those below); only when the whole interval lies on one side of zero does a sentence
say "slower" or "quicker". Ranks make one odd month count no more than any other.

Why the variance is widened. Months are not independent draws: a person's pace wanders,
and a wander of a few months looks like a trend. Each month's median is the person's level
that month plus sampling noise. The noise is known from the month itself (a log-normal
shape read from the median and the 90th percentile: var ≈ π/2 · σ² / n), the rest of the
month-to-month spread is the level's. The Mann–Kendall variance is then widened as if the
level had a memory m (Hamed and Rao's correction with ρ_k = share · m^k between k-th
neighbours). m is estimated from the series, conservatively: the lag-1 autocorrelation of
the residuals about the Theil–Sen line, bias-corrected for a line fitted to a short series,
raised to a one-sided 95% upper bound, divided by the level's share (the noise dilutes the
residuals' memory) and capped at `MEMORY` (0.9 a month, the longest the bench covers).
Detrending a short, slowly wandering series hides much of its spread, so the level's
variance is first scaled up by what a straight line removes from such a series (exact,
from its covariance). A short series that wandered into a trend shape shows little memory
about its line, so the estimate alone under-widens exactly when it matters; the interval
is therefore 99.5% (`Z`), set so that with no drift at all the bench (bench/null_trends.py)
measures false claims at or under 5% in every setting it covers (AR(1) levels with memory
0 to 0.9). Assumption: the level's memory decays like an AR(1) of at most 0.9 a month.

Edge cases: fewer than `MIN_MONTHS` such months gives no test (the sentence says how many
more are needed). Months with fewer replies are left out, not merged. A month with a zero
median (instant replies) is floored at one second before the log.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clearheart.domain.patterns.latency import PersonLatency
from clearheart.domain.patterns.periods import whole

MIN_MONTHS = 6
"""Whole months with enough replies before a drift is looked for at all."""
MEMORY = 0.9
"""The most month-to-month memory of a person's pace the variance allows for (AR(1))."""
MEMORY_REACH = 1.645
"""Standard errors added to the estimated memory: a one-sided 95% upper bound."""
Z = 2.807
"""Half-width of the interval in standard errors: 99.5% two-sided, see the module text."""
_P90_Z = 1.2816
"""The standard normal's 90th percentile: log(p90 / median) / this is σ of log waits."""


@dataclass(frozen=True, slots=True)
class Trend:
    """The drift in one person's monthly median reply time across whole months."""

    months: int
    """Whole months with enough replies (the series the test ran on)."""
    replies: int
    """Replies in those months."""
    first: date | None
    last: date | None
    """The first and last of those months (None below `MIN_MONTHS`)."""
    start: float | None
    end: float | None
    """Seconds: the trend line's typical reply time in the first and the last month."""
    low: float | None
    high: float | None
    """The interval for the ratio end / start (1 means no drift)."""

    @property
    def enough(self) -> bool:
        return self.start is not None

    @property
    def direction(self) -> int:
        """+1 clearly slower, -1 clearly quicker, 0 not clear either way."""
        if self.low is None or self.high is None:
            return 0
        return 1 if self.low > 1 else -1 if self.high < 1 else 0


def mann_kendall(values: Sequence[float]) -> int:
    """S: pairs (earlier, later) where the later is higher, minus those where it is lower."""
    total = 0
    for i, early in enumerate(values):
        for later in values[i + 1:]:
            total += (later > early) - (later < early)
    return total


def _kept_share(times: Sequence[int], memory: float) -> float:
    """E[residual variance] / variance after a straight line is fitted, for an AR(1) series.

    trace(M Σ) / (n - 2), with M the residual-maker of the line and Σ_ij = memory^|ti - tj|.
    """
    n = len(times)
    mean_t = sum(times) / n
    centred = [t - mean_t for t in times]
    sxx = sum(c * c for c in centred)
    total = 0.0
    for i in range(n):
        for j in range(n):
            hat = 1 / n + centred[i] * centred[j] / sxx
            total += ((i == j) - hat) * memory ** abs(times[i] - times[j])
    return total / (n - 2)


def _widening(n: int, share: float, memory: float) -> float:
    """Hamed and Rao's n/n* for ρ(k) = share · memory^k between the k-th neighbours.

    Lags count months in the series, so a month left out (too few replies) makes the
    neighbours' true gap longer and their correlation smaller: the widening errs wide.
    """
    lags = sum(
        (n - k) * (n - k - 1) * (n - k - 2) * share * memory ** k for k in range(1, n - 2)
    )
    return 1 + 2 * lags / (n * (n - 1) * (n - 2))


@dataclass(frozen=True, slots=True)
class Monthly:
    """The series a drift is tested on: whole months with enough replies."""

    starts: tuple[date, ...]
    times: tuple[int, ...]
    """Months since the first of them (a month left out leaves a gap)."""
    logs: tuple[float, ...]
    """Each month's median wait, log seconds."""
    noise: tuple[float, ...]
    """Each log median's sampling variance, read from its own median and 90th percentile."""
    replies: int


def monthly(person: PersonLatency, first: date, last: date, min_replies: int) -> Monthly:
    """`person`'s whole months from `first` to `last` with at least `min_replies` replies."""
    months = [
        row for row in person.by_month
        if row.stats.replies >= min_replies and whole("month", row.start, first, last)
    ]
    origin = months[0].start if months else first
    logs, noise = [], []
    for row in months:
        median, p90 = row.stats.median, row.stats.p90
        assert median is not None and p90 is not None
        centre = math.log(max(median, 1.0))
        logs.append(centre)
        sigma = max(0.0, math.log(max(p90, 1.0)) - centre) / _P90_Z
        noise.append(math.pi / 2 * sigma * sigma / row.stats.replies)
    return Monthly(
        tuple(row.start for row in months),
        tuple((row.start.year - origin.year) * 12 + row.start.month - origin.month
              for row in months),
        tuple(logs), tuple(noise), sum(row.stats.replies for row in months),
    )


def drift(person: PersonLatency, first: date, last: date, min_replies: int) -> Trend:
    """The drift of `person`'s monthly medians across the whole months from `first` to `last`."""
    series = monthly(person, first, last, min_replies)
    n = len(series.logs)
    if n < MIN_MONTHS:
        return Trend(n, series.replies, None, None, None, None, None, None)
    slope, intercept, low, high = sen(series)
    span = series.times[-1]
    return Trend(
        n, series.replies, series.starts[0], series.starts[-1],
        math.exp(intercept), math.exp(intercept + slope * span),
        math.exp(span * low), math.exp(span * high),
    )


def sen(
    series: Monthly, memory: float | None = None, z: float = Z
) -> tuple[float, float, float, float]:
    """Theil–Sen slope and intercept, and Sen's interval for the slope (log seconds a month).

    `memory` is the level's month-to-month memory the variance allows for; None estimates
    it from the series (memory_bound); `z` is the interval's half-width in standard errors.
    The interval's ends are -inf and inf when it reaches
    past every pair's slope.
    """
    logs, times = series.logs, series.times
    slopes = sorted(
        (logs[j] - logs[i]) / (times[j] - times[i])
        for i in range(len(logs)) for j in range(i + 1, len(logs))
    )
    slope = _middle(slopes)
    intercept = _middle(sorted(y - slope * t for y, t in zip(logs, times, strict=True)))
    residuals = [y - intercept - slope * t for y, t in zip(logs, times, strict=True)]
    noise = sum(series.noise) / len(series.noise)
    if memory is None:
        bound = memory_bound(residuals)
        share = _level_share(residuals, times, noise, bound)
        memory = min(MEMORY, bound / share) if share > 0 else 0.0
    share = _level_share(residuals, times, noise, memory)
    n = len(logs)
    variance = n * (n - 1) * (2 * n + 5) / 18 * _widening(n, share, memory)
    reach = z * math.sqrt(variance)
    pairs = len(slopes)
    lower = math.floor((pairs - reach) / 2)
    upper = math.ceil((pairs + reach) / 2)
    return (
        slope, intercept,
        slopes[lower] if lower >= 0 else -math.inf,
        slopes[upper] if upper < pairs else math.inf,
    )


def memory_bound(residuals: Sequence[float]) -> float:
    """A one-sided 95% upper bound on the lag-1 autocorrelation of the detrended series.

    The residuals' lag-1 autocorrelation r, bias-corrected for a line fitted to a short
    series (E r ≈ φ - (2 + 4φ) / n, solved for φ), plus `MEMORY_REACH` standard errors
    (1 / √n, its largest value); kept within [0, MEMORY].
    """
    n = len(residuals)
    centre = sum(residuals) / n
    dev = [r - centre for r in residuals]
    spread = sum(d * d for d in dev)
    r1 = sum(a * b for a, b in itertools.pairwise(dev)) / spread if spread else 0.0
    corrected = (n * r1 + 2) / (n - 4)
    return min(MEMORY, max(0.0, corrected + MEMORY_REACH / math.sqrt(n)))


def _middle(ordered: Sequence[float]) -> float:
    n = len(ordered)
    return (ordered[(n - 1) // 2] + ordered[n // 2]) / 2


def _level_share(
    residuals: Sequence[float], times: Sequence[int], noise: float, memory: float
) -> float:
    """The share of month-to-month spread that is the person's level, not sampling noise."""
    centre = sum(residuals) / len(residuals)
    spread = sum((r - centre) ** 2 for r in residuals) / (len(residuals) - 2)
    level = max(0.0, spread - noise) / _kept_share(times, memory)
    return level / (level + noise) if level > 0 else 0.0
