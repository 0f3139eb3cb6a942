"""The smallest detectable change between two takes, from a spread and a reliability.

Rule: SDC95 = 1.96 · √2 · SEM, with SEM = SD · √(1 − r) (the standard error of
measurement of classical test theory). Two takes of a person whose true score has not
moved differ by measurement error alone, whose spread is √2 · SEM; under normal error
95% of those differences are smaller than SDC95. Source of the formula: Beckerman et al.
(2001), "Smallest real difference, a link between reproducibility and responsiveness",
Quality of Life Research 10, 571–578; de Vet et al. (2006), J Clin Epidemiol 59, 1033–1039.

Edge cases:
- The threshold is compared with the change *as shown*: both scores rounded to one
  decimal (`shown`), so a person who reads 1.2 → 1.8 is told about a change of 0.6. To
  keep that comparison at least as strict as SDC95 itself, the threshold is rounded *up*
  to the shown precision (1.18 → 1.2, 1.2 → 1.2).
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


def smallest_change(sub: Subscale) -> float:
    """SDC95 of the subscale's basis, rounded up to the precision scores are shown at.

    The rounding guard (1e-9) keeps a threshold that is a whole tenth, such as 1.2
    computed as 1.2000000001, from jumping to 1.3.
    """
    step = 10.0**PLACES
    return math.ceil(sdc95(sub.basis.sd, sub.basis.reliability) * step - 1e-9) / step


def detected(sub: Subscale, before: float, after: float) -> bool:
    """Whether the change as shown is at least the smallest detectable change."""
    return abs(shown_delta(before, after)) >= smallest_change(sub) - 1e-9
