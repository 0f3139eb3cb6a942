"""Crisis words against labelled sentences: recall, false alarms, per style and kind, speed.

    .venv/bin/python bench/crisis_eval.py [--runs R] [--dev-only]

Reads bench/data/crisis/dev.jsonl and heldout.jsonl (see the README there) and runs
`read_crisis(text)` on every line. A line counts as flagged when any kind is found.
For each split it reports recall (share of crisis lines flagged), the false-alarm rate
(share of crisis-free lines flagged), precision and F1, overall, per style, per
category, and for the `hard` lines; and how often the kind found matches the label.
Beside it, in the same run, the floor: a naive keyword test (any of "suicide",
"kill myself", "die", "dead", "hurt myself", "cut" as whole words), with our figures
over the floor's as ratios. Speed: the median of R timed runs over every text, in
milliseconds per text, beside the keyword test's.

Held-out lines are scored and counted, never shown: no text, no index, nothing that
says which line was missed. Dev misses go to bench/out/crisis_dev_misses.json so the
rules can be tuned on them. Figures go to bench/out/crisis_eval.json. `--dev-only`
scores dev alone (use it while tuning, so held-out figures are looked at rarely).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from clearheart.domain.safety.crisis import read_crisis
from harness import OUT, machine

DATA = Path(__file__).with_name("data") / "crisis"
SPLITS = ("dev", "heldout")
GOALS = {"recall_min": 0.95, "false_alarm_max": 0.05}
KEYWORDS = ("suicide", "kill myself", "die", "dead", "hurt myself", "cut")

Row = dict[str, Any]


def load_split(folder: Path, name: str) -> list[Row]:
    lines = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def keyword_test(words: Iterable[str]) -> Callable[[str], bool]:
    """The floor: any of `words`, as whole words, in any case."""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    return lambda text: pattern.search(text) is not None


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def figures(truths: list[bool], flags: list[bool]) -> dict[str, Any]:
    """Recall, false-alarm rate, precision and F1, with the counts behind them."""
    tp = sum(t and f for t, f in zip(truths, flags, strict=True))
    fp = sum(f and not t for t, f in zip(truths, flags, strict=True))
    positives = sum(truths)
    negatives = len(truths) - positives
    recall = tp / positives if positives else None
    precision = tp / (tp + fp) if tp + fp else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )
    return {
        "lines": len(truths),
        "positives": positives,
        "negatives": negatives,
        "tp": tp,
        "fn": positives - tp,
        "fp": fp,
        "recall": _rate(tp, positives),
        "false_alarm_rate": _rate(fp, negatives),
        "precision": None if precision is None else round(precision, 3),
        "f1": None if f1 is None else round(f1, 3),
    }


def grouped(
    rows: list[Row], flags: list[bool], label: str, field: str
) -> dict[str, dict[str, Any]]:
    """`figures` for each value of `field` (style, category, kind, hard…)."""
    values = sorted({str(row[field]) for row in rows})
    result = {}
    for value in values:
        pairs = [(bool(r[label]), f) for r, f in zip(rows, flags, strict=True)
                 if str(r[field]) == value]
        result[value] = figures([t for t, _ in pairs], [f for _, f in pairs])
    return result


def ratios(ours: dict[str, Any], floor: dict[str, Any]) -> dict[str, float | None]:
    """Our recall, false-alarm rate, precision and F1 over the floor's."""
    out: dict[str, float | None] = {}
    for key in ("recall", "false_alarm_rate", "precision", "f1"):
        a, b = ours[key], floor[key]
        out[key] = round(a / b, 2) if a is not None and b else None
    return out


def time_per_text(fn: Callable[[str], object], texts: list[str], runs: int) -> dict[str, Any]:
    """Median over `runs` passes (after one warm-up) of the time per text, in ms."""
    for text in texts:
        fn(text)
    passes = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        passes.append((time.perf_counter() - start) / len(texts))
    return {
        "texts": len(texts),
        "runs": runs,
        "median_ms_per_text": round(statistics.median(passes) * 1000, 4),
        "max_ms_per_text": round(max(passes) * 1000, 4),
    }


def print_table(title: str, table: dict[str, dict[str, Any]], floor: dict[str, Any]) -> None:
    print(f"\n{title}")
    print(f"  {'group':<16}{'n':>5}{'pos':>5}{'recall':>9}{'f.alarm':>9}{'prec':>7}{'F1':>7}"
          f"{'  | floor recall':>16}{'f.alarm':>9}")
    for name, f in table.items():
        g = floor.get(name, {})
        print(f"  {name:<16}{f['lines']:>5}{f['positives']:>5}{_show(f['recall']):>9}"
              f"{_show(f['false_alarm_rate']):>9}{_show(f['precision']):>7}{_show(f['f1']):>7}"
              f"{'  | ':>7}{_show(g.get('recall')):>9}{_show(g.get('false_alarm_rate')):>9}")


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def score_crisis(rows: list[Row], detect: Callable[[str], tuple[str, ...]]) -> dict[str, Any]:
    found = [detect(row["text"]) for row in rows]
    flags = [bool(kinds) for kinds in found]
    truths = [bool(row["crisis"]) for row in rows]
    hits = [(row, kinds) for row, kinds in zip(rows, found, strict=True)
            if row["crisis"] and kinds]
    return {
        "all": figures(truths, flags),
        "style": grouped(rows, flags, "crisis", "style"),
        "category": grouped(rows, flags, "crisis", "category"),
        "hard": grouped(rows, flags, "crisis", "hard"),
        "kind_matches_label": _rate(sum(r["category"] in k for r, k in hits), len(hits)),
    }


def score_floor(rows: list[Row], test: Callable[[str], bool], label: str,
                fields: tuple[str, ...]) -> dict[str, Any]:
    flags = [test(row["text"]) for row in rows]
    result: dict[str, Any] = {"all": figures([bool(r[label]) for r in rows], flags)}
    for field in fields:
        result[field] = grouped(rows, flags, label, field)
    return result


def dev_misses(rows: list[Row], found: list[tuple[str, ...]]) -> dict[str, list[Row]]:
    missed = [{**r, "found": list(k)} for r, k in zip(rows, found, strict=True)
              if r["crisis"] and not k]
    false = [{**r, "found": list(k)} for r, k in zip(rows, found, strict=True)
             if k and not r["crisis"]]
    wrong = [{**r, "found": list(k)} for r, k in zip(rows, found, strict=True)
             if r["crisis"] and k and r["category"] not in k]
    return {"missed": missed, "false_alarms": false, "other_kind": wrong}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes over all texts")
    parser.add_argument("--dev-only", action="store_true", help="score dev alone (tuning)")
    args = parser.parse_args()
    splits = {name: load_split(DATA, name) for name in SPLITS
              if name == "dev" or not args.dev_only}
    floor_test = keyword_test(KEYWORDS)

    def detect(text: str) -> tuple[str, ...]:
        return read_crisis(text).kinds

    result: dict[str, Any] = {"benchmark": "crisis_eval", "machine": machine(), "goals": GOALS,
                              "floor": {"keywords": list(KEYWORDS), "match": "whole words"}}
    for name, rows in splits.items():
        ours = score_crisis(rows, detect)
        floor = score_floor(rows, floor_test, "crisis", ("style", "category", "hard"))
        ours["floor"] = floor
        ours["ratio_to_floor"] = ratios(ours["all"], floor["all"])
        ours["goals_met"] = {
            "recall": (ours["all"]["recall"] or 0) >= GOALS["recall_min"],
            "false_alarms": (ours["all"]["false_alarm_rate"] or 0) <= GOALS["false_alarm_max"],
        }
        result[name] = ours
        title = f"== {name}: {len(rows)} lines"
        print_table(title, {"all": ours["all"]} | ours["style"] | ours["category"]
                    | {f"hard={k}": v for k, v in ours["hard"].items()},
                    {"all": floor["all"]} | floor["style"] | floor["category"]
                    | {f"hard={k}": v for k, v in floor["hard"].items()})
        print(f"  kind matches label on flagged crisis lines: {ours['kind_matches_label']}")
        print(f"  ours over the keyword floor: {ours['ratio_to_floor']}")
    texts = [row["text"] for rows in splits.values() for row in rows]
    result["speed"] = {"ours": time_per_text(read_crisis, texts, args.runs),
                       "floor": time_per_text(floor_test, texts, args.runs)}
    speed = result["speed"]
    print(f"\nspeed: {speed['ours']['median_ms_per_text']} ms per text (median of {args.runs}"
          f" runs over {len(texts)} texts); keyword floor "
          f"{speed['floor']['median_ms_per_text']} ms")
    OUT.mkdir(exist_ok=True)
    (OUT / "crisis_eval.json").write_text(json.dumps(result, indent=2) + "\n")
    # Dev misses only, in a file of their own: held-out misses are never written anywhere.
    rows = splits["dev"]
    misses = dev_misses(rows, [detect(r["text"]) for r in rows])
    (OUT / "crisis_dev_misses.json").write_text(json.dumps(misses, indent=2) + "\n")
    print(f"wrote {OUT / 'crisis_eval.json'} and {OUT / 'crisis_dev_misses.json'} "
          f"({', '.join(f'{k}: {len(v)}' for k, v in misses.items())})")


if __name__ == "__main__":
    main()
