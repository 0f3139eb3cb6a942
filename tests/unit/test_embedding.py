"""The optional embedding layer: it loads from installed files, offline, and means what it says.

The `dev` extra installs the model package, so nothing here is skipped: a missing part
is a failure, not a reason to skip.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import socket
import time
from pathlib import Path

import numpy as np
import pytest

from clearheart.domain.draftcheck.reading import KINDS
from clearheart.services import draft_model, embedding
from clearheart.services.draft_model import HEADS_FILE, HEADS_SHA256, DraftModel, rescale
from clearheart.services.embedding import (
    MODEL_SHA256,
    TOKENIZER_FILE,
    TOKENIZER_SHA256,
    Embedder,
    model_file,
)


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: socket.socket, address: object) -> None:
        raise NetworkUsed(f"a connection to {address!r} was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture(scope="module")
def model() -> DraftModel:
    loaded = DraftModel.load()
    assert loaded is not None, "the dev extra installs the model: it must load"
    return loaded


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_the_pinned_files_are_the_ones_installed() -> None:
    path = model_file()
    assert path is not None
    assert embedding.sha256_of(path) == MODEL_SHA256
    assert embedding.sha256_of(TOKENIZER_FILE) == TOKENIZER_SHA256
    assert (TOKENIZER_FILE.parent / "LICENSE-Apache-2.0.txt").is_file()


def test_the_model_loads_offline_within_a_second(no_network: None) -> None:
    started = time.perf_counter()
    loaded = DraftModel.load()
    elapsed = time.perf_counter() - started
    assert loaded is not None
    # The goal is under 1 s (bench/draft_eval.py measures it); a busy test machine gets slack.
    assert elapsed < 3.0
    scores = loaded.probabilities(["Are you ever going to answer me?"])
    assert len(scores) == 1


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(
    model: DraftModel, no_network: None
) -> None:
    a, b, unrelated = model.embedder.embed(
        [
            "You never listen to a word I say.",
            "You don't hear anything I tell you.",
            "The bakery on the corner sells great bread.",
        ]
    )
    assert cosine(a, b) > cosine(a, unrelated) + 0.2
    assert cosine(a, b) > cosine(b, unrelated) + 0.2


def test_embeddings_are_unit_length_and_batches_agree(model: DraftModel) -> None:
    texts = ["ok", "Running late, save me a seat. The train stopped outside the station."]
    batch = model.embedder.embed(texts)
    assert batch.shape == (2, 384)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    # padding a short text next to a long one must not change its vector
    alone = model.embedder.embed(texts[:1])[0]
    assert cosine(alone, batch[0]) > 0.9999
    assert model.embedder.embed([]).shape == (0, 384)


def test_the_heads_file_is_the_pinned_one() -> None:
    assert hashlib.sha256(HEADS_FILE.read_bytes()).hexdigest() == HEADS_SHA256
    with np.load(HEADS_FILE, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        names = [str(n) for n in data["names"]]
    assert names == [*KINDS, "pause"]
    assert meta["embedding_model_sha256"] == MODEL_SHA256
    assert "Demszky" in meta["goemotions_credit"]


def test_scores_cover_only_draft_kinds_and_stay_between_0_and_1(model: DraftModel) -> None:
    sentences = ["See you at seven!", "You are the most selfish person I have ever met."]
    for row in model.probabilities(sentences):
        assert set(row) <= set(KINDS)
        assert all(0.0 <= value <= 1.0 for value in row.values())
    assert model.probabilities([]) == []


@pytest.mark.parametrize(
    "calm",
    [
        "You always make me laugh",
        "If you're free tomorrow we could try the new noodle place",
        "I'm done with work, heading home now",
        "WE GOT THE APARTMENT!!!",
        "Thanks for picking up the kids today, it really helped",
    ],
)
def test_calm_messages_get_no_confident_score(model: DraftModel, calm: str) -> None:
    (row,) = model.probabilities([calm])
    assert max(row.values(), default=0.0) < 0.5, row


def test_a_harsh_paraphrase_gets_a_confident_score(model: DraftModel) -> None:
    (row,) = model.probabilities(["Honestly you are a cold, heartless person and you always were."])
    assert max(row.values()) >= 0.5, row


def test_rescaling_puts_each_heads_threshold_at_one_half() -> None:
    assert rescale(0.8, 0.8) == pytest.approx(0.5)
    assert rescale(0.79, 0.8) < 0.5 <= rescale(0.81, 0.8)
    assert rescale(0.0, 0.8) == 0.0
    assert rescale(1.0, 0.8) == pytest.approx(1.0)


def test_a_missing_tokenizer_means_no_model_not_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedding, "_unavailable_logged", False)
    with caplog.at_level(logging.INFO, logger="clearheart.model"):
        assert Embedder.load(tokenizer_path=tmp_path / "missing.json") is None
        assert Embedder.load(tokenizer_path=tmp_path / "missing.json") is None
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1, "logged once"
    assert "tokenizer" in said[0]


def test_a_changed_tokenizer_file_is_refused(tmp_path: Path) -> None:
    changed = tmp_path / "tokenizer.json"
    shutil.copy(TOKENIZER_FILE, changed)
    with changed.open("a", encoding="utf-8") as handle:
        handle.write(" ")
    assert Embedder.load(tokenizer_path=changed) is None


def test_a_missing_or_changed_heads_file_means_no_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert DraftModel.load(heads_path=tmp_path / "missing.npz") is None
    copy = tmp_path / "draft_heads.npz"
    shutil.copy(HEADS_FILE, copy)
    assert DraftModel.load(heads_path=copy) is not None  # a file given by path is read as is
    monkeypatch.setattr(draft_model, "HEADS_SHA256", "0" * 64)
    assert DraftModel.load() is None


def test_the_model_package_missing_means_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "MODEL_PACKAGE", "clearheart_no_such_model_package")
    assert embedding.model_file() is None
    assert Embedder.load() is None
