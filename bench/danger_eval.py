"""Danger from a partner against labelled texts: recall, false alarms, per style and kind, speed.

    .venv/bin/python bench/danger_eval.py [--runs R] [--dev-only]

Reads bench/data/danger/dev.jsonl and heldout.jsonl (see the README there) and runs
`danger_kinds(text)` on every journal entry and draft. A text counts as flagged when any
kind is found. For each split it reports recall (share of danger texts flagged), the
false-alarm rate (share of danger-free texts flagged), precision and F1, overall, per
style, per kind, per voice (journal or draft) and for the `hard` texts; and how often the
kinds found include the labelled one. Beside it, in the same run, the floor: a naive
keyword test (any of "hit", "scared", "afraid", "threat", "control", "check" as whole
words), with our figures over the floor's as ratios. Speed: the median of R timed runs
over every text, in milliseconds per text, beside the keyword test's.

Held-out texts are scored and counted, never shown. Dev misses go to
bench/out/danger_dev_misses.json; figures to bench/out/danger_eval.json. `--dev-only`
scores dev alone (use it while tuning).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clearheart.domain.safety.signals import danger_kinds
from crisis_eval import (
    figures,
    grouped,
    keyword_test,
    load_split,
    print_table,
    ratios,
    score_floor,
    time_per_text,
)
from harness import OUT, machine

DATA = Path(__file__).with_name("data") / "danger"
SPLITS = ("dev", "heldout")
GOALS = {"recall_min": 0.85, "false_alarm_max": 0.08}
KEYWORDS = ("hit", "scared", "afraid", "threat", "control", "check")
FIELDS = ("style", "kind", "voice", "hard")

Row = dict[str, Any]


def score_danger(rows: list[Row], detect: Callable[[str], tuple[str, ...]]) -> dict[str, Any]:
    found = [detect(row["text"]) for row in rows]
    flags = [bool(kinds) for kinds in found]
    hits = [(row, kinds) for row, kinds in zip(rows, found, strict=True) if row["danger"] and kinds]
    result: dict[str, Any] = {"all": figures([bool(r["danger"]) for r in rows], flags)}
    for field in FIELDS:
        result[field] = grouped(rows, flags, "danger", field)
    matched = sum(r["kind"] in k for r, k in hits)
    result["kind_matches_label"] = round(matched / len(hits), 3) if hits else None
    return result


def dev_misses(rows: list[Row], found: list[tuple[str, ...]]) -> dict[str, list[Row]]:
    pairs = list(zip(rows, found, strict=True))
    return {
        "missed": [{**r, "found": list(k)} for r, k in pairs if r["danger"] and not k],
        "false_alarms": [{**r, "found": list(k)} for r, k in pairs if k and not r["danger"]],
        "other_kind": [{**r, "found": list(k)} for r, k in pairs
                       if r["danger"] and k and r["kind"] not in k],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes over all texts")
    parser.add_argument("--dev-only", action="store_true", help="score dev alone (tuning)")
    args = parser.parse_args()
    splits = {name: load_split(DATA, name) for name in SPLITS
              if name == "dev" or not args.dev_only}
    floor_test = keyword_test(KEYWORDS)
    result: dict[str, Any] = {"benchmark": "danger_eval", "machine": machine(), "goals": GOALS,
                              "floor": {"keywords": list(KEYWORDS), "match": "whole words"}}
    for name, rows in splits.items():
        ours = score_danger(rows, danger_kinds)
        floor = score_floor(rows, floor_test, "danger", FIELDS)
        ours["floor"] = floor
        ours["ratio_to_floor"] = ratios(ours["all"], floor["all"])
        ours["goals_met"] = {
            "recall": (ours["all"]["recall"] or 0) >= GOALS["recall_min"],
            "false_alarms": (ours["all"]["false_alarm_rate"] or 0) <= GOALS["false_alarm_max"],
        }
        result[name] = ours
        table = {"all": ours["all"]} | ours["style"] | ours["kind"] | {
            f"voice={k}": v for k, v in ours["voice"].items()} | {
            f"hard={k}": v for k, v in ours["hard"].items()}
        floors = {"all": floor["all"]} | floor["style"] | floor["kind"] | {
            f"voice={k}": v for k, v in floor["voice"].items()} | {
            f"hard={k}": v for k, v in floor["hard"].items()}
        print_table(f"== {name}: {len(rows)} texts", table, floors)
        print(f"  kind found includes the label on flagged danger texts: "
              f"{ours['kind_matches_label']}")
        print(f"  ours over the keyword floor: {ours['ratio_to_floor']}")
    texts = [row["text"] for rows in splits.values() for row in rows]
    result["speed"] = {"ours": time_per_text(danger_kinds, texts, args.runs),
                       "floor": time_per_text(floor_test, texts, args.runs)}
    speed = result["speed"]
    print(f"\nspeed: {speed['ours']['median_ms_per_text']} ms per text (median of {args.runs}"
          f" runs over {len(texts)} texts); keyword floor "
          f"{speed['floor']['median_ms_per_text']} ms")
    OUT.mkdir(exist_ok=True)
    (OUT / "danger_eval.json").write_text(json.dumps(result, indent=2) + "\n")
    # Dev misses only, in a file of their own: held-out misses are never written anywhere.
    rows = splits["dev"]
    misses = dev_misses(rows, [danger_kinds(r["text"]) for r in rows])
    (OUT / "danger_dev_misses.json").write_text(json.dumps(misses, indent=2) + "\n")
    print(f"wrote {OUT / 'danger_eval.json'} and {OUT / 'danger_dev_misses.json'} "
          f"({', '.join(f'{k}: {len(v)}' for k, v in misses.items())})")


if __name__ == "__main__":
    main()
