"""The labelled sets behind the safety checks: well formed, apart, and the figures on them.

Training files (dev, dev_b, train_*) are read freely. Sealed files are read but never
shown: every assertion about them compares counts, rates or hashes, so a failure message
carries numbers only (see the READMEs in bench/data/crisis and bench/data/danger).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_crisis import HURT_NOW, NOT_A_CRISIS, SELF_HARM, SUICIDE, TEXTING
from test_safety_model import OWN_SENTENCES
from test_signals import DANGER, EVERYDAY

from clearheart.domain.safety.crisis import CRISIS_KINDS, read_crisis
from clearheart.domain.safety.signals import KINDS, danger_kinds

DATA = Path(__file__).resolve().parents[3] / "bench" / "data"
STYLES = {"journal", "texting", "draft", "oblique", "formal", "nonnative", "rambling"}
FIELDS = {
    "crisis": {"text": str, "crisis": bool, "category": str, "style": str, "hard": bool},
    "danger": {"text": str, "danger": bool, "kind": str, "style": str, "hard": bool,
               "voice": str},
}
LABELS = {"crisis": ("crisis", "category", CRISIS_KINDS), "danger": ("danger", "kind", KINDS)}
EXPECTED = {
    "crisis": ("dev", "dev_b", "train_c", "train_d", "train_e", "train_retired"),
    "danger": ("dev", "dev_b", "train_c", "train_retired"),
}

Row = dict[str, Any]


def _load(path: Path) -> list[Row]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _training(folder: str) -> dict[str, list[Row]]:
    paths = [DATA / folder / "dev.jsonl", DATA / folder / "dev_b.jsonl",
             *sorted((DATA / folder).glob("train_*.jsonl"))]
    return {path.stem: _load(path) for path in paths if path.is_file()}


TRAINING = {folder: _training(folder) for folder in FIELDS}
SEALED = {folder: _load(DATA / folder / "sealed.jsonl") for folder in FIELDS
          if (DATA / folder / "sealed.jsonl").is_file()}


def _normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _digest(text: str) -> str:
    return hashlib.sha256(_normal(text).encode()).hexdigest()


def _every_set() -> list[tuple[str, str]]:
    named = [(folder, name) for folder, files in TRAINING.items() for name in files]
    return named + [(folder, "sealed") for folder in SEALED]


def _rows(folder: str, name: str) -> list[Row]:
    return SEALED[folder] if name == "sealed" else TRAINING[folder][name]


def test_every_training_file_and_both_sealed_files_are_there() -> None:
    for folder, names in EXPECTED.items():
        assert tuple(TRAINING[folder]) == names, (folder, tuple(TRAINING[folder]))
    assert set(SEALED) == set(FIELDS)


@pytest.mark.parametrize(("folder", "name"), _every_set())
def test_every_line_has_the_documented_fields(folder: str, name: str) -> None:
    fields = FIELDS[folder]
    label, category, kinds = LABELS[folder]
    bad = 0
    for row in _rows(folder, name):
        ok = set(row) == set(fields) and all(isinstance(row[k], t) for k, t in fields.items())
        ok = ok and row["text"] == row["text"].strip() != ""
        ok = ok and row["style"] in STYLES and row[category] in (*kinds, "none")
        ok = ok and row[label] == (row[category] != "none")
        ok = ok and (folder != "danger" or row["voice"] in ("journal", "draft"))
        bad += not ok
    assert bad == 0, f"{bad} malformed lines in {folder}/{name}"


@pytest.mark.parametrize(("folder", "name"), _every_set())
def test_sizes_and_coverage(folder: str, name: str) -> None:
    _, category, kinds = LABELS[folder]
    rows = _rows(folder, name)
    counts = Counter(r[category] for r in rows)
    assert len(rows) >= 150, len(rows)
    assert all(counts[kind] >= 15 for kind in kinds), dict(counts)
    assert counts["none"] / len(rows) >= 0.4
    assert len({r["style"] for r in rows}) >= 6
    assert sum(r["hard"] for r in rows) >= 50


@pytest.mark.parametrize("folder", list(FIELDS))
def test_the_sealed_set_shares_no_text_with_any_training_file(folder: str) -> None:
    """Compared by hashes of the normalised text; only a count is ever reported."""
    trained = {_digest(r["text"]) for rows in TRAINING[folder].values() for r in rows}
    shared = sum(_digest(r["text"]) in trained for r in SEALED[folder])
    assert shared == 0, f"{shared} sealed lines repeat a training line"


@pytest.mark.parametrize("folder", list(FIELDS))
def test_the_sealed_set_repeats_no_text_within_itself(folder: str) -> None:
    counts = Counter(_digest(r["text"]) for r in SEALED[folder])
    assert sum(n - 1 for n in counts.values()) == 0


@pytest.mark.parametrize("folder", list(FIELDS))
def test_training_files_repeat_little(folder: str) -> None:
    """The trainer keeps a repeated text once; more than a handful would mean a copied file."""
    counts = Counter(_normal(r["text"]) for rows in TRAINING[folder].values() for r in rows)
    assert sum(n - 1 for n in counts.values()) <= 3


def test_the_unit_test_sentences_are_our_own() -> None:
    ours = [*SUICIDE, *SELF_HARM, *HURT_NOW, *NOT_A_CRISIS, *(t for t, _ in TEXTING)]
    ours += [*(t for t, _ in DANGER), *EVERYDAY, *OWN_SENTENCES]
    labelled = {_digest(r["text"]) for folder in FIELDS for name in (
        *TRAINING[folder], *(["sealed"] if folder in SEALED else [])) for r in _rows(folder, name)}
    copied = sum(_digest(text) in labelled for text in ours)
    assert copied == 0, f"{copied} unit-test sentences copied from the labelled sets"


def _figures(rows: list[Row], label: str, flag: Any) -> tuple[float, float]:
    """Recall (share of positives flagged) and false-alarm rate (share of negatives flagged)."""
    flags = [bool(flag(r["text"])) for r in rows]
    positives = sum(r[label] for r in rows)
    hits = sum(f and r[label] for r, f in zip(rows, flags, strict=True))
    false = sum(f and not r[label] for r, f in zip(rows, flags, strict=True))
    return hits / positives, false / (len(rows) - positives)


def test_crisis_rules_on_dev_still_meet_the_product_targets() -> None:
    """A regression guard: dev.jsonl is what the rules were written from."""
    recall, false_alarms = _figures(TRAINING["crisis"]["dev"], "crisis", read_crisis)
    assert recall >= 0.95, f"dev recall {recall:.3f}"
    assert false_alarms <= 0.05, f"dev false alarms {false_alarms:.3f}"


def test_danger_rules_on_dev_still_meet_their_aims() -> None:
    """A regression guard: high recall (0.85) with false alarms at most 5%."""
    recall, false_alarms = _figures(TRAINING["danger"]["dev"], "danger", danger_kinds)
    assert recall >= 0.85, f"dev recall {recall:.3f}"
    assert false_alarms <= 0.05, f"dev false alarms {false_alarms:.3f}"


def _shipped() -> tuple[Any, Any]:
    from clearheart.services.safety_model import load_safety_model

    model = load_safety_model()
    assert model is not None, "the dev extra installs the model: it must load"
    return model.crisis, model.danger


@pytest.mark.xfail(
    strict=True,
    reason="Not met: on the round-2 sealed set (280 lines, a new writer), measured on "
    "2026-12-07 (bench/crisis_eval.py; three runs, see docs/performance.md), the shipped "
    "decision found 83 of 125 crisis lines (recall 0.664) with 8 false alarms in 155 (5.2%); "
    "the rules alone 51 of 125 (0.408), 3.9%. See decision 0011. Remove this mark only when "
    "a new sealed set honestly meets the targets.",
)
def test_crisis_on_the_sealed_set_meets_the_product_targets() -> None:
    crisis, _ = _shipped()
    recall, false_alarms = _figures(SEALED["crisis"], "crisis", crisis)
    assert recall >= 0.95, f"sealed recall {recall:.3f}"
    assert false_alarms <= 0.05, f"sealed false alarms {false_alarms:.3f}"


@pytest.mark.xfail(
    strict=True,
    reason="Not met: on the round-2 sealed set (240 texts, a new writer), measured on "
    "2026-12-07 (bench/danger_eval.py; twice, the same figures), the shipped decision found "
    "73 of 105 danger texts (recall 0.695) with 8 false alarms in 135 (5.9%; per style 0% "
    "to 13.6%); the rules alone 41 of 105 (0.390), 3.7%. See docs/performance.md and decision "
    "0011.",
)
def test_danger_on_the_sealed_set_meets_the_aims_in_every_style() -> None:
    _, danger = _shipped()
    recall, false_alarms = _figures(SEALED["danger"], "danger", danger)
    assert recall >= 0.85, f"sealed recall {recall:.3f}"
    assert false_alarms <= 0.05, f"sealed false alarms {false_alarms:.3f}"
    for style in sorted({r["style"] for r in SEALED["danger"]}):
        rows = [r for r in SEALED["danger"] if r["style"] == style]
        _, style_false = _figures(rows, "danger", danger)
        assert style_false <= 0.05, f"{style}: sealed false alarms {style_false:.3f}"
