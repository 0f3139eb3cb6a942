"""How often "may reflect a real shift" is said when nothing changed, and how often when
something did: retakes simulated under classical test theory, through the app's own rule.

Model, per subscale: a person's true score T ~ Normal(middle of the range, r·SD²); each take
observes T + E with E ~ Normal(0, (1 − r)·SD²), so observed scores spread with SD and repeat
with reliability r. Scores are clipped to the possible range, then read by
`clearheart.domain.assess.detectable.detected`, which rounds both as the person sees them.
Settings: no true change (the false-claim rate; goal <= 5%), and a true change of 0.5 SD
and 1 SD between the takes (power). SD and r are the subscale's basis; for a rule of
thumb they are assumed, so the same threshold is also run against true reliabilities of
.50 and .90 to show what happens if the assumption is wrong.

    PYTHONPATH=src .venv/bin/python bench/null_takes.py [--people 20000] [--seed 12]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clearheart.content.instruments import load_builtin_instruments
from clearheart.domain.assess.detectable import detected, smallest_change
from clearheart.domain.assess.model import Subscale

SHIFTS = (0.0, 0.5, 1.0)
"""True change between takes, in SDs of the score."""
OTHER_RELIABILITIES = (0.5, 0.9)
GOAL = 0.05


@dataclass(frozen=True, slots=True)
class Rates:
    instrument: str
    subscale: str
    kind: str
    sd: float
    reliability: float
    true_reliability: float
    threshold: float
    rates: tuple[float, ...]
    """Share of people told "may reflect a real shift", per entry of SHIFTS."""


def claim_rate(
    sub: Subscale, true_r: float, shift: float, people: int, rng: random.Random
) -> float:
    """Share of simulated people whose two takes pass the app's own rule."""
    sd = sub.basis.sd
    mid = (sub.minimum + sub.maximum) / 2
    true_sd, error_sd = sd * math.sqrt(true_r), sd * math.sqrt(1 - true_r)

    def clip(x: float) -> float:
        return min(max(x, sub.minimum), sub.maximum)

    hits = 0
    for _ in range(people):
        true = rng.gauss(mid, true_sd)
        first = clip(true + rng.gauss(0, error_sd))
        second = clip(true + shift * sd + rng.gauss(0, error_sd))
        hits += detected(sub, first, second)
    return hits / people


def run(people: int, seed: int) -> list[Rates]:
    rng = random.Random(seed)
    out: list[Rates] = []
    for instrument in load_builtin_instruments():
        for sub in instrument.subscales:
            basis = sub.basis
            trues = [basis.reliability]
            if basis.kind == "rule of thumb":
                trues += list(OTHER_RELIABILITIES)
            for true_r in trues:
                rates = tuple(claim_rate(sub, true_r, s, people, rng) for s in SHIFTS)
                out.append(
                    Rates(instrument.id, sub.id, basis.kind, basis.sd, basis.reliability,
                          true_r, smallest_change(sub), rates)
                )
    return out


def table(rows: list[Rates], people: int) -> str:
    se = math.sqrt(GOAL * (1 - GOAL) / people)
    lines = [
        f"people per setting: {people}; Monte Carlo SE at 5%: {se:.3f}",
        "| instrument / subscale | basis | SD | r assumed | r true | threshold | "
        "false 'changed' | power 0.5 SD | power 1 SD |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        false, half, full = row.rates
        flag = "" if false <= GOAL or row.true_reliability != row.reliability else " ✗"
        lines.append(
            f"| {row.instrument} / {row.subscale} | {row.kind} | {row.sd:.2f} | "
            f"{row.reliability:.2f} | {row.true_reliability:.2f} | {row.threshold:g} | "
            f"{false:.1%}{flag} | {half:.1%} | {full:.1%} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    start = time.perf_counter()
    rows = run(args.people, args.seed)
    print(table(rows, args.people))
    from harness import machine, report

    report(
        "null_takes",
        {
            "people": args.people,
            "seed": args.seed,
            "seconds": round(time.perf_counter() - start, 1),
            "rows": [
                {"instrument": r.instrument, "subscale": r.subscale, "kind": r.kind,
                 "sd": r.sd, "reliability": r.reliability,
                 "true_reliability": r.true_reliability, "threshold": r.threshold,
                 "false_claims": r.rates[0], "power_half_sd": r.rates[1],
                 "power_one_sd": r.rates[2]}
                for r in rows
            ],
        },
    )
    print(f"machine: {machine()['cpu']}, {machine()['cores']} cores")


if __name__ == "__main__":
    main()
