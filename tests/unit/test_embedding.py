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

from clearheart.domain.draftcheck.reading import KINDS, Evidence
from clearheart.services import draft_model, embedding
from clearheart.services.draft_model import (
    FEATURES_VERSION,
    HEADS_FILE,
    HEADS_SHA256,
    LEX_DIMENSIONS,
    NAMES,
    DraftModel,
    grams,
    lexical,
)
from clearheart.services.draftcheck import DraftChecker
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
    judgement = loaded.judge(
        "Are you ever going to answer me?",
        ["Are you ever going to answer me?"],
        Evidence(kinds={}, pause=False, safety=False, tone=None),
    )
    assert isinstance(judgement.pause, bool)


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


def test_max_pooling_ignores_padding(model: DraftModel) -> None:
    texts = ["ok", "Running late, save me a seat. The train stopped outside the station."]
    mean, peak = model.embedder.pooled(texts)
    alone_mean, alone_peak = model.embedder.pooled(texts[:1])
    assert peak.shape == (2, 384) and np.isfinite(peak).all()
    assert np.allclose(alone_peak[0], peak[0], atol=1e-4)
    assert np.allclose(alone_mean[0], mean[0], atol=1e-5)


def test_the_heads_file_is_the_pinned_one() -> None:
    assert hashlib.sha256(HEADS_FILE.read_bytes()).hexdigest() == HEADS_SHA256
    with np.load(HEADS_FILE, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        names = tuple(str(n) for n in data["names"])
    assert names == NAMES == ("pause", *KINDS, "safety")
    assert meta["features_version"] == FEATURES_VERSION
    assert meta["embedding_model_sha256"] == MODEL_SHA256
    assert "Demszky" in meta["goemotions_credit"]
    assert meta["report"]["out_of_fold"]["false_pause_rate"] <= 0.10


def test_lexical_features_are_stable_and_unit_length() -> None:
    rows = lexical(["You NEVER listen", "", "you never listen"])
    assert rows.shape == (3, LEX_DIMENSIONS)
    assert np.isclose(np.linalg.norm(rows[0]), 1.0) and not rows[1].any()
    assert "@shout" in grams("You NEVER listen") and "@shout" not in grams("you never listen")
    assert {"you never", "you never listen", "#<ne"} <= grams("you never listen")


def test_scores_are_probabilities_for_every_name(model: DraftModel) -> None:
    calm = Evidence(kinds={}, pause=False, safety=False, tone=None)
    rows = model.scores(["See you at seven!", "You are the most selfish person alive."], [calm] * 2)
    assert rows.shape == (2, len(NAMES))
    assert ((rows >= 0) & (rows <= 1)).all()


@pytest.fixture(scope="module")
def checker() -> DraftChecker:
    made = DraftChecker()
    assert made.model is not None
    return made


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
def test_calm_messages_pass_with_the_model(checker: DraftChecker, calm: str) -> None:
    reading = checker.check(calm)
    assert not reading.pause and reading.flags == (), reading


@pytest.mark.parametrize(
    "harsh",
    [
        "Honestly you are a cold, heartless person and you always were.",
        "Must be nice to have so much free time you can't even send one line back.",
    ],
)
def test_a_harsh_paraphrase_pauses_with_a_flag_on_it(checker: DraftChecker, harsh: str) -> None:
    reading = checker.check(harsh)
    assert reading.pause and reading.flags, reading
    assert all(0 <= f.start < f.end <= len(harsh) for f in reading.flags)


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
