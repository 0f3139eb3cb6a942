"""The draft check's trained classifier: it weighs the rules' evidence with what the words mean.

It fills the domain's `Model` seam (clearheart.domain.draftcheck.reading.Model). Each
draft becomes two feature vectors:
- dense: the MiniLM embedding (mean- and max-pooled), three GoEmotions logits, the rules'
  evidence (flags per kind, their own pause, a safety sign), VADER's tone and a few
  shape figures (capitals, !, ?, length);
- lexical: hashed word 1-3-grams and character 3-5-grams (binary, length-normalised).
One small logistic head per name (`pause`, each kind, then `safety`) on each vector; a name's
probability is a fixed blend of its two heads. The heads are stored in
clearheart/models/draft_heads.npz, trained by bench/train_draft_heads.py on our own
labelled dev drafts (GoEmotions heads, Demszky et al., 2020, CC BY 4.0, feed the dense
vector); numpy runs them, nothing else. Thresholds were chosen out of fold on dev.
See docs/decisions/0008-embedding-model.md.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearheart.domain.draftcheck.reading import KINDS, Evidence, Judgement
from clearheart.services.embedding import MODELS_DIR, Embedder, installed_embedder

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

log = logging.getLogger("clearheart.model")

HEADS_FILE = MODELS_DIR / "draft_heads.npz"
HEADS_SHA256 = "a8bfe1dae92f03a0a89c0126a34a595266efd2c8f06684760660c441f1933557"
"""sha256 of draft_heads.npz as bench/train_draft_heads.py last wrote it."""
FEATURES_VERSION = 3
"""Bumped whenever the features change; the heads file records the version it needs."""
NAMES: tuple[str, ...] = ("pause", *KINDS, "safety")
SAFETY = len(NAMES) - 1
"""The column of the safety head."""
LEX_BITS = 14
LEX_DIMENSIONS = 1 << LEX_BITS
SHAPE = ("capitals", "exclamations", "questions", "log_words", "you", "runs")
EVIDENCE = (*(f"rule_{kind}" for kind in KINDS), "rule_pause", "rule_safety")
TONE = ("compound", "negative", "positive")

_WORDS = re.compile(r"[a-z0-9']+|[!?.]+|[^\w\s]")
_TOKENS = re.compile(r"\S+")
_RUNS = re.compile(r"\?{2,}|!{2,}")
_SHOUT = re.compile(r"[A-Z]{3,}")


def grams(text: str) -> set[str]:
    """The lexical features of a text: word 1-3-grams and character 3-5-grams of each word."""
    low = text.lower()
    words = _WORDS.findall(low)
    out = set(words)
    out.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    out.update(f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False))
    for token in _TOKENS.findall(low):
        marked = f"<{token}>"
        for n in (3, 4, 5):
            out.update("#" + marked[i : i + n] for i in range(len(marked) - n + 1))
    if _SHOUT.search(text):
        out.add("@shout")
    return out


def lexical(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """One row per text: its grams hashed (crc32) into LEX_DIMENSIONS, scaled to unit length."""
    import numpy as np

    rows = np.zeros((len(texts), LEX_DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        found = grams(text)
        if not found:
            continue
        columns = [zlib.crc32(g.encode()) & (LEX_DIMENSIONS - 1) for g in found]
        rows[row, columns] = 1.0
        rows[row] /= math.sqrt(float(rows[row].sum()))
    return rows


def shape(text: str) -> list[float]:
    """Capitals' share of letters, counts of ! and ?, log word count, "you"s, ?? or !! runs."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / max(len(letters), 1)
    return [
        capitals,
        float(text.count("!")),
        float(text.count("?")),
        math.log1p(len(text.split())),
        float(len(re.findall(r"\byou", text.lower()))),
        float(len(_RUNS.findall(text))),
    ]


def evidence_row(evidence: Evidence) -> list[float]:
    tone = evidence.tone
    return [
        *(float(evidence.kinds.get(kind, 0)) for kind in KINDS),
        float(evidence.pause),
        float(evidence.safety),
        *((tone.compound, tone.negative, tone.positive) if tone else (0.0, 0.0, 0.0)),
    ]


def _sigmoid(z: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    import numpy as np

    result: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))).astype(
        np.float32
    )
    return result


@dataclass(frozen=True, eq=False)
class Heads:
    """The logistic heads read from draft_heads.npz (rows in the order of NAMES)."""

    ge_names: tuple[str, ...]
    ge_weights: Any
    ge_bias: Any
    ge_threshold: Any
    mean: Any
    """Per dense feature, the mean and the scale it is standardised with."""
    scale: Any
    dense_weights: Any
    dense_bias: Any
    lex_weights: Any
    lex_bias: Any
    blend: float
    """A name's probability: blend * dense head + (1 - blend) * lexical head."""
    threshold: Any
    meta: dict[str, Any]

    @classmethod
    def read(cls, path: Path = HEADS_FILE) -> Heads:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            names = tuple(str(n) for n in data["names"])
            if meta.get("features_version") != FEATURES_VERSION or names != NAMES:
                raise ValueError("the heads file was trained for other features")
            return cls(
                ge_names=tuple(str(n) for n in data["ge_names"]),
                ge_weights=data["ge_weights"],
                ge_bias=data["ge_bias"],
                ge_threshold=data["ge_threshold"],
                mean=data["mean"],
                scale=data["scale"],
                dense_weights=data["dense_weights"],
                dense_bias=data["dense_bias"],
                lex_weights=data["lex_weights"],
                lex_bias=data["lex_bias"],
                blend=float(data["blend"]),
                threshold=data["threshold"],
                meta=meta,
            )

    def goemotions(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Probabilities of the GoEmotions heads (columns in `ge_names`) on mean-pooled vectors."""
        return _sigmoid(vectors @ self.ge_weights.T + self.ge_bias)

    def probabilities(
        self, dense: npt.NDArray[np.float32], lex: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """One row per text, one column per name in NAMES."""
        standard = (dense - self.mean) / self.scale
        from_dense = _sigmoid(standard @ self.dense_weights.T + self.dense_bias)
        from_lex = _sigmoid(lex @ self.lex_weights.T + self.lex_bias)
        blended: npt.NDArray[np.float32] = self.blend * from_dense + (1 - self.blend) * from_lex
        return blended


def dense_features(
    mean: npt.NDArray[np.float32],
    peak: npt.NDArray[np.float32],
    ge_weights: npt.NDArray[np.float32],
    ge_bias: npt.NDArray[np.float32],
    texts: Sequence[str],
    evidence: Sequence[Evidence],
) -> npt.NDArray[np.float32]:
    """The dense vector per text (see the module docstring), unstandardised."""
    import numpy as np

    logits = mean @ ge_weights.T + ge_bias
    extra = np.array(
        [[*evidence_row(ev), *shape(text)] for text, ev in zip(texts, evidence, strict=True)],
        dtype=np.float32,
    ).reshape(len(texts), len(EVIDENCE) + len(TONE) + len(SHAPE))
    stacked: npt.NDArray[np.float32] = np.hstack([mean, peak, logits, extra]).astype(np.float32)
    return stacked


@dataclass(eq=False)
class DraftModel:
    """Embedder plus heads; loaded once by the draft checker when the model is installed."""

    embedder: Embedder
    heads: Heads

    @classmethod
    def load(cls, heads_path: Path = HEADS_FILE) -> DraftModel | None:
        """The model, or None (logged once by the embedder, or here) when a part is missing."""
        embedder = installed_embedder()
        if embedder is None:
            return None
        if not heads_path.is_file():
            log.info("The draft heads file is missing; the rules work without it.")
            return None
        if heads_path == HEADS_FILE and (
            hashlib.sha256(heads_path.read_bytes()).hexdigest() != HEADS_SHA256
        ):
            log.info("The draft heads file differs from the pinned one; not using it.")
            return None
        return cls(embedder, Heads.read(heads_path))

    def features(
        self, texts: Sequence[str], evidence: Sequence[Evidence]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """The dense and lexical vectors of `texts`, each with the evidence about it."""
        mean, peak = self.embedder.pooled(texts)
        heads = self.heads
        dense = dense_features(mean, peak, heads.ge_weights, heads.ge_bias, texts, evidence)
        return dense, lexical(texts)

    def scores(self, texts: Sequence[str], evidence: Sequence[Evidence]) -> npt.NDArray[np.float32]:
        """Per text, the probability of each name in NAMES."""
        return self.heads.probabilities(*self.features(texts, evidence))

    def judge(self, text: str, sentences: Sequence[str], evidence: Evidence) -> Judgement:
        """Pause or not for the whole draft; each kind read, with the sentence it sits in most.

        Only the whole draft goes through the embedding model. A kind is placed on the
        sentence its lexical head scores highest (cheap, and enough to point at words).
        """
        draft = self.scores([text], [evidence])[0]
        threshold = self.heads.threshold
        pause = bool(draft[0] >= threshold[0])
        columns = [c for c in range(1, len(KINDS) + 1) if draft[c] >= threshold[c]]
        if pause and not columns:
            columns = [1 + max(range(len(KINDS)), key=lambda k: draft[1 + k] / threshold[1 + k])]
        unsafe = bool(draft[SAFETY] >= threshold[SAFETY])
        if not columns and not unsafe:
            return Judgement(pause=pause, kinds={})
        where = self._places(sentences)
        return Judgement(
            pause=pause,
            kinds={KINDS[c - 1]: where[c] for c in columns},
            safety=where[SAFETY] if unsafe else None,
        )

    def _places(self, sentences: Sequence[str]) -> list[int]:
        """Per name, the index of the sentence its lexical head scores highest."""
        if len(sentences) < 2:
            return [0] * len(NAMES)
        heads = self.heads
        rows = lexical(sentences) @ heads.lex_weights.T + heads.lex_bias
        return [int(i) for i in rows.argmax(axis=0)]
