"""The draft check against our labelled drafts: quality per kind, false pauses, speed.

    .venv/bin/python bench/draft_eval.py [--passes P] [--loads L]

Reads bench/data/drafts/dev.jsonl and heldout.jsonl (see the README there for the labels)
and runs `DraftChecker().check(text)` on every draft (and, for comparison, the rules and
VADER alone: `DraftChecker(use_model=False)`). For each split it reports precision,
recall and F1 for `pause` and for each kind, the false-pause rate (share of calm drafts
paused), safety recall (share of safety-marked drafts the checker marks `safety`) and the
confusion counts. Misses are listed for dev only: held-out misses are counted, never
shown, so nobody tunes on them. Speed: each draft's check time over P passes after a
warm-up pass (median = p50, and p95), beside the rules and VADER alone in the same run
(the floor), and, in fresh processes (median of L), the time to import and build the
checker and the model's own load (the goal's "model load"). Writes
bench/out/draft_eval.json, and the dev misses to bench/out/draft_eval_dev_misses.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from clearheart.domain.draftcheck.reading import KINDS
from harness import OUT, report, summary

DATA = Path(__file__).with_name("data") / "drafts"
SPLITS = ("dev", "heldout")
GOALS = {
    "pause_f1_min": 0.85,
    "false_pause_rate_max": 0.10,
    "p95_ms_rules_tone": 20.0,
    "p95_ms_with_model": 40.0,
    "load_s_max": 1.0,
}

Draft = dict[str, Any]

_LOAD_SNIPPET = """
import json, time
start = time.perf_counter()
from clearheart.services.draftcheck import DraftChecker
imported = time.perf_counter()
checker = DraftChecker()
built = time.perf_counter()
print(json.dumps({"import_s": imported - start, "construct_s": built - imported}))
"""
_MODEL_SNIPPET = """
import json, time
from clearheart.services.draft_model import DraftModel
start = time.perf_counter()
assert DraftModel.load() is not None
print(json.dumps({"model_s": time.perf_counter() - start}))
"""


def load_checker() -> Any:
    """The service's DraftChecker class, or a clear exit when it does not exist yet."""
    try:
        from clearheart.services.draftcheck import DraftChecker
    except ImportError as error:
        sys.exit(
            "draft_eval: cannot import clearheart.services.draftcheck.DraftChecker "
            f"({error}).\nThe draft check (issue 5) has to exist before it can be evaluated."
        )
    return DraftChecker


def load_split(name: str) -> list[Draft]:
    path = DATA / f"{name}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )
    return {
        "precision": _round(precision),
        "recall": _round(recall),
        "f1": _round(f1),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def predicted(reading: Any) -> dict[str, Any]:
    kinds = sorted({flag.kind for flag in reading.flags})
    return {
        "pause": bool(reading.pause),
        "kinds": kinds,
        "safety": bool(reading.safety),
        "sources": sorted({flag.source for flag in reading.flags}),
    }


def bad_spans(text: str, reading: Any) -> int:
    return sum(not (0 <= flag.start < flag.end <= len(text)) for flag in reading.flags)


def score(drafts: list[Draft], guesses: list[dict[str, Any]], *, show: bool) -> dict[str, Any]:
    """Quality figures for one split; with `show`, the misses themselves too."""
    pause = Counter[str]()
    per_kind = {kind: Counter[str]() for kind in KINDS}
    # For each labelled kind (or "calm"), which kinds the checker gave (or "none").
    confusion = {kind: Counter[str]() for kind in (*KINDS, "calm")}
    misses: dict[str, list[dict[str, Any]]] = {
        "false_pause": [],
        "missed_pause": [],
        "wrong_kinds": [],
        "missed_safety": [],
        "false_safety": [],
    }
    for draft, guess in zip(drafts, guesses, strict=True):
        truth = bool(draft["pause"])
        pause[("t" if truth == guess["pause"] else "f") + ("p" if guess["pause"] else "n")] += 1
        want, got = set(draft["kinds"]), set(guess["kinds"])
        for kind in KINDS:
            if kind in want and kind in got:
                per_kind[kind]["tp"] += 1
            elif kind in got:
                per_kind[kind]["fp"] += 1
            elif kind in want:
                per_kind[kind]["fn"] += 1
        for kind in want or {"calm"}:
            confusion[kind].update(got or {"none"})
        safe_truth = bool(draft.get("safety"))
        row = {
            "id": draft["id"],
            "text": draft["text"],
            "want": sorted(want),
            "got": sorted(got),
            "note": draft.get("note", ""),
            "trap": bool(draft.get("trap")),
        }
        if guess["pause"] and not truth:
            misses["false_pause"].append(row)
        elif truth and not guess["pause"]:
            misses["missed_pause"].append(row)
        elif want != got:
            misses["wrong_kinds"].append(row)
        if safe_truth and not guess["safety"]:
            misses["missed_safety"].append(row)
        if guess["safety"] and not safe_truth:
            misses["false_safety"].append(row)
    calm = sum(not d["pause"] for d in drafts)
    safety_marked = sum(bool(d.get("safety")) for d in drafts)
    traps = sum(bool(d.get("trap")) for d in drafts)
    result: dict[str, Any] = {
        "drafts": len(drafts),
        "calm_drafts": calm,
        "safety_drafts": safety_marked,
        "pause": prf(pause["tp"], pause["fp"], pause["fn"]),
        "pause_confusion": {
            "true_pause": pause["tp"],
            "false_pause": pause["fp"],
            "missed_pause": pause["fn"],
            "true_calm": pause["tn"],
        },
        "false_pause_rate": _round(pause["fp"] / calm) if calm else None,
        "trap_drafts": traps,
        "traps_paused": sum(bool(row.get("trap")) for row in misses["false_pause"]),
        "safety_recall": (
            _round((safety_marked - len(misses["missed_safety"])) / safety_marked)
            if safety_marked
            else None
        ),
        "safety_false_alarms": len(misses["false_safety"]),
        "kinds": {
            kind: {
                "labelled": sum(kind in d["kinds"] for d in drafts),
                **prf(c["tp"], c["fp"], c["fn"]),
            }
            for kind, c in per_kind.items()
        },
        "kind_confusion": {kind: dict(sorted(c.items())) for kind, c in confusion.items()},
        "miss_counts": {name: len(rows) for name, rows in misses.items()},
    }
    if show:
        result["misses"] = misses
    return result


def time_checks(checker: Any, texts: list[str], passes: int) -> list[float]:
    for text in texts:  # warm-up: caches, lazy imports, first-call costs
        checker.check(text)
    samples = []
    for _ in range(passes):
        for text in texts:
            start = time.perf_counter()
            checker.check(text)
            samples.append(time.perf_counter() - start)
    return samples


def fresh_loads(count: int) -> dict[str, Any]:
    """Import and build the checker in new interpreters (what the CLI pays on each run),
    and, in others, load the model alone: hash checks, tokenizer, ONNX session, heads."""
    runs = []
    for _ in range(count):
        run: dict[str, float] = {}
        for snippet in (_LOAD_SNIPPET, _MODEL_SNIPPET):
            done = subprocess.run(
                [sys.executable, "-c", snippet], capture_output=True, text=True, check=True
            )
            run.update(json.loads(done.stdout.strip().splitlines()[-1]))
        runs.append(run)
    totals = [run["import_s"] + run["construct_s"] for run in runs]
    return {
        "processes": count,
        "import_median_s": round(statistics.median(r["import_s"] for r in runs), 3),
        "construct_median_s": round(statistics.median(r["construct_s"] for r in runs), 3),
        "load_median_s": round(statistics.median(totals), 3),
        "load_max_s": round(max(totals), 3),
        "model_load_median_s": round(statistics.median(r["model_s"] for r in runs), 3),
    }


def print_dev_misses(misses: dict[str, list[dict[str, Any]]]) -> None:
    for name, rows in misses.items():
        print(f"\n== dev {name}: {len(rows)}", file=sys.stderr)
        for row in rows:
            print(
                f"  {row['id']} want={row['want']} got={row['got']}  {row['text']!r}",
                file=sys.stderr,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--passes", type=int, default=3, help="timed passes over all drafts")
    parser.add_argument("--loads", type=int, default=3, help="fresh processes for the load time")
    parser.add_argument(
        "--goemotions",
        action="store_true",
        help="instead: the embedding heads on GoEmotions' test split (a public reference)",
    )
    args = parser.parse_args()
    if args.goemotions:  # helper H: bench/goemotions.py; credit printed with the figures
        import goemotions

        reference = goemotions.reference()
        report("draft_eval_goemotions", reference)
        print(f"\nGoEmotions test split, credit: {goemotions.CREDIT}", file=sys.stderr)
        return
    checker_class = load_checker()
    loading = fresh_loads(args.loads)
    checker = checker_class()
    splits = {name: load_split(name) for name in SPLITS}
    result: dict[str, Any] = {"load": loading}
    sources: Counter[str] = Counter()
    spans = 0
    for name, drafts in splits.items():
        readings = [checker.check(d["text"]) for d in drafts]
        guesses = [predicted(r) for r in readings]
        sources.update(s for g in guesses for s in g["sources"])
        spans += sum(bad_spans(d["text"], r) for d, r in zip(drafts, readings, strict=True))
        result[name] = score(drafts, guesses, show=name == "dev")
    texts = [d["text"] for drafts in splits.values() for d in drafts]
    samples = time_checks(checker, texts, args.passes)
    uses_model = sources["model"] > 0 or getattr(checker, "model", None) is not None
    p95_goal = GOALS["p95_ms_with_model" if uses_model else "p95_ms_rules_tone"]
    result["latency"] = {**summary(samples), "passes": args.passes, "max_ms": max(samples) * 1000}
    result["flags_by_source"] = dict(sources)
    result["flags_with_bad_spans"] = spans
    plain = checker_class(use_model=False)
    result["rules_and_vader_only"] = {
        name: score(drafts, [predicted(plain.check(d["text"])) for d in drafts], show=False)
        for name, drafts in splits.items()
    }
    plain_samples = time_checks(plain, texts, args.passes)
    result["rules_and_vader_only"]["latency"] = summary(plain_samples)
    # The floor in the same run: the model's p95 over the rules' and VADER's.
    result["p95_ratio_to_rules_and_vader"] = round(
        result["latency"]["p95_ms"] / result["rules_and_vader_only"]["latency"]["p95_ms"], 1
    )
    held = result["heldout"]
    result["goals"] = {
        **GOALS,
        "embedding_model_in_use": uses_model,
        "heldout_pause_f1_met": (held["pause"]["f1"] or 0) >= GOALS["pause_f1_min"],
        "heldout_false_pause_met": (held["false_pause_rate"] or 0) <= GOALS["false_pause_rate_max"],
        "p95_met": result["latency"]["p95_ms"] < p95_goal,
        "p95_rules_and_vader_met": (
            result["rules_and_vader_only"]["latency"]["p95_ms"] < GOALS["p95_ms_rules_tone"]
        ),
        "model_load_met": loading["model_load_median_s"] < GOALS["load_s_max"],
    }
    dev_misses = result["dev"].pop("misses")
    report("draft_eval", result)
    # Dev misses only, in a file of their own: held-out misses are never written anywhere.
    (OUT / "draft_eval_dev_misses.json").write_text(json.dumps(dev_misses, indent=2) + "\n")
    print_dev_misses(dev_misses)


if __name__ == "__main__":
    main()
