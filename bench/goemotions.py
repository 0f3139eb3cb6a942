"""GoEmotions for the draft heads: reading the splits, our label mapping, cached embeddings.

GoEmotions: Demszky, Movshovitz-Attias, Ko, Cowen, Nemade and Ravi (2020),
"GoEmotions: A Dataset of Fine-Grained Emotions", ACL 2020. 58k Reddit comments,
27 emotions plus neutral, released by Google Research under CC BY 4.0. The copy
used here lives in ../shared/data/goemotions (train.tsv, dev.tsv, test.tsv,
labels.txt). Reddit comments are not couples' messages, so the heads trained on
it are signals beside our own labelled drafts, and its test split is a public
reference figure, not the product's own measure.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from clearheart.services.embedding import Embedder

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "goemotions"
CACHE = Path(__file__).with_name("out") / "goemotions-cache"

CREDIT = (
    "GoEmotions (Demszky et al., 2020, 'GoEmotions: A Dataset of Fine-Grained Emotions', "
    "ACL 2020; Google Research, CC BY 4.0)"
)

MAPPING: dict[str, tuple[str, ...]] = {
    # head name: the GoEmotions labels that count as a positive for it
    "ge_anger": ("anger", "annoyance", "disapproval"),
    "ge_disgust": ("disgust",),
    "ge_fear": ("fear", "nervousness"),
}
"""Our GoEmotions heads and the emotions each stands for.

ge_anger is the nearest public signal to criticism (blame, irritation, "you are
wrong"); ge_disgust to contempt (scorn, looking down); ge_fear to the worry under
reassurance-seeking and, when strong, to a draft that shows fear (safety).
"""


def labels() -> list[str]:
    return (DATA / "labels.txt").read_text(encoding="utf-8").split()


def read_split(split: str) -> tuple[list[str], list[set[str]]]:
    """Texts and label names of one split ("train", "dev" or "test")."""
    names = labels()
    texts: list[str] = []
    tags: list[set[str]] = []
    for line in (DATA / f"{split}.tsv").read_text(encoding="utf-8").splitlines():
        text, indices, _ = line.split("\t")
        texts.append(text)
        tags.append({names[int(i)] for i in indices.split(",")})
    return texts, tags


def targets(tags: list[set[str]]) -> dict[str, np.ndarray]:
    """0/1 per head for each comment, following MAPPING."""
    return {
        head: np.array([bool(t & set(emotions)) for t in tags], dtype=np.float64)
        for head, emotions in MAPPING.items()
    }


def embeddings(split: str, embedder: Embedder, batch: int = 64) -> np.ndarray:
    """Embeddings of one split, cached in bench/out/ by the hash of file and model."""
    source = DATA / f"{split}.tsv"
    key = hashlib.sha256(
        source.read_bytes() + repr(embedder.session.get_modelmeta().graph_name).encode()
    ).hexdigest()[:16]
    cached = CACHE / f"{split}-{key}.npy"
    if cached.is_file():
        return np.load(cached)
    texts, _ = read_split(split)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths batch well
    result = np.zeros((len(texts), 384), dtype=np.float32)
    for start in range(0, len(order), batch):
        chunk = order[start : start + batch]
        result[chunk] = embedder.embed([texts[i] for i in chunk])
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cached, result)
    return result


KIND_FOR_HEAD = {
    "ge_anger": "criticism",
    "ge_disgust": "contempt",
    "ge_fear": "reassurance_seeking",
}
"""The draft kind each GoEmotions group stands nearest to (for the reference figures)."""


def _prf(predicted: np.ndarray, truth: np.ndarray) -> dict[str, float | int]:
    tp = int((predicted & truth).sum())
    precision = tp / max(int(predicted.sum()), 1)
    recall = tp / max(int(truth.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "support": int(truth.sum()),
    }


def reference() -> dict[str, object]:
    """Precision and recall of our heads on GoEmotions' test split, for the mapped emotions.

    Two rows per group: the GoEmotions head itself (trained on GoEmotions' train split,
    threshold from its dev split) and the draft-kind head nearest to it (trained on our
    own drafts, so a low figure here is expected: Reddit is not a couple's chat).
    """
    from clearheart.services.draft_model import DraftModel

    model = DraftModel.load()
    if model is None:
        return {"available": False, "credit": CREDIT}
    from clearheart.domain.draftcheck.engine import read_rules
    from clearheart.services.draft_model import NAMES
    from clearheart.services.draftcheck import VaderTone

    heads = model.heads
    texts, tags = read_split("test")
    truth = {head: values > 0 for head, values in targets(tags).items()}
    vectors = embeddings("test", model.embedder)
    ge = heads.goemotions(vectors)
    tone = VaderTone()
    evidence = [read_rules(text, tone).evidence for text in texts]
    kinds = np.vstack(
        [
            model.scores(texts[at : at + 64], evidence[at : at + 64])
            for at in range(0, len(texts), 64)
        ]
    )
    groups: dict[str, object] = {}
    for column, head in enumerate(heads.ge_names):
        kind = KIND_FOR_HEAD[head]
        k = NAMES.index(kind)
        groups[head] = {
            "emotions": list(MAPPING[head]),
            "goemotions_head": _prf(ge[:, column] >= heads.ge_threshold[column], truth[head]),
            "nearest_kind": kind,
            "kind_head": _prf(kinds[:, k] >= heads.threshold[k], truth[head]),
        }
    return {
        "available": True,
        "split": "test",
        "comments": len(tags),
        "groups": groups,
        "credit": CREDIT,
        "note": "Reddit comments, not couples' messages: a public reference, not our goal.",
    }
