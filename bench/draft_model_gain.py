"""What the embedding model adds to the rules and VADER, on drafts it may be judged on.

    .venv/bin/python bench/draft_model_gain.py

Runs the draft check three ways on bench/data/drafts/dev.jsonl and on
bench/data/paraphrase_probe.jsonl (48 drafts written for this probe: harsh messages
phrased to avoid the rules' wording, and calm ones with alarming-looking words; the
heads never trained on them, nor were thresholds picked on them):
- rules: rules and VADER only;
- model: the engine as it is, model flags for kinds the rules did not flag;
- model_when_silent: the model consulted only when the rules flag nothing.
Held-out drafts are never read here (bench/draft_eval.py owns them). Also measures the
model's load time and the per-draft latency with it (p50/p95 after a warm-up).
Writes bench/out/draft_model_gain.json.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from clearheart.domain.draftcheck import Reading, check
from clearheart.services.draft_model import DraftModel
from clearheart.services.draftcheck import DraftChecker
from harness import report, summary

DATA = Path(__file__).with_name("data")
SETS = {"dev": DATA / "drafts" / "dev.jsonl", "probe": DATA / "paraphrase_probe.jsonl"}


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def figures(drafts: list[dict[str, Any]], readings: list[Reading]) -> dict[str, Any]:
    tp = fp = fn = kinds_right = kinds_wrong = 0
    model_flags: list[dict[str, Any]] = []
    for draft, reading in zip(drafts, readings, strict=True):
        truth = bool(draft["pause"])
        tp += truth and reading.pause
        fp += reading.pause and not truth
        fn += truth and not reading.pause
        for flag in reading.flags:
            if flag.source != "model":
                continue
            right = flag.kind in draft["kinds"]
            kinds_right += right
            kinds_wrong += not right
            model_flags.append(
                {"id": draft["id"], "kind": flag.kind, "right": right, "pause": truth}
            )
    calm = sum(not d["pause"] for d in drafts)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pause_tp": tp,
        "pause_fp": fp,
        "pause_fn": fn,
        "pause_f1": round(2 * precision * recall / (precision + recall), 3) if tp else 0.0,
        "false_pause_rate": round(fp / calm, 3) if calm else None,
        "model_flags_right_kind": kinds_right,
        "model_flags_wrong_kind": kinds_wrong,
        "model_flags": model_flags,
    }


def main() -> None:
    started = time.perf_counter()
    model = DraftModel.load()
    load_s = time.perf_counter() - started
    if model is None:
        raise SystemExit("The embedding model is not installed (pip install -e '.[model]').")
    plain = DraftChecker(use_model=False)
    tone = plain.tone

    def when_silent(text: str) -> Reading:
        first = check(text, tone=tone)
        return first if first.flags else check(text, tone=tone, model=model)

    ways = {
        "rules": lambda text: check(text, tone=tone),
        "model": lambda text: check(text, tone=tone, model=model),
        "model_when_silent": when_silent,
    }
    result: dict[str, Any] = {"model_load_s": round(load_s, 3)}
    for name, path in SETS.items():
        drafts = read(path)
        result[name] = {
            way: figures(drafts, [run(d["text"]) for d in drafts]) for way, run in ways.items()
        }
        result[name]["drafts"] = len(drafts)
    texts = [d["text"] for path in SETS.values() for d in read(path)]
    for text in texts:
        ways["model"](text)
    samples = []
    for _ in range(3):
        for text in texts:
            start = time.perf_counter()
            ways["model"](text)
            samples.append(time.perf_counter() - start)
    result["latency_with_model"] = summary(samples)
    report("draft_model_gain", result)


if __name__ == "__main__":
    main()
