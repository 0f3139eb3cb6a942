"""Train the draft check's classifier heads (services/draft_model.py) on our own drafts.

Reproducible: fixed seed, deterministic solvers (Newton steps for the dense heads, a fixed
number of Adam steps for the lexical ones, numpy only), inputs hashed into the output's
metadata. Writes src/clearheart/models/draft_heads.npz and prints its sha256 (record it in
services/draft_model.py HEADS_SHA256 and docs/decisions/0008-embedding-model.md).

1. GoEmotions heads (ge_anger, ge_disgust, ge_fear; see bench/goemotions.py for the
   mapping), trained on GoEmotions' train split, threshold picked on its dev split. Their
   logits are three of the dense features.
2. For `pause` and each kind, a dense head and a lexical head, trained on
   bench/data/drafts/dev.jsonl (held-out drafts are never read here). Their input is the
   draft as the app sees it: texting spellings rewritten as the checker rewrites them,
   the rules' evidence from the same rules, VADER from the same scorer.
3. Out of fold on dev (FOLDS folds): the blend of the two heads and the pause threshold
   that give the best pause F1 while at most FALSE_PAUSE_AT_MOST of calm dev drafts
   pause (the app's goal is 10%; the margin is for drafts unlike ours), counting the
   rule-made pauses the engine keeps (safety signs, threats). Each kind's threshold gives
   the best out-of-fold F1 of the kind as the engine reports it: on a paused draft, when
   the rules flagged it or its head is past the threshold. `safety` (the sender afraid,
   harmed or coerced) gets the best F2, recall counted twice: a missed sign costs more
   than an extra offer of help.

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
from clearheart.domain.draftcheck.engine import read_rules, rules_decide
from clearheart.domain.draftcheck.reading import KINDS, Evidence
from clearheart.domain.draftcheck.texting import normalise
from clearheart.services.draft_model import (
    FEATURES_VERSION,
    HEADS_FILE,
    NAMES,
    dense_features,
    lexical,
)
from clearheart.services.draftcheck import VaderTone, known_word
from clearheart.services.embedding import MODEL_SHA256, Embedder, sha256_of

SEED = 20261207
DEV = Path(__file__).resolve().parent / "data" / "drafts" / "dev.jsonl"
FOLDS = 5
L2_GOEMOTIONS = 1.0
L2_DENSE = 300.0
"""On standardised features; chosen out of fold on dev (30 to 3000 tried)."""
L2_LEX = 1e-4
LEX_STEPS = 300
LEX_RATE = 0.05
BLENDS = (0.3, 0.4, 0.5, 0.6, 0.7)
FALSE_PAUSE_AT_MOST = 0.07
GRID = np.round(np.linspace(0.05, 0.95, 91), 2)
BATCH = 32


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


def fit_lexical(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Class-balanced logistic heads (one per column of y) on the hashed grams, by Adam."""
    n, d = x.shape
    heads = y.shape[1]
    positives = np.clip(y.sum(axis=0), 1.0, None)
    weight = np.where(y > 0, n / (2 * positives), n / (2 * np.clip(n - positives, 1.0, None)))
    w = np.zeros((d, heads), dtype=np.float64)
    b = np.zeros(heads)
    m, v = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros(heads), np.zeros(heads)
    for step in range(1, LEX_STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = weight * (p - y) / n
        gw = x.T @ error + L2_LEX * w
        gb = error.sum(axis=0)
        m = 0.9 * m + 0.1 * gw
        v = 0.999 * v + 0.001 * gw * gw
        mb = 0.9 * mb + 0.1 * gb
        vb = 0.999 * vb + 0.001 * gb * gb
        fix1, fix2 = 1 - 0.9**step, 1 - 0.999**step
        w -= LEX_RATE * (m / fix1) / (np.sqrt(v / fix2) + 1e-8)
        b -= LEX_RATE * (mb / fix1) / (np.sqrt(vb / fix2) + 1e-8)
    return w.T, b


class Fitted:
    """Dense and lexical heads for every name, fitted on some drafts."""

    def __init__(self, dense: np.ndarray, lex: np.ndarray, y: np.ndarray) -> None:
        self.mean = dense.mean(axis=0)
        self.scale = dense.std(axis=0) + 1e-6
        standard = (dense - self.mean) / self.scale
        fitted = [fit_logistic(standard, y[:, j], L2_DENSE) for j in range(y.shape[1])]
        self.dense_w = np.stack([w for w, _ in fitted])
        self.dense_b = np.array([b for _, b in fitted])
        self.lex_w, self.lex_b = fit_lexical(lex, y)

    def parts(self, dense: np.ndarray, lex: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        standard = (dense - self.mean) / self.scale
        return (
            sigmoid(standard @ self.dense_w.T + self.dense_b),
            sigmoid(lex @ self.lex_w.T + self.lex_b),
        )


def write_npz(path: Path, **arrays: np.ndarray) -> None:
    """Like np.savez, with fixed zip timestamps so the same inputs give the same bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, buffer.getvalue())


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


def read_dev() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def draft_features(
    texts: list[str], embedder: Embedder, ge_w: np.ndarray, ge_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[Evidence]]:
    tone = VaderTone()
    evidence = [read_rules(text, tone).evidence for text in texts]
    means, peaks = [], []
    for at in range(0, len(texts), BATCH):
        mean, peak = embedder.pooled(texts[at : at + BATCH])
        means.append(mean)
        peaks.append(peak)
    dense = dense_features(np.vstack(means), np.vstack(peaks), ge_w, ge_b, texts, evidence)
    return dense.astype(np.float64), lexical(texts).astype(np.float64), evidence


def f1_of(predicted: np.ndarray, truth: np.ndarray) -> float:
    return f_beta(predicted, truth, 1.0)


def choose(
    dense_p: np.ndarray, lex_p: np.ndarray, y: np.ndarray, forced: np.ndarray
) -> tuple[float, float]:
    """The blend and pause threshold with the best out-of-fold F1 under the false-pause cap."""
    truth = y[:, 0] > 0
    calm = ~truth
    best: tuple[float, float, float] = (-1.0, 0.5, 0.5)
    for blend in BLENDS:
        p = blend * dense_p[:, 0] + (1 - blend) * lex_p[:, 0]
        for t in GRID:
            predicted = (p >= t) | forced
            if predicted[calm].mean() <= FALSE_PAUSE_AT_MOST:
                f1 = f1_of(predicted, truth)
                if f1 > best[0]:
                    best = (f1, float(blend), float(t))
    return best[1], best[2]


def f_beta(predicted: np.ndarray, truth: np.ndarray, beta: float) -> float:
    """F-beta from the counts: recall weighs beta times as much as precision."""
    tp = float((predicted & truth).sum())
    missed = float((~predicted & truth).sum())
    extra = float((predicted & ~truth).sum())
    b2 = beta * beta
    return (1 + b2) * tp / max((1 + b2) * tp + b2 * missed + extra, 1.0)


def figures(predicted: np.ndarray, truth: np.ndarray, *, pause: bool = True) -> dict[str, object]:
    tp = int((predicted & truth).sum())
    out: dict[str, object] = {
        "precision": round(tp / max(int(predicted.sum()), 1), 3),
        "recall": round(tp / max(int(truth.sum()), 1), 3),
        "f1": round(f1_of(predicted, truth), 3),
        "drafts": len(truth),
    }
    if pause:
        out["false_pause_rate"] = round(float(predicted[~truth].mean()), 3)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
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
    # As the app reads a draft: texting spellings rewritten (domain/draftcheck/texting.py).
    texts = [normalise(str(d["text"]), known_word).text for d in drafts]
    dense, lex, evidence = draft_features(texts, embedder, ge_w, ge_b)
    y = np.array(
        [
            [bool(d["pause"])]
            + [k in d["kinds"] for k in KINDS]  # type: ignore[operator]
            + [bool(d.get("safety"))]
            for d in drafts
        ],
        dtype=np.float64,
    )
    forced = np.array([rules_decide(ev) for ev in evidence])
    folds = rng.permutation(np.arange(len(drafts)) % FOLDS)
    oof_dense, oof_lex = np.zeros_like(y), np.zeros_like(y)
    for fold in range(FOLDS):
        train = folds != fold
        fitted = Fitted(dense[train], lex[train], y[train])
        oof_dense[~train], oof_lex[~train] = fitted.parts(dense[~train], lex[~train])
    blend, pause_at = choose(oof_dense, oof_lex, y, forced)
    oof = blend * oof_dense + (1 - blend) * oof_lex
    truth = y[:, 0] > 0
    paused = (oof[:, 0] >= pause_at) | forced
    # A kind is reported when the draft pauses and the rules flagged it or its head is
    # past the threshold: pick each threshold for the F1 of what is reported.
    ruled = np.array([[kind in ev.kinds for kind in KINDS] for ev in evidence])
    thresholds = [pause_at]
    for j in range(1, len(KINDS) + 1):
        scored = [
            (f1_of(paused & (ruled[:, j - 1] | (oof[:, j] >= t)), y[:, j] > 0), float(t))
            for t in GRID
        ]
        thresholds.append(max(scored)[1])
    # Safety: a missed sign of fear costs more than an extra offer of help, so its
    # threshold gives the best F2 (recall counted twice) of rules-or-model.
    ruled_safety = np.array([ev.safety for ev in evidence])
    safe_truth = y[:, -1] > 0
    thresholds.append(
        max((f_beta(ruled_safety | (oof[:, -1] >= t), safe_truth, 2.0), float(t)) for t in GRID)[1]
    )
    marked_safety = ruled_safety | (oof[:, -1] >= thresholds[-1])
    paused = paused | marked_safety

    unseen = np.array([not str(d["id"]).startswith("d0") for d in drafts])
    report = {
        "blend": blend,
        "pause_threshold": pause_at,
        "out_of_fold": figures(paused, truth),
        "out_of_fold_unseen_by_rules": figures(paused[unseen], truth[unseen]),
        "rules_alone": figures(np.array([ev.pause for ev in evidence]), truth),
        "rules_alone_unseen_by_rules": figures(
            np.array([ev.pause for ev in evidence])[unseen], truth[unseen]
        ),
        "kinds": {
            kind: {
                "threshold": thresholds[j],
                **figures(
                    paused & (ruled[:, j - 1] | (oof[:, j] >= thresholds[j])),
                    y[:, j] > 0,
                    pause=False,
                ),
            }
            for j, kind in enumerate(KINDS, start=1)
        },
        "safety": {
            "threshold": thresholds[-1],
            **figures(marked_safety, safe_truth, pause=False),
            "rules_alone": figures(ruled_safety, safe_truth, pause=False),
        },
    }
    final = Fitted(dense, lex, y)
    meta = {
        "features_version": FEATURES_VERSION,
        "seed": SEED,
        "embedding_model_sha256": MODEL_SHA256,
        "dev_sha256": sha256_of(DEV),
        "dev_drafts": len(drafts),
        "goemotions_train_sha256": sha256_of(goemotions.DATA / "train.tsv"),
        "goemotions_credit": goemotions.CREDIT,
        "goemotions_mapping": goemotions.MAPPING,
        "l2_dense": L2_DENSE,
        "l2_lex": L2_LEX,
        "false_pause_at_most": FALSE_PAUSE_AT_MOST,
        "report": report,
    }
    write_npz(
        HEADS_FILE,
        ge_names=np.array(ge_names),
        ge_weights=ge_w,
        ge_bias=ge_b,
        ge_threshold=ge_t,
        names=np.array(NAMES),
        mean=final.mean.astype(np.float32),
        scale=final.scale.astype(np.float32),
        dense_weights=final.dense_w.astype(np.float32),
        dense_bias=final.dense_b.astype(np.float32),
        lex_weights=final.lex_w.astype(np.float32),
        lex_bias=final.lex_b.astype(np.float32),
        blend=np.array(blend, dtype=np.float32),
        threshold=np.array(thresholds, dtype=np.float32),
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )
    print(json.dumps(report if args.report else {}, indent=2))
    print(f"wrote {HEADS_FILE}")
    print(f"sha256 {hashlib.sha256(HEADS_FILE.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
