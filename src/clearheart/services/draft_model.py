"""The embedding classifier the draft check may use: MiniLM vectors, small logistic heads.

It fills the domain's `Model` seam (clearheart.domain.draftcheck.reading.Model): for
each sentence, a score per draft kind where 0.5 and above means "confident enough to
flag". The heads are tiny logistic regressions stored in clearheart/models/
draft_heads.npz (trained by bench/train_draft_heads.py on our own labelled drafts
and on GoEmotions, Demszky et al., 2020, CC BY 4.0); numpy runs them, nothing else.
A sentence is flagged only when the pause head is past its gate (set above every
calm dev draft, out of fold) and then only as the surest of the kinds the model may
name; scores are rescaled so that this decision sits at 0.5, as the seam expects.
See docs/decisions/0008-embedding-model.md.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearheart.services.embedding import MODELS_DIR, Embedder

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

log = logging.getLogger("clearheart.model")

HEADS_FILE = MODELS_DIR / "draft_heads.npz"
HEADS_SHA256 = "4e6be535999cdb27b13a98dcd384a96debfcb6ae4427851db8899c16a2e87513"
"""sha256 of draft_heads.npz as bench/train_draft_heads.py last wrote it."""


def stack_features(
    vectors: npt.NDArray[np.float32],
    ge_weights: npt.NDArray[np.float32],
    ge_bias: npt.NDArray[np.float32],
) -> npt.NDArray[np.float32]:
    """The input of the kind heads: the embedding, then the GoEmotions heads' logits."""
    import numpy as np

    logits = vectors @ ge_weights.T + ge_bias
    stacked: npt.NDArray[np.float32] = np.hstack([vectors, logits]).astype(np.float32)
    return stacked


def _sigmoid(z: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    import numpy as np

    result: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
    return result


def rescale(probability: float, threshold: float) -> float:
    """Map a head's probability so that its own threshold lands on 0.5, keeping order."""
    if probability < threshold:
        return 0.5 * probability / threshold
    return 0.5 + 0.5 * (probability - threshold) / max(1.0 - threshold, 1e-9)


@dataclass(frozen=True, eq=False)
class Heads:
    """The logistic heads read from draft_heads.npz."""

    ge_names: tuple[str, ...]
    ge_weights: Any
    ge_bias: Any
    ge_threshold: Any
    names: tuple[str, ...]
    weights: Any
    bias: Any
    threshold: Any
    meta: Mapping[str, Any]

    @classmethod
    def read(cls, path: Path = HEADS_FILE) -> Heads:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            return cls(
                ge_names=tuple(str(n) for n in data["ge_names"]),
                ge_weights=data["ge_weights"],
                ge_bias=data["ge_bias"],
                ge_threshold=data["ge_threshold"],
                names=tuple(str(n) for n in data["names"]),
                weights=data["weights"],
                bias=data["bias"],
                threshold=data["threshold"],
                meta=json.loads(str(data["meta"])),
            )

    def probabilities(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """One row per vector, one column per name in `names` (kinds, then pause)."""
        features = stack_features(vectors, self.ge_weights, self.ge_bias)
        return _sigmoid(features @ self.weights.T + self.bias)

    def goemotions(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Probabilities of the GoEmotions heads (columns in `ge_names`)."""
        return _sigmoid(vectors @ self.ge_weights.T + self.ge_bias)


@dataclass(eq=False)
class DraftModel:
    """Embedder plus heads; loaded once by the draft checker when the model is installed."""

    embedder: Embedder
    heads: Heads

    @classmethod
    def load(cls, heads_path: Path = HEADS_FILE) -> DraftModel | None:
        """The model, or None (logged once by the embedder, or here) when a part is missing."""
        embedder = Embedder.load()
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

    def probabilities(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        """Per sentence, a score per kind; 0.5 and above means flag it.

        A kind scores 0.5 or more only when the pause head is past its gate (set
        above every calm dev draft) and this kind's head is the surest of the kinds
        the model may name (threshold at most 1) and past its own threshold.
        Otherwise every score stays below 0.5, ordered by how close it came.
        """
        if not sentences:
            return []
        heads = self.heads
        rows = heads.probabilities(self.embedder.embed(sentences))
        pause = heads.names.index("pause")
        live = [
            i for i, name in enumerate(heads.names) if name != "pause" and heads.threshold[i] <= 1
        ]
        scores: list[dict[str, float]] = []
        for row in rows:
            gate = rescale(float(row[pause]), float(heads.threshold[pause]))
            surest = max(live, key=lambda i: float(row[i]), default=None)
            scored: dict[str, float] = {}
            for i in live:
                chosen = i == surest and float(row[i]) >= float(heads.threshold[i])
                scored[heads.names[i]] = gate if chosen else min(gate, 0.49) * float(row[i])
            scores.append(scored)
        return scores

    def pause_probability(self, text: str) -> float:
        """The pause head's rescaled score for a whole draft (for the evaluation)."""
        index = self.heads.names.index("pause")
        row = self.heads.probabilities(self.embedder.embed([text]))[0]
        return rescale(float(row[index]), float(self.heads.threshold[index]))
