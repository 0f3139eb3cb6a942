"""The smallest detectable change between two takes, from a spread and a reliability.

Rule: SDC95 = 1.96 · √2 · SEM, with SEM = SD · √(1 − r) (the standard error of
measurement of classical test theory). Two takes of a person whose true score has not
moved differ by measurement error alone, whose spread is √2 · SEM; under normal error
95% of those differences are smaller than SDC95. Source of the formula: Beckerman et al.
(2001), "Smallest real difference, a link between reproducibility and responsiveness",
Quality of Life Research 10, 571–578; de Vet et al. (2006), J Clin Epidemiol 59, 1033–1039.

Edge cases:
- The threshold is compared with the change *as shown*: both scores rounded to one
  decimal (`shown`), so a person who reads 1.2 → 1.8 is told about a change of 0.6.
  Rounding adds up to a tenth either way, so the threshold is the smallest tenth at or
  above SDC95 whose chance of being reached *as shown* with no true change is at most 5%
  (`chance_shown`): SDC95 0.76 gives 0.9, not 0.8, because 0.8 as shown is reached by
  true differences from 0.7 up. bench/null_takes.py measures the result.
- No published figures (our own wording): the rule of thumb takes r = .70, the usual
  lowest acceptable reliability for a questionnaire (Terwee et al. 2007, J Clin Epidemiol
  60, 34–42), and SD = a sixth of the score's possible range (a spread that fills the
  range about as a normal curve fills ±3 SD). That is a rule of thumb, and every sentence
  built on it says so.
- Internal consistency leaves out day-to-day change, so an SDC from it is, if anything,
  too small; the sentence says that too.
"""

from __future__ import annotations

import math

from clearheart.domain.assess.model import ChangeBasis, Subscale

Z95 = 1.96
ALPHA = 0.05
RULE_RELIABILITY = 0.70
RULE_SD_SHARE = 1 / 6
"""Rule of thumb: SD as a share of the score's possible range."""
PLACES = 1
"""Scores are shown to one decimal place (`scoring.fmt`)."""


def sdc95(sd: float, reliability: float) -> float:
    """1.96 · √2 · SD · √(1 − r): the smallest change beyond 95% of measurement error."""
    return Z95 * math.sqrt(2) * sd * math.sqrt(max(0.0, 1 - reliability))


def rule_of_thumb(minimum: float, maximum: float) -> ChangeBasis:
    """The basis for a score with no published figures: r = .70, SD = range / 6."""
    return ChangeBasis(
        sd=(maximum - minimum) * RULE_SD_SHARE,
        reliability=RULE_RELIABILITY,
        kind="rule of thumb",
        source="",
    )


def shown(value: float) -> float:
    """A score as the person sees it: rounded to one decimal, exactly as `fmt` prints it."""
    return float(f"{value:.{PLACES}f}")


def shown_delta(before: float, after: float) -> float:
    """The change between the two scores as shown (1.24 → 1.76 is 1.2 → 1.8: 0.6)."""
    return round(shown(after) - shown(before), PLACES)


def chance_shown(sd: float, reliability: float, threshold: float) -> float:
    """The chance that two takes with no true change differ by `threshold` or more as shown.

    The true difference is Normal(0, √2 · SEM). Rounding the first score moves the bar the
    true difference must clear to anywhere from threshold − 0.1 to threshold, evenly;
    the average over that band is taken with a midpoint rule.
    """
    spread = math.sqrt(2) * sd * math.sqrt(max(0.0, 1 - reliability))
    if spread == 0:
        return 0.0
    step, points = 10.0**-PLACES, 20
    bars = (threshold - step * (k + 0.5) / points for k in range(points))
    return sum(math.erfc(max(bar, 0.0) / (spread * math.sqrt(2))) for bar in bars) / points


def smallest_change(sub: Subscale) -> float:
    """The smallest tenth at or above SDC95 that no-change retakes reach, as shown, at most
    5% of the time (at least one tenth, so a shown change of nothing never counts).

    The guard (1e-9) keeps a threshold that is a whole tenth, such as 1.2 computed as
    1.2000000001, from starting at 1.3.
    """
    basis, tenths = sub.basis, 10.0**PLACES
    start = max(1, math.ceil(sdc95(basis.sd, basis.reliability) * tenths - 1e-9))
    threshold = start
    while chance_shown(basis.sd, basis.reliability, threshold / tenths) > ALPHA:
        threshold += 1
    return threshold / tenths


def detected(sub: Subscale, before: float, after: float) -> bool:
    """Whether the change as shown is at least the smallest detectable change."""
    return abs(shown_delta(before, after)) >= smallest_change(sub) - 1e-9
