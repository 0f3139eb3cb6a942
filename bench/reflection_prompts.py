"""How well the reflection nudges' detector (domain/reflection_cues.py) reads held-out
sets of short journal-like texts, written apart from its phrase lists.

Sets (bench/data/, columns: label, style, hard, text):

- heldout: reflection_heldout.tsv, the earlier 42 texts (tidy, texting, ramble; three of
  each cue kind and 24 hard negatives).
- sealed: reflection_sealed.tsv, 312 texts written before the detector or its tests were
  read, balanced by style (tidy, texting, ramble, terse: one line under eight words) and
  label (8 of each cue kind and 30 hard negatives per style). Never tune on it.
- sealed2: reflection_sealed2.tsv, 345 texts by a second writer who never read the rules,
  their tests or the earlier sets (same styles; 8 of each cue kind, 36-37 hard negatives
  and 2 plain negatives per style). Never tune on it.
- dev: reflection_dev.tsv, written after reading the rules, for development only. Its
  figures say nothing about quality on unseen writing.

A text counts as a true prompt when the detector fires with its labelled kind; a firing
with any other kind is a false prompt, and any firing on a "none" text is a false
prompt. Per style and per kind: recall, precision, and false prompts on hard negatives
with a 95% Wilson interval. Deterministic, so one run is the figure.

    PYTHONPATH=src .venv/bin/python bench/reflection_prompts.py
        [--set heldout|sealed|sealed2|dev|all]

Without --set it reads the three sets kept apart (heldout, sealed, sealed2). Prints
Markdown tables for docs/performance.md.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from clearheart.domain.patterns.share import wilson
from clearheart.domain.reflection_cues import cues

DATA = Path(__file__).parent / "data"
SETS = {
    "heldout": DATA / "reflection_heldout.tsv",
    "sealed": DATA / "reflection_sealed.tsv",
    "sealed2": DATA / "reflection_sealed2.tsv",
    "dev": DATA / "reflection_dev.tsv",
}
STYLES = ("tidy", "texting", "ramble", "terse")


def read(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, style, hard, text = line.split("\t", 3)
            rows.append((label, style, hard, text))
    return rows


def report(name: str, path: Path, show_misses: bool) -> None:
    rows = read(path)
    by_style: dict[str, Counter[str]] = {}
    by_kind: dict[str, Counter[str]] = {}
    misses: list[str] = []
    started = time.perf_counter()
    for label, style, hard, text in rows:
        found = set(cues(text))
        t = by_style.setdefault(style, Counter())
        for kind in found:
            by_kind.setdefault(kind, Counter())["fired"] += 1
        if label == "none":
            t["negatives"] += 1
            t["hard"] += hard == "1"
            t["false"] += bool(found)
            t["hard_false"] += bool(found) and hard == "1"
            if found:
                misses.append(f"false {sorted(found)} ({style}): {text}")
        else:
            k = by_kind.setdefault(label, Counter())
            k["positives"] += 1
            t["positives"] += 1
            hit = label in found
            t["true"] += hit
            k["true"] += hit
            t["false"] += bool(found - {label})
            if not hit:
                misses.append(f"missed {label} ({style}), found {sorted(found)}: {text}")
    spent = time.perf_counter() - started

    print(f"### {name}: {path.name}, {len(rows)} texts\n")
    print("| style | texts | recall | precision | false prompts on hard negatives (95% CI) |")
    print("|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for style in STYLES:
        if style in by_style:
            total.update(by_style[style])
            print(_style_row(style, by_style[style]))
    print(_style_row("all", total))
    print("\n| kind | recall | precision |")
    print("|---|---|---|")
    for kind in sorted(by_kind):
        k = by_kind[kind]
        recall = f"{k['true']}/{k['positives']}" if k["positives"] else "n/a"
        precision = f"{k['true']}/{k['fired']}" if k["fired"] else "n/a"
        print(f"| {kind} | {recall} | {precision} |")
    print(f"\n{len(rows)} texts read in {spent * 1000:.1f} ms.\n")
    if show_misses:
        print("\n".join(misses) + "\n")


def _style_row(style: str, t: Counter[str]) -> str:
    fired = t["true"] + t["false"]
    precision = f"{t['true']}/{fired}" if fired else "n/a"
    return (
        f"| {style} | {t['positives'] + t['negatives']} | {t['true']}/{t['positives']} | "
        f"{precision} | {_rate(t['hard_false'], t['hard'])} |"
    )


def _rate(part: int, total: int) -> str:
    if not total:
        return "n/a"
    low, high = wilson(part, total)
    return f"{part}/{total} ({part / total:.1%}, {low:.1%}–{high:.1%})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default=None)
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list the texts read wrongly (refused on the sealed set: never tune on it)",
    )
    args = parser.parse_args()
    names = ["heldout", "sealed", "sealed2"] if args.set is None else [args.set]
    if args.set == "all":
        names = [n for n in SETS if SETS[n].exists()]
    for name in names:
        report(name, SETS[name], show_misses=args.misses and name == "dev")


if __name__ == "__main__":
    main()
