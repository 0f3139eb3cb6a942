"""How often the recent-share interval holds the share it is about, when weeks cluster.

The sentence: "In the 12 weeks up to …, you started 49% of 90 conversations; with this
many, the true share could be anywhere from 39% to 59%." It compares nothing (no "more"
or "less"), so what can go wrong is coverage: how often the interval misses.

The simulation. Twelve weeks. Each week has its own chance that the person starts a
conversation: the logit of the overall share plus a week effect that wanders as an AR(1)
over weeks (memory φ 0, 0.5 or 0.9; spread τ 0, 0.5 or 1 on the logit scale: at τ = 1 a
typical week's share of a 50% person is anywhere from about 27% to 73%). Conversations a
week are Poisson around total / 12 times a gamma factor (shape 2: busy and quiet weeks).
The weekly counts go through the report's own code (share.design_effect, share.wilson,
share.MIN_SHARE_COUNT). Two targets: the window's own share (the mean of the weeks'
chances, the tendency in those 12 weeks) and the long-run share (the chance averaged
over all weeks); with long memory 12 weeks cannot pin the long run, and the table says so.
Settings: 20, 50, 100, 200 conversations expected; overall share 50% and 75%.

    .venv/bin/python bench/null_shares.py [--replicates 2000] [--seed 12]

Prints a Markdown table for docs/performance.md; writes bench/out/null_shares.json.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from clearheart.domain.patterns.share import MIN_SHARE_COUNT, design_effect, wilson

WEEKS = 12
TOTALS = (20, 50, 100, 200)
SHARES = (0.5, 0.75)
SETTINGS = ((0.0, 0.0), (0.5, 0.0), (0.5, 0.5), (0.5, 0.9), (1.0, 0.0), (1.0, 0.5),
            (1.0, 0.9))
"""(τ, φ): week-effect spread on the logit scale and its memory from week to week."""


@dataclass(frozen=True)
class Coverage:
    setting: str
    replicates: int
    shown: int
    """Replicates with at least MIN_SHARE_COUNT conversations (an interval is given)."""
    window: int
    """Intervals that hold the window's own share."""
    long_run: int
    """Intervals that hold the long-run share."""


def _expit(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def long_run(share: float, tau: float) -> float:
    """The chance averaged over week effects (Gauss–Hermite, 40 points)."""
    nodes, weights = np.polynomial.hermite_e.hermegauss(40)
    logit = math.log(share / (1 - share))
    return float(np.sum(weights * _expit(logit + tau * nodes)) / math.sqrt(2 * math.pi))


def one_setting(
    rng: np.random.Generator, total: int, share: float, tau: float, phi: float, replicates: int
) -> Coverage:
    logit = math.log(share / (1 - share))
    target = long_run(share, tau)
    shown = window = far = 0
    for _ in range(replicates):
        effect = np.empty(WEEKS)
        effect[0] = rng.normal(0, tau)
        for week in range(1, WEEKS):
            effect[week] = phi * effect[week - 1] + math.sqrt(1 - phi * phi) * rng.normal(0, tau)
        chance = _expit(logit + effect)
        counts = rng.poisson(total / WEEKS * rng.gamma(2.0, 0.5, WEEKS))
        mine = rng.binomial(counts, chance)
        n = int(counts.sum())
        if n < MIN_SHARE_COUNT:
            continue
        shown += 1
        low, high = wilson(int(mine.sum()), n, design_effect(mine.tolist(), counts.tolist()))
        window += low <= float(chance.mean()) <= high
        far += low <= target <= high
    return Coverage(f"{total} conversations, share {share:.0%}, τ {tau}, φ {phi}",
                    replicates, shown, window, far)


def run(replicates: int, seed: int) -> list[Coverage]:
    found = []
    for total in TOTALS:
        for share in SHARES:
            for tau, phi in SETTINGS:
                rng = np.random.default_rng([seed, total, int(share * 100), int(tau * 10),
                                             int(phi * 10)])
                found.append(one_setting(rng, total, share, tau, phi, replicates))
    return found


def _table(rows: list[Coverage]) -> str:
    lines = ["| Setting | Interval shown | Covers the window's share | Covers the long run |",
             "|---|---|---|---|"]
    for row in rows:
        if not row.shown:
            lines.append(f"| {row.setting} | 0% (too few) | — | — |")
            continue
        lines.append(f"| {row.setting} | {row.shown / row.replicates:.0%} | "
                     f"{row.window / row.shown:.1%} | {row.long_run / row.shown:.1%} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    began = time.perf_counter()
    rows = run(args.replicates, args.seed)
    took = time.perf_counter() - began
    print(_table(rows))
    print(f"\n{args.replicates} replicates per setting; {took:.0f} s")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "null_shares.json").write_text(json.dumps(
        {"replicates": args.replicates, "seed": args.seed, "rows": [asdict(r) for r in rows]},
        indent=1))


if __name__ == "__main__":
    main()
