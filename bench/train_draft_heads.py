"""Train the draft-check classifier heads on top of all-MiniLM-L6-v2 embeddings.

Reproducible: fixed seed, deterministic solver (Newton steps on an L2-penalised
logistic loss, numpy only), inputs hashed into the output's metadata. Writes
src/clearheart/models/draft_heads.npz and prints its sha256 (record it in
services/draft_model.py HEADS_SHA256 and docs/decisions/0008-embedding-model.md).

Two kinds of head, in two layers:
1. GoEmotions heads (ge_anger, ge_disgust, ge_fear; see bench/goemotions.py for the
   mapping), trained on GoEmotions' train split, threshold picked on its dev split.
2. One head per draft kind and one for `pause`, trained on our own labelled drafts
   (bench/data/drafts/dev.jsonl; held-out drafts are never read here). Their input is
   the embedding plus the three GoEmotions logits.

How they decide (services/draft_model.py): a sentence is flagged only when the pause
head is sure (its threshold is set above every calm dev draft's out-of-fold score,
sentence by sentence as the draft check splits them, so on dev the model adds no
false pause), and then only as the kind whose head is most sure, if that head reaches
KIND_AT. Heads for kinds with too few examples are switched off.

    .venv/bin/python bench/train_draft_heads.py [--report]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

import numpy as np

import goemotions
from clearheart.domain.draftcheck.engine import _SENTENCES
from clearheart.domain.draftcheck.reading import KINDS
from clearheart.services.draft_model import HEADS_FILE, stack_features
from clearheart.services.embedding import MODEL_SHA256, Embedder, sha256_of

SEED = 20260522
DEV = Path(__file__).resolve().parent / "data" / "drafts" / "dev.jsonl"
FOLDS = 5
MIN_POSITIVES = 6
"""A kind with fewer labelled drafts than this gets no head: too little to learn from."""
L2_GOEMOTIONS = 1.0
L2_DRAFTS = 0.1
"""Chosen by out-of-fold ranking quality on dev (0.01, 0.1, 1 and 3 tried)."""
KIND_AT = 0.5
MODEL_KINDS = (
    "criticism",
    "contempt",
    "sarcasm",
    "defensiveness",
    "guilt_trip",
    "reassurance_seeking",
)
"""The kinds the model may name. Threats and ultimatums are left to the rules: their
wording is explicit, and a wrong "this reads as a threat" is too heavy a thing to say on
a guess. Intensity is left to the rules and VADER (the engine never takes it from the
model)."""
GATE_MARGIN = 0.01
"""How far above the most pause-like calm dev draft the pause gate sits."""
OFF = 2.0
"""A threshold no probability reaches: the head is stored but never fires."""


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 50
) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression by Newton's method; the bias is not penalised."""
    n, d = x.shape
    positives = max(y.sum(), 1.0)
    negatives = max(n - y.sum(), 1.0)
    weight = np.where(y > 0, n / (2 * positives), n / (2 * negatives))
    xb = np.hstack([x.astype(np.float64), np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        gradient = xb.T @ (weight * (p - y)) + penalty * w
        hessian = (xb * (weight * p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w[:-1], float(w[-1])


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def best_f1_threshold(p: np.ndarray, y: np.ndarray) -> float:
    best, chosen = -1.0, 0.5
    for t in np.linspace(0.05, 0.95, 91):
        predicted = p >= t
        tp = float((predicted & (y > 0)).sum())
        f1 = 2 * tp / max(predicted.sum() + y.sum(), 1)
        if f1 > best:
            best, chosen = f1, float(t)
    return chosen


def precision_recall(predicted: np.ndarray, y: np.ndarray) -> dict[str, float | int]:
    tp = int((predicted & (y > 0)).sum())
    return {
        "precision": round(tp / max(int(predicted.sum()), 1), 3),
        "recall": round(tp / max(int(y.sum()), 1), 3),
        "support": int(y.sum()),
    }


def write_npz(path: Path, **arrays: np.ndarray) -> None:
    """Like np.savez, with fixed zip timestamps so the same inputs give the same bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, buffer.getvalue())


def read_dev() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def train_goemotions(embedder: Embedder) -> dict[str, object]:
    _, train_tags = goemotions.read_split("train")
    _, dev_tags = goemotions.read_split("dev")
    x_train = goemotions.embeddings("train", embedder)
    x_dev = goemotions.embeddings("dev", embedder)
    y_train, y_dev = goemotions.targets(train_tags), goemotions.targets(dev_tags)
    heads: dict[str, object] = {}
    for head in goemotions.MAPPING:
        w, b = fit_logistic(x_train, y_train[head], L2_GOEMOTIONS)
        threshold = best_f1_threshold(sigmoid(x_dev @ w + b), y_dev[head])
        heads[head] = (w, b, threshold)
    return heads


def sentence_features(
    texts: list[str], embedder: Embedder, ge: tuple[np.ndarray, ...]
) -> list[np.ndarray]:
    """Per draft, the features of each sentence as the draft check splits it."""
    out = []
    for text in texts:
        sentences = [m.group() for m in _SENTENCES.finditer(text) if m.group().strip()] or [text]
        out.append(stack_features(embedder.embed(sentences), ge[0], ge[1]).astype(np.float64))
    return out


def out_of_fold(
    x: np.ndarray, y: np.ndarray, sentences: list[np.ndarray], folds: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per draft: the highest out-of-fold pause probability over its sentences, and the
    kind probabilities of that sentence (heads trained on the other folds)."""
    pause = np.zeros(len(x))
    kinds = np.zeros((len(x), y.shape[1] - 1))
    for fold in range(FOLDS):
        train = folds != fold
        heads = [fit_logistic(x[train], y[train, j], L2_DRAFTS) for j in range(y.shape[1])]
        for i in np.where(~train)[0]:
            p = np.stack([sigmoid(sentences[i] @ w + b) for w, b in heads], axis=1)
            best = int(p[:, -1].argmax())
            pause[i], kinds[i] = p[best, -1], p[best, :-1]
    return pause, kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print out-of-fold figures")
    args = parser.parse_args()
    embedder = Embedder.load()
    if embedder is None:
        print("The embedding model is not installed (pip install -e '.[model]').")
        return 1
    rng = np.random.default_rng(SEED)

    ge = train_goemotions(embedder)
    ge_names = list(goemotions.MAPPING)
    ge_w = np.stack([ge[h][0] for h in ge_names]).astype(np.float32)  # type: ignore[index]
    ge_b = np.array([ge[h][1] for h in ge_names], dtype=np.float32)  # type: ignore[index]
    ge_t = np.array([ge[h][2] for h in ge_names], dtype=np.float32)  # type: ignore[index]

    drafts = read_dev()
    texts = [str(d["text"]) for d in drafts]
    x = stack_features(embedder.embed(texts), ge_w, ge_b).astype(np.float64)
    sentences = sentence_features(texts, embedder, (ge_w, ge_b))
    folds = rng.permutation(np.arange(len(drafts)) % FOLDS)
    names = [*KINDS, "pause"]
    y = np.array(
        [[n in d["kinds"] for n in KINDS] + [bool(d["pause"])] for d in drafts],  # type: ignore[operator]
        dtype=np.float64,
    )
    oof_pause, oof_kinds = out_of_fold(x, y, sentences, folds)
    calm = y[:, -1] == 0
    gate = float(min(0.99, oof_pause[calm].max() + GATE_MARGIN))
    weights, biases, thresholds = [], [], []
    for j, name in enumerate(names):
        if y[:, j].sum() < MIN_POSITIVES:
            weights.append(np.zeros(x.shape[1]))
            biases.append(0.0)
            thresholds.append(OFF)
            continue
        w, b = fit_logistic(x, y[:, j], L2_DRAFTS)
        weights.append(w)
        biases.append(b)
        thresholds.append(gate if name == "pause" else KIND_AT if name in MODEL_KINDS else OFF)
    fired = oof_pause >= gate
    right = wrong = silent = 0
    allowed = np.array([name in MODEL_KINDS for name in KINDS])
    for i in np.where(fired)[0]:
        k = int(np.where(allowed, oof_kinds[i], -1.0).argmax())
        if oof_kinds[i, k] < KIND_AT:
            silent += 1
        elif y[i, k]:
            right += 1
        else:
            wrong += 1
    figures = {
        "gate": round(gate, 4),
        "pause_drafts_over_gate": f"{int(fired[~calm].sum())} of {int((~calm).sum())}",
        "calm_drafts_over_gate": f"{int(fired[calm].sum())} of {int(calm.sum())}",
        "kind_when_fired": {"right": right, "wrong": wrong, "no_kind": silent},
    }

    meta = {
        "seed": SEED,
        "embedding_model_sha256": MODEL_SHA256,
        "dev_sha256": sha256_of(DEV),
        "dev_drafts": len(drafts),
        "goemotions_train_sha256": sha256_of(goemotions.DATA / "train.tsv"),
        "goemotions_credit": goemotions.CREDIT,
        "goemotions_mapping": goemotions.MAPPING,
        "l2": L2_DRAFTS,
        "kind_at": KIND_AT,
        "out_of_fold": figures,
    }
    write_npz(
        HEADS_FILE,
        ge_names=np.array(ge_names),
        ge_weights=ge_w,
        ge_bias=ge_b,
        ge_threshold=ge_t,
        names=np.array(names),
        weights=np.stack(weights).astype(np.float32),
        bias=np.array(biases, dtype=np.float32),
        threshold=np.array(thresholds, dtype=np.float32),
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )
    print(json.dumps(figures if args.report else {}, indent=2))
    print(f"wrote {HEADS_FILE}")
    print(f"sha256 {hashlib.sha256(HEADS_FILE.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
