"""How sure a share of conversations is: a Wilson interval widened for weeks that cluster.

The rule. For `part` of `total` conversations, the Wilson score interval (95%), computed
on an effective count: conversations in the same week tend to be started by the same
person, so they carry less information than as many independent ones. The design effect
is the ratio of the week-clustered variance of the share (the ratio estimator's
between-week variance, k / (k - 1) · Σ (m_i - p n_i)² / N²) to the binomial one, never
below 1; the effective count is total / effect.

Below `MIN_SHARE_COUNT` conversations no share is given for a recent window: that is the
count at which a 95% interval around an even split is at most 15 points either way
(1.96² · 0.25 / 0.15² ≈ 43), the least that lets a reader tell "about half" from "most".

Edge cases: with one week, or a share of 0 or 1, the design effect is 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Z95 = 1.96
HALF_WIDTH = 0.15
MIN_SHARE_COUNT = math.ceil(Z95 * Z95 * 0.25 / (HALF_WIDTH * HALF_WIDTH))


def design_effect(parts: Sequence[int], totals: Sequence[int]) -> float:
    """How much weekly clustering widens the variance of sum(parts) / sum(totals)."""
    weeks = [(m, n) for m, n in zip(parts, totals, strict=True) if n]
    total = sum(n for _, n in weeks)
    if len(weeks) < 2 or total == 0:
        return 1.0
    share = sum(m for m, _ in weeks) / total
    binomial = share * (1 - share) / total
    if binomial <= 0:
        return 1.0
    k = len(weeks)
    clustered = k / (k - 1) * sum((m - share * n) ** 2 for m, n in weeks) / (total * total)
    return max(1.0, clustered / binomial)


def wilson(part: int, total: int, effect: float = 1.0) -> tuple[float, float]:
    """The 95% Wilson interval for part / total, on total / effect independent draws."""
    n = total / effect
    share = part / total
    z2 = Z95 * Z95
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    reach = Z95 * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - reach), min(1.0, centre + reach)
