"""The safety classifier: it loads from pinned files, decides as documented, and steps aside.

The `dev` extra installs the model package, so nothing here is skipped: a missing part is
a failure, not a reason to skip (as in tests/unit/test_embedding.py). Every sentence here
was written for these tests; test_eval_sets.py checks that none is in a labelled set.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st
from test_crisis import HURT_NOW, SELF_HARM, SUICIDE

from clearheart.domain.safety import Source
from clearheart.domain.safety.crisis import CRISIS_KINDS, read_crisis
from clearheart.domain.safety.signals import KINDS, danger_kinds
from clearheart.services import embedding, safety_model
from clearheart.services.embedding import MODEL_SHA256
from clearheart.services.safety import SafetyService
from clearheart.services.safety_model import (
    CRISIS,
    DANGER,
    FEATURES_VERSION,
    HEADS_FILE,
    HEADS_SHA256,
    NAMES,
    WINDOW_CHARS,
    SafetyModel,
    crisis_decision,
    danger_decision,
    evidence,
    lexical_probe,
    load_safety_model,
    windows,
)
from clearheart.store.settings_repo import SettingsRepo
from clearheart.store.vault import Vault

CRISIS_THE_RULES_MISS = [
    ("Everyone would manage fine if I stopped being here, they would be better off.", "suicide"),
]
DANGER_THE_RULES_MISS = [
    ("He reads every message on my phone each night before he lets me sleep.", "monitoring"),
    ("He holds onto my passport and says I'll get it back when I behave.", "control"),
]
RULE_HITS_THE_MODEL_SETS_ASIDE = [
    "He said I looked tired and I said nothing because I was half asleep.",
    "My chest goes tight whenever he's quiet at dinner, I worry he's bored of me.",
]
CALM = [
    "We argued about the dishes and I slammed the door, then we laughed about it later.",
    "Our daughter's swimming lesson got moved to Thursday.",
    "I keep rereading his last text wondering if he's losing interest.",
    "The novel's heroine swallows the pills in the last chapter and I cried on the bus.",
    "Work is killing me but the holiday is booked, so that's something.",
    "My husband checks the weather every morning before his run.",
]
HURT_RIGHT_NOW = "She's hitting me right now, please someone help me."
"""The danger model doubts this (its probability is below the veto); the crisis rules find
the writer is being hurt right now, so the danger sign stands."""
A_RULE_CRISIS_THE_MODEL_DOUBTS = (
    "He took my phone to find the charger cable and plugged it in by the bed."
)
"""The crisis rules read this as being hurt right now; the model does not. It stays a crisis."""
OWN_SENTENCES = [
    *(t for t, _ in CRISIS_THE_RULES_MISS), *(t for t, _ in DANGER_THE_RULES_MISS),
    *RULE_HITS_THE_MODEL_SETS_ASIDE, *CALM, A_RULE_CRISIS_THE_MODEL_DOUBTS, HURT_RIGHT_NOW,
]


@pytest.fixture(scope="module")
def model() -> SafetyModel:
    loaded = load_safety_model()
    assert loaded is not None, "the dev extra installs the model: it must load"
    return loaded


class Clock:
    def now(self) -> datetime:
        return datetime(2026, 3, 1, 21, 30, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    (tmp_path / "vault").mkdir()
    vault = Vault.open_with_key(tmp_path / "vault", os.urandom(32))
    yield vault.engine
    vault.close()


def test_the_heads_file_is_the_pinned_one() -> None:
    assert hashlib.sha256(HEADS_FILE.read_bytes()).hexdigest() == HEADS_SHA256
    with np.load(HEADS_FILE, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        names = tuple(str(n) for n in data["names"])
    assert names == NAMES == ("crisis", *CRISIS_KINDS, "danger", *KINDS)
    assert meta["features_version"] == FEATURES_VERSION
    assert meta["embedding_model_sha256"] == MODEL_SHA256
    assert meta["lexical_probe"] == lexical_probe()
    assert set(meta["training"]["crisis"]["files"]) >= {"dev", "dev_b", "train_c", "train_d"}
    assert set(meta["training"]["danger"]["files"]) >= {"dev", "dev_b", "train_c"}
    assert not any("sealed" in f for task in meta["training"].values() for f in task["files"])
    # Chosen out of fold under the false-alarm cap, on files the rules were not written from.
    for task in ("crisis", "danger"):
        cap = meta["false_alarms_at_most"][task]
        assert meta["report"][task]["not_rule_tuned"]["shipped"]["false_alarms"] <= cap


def test_the_model_loads_offline_once(model: SafetyModel) -> None:
    assert load_safety_model() is model
    assert model.heads.threshold[CRISIS] > 0.5
    assert 0 <= model.heads.veto[DANGER] <= model.heads.threshold[DANGER]


@pytest.mark.parametrize(("text", "kind"), CRISIS_THE_RULES_MISS)
def test_the_model_finds_a_crisis_the_rules_miss(model: SafetyModel, text: str, kind: str) -> None:
    assert read_crisis(text).kinds == ()
    assert model.crisis(text).kinds == (kind,)


@pytest.mark.parametrize(("text", "kind"), DANGER_THE_RULES_MISS)
def test_the_model_finds_danger_the_rules_miss(model: SafetyModel, text: str, kind: str) -> None:
    assert danger_kinds(text) == ()
    assert model.danger(text) == (kind,)


@pytest.mark.parametrize("text", RULE_HITS_THE_MODEL_SETS_ASIDE)
def test_the_model_sets_aside_a_weak_danger_rule_hit(model: SafetyModel, text: str) -> None:
    assert danger_kinds(text) != ()
    assert model.danger(text) == ()


def test_being_hurt_right_now_is_never_set_aside(model: SafetyModel) -> None:
    p, crisis, danger = model.read(HURT_RIGHT_NOW)
    assert "hurt_now" in crisis and danger == ("harm",)
    assert p[DANGER] < model.heads.veto[DANGER], "the model alone would set it aside"
    assert model.danger(HURT_RIGHT_NOW) == ("harm",)
    assert model.crisis(HURT_RIGHT_NOW).kinds == ("hurt_now",)


@pytest.mark.parametrize("text", CALM)
def test_calm_words_stay_calm(model: SafetyModel, text: str) -> None:
    assert not model.crisis(text)
    assert model.danger(text) == ()


@pytest.mark.parametrize("text", [*SUICIDE, *SELF_HARM, *HURT_NOW, A_RULE_CRISIS_THE_MODEL_DOUBTS])
def test_a_crisis_the_rules_find_is_never_turned_off(model: SafetyModel, text: str) -> None:
    found = read_crisis(text).kinds
    assert found, "every sentence here is one the rules find"
    assert model.crisis(text).kinds == found


def test_the_model_doubts_the_rule_crisis_it_keeps(model: SafetyModel) -> None:
    p, _, _ = model.read(A_RULE_CRISIS_THE_MODEL_DOUBTS)
    assert p[CRISIS] < model.heads.threshold[CRISIS]


@given(
    rules=st.lists(st.sampled_from(CRISIS_KINDS), min_size=1, unique=True),
    p=st.lists(st.floats(0, 1), min_size=len(NAMES), max_size=len(NAMES)),
    threshold=st.floats(0, 1),
)
def test_crisis_decision_keeps_the_rules_whatever_the_model_says(
    rules: list[str], p: list[float], threshold: float
) -> None:
    kinds = tuple(k for k in CRISIS_KINDS if k in rules)
    assert crisis_decision(kinds, p, threshold) == kinds  # type: ignore[arg-type]


def test_danger_decision_follows_the_veto_and_the_threshold() -> None:
    row = [0.0] * len(NAMES)
    row[DANGER], row[DANGER + 1 + KINDS.index("control")] = 0.5, 0.9
    assert danger_decision(("fear",), row, threshold=0.7, veto=0.4) == ("fear",)
    assert danger_decision(("fear",), row, threshold=0.7, veto=0.6) == ()
    assert danger_decision(("harm",), row, threshold=0.7, veto=0.6, hurt_now=True) == ("harm",)
    assert danger_decision((), row, threshold=0.7, veto=0.6, hurt_now=True) == ()
    assert danger_decision((), row, threshold=0.7, veto=0.4) == ()
    assert danger_decision((), row, threshold=0.5, veto=0.4) == ("control",)


def test_reading_in_windows_decides_as_the_whole_computation(model: SafetyModel) -> None:
    texts = [*OWN_SENTENCES, *SUICIDE[:4], *HURT_NOW[:3]]
    rows = [evidence(read_crisis(t).kinds, danger_kinds(t)) for t in texts]
    full = model.probabilities(texts, rows)
    heads = model.heads
    for text, whole in zip(texts, full, strict=True):
        read, crisis, danger = model.read(text)
        for p in (whole, read):
            assert crisis_decision(crisis, p, heads.threshold[CRISIS]) == model.crisis(text).kinds
            assert danger_decision(
                danger, p, heads.threshold[DANGER], heads.veto[DANGER], "hurt_now" in crisis
            ) == model.danger(text)


def test_long_texts_are_read_in_windows_that_cover_every_word() -> None:
    text = " ".join(f"Sentence number {i} is about an ordinary day." for i in range(400))
    parts = windows(text)
    assert len(parts) > 1 and all(len(p) <= WINDOW_CHARS for p in parts)
    assert " ".join(parts).split() == text.split()
    unbroken = "a" * (WINDOW_CHARS * 3)
    assert "".join(windows(unbroken)) == unbroken
    assert windows("short") == ["short"]


def _long(ending: str) -> str:
    paragraph = (
        "The bus was late again so I walked the last stretch and bought bread on the way. "
        "She phoned at lunch about the boiler and we decided to wait until spring. "
        "I watched two episodes of the baking show and went to bed early. "
    )
    return (paragraph * 100)[:20_000] + " " + ending


def test_a_long_entry_is_read_in_reasonable_time(model: SafetyModel) -> None:
    text = _long("I want to kill myself.")
    best = float("inf")
    for _ in range(2):
        model.forget()
        start = time.perf_counter()
        found = model.crisis(text)
        best = min(best, time.perf_counter() - start)
    assert found.kinds == ("suicide",)
    # bench/crisis_eval.py measures it (about 0.4 s on two cores); a busy machine gets slack.
    assert best < 3.0, f"{best:.2f} s for 20,000 characters"


STRONG = "He took my keys and my phone and locked me in the bedroom all night."
"""The rules find it and the model bears them out: it rests coaching by itself."""


def test_the_service_uses_the_model_when_installed(engine: sa.Engine, model: SafetyModel) -> None:
    service = SafetyService(engine, SettingsRepo(engine), Clock())
    text, kind = DANGER_THE_RULES_MISS[0]
    assert service.crisis_of(CRISIS_THE_RULES_MISS[0][0]).kinds == ("suicide",)
    weak = service.notice(text, Source.JOURNAL)
    assert weak.kinds == (kind,) and not weak.closes, "the model alone asks; it does not close"
    assert service.coaching()
    strong = service.notice(STRONG, Source.JOURNAL)
    assert strong.closes and set(strong.kinds) >= {"control"}
    gate = service.gate()
    assert not gate.coaching and {r.sign for r in gate.reasons} == set(strong.kinds)


def test_without_the_model_the_rules_decide(engine: sa.Engine) -> None:
    service = SafetyService(engine, SettingsRepo(engine), Clock(), model=lambda: None)
    for text in [*OWN_SENTENCES, *SUICIDE[:3]]:
        assert service.crisis_of(text) == read_crisis(text)
    assert service.notice(DANGER_THE_RULES_MISS[0][0], Source.JOURNAL).kinds == ()
    noticed = service.notice(STRONG, Source.JOURNAL)
    assert noticed.kinds == danger_kinds(STRONG) and noticed.kinds
    assert not noticed.closes and service.coaching(), "without the model, the rules only ask"


class Broken:
    def crisis(self, text: str) -> object:
        raise RuntimeError("broken on purpose")

    def danger(self, text: str) -> object:
        raise RuntimeError("broken on purpose")

    def danger_reading(self, text: str) -> object:
        raise RuntimeError("broken on purpose")


def test_a_failing_model_leaves_the_rules_to_decide(
    engine: sa.Engine, caplog: pytest.LogCaptureFixture
) -> None:
    service = SafetyService(engine, SettingsRepo(engine), Clock(), model=Broken)  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="clearheart.model"):
        assert service.crisis_of(SUICIDE[0]) == read_crisis(SUICIDE[0])
        assert service.notice(CALM[0], Source.DRAFT).kinds == ()
        assert service.coaching()
    assert any("rules decide" in r.getMessage() for r in caplog.records)


def test_a_missing_or_changed_heads_file_means_the_rules_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(safety_model, "_unavailable_logged", False)
    with caplog.at_level(logging.INFO, logger="clearheart.model"):
        assert SafetyModel.load(heads_path=tmp_path / "missing.npz") is None
        assert SafetyModel.load(heads_path=tmp_path / "missing.npz") is None
    said = [r.getMessage() for r in caplog.records if "safety" in r.getMessage()]
    assert len(said) == 1 and "missing" in said[0], "logged once, with the reason"
    copy = tmp_path / "safety_heads.npz"
    shutil.copy(HEADS_FILE, copy)
    assert SafetyModel.load(heads_path=copy) is not None  # a file given by path is read as is
    monkeypatch.setattr(safety_model, "HEADS_SHA256", "0" * 64)
    assert SafetyModel.load() is None


def test_heads_for_other_features_are_refused(tmp_path: Path) -> None:
    with np.load(HEADS_FILE, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    meta = json.loads(str(arrays["meta"]))
    meta["lexical_probe"] = [0]
    arrays["meta"] = np.array(json.dumps(meta))
    changed = tmp_path / "changed.npz"
    np.savez(changed, **arrays)  # type: ignore[arg-type]
    assert SafetyModel.load(heads_path=changed) is None


def test_the_model_package_missing_means_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "MODEL_PACKAGE", "clearheart_no_such_model_package")
    embedding.installed_embedder.cache_clear()
    try:
        assert SafetyModel.load() is None
    finally:
        embedding.installed_embedder.cache_clear()
