"""False claims and power of "before and after a date" and of the shifts the app finds.

Two sentences claim a change: a comparison at a date the person gives ("… was lower after
3 March: …, clear even allowing for a slow drift…"; domain/before_after/compare.py, the
step test at `step.Z`) and a shift the app found by searching every week
(services/before_after.find_shift: ruptures places the date, the step test at the wider
`step.Z_SEARCHED` decides). A false claim is either sentence appearing where nothing
stepped; power is it appearing, the right way round, where something did.

Part 1, weekly series. AR(1) weeks with memory φ 0 to 0.9 (φ 0 is independent weeks),
12 to 104 weeks, with no step, and the same with a shared straight drift of two standard
deviations across the stretch (the split then in the middle). The person's date is a
random week in the middle half (the middle itself for the drift). Power: a step of half a
standard deviation and of one at the middle week, no drift.

Part 2, chats through the app's own code. Two-person chats built from hidden weekly levels
with memory 0.6 (bench/null_loop.py: the user's reaching out sets who starts and late-night
messages, a distance level the replies), with and without a shared drift, and generated
WhatsApp-like chats with no levels at all (bench/gen_whatsapp.py via null_trends.chat);
each goes through build_report, the weekly replies and chat_series, exactly as the
service does, and is compared at a random week in its middle half. A false claim is any
of the chat's comparisons (or shifts) making its claim; the table gives the worst single
figure too. Power: the user's reaching-out level steps up by one standard deviation at
the middle week, and by two (the share of conversations they start should read higher).

    .venv/bin/python bench/null_split.py [--replicates 400] [--seed 12] [--quick]

Writes bench/out/null_split.json and prints Markdown tables for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import null_loop
import null_trends
from clearheart.domain.before_after.chat_series import chat_series, weekly_replies
from clearheart.domain.before_after.compare import compare
from clearheart.domain.before_after.series import Series, Week
from clearheart.domain.chat import Columns, Message
from clearheart.domain.patterns.report import Settings, build_report
from clearheart.domain.patterns.timeline_build import build_timeline
from clearheart.services.before_after import SHIFT_FIGURES, find_shift

PHIS = (0.0, 0.3, 0.6, 0.9)
WEEKS = (12, 26, 52, 104)
DRIFT = 2.0
"""The shared drift across the whole stretch, in standard deviations of the weeks."""
STEPS = (0.5, 1.0)
"""True steps for power, in standard deviations of the weeks."""
CHAT_STEPS = (1.0, 2.0)
"""True steps in the user's hidden reaching-out level for the chats' power."""
MONDAY = date(2023, 1, 2)


@dataclass(frozen=True)
class Row:
    setting: str
    replicates: int
    split_claims: int
    shift_claims: int
    worst_split: int = 0
    """Chats: the most claims any one figure made."""
    worst_shift: int = 0


def series_of(values: list[float]) -> Series:
    return Series(
        "weekly",
        "the weekly figure",
        "mean",
        "week",
        tuple(Week(MONDAY + timedelta(weeks=t), v, 1) for t, v in enumerate(values)),
    )


def middle_week(weeks: int, rng: random.Random) -> int:
    return rng.randrange(weeks // 4, weeks - weeks // 4)


def series_row(
    label: str,
    weeks: int,
    phi: float,
    drift: float,
    step: float,
    replicates: int,
    rng: random.Random,
) -> Row:
    split_claims = shift_claims = 0
    for _ in range(replicates):
        values = null_loop.ar1(weeks, phi, rng)
        values = [
            v - drift * t / (weeks - 1) + (step if t >= weeks // 2 else 0.0)
            for t, v in enumerate(values)
        ]
        series = series_of(values)
        split = weeks // 2 if drift or step else middle_week(weeks, rng)
        way = compare(series, MONDAY + timedelta(weeks=split)).step
        shift = find_shift(series)
        if step:
            split_claims += way is not None and way.direction > 0
            shift_claims += (
                shift is not None and shift.step is not None and shift.step.direction > 0
            )
        else:
            split_claims += way is not None and way.clear
            shift_claims += shift is not None
    return Row(label, replicates, split_claims, shift_claims)


def series_part(replicates: int, seed: int, quick: bool) -> tuple[list[Row], list[Row]]:
    null, power = [], []
    for weeks in (26, 104) if quick else WEEKS:
        for phi in PHIS:
            rng = random.Random(f"{seed}-{weeks}-{phi}")
            null.append(
                series_row(f"φ {phi}, {weeks} weeks", weeks, phi, 0.0, 0.0, replicates, rng)
            )
            for step in STEPS:
                power.append(
                    series_row(
                        f"φ {phi}, {weeks} weeks, step {step} SD",
                        weeks,
                        phi,
                        0.0,
                        step,
                        replicates,
                        rng,
                    )
                )
        for phi in (0.3, 0.9):
            rng = random.Random(f"{seed}-{weeks}-{phi}-drift")
            null.append(
                series_row(
                    f"shared drift, φ {phi}, {weeks} weeks", weeks, phi, DRIFT, 0.0, replicates, rng
                )
            )
    return null, power


def chat_claims(
    messages: list[Message], me: str, rng: random.Random, expect: str | None = None
) -> tuple[set[str], set[str]]:
    """The figures whose comparison (at a middle-half week) and whose shift claim a change.

    With `expect` (power), only that figure counts, and only if it reads higher.
    """
    columns = Columns.of(messages)
    report = build_report(columns, me)
    mine, theirs = weekly_replies(build_timeline(columns, me), Settings())
    series = chat_series(report, mine, theirs)
    first = series[0].weeks[0].start
    weeks = (series[0].weeks[-1].start - first).days // 7 + 1
    split = first + timedelta(weeks=weeks // 2 if expect else middle_week(weeks, rng))
    said, shifted = set(), set()
    for one in series:
        found = compare(one, split).step
        if found is not None and found.clear and (expect is None or found.direction > 0):
            said.add(one.figure)
        if one.figure in SHIFT_FIGURES:
            shift = find_shift(one)
            if (
                shift is not None
                and shift.step is not None
                and (expect is None or shift.step.direction > 0)
            ):
                shifted.add(one.figure)
    if expect is not None:
        said &= {expect}
        shifted &= {expect}
    return said, shifted


def chat_row(
    label: str, replicates: int, make: object, me: str, seed: str, expect: str | None = None
) -> Row:
    rng = random.Random(seed)
    by_split: Counter[str] = Counter()
    by_shift: Counter[str] = Counter()
    any_split = any_shift = 0
    for replicate in range(replicates):
        messages = make(replicate, rng)  # type: ignore[operator]
        said, shifted = chat_claims(messages, me, rng, expect)
        by_split.update(said)
        by_shift.update(shifted)
        any_split += bool(said)
        any_shift += bool(shifted)
    return Row(
        label,
        replicates,
        any_split,
        any_shift,
        max(by_split.values(), default=0),
        max(by_shift.values(), default=0),
    )


def chat_part(replicates: int, seed: int, quick: bool) -> tuple[list[Row], list[Row]]:
    null, power = [], []
    for weeks in (52,) if quick else (26, 52, 104):
        for drift in (0.0, DRIFT):
            null.append(
                chat_row(
                    f"chats, hidden levels φ 0.6{', shared drift' if drift else ''}, {weeks} weeks",
                    replicates,
                    lambda _, rng, w=weeks, d=drift: null_loop.chat(w, 0.6, d, 0.0, rng),
                    "Ana",
                    f"{seed}-chat-{weeks}-{drift}",
                )
            )
        null.append(
            chat_row(
                f"generated chats (no levels), {weeks} weeks",
                replicates,
                lambda replicate, _, w=weeks: null_trends.chat(
                    w, seed * 100_000 + w * 1000 + replicate
                ),
                "Sam",
                f"{seed}-gen-{weeks}",
            )
        )
        for step in CHAT_STEPS:
            power.append(
                chat_row(
                    f"chats, hidden levels φ 0.6, {weeks} weeks, reaching out steps up {step} SD",
                    replicates,
                    lambda _, rng, w=weeks, s=step: null_loop.chat(w, 0.6, 0.0, 0.0, rng, step=s),
                    "Ana",
                    f"{seed}-power-{weeks}-{step}",
                    expect="starts",
                )
            )
    return null, power


def rate(hits: int, n: int) -> str:
    """A rate with its 95% Wilson interval."""
    z = 1.96
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return f"{p:.1%} ({max(0.0, centre - half):.1%}–{min(1.0, centre + half):.1%})"


def tables(null: list[Row], power: list[Row]) -> str:
    lines = [
        "| Setting, no step | Date given: false claims (95% CI) | worst one figure | "
        "Shift found: false claims (95% CI) | worst one figure |",
        "|---|---|---|---|---|",
    ]
    for row in null:
        lines.append(
            f"| {row.setting} | {rate(row.split_claims, row.replicates)} | "
            f"{row.worst_split / row.replicates:.1%} | "
            f"{rate(row.shift_claims, row.replicates)} | "
            f"{row.worst_shift / row.replicates:.1%} |"
        )
    lines += [
        "",
        "| Setting, a true step | Date given: power | Shift found: power |",
        "|---|---|---|",
    ]
    for row in power:
        lines.append(
            f"| {row.setting} | {row.split_claims / row.replicates:.1%} | "
            f"{row.shift_claims / row.replicates:.1%} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=400)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--part", choices=("series", "chats"), help="only this part")
    args = parser.parse_args()
    began = time.perf_counter()
    null, power = [], []
    if args.part != "chats":
        null, power = series_part(args.replicates, args.seed, args.quick)
    if args.part != "series":
        more_null, more_power = chat_part(args.replicates, args.seed, args.quick)
        null += more_null
        power += more_power
    took = time.perf_counter() - began
    print(tables(null, power))
    print(f"\n{args.replicates} replicates per setting, seed {args.seed}; {took:.0f} s")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / f"null_split{'_' + args.part if args.part else ''}.json").write_text(
        json.dumps(
            {
                "replicates": args.replicates,
                "seed": args.seed,
                "seconds": round(took, 1),
                "null": [asdict(r) for r in null],
                "power": [asdict(r) for r in power],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
