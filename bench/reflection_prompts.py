"""How well the reflection nudges' detector (domain/reflection_cues.py) reads a held-out
set of short journal-like texts, written apart from its phrase lists.

The set (bench/data/reflection_heldout.tsv) is balanced by style (tidy, texting, long
ramble): three texts of each cue kind and hard negatives (kind memories, ordinary missing
someone, healthy reflection that names the same thoughts from a distance). A text counts
as a true prompt when the detector fires with its labelled kind; any firing on a "none"
text is a false prompt. Per style: precision, recall, and false prompts on hard negatives.

    .venv/bin/python bench/reflection_prompts.py

Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from clearheart.domain.reflection_cues import cues

DATA = Path(__file__).parent / "data" / "reflection_heldout.tsv"


def main() -> None:
    rows = [
        line.split("\t", 3)
        for line in DATA.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    tally: dict[str, Counter[str]] = {}
    started = time.perf_counter()
    for label, style, hard, text in rows:
        found = cues(text)
        t = tally.setdefault(style, Counter())
        if label == "none":
            t["negatives"] += 1
            t["hard"] += hard == "1"
            t["false"] += bool(found)
            t["hard_false"] += bool(found) and hard == "1"
        else:
            t["positives"] += 1
            t["true"] += label in found
            t["false"] += bool(set(found) - {label})
    spent = time.perf_counter() - started
    print("| style | texts | recall | precision | false prompts on hard negatives |")
    print("|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for style in ("tidy", "texting", "ramble"):
        t = tally[style]
        total.update(t)
        print(_row(style, t))
    print(_row("all", total))
    print(f"\n{len(rows)} texts read in {spent * 1000:.1f} ms.")


def _row(style: str, t: Counter[str]) -> str:
    fired = t["true"] + t["false"]
    precision = f"{t['true']}/{fired}" if fired else "n/a"
    return (
        f"| {style} | {t['positives'] + t['negatives']} | {t['true']}/{t['positives']} | "
        f"{precision} | {t['hard_false']}/{t['hard']} |"
    )


if __name__ == "__main__":
    main()
