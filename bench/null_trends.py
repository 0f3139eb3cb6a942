"""How often the reply-time trend sentence claims a change that is not there, and its power.

Part 1, monthly series. One person's replies, month by month: each wait is log-normal
(σ = 1.5 on the log scale: a median of 10 min puts nine in ten within about 70 min)
around that month's level, and the level wanders as an AR(1) with memory φ and a spread
of 0.25 (a typical month about a quarter quicker or slower than usual). Under the null
the level has no drift; under the effect the typical reply time doubles across the
stretch. Each simulated person's months go through the report's own code
(latency.stats for each month, trend.drift, whole months only) and the claim is the
sentence's: a clear direction. Settings: φ 0, 0.5, 0.9; 20, 100, 300 replies a month;
12, 26, 52, 104 weeks starting on a random day (so the first and last months are partial).

Part 2, realistic chats. Two-person chats from bench/gen_whatsapp.py (bursts, silences,
media, calls, notices; no drift by construction) of 12 to 104 weeks, built into a full
report (build_report) and read by describe(): the claim is any latency sentence with
claims_change set.

In the same run, on the same simulated people: the previous test (memory fixed at the
worst case 0.9 for every series, 99% interval) and the floor, the old rule (the first and
the last whole month with 20 replies, "up" or "down" past 15%). Part 3, power only:
a doubling across 3, 4 and 6 years, to say how many months a doubling needs to show.

    .venv/bin/python bench/null_trends.py [--replicates 400] [--seed 12]

Writes bench/out/null_trends.json and prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.latency import PeriodLatency, PersonLatency, stats
from clearheart.domain.patterns.periods import label, period_of, whole
from clearheart.domain.patterns.report import build_report
from clearheart.domain.patterns.sentences import MIN_REPLIES, describe
from clearheart.domain.patterns.trend import MEMORY, MIN_MONTHS, drift, monthly, sen
from clearheart.domain.patterns.wording import duration
from gen_whatsapp import events

PHIS = (0.0, 0.5, 0.9)
PER_MONTH = (20, 100, 300)
WEEKS = (12, 26, 52, 104)
LONGER = (156, 208, 312)
"""Weeks for the power-only part: how long a stretch a doubling needs to show."""
PREVIOUS_Z = 2.576
"""The previous test (commit 6a3c615): memory fixed at MEMORY, a 99% interval."""
SIGMA = 1.5
LEVEL_SPREAD = 0.25
TYPICAL = 600.0
"""Seconds: the typical reply time around which levels wander (10 min)."""


@dataclass(frozen=True)
class Rates:
    setting: str
    replicates: int
    claims: int
    old_claims: int
    previous_claims: int = 0

    @property
    def rate(self) -> float:
        return self.claims / self.replicates

    @property
    def old_rate(self) -> float:
        return self.old_claims / self.replicates

    @property
    def previous_rate(self) -> float:
        return self.previous_claims / self.replicates


def previous_direction(person: PersonLatency, first: date, last: date) -> int:
    """The previous test's call: worst-case memory for every series, 99% interval."""
    series = monthly(person, first, last, MIN_REPLIES)
    if len(series.logs) < MIN_MONTHS:
        return 0
    _, _, low, high = sen(series, MEMORY, PREVIOUS_Z)
    return 1 if low > 0 else -1 if high < 0 else 0


def _months(first: date, last: date) -> Iterator[tuple[date, float]]:
    """Each month from first to last, with the share of its days the span covers."""
    start = period_of("month", first)
    while start <= last:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        days = (following - start).days
        covered = (min(following - timedelta(days=1), last) - max(start, first)).days + 1
        yield start, covered / days
        start = following


def simulated_person(
    rng: np.random.Generator, phi: float, per_month: int, weeks: int, doubling: bool
) -> tuple[PersonLatency, date, date]:
    first = date(2024, 1, 1) + timedelta(days=int(rng.integers(0, 365)))
    last = first + timedelta(days=7 * weeks - 1)
    months = list(_months(first, last))
    level = rng.normal(0.0, LEVEL_SPREAD)
    rows = []
    for index, (start, covered) in enumerate(months):
        if index:
            level = phi * level + math.sqrt(1 - phi * phi) * rng.normal(0.0, LEVEL_SPREAD)
        drift_now = math.log(2) * index / max(1, len(months) - 1) if doubling else 0.0
        n = round(per_month * covered)
        waits = np.exp(math.log(TYPICAL) + level + drift_now + rng.normal(0, SIGMA, n))
        waits = np.round(np.minimum(waits, 47 * 3600.0))
        rows.append(PeriodLatency(start, label("month", start), stats(waits.tolist())))
    every = stats([])
    return PersonLatency("Sam", every, tuple(rows)), first, last


def old_claims(person: PersonLatency, first: date, last: date) -> bool:
    """The rule before issue 12: first and last whole month with 20 replies, 15% apart."""
    months = [row for row in person.by_month if row.stats.replies >= MIN_REPLIES
              and whole("month", row.start, first, last)]
    if len(months) < 2:
        return False
    before, now = months[0].stats.median, months[-1].stats.median
    assert before is not None and now is not None
    close = abs(now - before) <= 0.15 * max(before, now, 1.0)
    return not (close or duration(now) == duration(before))


def series_part(
    replicates: int, seed: int, doubling: bool, weeks_list: tuple[int, ...] = WEEKS
) -> list[Rates]:
    found = []
    for phi in PHIS:
        for per_month in PER_MONTH:
            for weeks in weeks_list:
                rng = np.random.default_rng([seed, int(phi * 10), per_month, weeks, doubling])
                claims = old = previous = 0
                for _ in range(replicates):
                    person, first, last = simulated_person(rng, phi, per_month, weeks, doubling)
                    now, before = drift(person, first, last, MIN_REPLIES).direction, \
                        previous_direction(person, first, last)
                    if doubling:
                        claims += now > 0
                        previous += before > 0
                    else:
                        claims += now != 0
                        previous += before != 0
                    old += old_claims(person, first, last)
                found.append(Rates(
                    f"φ {phi}, {per_month} replies/month, {weeks} weeks", replicates, claims, old,
                    previous,
                ))
    return found


def chat(weeks: int, seed: int) -> list[Message]:
    """A generated two-person chat cut to `weeks` weeks from a random start."""
    end = datetime(2021, 3, 1) + timedelta(weeks=weeks, days=1)
    kinds = {"text": Kind.TEXT, "edited": Kind.TEXT, "media": Kind.MEDIA}
    found = []
    for event in events(weeks * 7 * 40, seed):
        if event.ts >= end:
            break
        if event.kind in kinds:
            found.append(Message(event.ts, event.sender, kinds[event.kind], event.text))
    return found


def chat_part(replicates: int, seed: int) -> list[Rates]:
    found = []
    for weeks in WEEKS:
        claims = old = 0
        for replicate in range(replicates):
            messages = chat(weeks, seed * 100_000 + weeks * 1000 + replicate)
            report = build_report(messages, "Sam")
            said = describe(report)
            claims += any(s.claims_change for s in said if s.topic == "latency")
            first, last = report.basis.first, report.basis.last
            assert first is not None and last is not None
            old += any(old_claims(p, first.date(), last.date()) for p in report.latency.people)
        found.append(Rates(f"generated chats, {weeks} weeks", replicates, claims, old))
    return found


def _interval(part: int, total: int) -> str:
    """A rate with its 95% Wilson interval, in points."""
    z = 1.96
    share = part / total
    centre = (share + z * z / (2 * total)) / (1 + z * z / total)
    reach = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) \
        / (1 + z * z / total)
    return f"{share:.1%} ({max(0.0, centre - reach):.1%}–{min(1.0, centre + reach):.1%})"


def _table(null: list[Rates], power: list[Rates], chats: list[Rates], longer: list[Rates]) -> str:
    lines = [
        "| Setting | False claims, new (95% CI) | previous | old rule | Power, new | previous |",
        "|---|---|---|---|---|---|",
    ]
    for zero, effect in zip(null, power, strict=True):
        lines.append(f"| {zero.setting} | {_interval(zero.claims, zero.replicates)} | "
                     f"{zero.previous_rate:.1%} | {zero.old_rate:.1%} | {effect.rate:.1%} | "
                     f"{effect.previous_rate:.1%} |")
    for row in chats:
        lines.append(f"| {row.setting} | {_interval(row.claims, row.replicates)} | — | "
                     f"{row.old_rate:.1%} | — | — |")
    for row in longer:
        lines.append(f"| {row.setting} (doubling only) | — | — | — | {row.rate:.1%} | "
                     f"{row.previous_rate:.1%} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=400)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    began = time.perf_counter()
    null = series_part(args.replicates, args.seed, doubling=False)
    power = series_part(args.replicates, args.seed, doubling=True)
    longer = series_part(args.replicates, args.seed, doubling=True, weeks_list=LONGER)
    chats = chat_part(args.replicates, args.seed)
    took = time.perf_counter() - began
    print(_table(null, power, chats, longer))
    worst = max(r.rate for r in null + chats)
    print(f"\n{args.replicates} replicates per setting; worst false-claim rate {worst:.1%}; "
          f"{took:.0f} s")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "null_trends.json").write_text(json.dumps({
        "replicates": args.replicates, "seed": args.seed, "seconds": round(took, 1),
        "null": [r.__dict__ for r in null], "power": [r.__dict__ for r in power],
        "chats": [r.__dict__ for r in chats], "longer": [r.__dict__ for r in longer],
    }, indent=1))


if __name__ == "__main__":
    main()
