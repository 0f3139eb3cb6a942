"""Crisis words against labelled sentences: the rules, the classifier and the shipped decision.

    .venv/bin/python bench/crisis_eval.py [--runs R] [--no-sealed]

In one run, on two sets of lines (see bench/data/crisis/README.md):
- out of fold: every training line (dev, dev_b, train_*), scored by heads that never saw
  its writer (bench/out/safety_oof.json, written by bench/train_safety_heads.py, which
  this checks is current);
- sealed: bench/data/crisis/sealed.jsonl, written apart from everything and never trained
  or tuned on, scored by the shipped heads.
For each: the rules alone (`read_crisis`), the model alone (its crisis probability at the
shipped threshold, kind from its surest kind head) and the shipped decision (rules, else
the model; services/safety_model.py), each as recall (share of crisis lines flagged),
false-alarm rate (share of crisis-free lines flagged), precision and F1, overall, per
style, per category, for the `hard` lines and (out of fold) per file; and how often the
kind found is the labelled one. Beside them, the floor: a naive keyword test (any of
"suicide", "kill myself", "die", "dead", "hurt myself", "cut" as whole words), with the
shipped figures over the floor's as ratios. Speed: the median of R passes over every
text, in ms per text, with and without the model, and on one 20,000-character entry.

Sealed lines are scored and counted, never shown: no text, no index, nothing that says
which line was missed. Out-of-fold misses on training lines go to
bench/out/crisis_train_misses.json. Figures go to bench/out/crisis_eval.json.
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

import numpy as np

from clearheart.domain.safety.crisis import read_crisis
from clearheart.services.embedding import sha256_of
from clearheart.services.safety_model import (
    CRISIS,
    HEADS_FILE,
    NAMES,
    SafetyModel,
    crisis_decision,
    load_safety_model,
)
from harness import OUT, machine

DATA = Path(__file__).with_name("data") / "crisis"
OOF_FILE = OUT / "safety_oof.json"
GOALS = {"recall_min": 0.95, "false_alarm_max": 0.05}
KEYWORDS = ("suicide", "kill myself", "die", "dead", "hurt myself", "cut")
DECIDERS = ("rules", "model", "shipped")
LONG_CHARS = 20_000

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
    """`figures` for each value of `field` (style, category, kind, hard, file…)."""
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


def long_entry(ending: str) -> str:
    """An ordinary 20,000-character entry with `ending` as its last sentence."""
    paragraph = (
        "Work was long, the printer jammed twice and my manager wanted the slides by five. "
        "He texted at lunch to say he'd be late again, so I made pasta and ate it on the sofa. "
        "I keep wondering whether we'll ever talk the way we used to, and I miss him. "
        "My sister rang about the weekend and we laughed about her dog eating a sock. "
    )
    return (paragraph * 80)[:LONG_CHARS] + " " + ending


def time_long(fn: Callable[[str], object], text: str, runs: int,
              forget: Callable[[], None] = lambda: None) -> dict[str, Any]:
    """Median of `runs` timed reads of one long text (after one warm-up), in ms; `forget`
    runs before each read, untimed (it empties the model's cache of recent readings)."""
    fn(text)
    samples = []
    for _ in range(runs):
        forget()
        start = time.perf_counter()
        fn(text)
        samples.append(time.perf_counter() - start)
    return {"chars": len(text), "runs": runs,
            "median_ms": round(statistics.median(samples) * 1000, 2)}


def print_table(title: str, table: dict[str, dict[str, Any]], floor: dict[str, Any]) -> None:
    print(f"\n{title}")
    print(f"  {'group':<18}{'n':>5}{'pos':>5}{'recall':>9}{'f.alarm':>9}{'prec':>7}{'F1':>7}"
          f"{'  | floor recall':>16}{'f.alarm':>9}")
    for name, f in table.items():
        g = floor.get(name, {})
        print(f"  {name:<18}{f['lines']:>5}{f['positives']:>5}{_show(f['recall']):>9}"
              f"{_show(f['false_alarm_rate']):>9}{_show(f['precision']):>7}{_show(f['f1']):>7}"
              f"{'  | ':>7}{_show(g.get('recall')):>9}{_show(g.get('false_alarm_rate')):>9}")


def print_deciders(title: str, result: dict[str, Any], fields: tuple[str, ...]) -> None:
    """One line per group: recall and false alarms of the rules, the model and shipped."""
    print(f"\n{title}")
    print(f"  {'group':<22}{'n':>5}{'pos':>5}" + "".join(
        f"{name + ' R':>11}{'FA':>7}" for name in DECIDERS) + f"{'floor R':>10}{'FA':>7}")
    groups: list[tuple[str, str | None, str | None]] = [("all", None, None)]
    for field in fields:
        groups += [(f"{field}={v}" if field in ("hard", "voice", "file") else v, field, v)
                   for v in result["shipped"][field]]
    for name, field, value in groups:
        cells = []
        for decider in (*DECIDERS, "floor"):
            f = result[decider]["all"] if field is None else result[decider][field][value]
            cells.append(f"{_show(f['recall']):>11}{_show(f['false_alarm_rate']):>7}")
        f = result["shipped"]["all"] if field is None else result["shipped"][field][value]
        print(f"  {name:<22}{f['lines']:>5}{f['positives']:>5}" + "".join(cells))


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def score(rows: list[Row], found: list[tuple[str, ...]], label: str, category: str,
          fields: tuple[str, ...]) -> dict[str, Any]:
    """Figures of one decider over `rows`, overall and per field, and the kind agreement."""
    flags = [bool(kinds) for kinds in found]
    truths = [bool(row[label]) for row in rows]
    result: dict[str, Any] = {"all": figures(truths, flags)}
    for field in fields:
        result[field] = grouped(rows, flags, label, field)
    hits = [(row, kinds) for row, kinds in zip(rows, found, strict=True) if row[label] and kinds]
    result["kind_matches_label"] = _rate(sum(r[category] in k for r, k in hits), len(hits))
    return result


def oof_rows(task: str, folder: Path) -> tuple[list[Row], dict[str, Any]]:
    """The training lines the heads were scored on out of fold, each with its probabilities
    (`p`), after checking the out-of-fold file matches the training files and the heads."""
    if not OOF_FILE.is_file():
        raise SystemExit(f"{OOF_FILE} is missing: run bench/train_safety_heads.py first")
    oof = json.loads(OOF_FILE.read_text())
    if oof["heads_sha256"] != sha256_of(HEADS_FILE):
        raise SystemExit("safety_oof.json was written for other heads: retrain")
    part = oof[task]
    texts: dict[str, list[str]] = {}
    for name, about in part["files"].items():
        if sha256_of(folder / f"{name}.jsonl") != about["sha256"]:
            raise SystemExit(f"{name}.jsonl changed since the heads were trained: retrain")
        texts[name] = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [{**json.loads(texts[r["file"]][r["line"]]), "file": r["file"], "p": r["p"]}
            for r in part["rows"]]
    return rows, part


def embed_row(p: list[float], task_column: int) -> list[float]:
    """A task's out-of-fold probabilities placed in a full NAMES row."""
    row = [0.0] * len(NAMES)
    row[task_column : task_column + len(p)] = p
    return row


def sealed_probabilities(model: SafetyModel, rows: list[Row]) -> list[tuple[Any, ...]]:
    """Per sealed line: the shipped heads' probabilities and both rules' kinds."""
    return [model.read(str(row["text"])) for row in rows]


def measure(rows: list[Row], probs: list[list[float]], rules: list[Any], threshold: float,
            floor_test: Callable[[str], bool], fields: tuple[str, ...]) -> dict[str, Any]:
    """Rules alone, model alone, shipped and the floor on `rows`."""
    found: dict[str, list[Any]] = {
        "rules": rules,
        "model": [crisis_decision((), p, threshold) for p in probs],
        "shipped": [crisis_decision(r, p, threshold) for r, p in zip(rules, probs, strict=True)],
        "floor": [("floor",) if floor_test(str(r["text"])) else () for r in rows],
    }
    result = {name: score(rows, kinds, "crisis", "category", fields)
              for name, kinds in found.items()}
    result["ratio_to_floor"] = ratios(result["shipped"]["all"], result["floor"]["all"])
    result["goals_met"] = {
        "recall": (result["shipped"]["all"]["recall"] or 0) >= GOALS["recall_min"],
        "false_alarms": (result["shipped"]["all"]["false_alarm_rate"] or 1)
        <= GOALS["false_alarm_max"],
    }
    return result


def training_misses(rows: list[Row], probs: list[list[float]], rules: list[Any],
                    threshold: float) -> dict[str, list[Row]]:
    """Out-of-fold mistakes of the shipped decision on training lines (never sealed ones)."""
    shipped = [crisis_decision(r, p, threshold) for r, p in zip(rules, probs, strict=True)]
    plain = [{k: v for k, v in r.items() if k != "p"} | {"found": list(s)}
             for r, s in zip(rows, shipped, strict=True)]
    return {
        "missed": [r for r in plain if r["crisis"] and not r["found"]],
        "false_alarms": [r for r in plain if r["found"] and not r["crisis"]],
        "other_kind": [r for r in plain if r["crisis"] and r["found"]
                       and r["category"] not in r["found"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes over all texts")
    parser.add_argument("--no-sealed", action="store_true", help="out of fold only")
    args = parser.parse_args()
    model = load_safety_model()
    if model is None:
        raise SystemExit("the safety classifier is not installed (pip install -e '.[model]')")
    threshold = float(model.heads.threshold[CRISIS])
    floor_test = keyword_test(KEYWORDS)
    result: dict[str, Any] = {
        "benchmark": "crisis_eval", "machine": machine(), "goals": GOALS,
        "heads_sha256": sha256_of(HEADS_FILE), "threshold": threshold,
        "floor": {"keywords": list(KEYWORDS), "match": "whole words"},
    }
    fields = ("style", "category", "hard")

    rows, part = oof_rows("crisis", DATA)
    probs = [embed_row(r["p"], CRISIS) for r in rows]
    rules = [read_crisis(str(r["text"])).kinds for r in rows]
    oof = measure(rows, probs, rules, threshold, floor_test, (*fields, "file"))
    oof["settings"] = part["settings"]
    result["out_of_fold"] = oof
    print_deciders(f"== out of fold: {len(rows)} training lines (threshold {threshold:.2f})",
                   oof, (*fields, "file"))
    texts = [str(r["text"]) for r in rows]
    misses = training_misses(rows, probs, rules, threshold)

    sealed_path = DATA / "sealed.jsonl"
    if not args.no_sealed and sealed_path.is_file():
        sealed = load_split(DATA, "sealed")
        read = sealed_probabilities(model, sealed)
        sealed_result = measure(sealed, [list(map(float, p)) for p, _, _ in read],
                                [c for _, c, _ in read], threshold, floor_test, fields)
        sealed_result["sha256"] = sha256_of(sealed_path)
        result["sealed"] = sealed_result
        print_deciders(f"== sealed: {len(sealed)} lines (counts only)", sealed_result, fields)
        joined = joined_calm(model, [str(r["text"]) for r in sealed if not r["crisis"]])
        result["sealed"]["joined_crisis_free"] = joined
        print(f"  crisis-free sealed lines joined {joined['per_entry']} at a time: "
              f"{joined['flagged']} of {joined['entries']} long entries flagged by the shipped "
              f"decision (rules alone: {joined['rules_flagged']})")
        texts += [str(r["text"]) for r in sealed]

    result["speed"] = {
        "rules": time_per_text(read_crisis, texts, args.runs),
        "shipped": time_per_text(model.crisis, texts, args.runs),
        "floor": time_per_text(floor_test, texts, args.runs),
        "long_entry_rules": time_long(read_crisis, long_entry("I can't see a way forward."),
                                      args.runs),
        "long_entry_shipped": time_long(model.crisis, long_entry("I can't see a way forward."),
                                        args.runs, model.forget),
    }
    speed = result["speed"]
    print(f"\nspeed (median of {args.runs} passes over {len(texts)} texts, ms per text): rules "
          f"{speed['rules']['median_ms_per_text']}, with the model "
          f"{speed['shipped']['median_ms_per_text']}, keyword floor "
          f"{speed['floor']['median_ms_per_text']}; one {LONG_CHARS:,}-character entry: rules "
          f"{speed['long_entry_rules']['median_ms']} ms, with the model "
          f"{speed['long_entry_shipped']['median_ms']} ms")
    OUT.mkdir(exist_ok=True)
    (OUT / "crisis_eval.json").write_text(json.dumps(result, indent=2) + "\n")
    (OUT / "crisis_train_misses.json").write_text(json.dumps(misses, indent=2) + "\n")
    print(f"wrote {OUT / 'crisis_eval.json'} and {OUT / 'crisis_train_misses.json'} "
          f"({', '.join(f'{k}: {len(v)}' for k, v in misses.items())})")


def joined_calm(model: SafetyModel, calm: list[str], per_entry: int = 8,
                entries: int = 40) -> dict[str, int]:
    """Crisis-free lines joined into long entries (in file order, each line used once at
    most), and how many of those entries the shipped decision and the rules alone flag:
    a long entry is read in windows, and every window is a chance of a false alarm."""
    made = [" ".join(calm[at : at + per_entry])
            for at in range(0, min(len(calm), per_entry * entries), per_entry)]
    made = [text for text in made if text]
    return {"per_entry": per_entry, "entries": len(made),
            "flagged": sum(bool(model.crisis(t)) for t in made),
            "rules_flagged": sum(bool(read_crisis(t)) for t in made),
            "mean_chars": int(np.mean([len(t) for t in made])) if made else 0}


if __name__ == "__main__":
    main()
