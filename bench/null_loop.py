"""False claims and power of the loop's test (issue 12), beside the code it replaced.

Two kinds of data, each under the null (no link at all) and under a modest true link:

- index series: two AR(1) weekly series with memory phi (0, 0.3, 0.6, 0.9), 12 to 104
  weeks, independent, or sharing a straight downward drift of two standard deviations
  over the chat, fed to loop.links (the decision the report makes);
- synthetic two-person chats: each week the user has a hidden "reaching out" level and the
  other side a hidden "distance" level (AR(1), phi 0.6), which set how many conversations
  the user starts, how many late at night, and how slowly the other side replies; the
  messages go through build_report, the same code as the page. Conversations follow one
  another; a stress setting lets them run through each other.

A false claim is a report that says a link exists (either direction) where none was built
in; power is the share that finds the built-in link (the user's level one week adding 0.3
of a standard deviation to the other side's distance the next) in the right direction.
The old code (bench/loop_before.py: lagged r, bootstrap interval not covering 0, 12 pairs)
is run on the same data as the floor; its bootstrap uses 200 resamples here for time.

    .venv/bin/python bench/null_loop.py [--reps 400] [--quick] [--seed 12]
        [--kind series|chat] [--weeks 52 104] [--phi 0.9] [--setting drift]
        [--without-old] [--out null_loop.json]

`--without-old` skips the old code (about half the time of a chat replicate); the
replicates then draw different random numbers, so figures differ from a run with it.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import loop_before
from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.loop import DEFAULT_MIN_WEEKS, links
from clearheart.domain.patterns.report import build_report

OLD_RESAMPLES = 200
OLD_MIN = 12
COUPLING = 0.3
OVERLAPPING = "chat, overlapping conversations"


def ar1(n: int, phi: float, rng: random.Random) -> list[float]:
    """Unit-variance AR(1), started from its stationary spread."""
    scale = math.sqrt(1 - phi * phi)
    value = rng.gauss(0, 1)
    out = []
    for _ in range(n):
        out.append(value)
        value = phi * value + scale * rng.gauss(0, 1)
    return out


def pair_series(n: int, phi: float, trend: float, beta: float,
                rng: random.Random, step: float = 0.0) -> tuple[list[float], list[float]]:
    """Pursuit and distance; distance[t+1] gets beta·pursuit[t]; both drift by -trend;
    pursuit steps up by `step` from the middle week on (bench/null_split.py's power)."""
    pursuit = [p + (step if t >= n // 2 else 0.0) for t, p in enumerate(ar1(n, phi, rng))]
    noise = ar1(n, phi, rng)
    distance = [noise[0]] + [noise[t] + beta * pursuit[t - 1] for t in range(1, n)]
    drift = [-trend * t / max(n - 1, 1) for t in range(n)]
    return ([p + d for p, d in zip(pursuit, drift, strict=True)],
            [x - d for x, d in zip(distance, drift, strict=True)])


def new_claims(pursuit: list[float], distance: list[float], minimum: int) -> tuple[bool, bool]:
    """(any link claimed, the pursuit-to-distance link claimed with a positive sign)."""
    if len(pursuit) - 2 < minimum:
        return False, False
    found = links(pursuit, distance, range(1, len(pursuit) - 1))
    if found is None:
        return False, False
    ahead, behind = found
    return ahead.clear or behind.clear, ahead.clear and ahead.r > 0


def old_claims(pursuit: list[float], distance: list[float],
               rng: random.Random) -> tuple[bool, bool]:
    if len(pursuit) - 1 < OLD_MIN:
        return False, False
    ahead, behind, _ = loop_before.cross_lagged(pursuit[:-1], distance[:-1], pursuit[1:],
                                                distance[1:], rng, OLD_RESAMPLES)

    def clear(lagged: loop_before.Lagged) -> int:
        low, high = lagged.r.low, lagged.r.high
        if low is None or high is None:
            return 0
        return 1 if low > 0 else -1 if high < 0 else 0

    return bool(clear(ahead) or clear(behind)), clear(ahead) > 0


def chat(weeks: int, phi: float, trend: float, beta: float, rng: random.Random,
         step: float = 0.0, overlap: bool = False) -> list[Message]:
    """A two-person chat driven by hidden weekly levels (see the module notes).

    Conversations follow one another: one that would begin before the last has ended waits
    until half an hour after it. With `overlap`, they are drawn independently and may run
    through each other, which two people writing to each other seldom do; kept as a stress
    setting, because interleaved conversations make more of them mean quicker measured
    replies in the same week (docs/patterns.md).
    """
    pursuit, distance = pair_series(weeks, phi, trend, beta, rng, step)
    monday = datetime(2023, 1, 2)
    messages: list[Message] = []
    for week in range(weeks):
        u, v = pursuit[week], distance[week]
        begins = []
        for starter in ("me",) * _poisson(4 * math.exp(0.4 * u), rng) + ("them",) * _poisson(
                2.0, rng):
            day = monday + timedelta(weeks=week, days=rng.randrange(7))
            late = starter == "me" and rng.random() < min(0.6, 0.12 * math.exp(0.6 * u))
            hour = rng.choice((23.5, 0.5, 1.5)) if late else rng.uniform(8, 22)
            begins.append((day + timedelta(hours=hour), starter))
        ended = datetime.min
        for at, starter in sorted(begins):
            if not overlap:
                at = max(at, ended + timedelta(minutes=30))
            who = ("Ana", "Sam") if starter == "me" else ("Sam", "Ana")
            for turn in range(rng.randint(2, 6)):
                sender = who[turn % 2]
                for _ in range(rng.randint(1, 3)):
                    at += timedelta(seconds=rng.randint(20, 300))
                    messages.append(Message(at, sender, Kind.TEXT, "hi"))
                ended = at
                minutes = 10 * math.exp(0.8 * v + 0.7 * rng.gauss(0, 1)) if sender == "Ana" \
                    else 5 * math.exp(0.7 * rng.gauss(0, 1))
                at += timedelta(minutes=minutes)
    messages.sort(key=lambda m: m.ts)
    return messages


def _poisson(mean: float, rng: random.Random) -> int:
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def chat_claims(messages: list[Message], rng: random.Random,
                with_old: bool = True) -> tuple[tuple[bool, bool], ...]:
    report = build_report(messages, "Ana")
    loop = report.loop
    ahead, behind = loop.pursuit_then_distance, loop.distance_then_pursuit
    new = (False, False)
    if ahead is not None and behind is not None:
        new = (ahead.clear or behind.clear, ahead.clear and ahead.r > 0)
    if not with_old:
        return new, (False, False)
    weeks = loop_before.weekly_indices(loop_before.week_signals(messages, "Ana"))
    pairs = [t for t in range(len(weeks) - 1)
             if weeks[t].pursuit is not None and weeks[t + 1].pursuit is not None]
    if len(pairs) < OLD_MIN:
        return new, (False, False)

    def values(attr: str, shift: int) -> list[float]:
        return [getattr(weeks[t + shift], attr) or 0.0 for t in pairs]

    p, d = values("pursuit", 0), values("distance", 0)
    p2, d2 = values("pursuit", 1), values("distance", 1)
    old = old_claims(p + p2[-1:], d + d2[-1:], rng) if pairs == list(
        range(pairs[0], pairs[0] + len(pairs))) else (False, False)
    return new, old


def settings(quick: bool,
             only: tuple[int, ...] = ()) -> Iterator[tuple[str, str, int, float, float]]:
    """(kind, label, weeks, phi, trend); `only` replaces the lengths (any number of weeks)."""
    lengths = only or ((26, 104) if quick else (12, 26, 52, 104, 156))
    phis = (0.0, 0.9) if quick else (0.0, 0.3, 0.6, 0.9)
    for weeks in lengths:
        for phi in phis:
            yield "series", f"independent, phi {phi}", weeks, phi, 0.0
        yield "series", "shared downward drift, phi 0.3", weeks, 0.3, 2.0
        yield "series", "shared downward drift, phi 0.9", weeks, 0.9, 2.0
    for weeks in only or ((26, 52) if quick else (26, 52, 104, 156)):
        yield "chat", "chat, phi 0.6", weeks, 0.6, 0.0
        yield "chat", "chat, shared drift", weeks, 0.6, 2.0
        yield "chat", OVERLAPPING, weeks, 0.6, 0.0


def rate(hits: int, n: int) -> str:
    """A share with its Wilson 95% interval."""
    p, z = hits / n, 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return f"{100 * p:.1f}% ({100 * max(0, centre - half):.1f}–{100 * min(1, centre + half):.1f})"


def run(reps: int, quick: bool, seed: int = 12, kind_only: str | None = None,
        weeks_only: tuple[int, ...] = (), phi_only: float | None = None,
        setting_only: str | None = None, with_old: bool = True) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for kind, label, weeks, phi, trend in settings(quick, weeks_only):
        if ((kind_only and kind != kind_only)
                or (phi_only is not None and phi != phi_only)
                or (setting_only and setting_only not in label)):
            continue
        counts = {"new_null": 0, "old_null": 0, "new_power": 0, "old_power": 0, "test_null": 0}
        rng = random.Random(f"{seed}:{kind}:{label}:{weeks}")
        for _ in range(reps):
            for beta, tag in ((0.0, "null"), (COUPLING, "power")):
                if kind == "series":
                    p, d = pair_series(weeks, phi, trend, beta, rng)
                    new = new_claims(p, d, DEFAULT_MIN_WEEKS)
                    old = old_claims(p, d, rng) if with_old else (False, False)
                    if tag == "null":
                        counts["test_null"] += new_claims(p, d, 5)[0]
                else:
                    new, old = chat_claims(
                        chat(weeks, phi, trend, beta, rng, overlap=label == OVERLAPPING), rng,
                        with_old)
                counts[f"new_{tag}"] += new[0] if tag == "null" else new[1]
                counts[f"old_{tag}"] += old[0] if tag == "null" else old[1]
        rows.append({"kind": kind, "setting": label, "weeks": weeks, "reps": reps,
                     "with_old": with_old, **counts})
        print(f"{kind:6} {label:32} {weeks:4}w  false: new {rate(counts['new_null'], reps)}"
              f" (test alone {rate(counts['test_null'], reps) if kind == 'series' else '-'})"
              f"  old {rate(counts['old_null'], reps)}  power: new "
              f"{rate(counts['new_power'], reps)} old {rate(counts['old_power'], reps)}",
              flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=400)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--kind", choices=("series", "chat"), help="only this kind of data")
    parser.add_argument("--weeks", type=int, nargs="*", default=(),
                        help="only these lengths (any number of weeks)")
    parser.add_argument("--phi", type=float, help="only this memory")
    parser.add_argument("--setting", help="only settings whose name holds this, e.g. drift")
    parser.add_argument("--without-old", action="store_true", help="skip the old code")
    parser.add_argument("--out", default="null_loop.json", help="file name under bench/out")
    args = parser.parse_args()
    began = time.perf_counter()
    rows = run(args.reps, args.quick, args.seed, args.kind, tuple(args.weeks), args.phi,
               args.setting, not args.without_old)
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    import json

    (out / args.out).write_text(json.dumps(
        {"reps": args.reps, "seed": args.seed, "coupling": COUPLING, "min_weeks": DEFAULT_MIN_WEEKS,
         "seconds": round(time.perf_counter() - began, 1), "rows": rows}, indent=1))
    print(f"{time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
