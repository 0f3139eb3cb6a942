"""The labelled sets behind bench/crisis_eval.py and bench/danger_eval.py: well formed, apart,
and the detectors' figures on them.

Held-out texts are read but never shown: every assertion here compares counts or rates, so a
failure message carries numbers only (see the READMEs in bench/data/crisis and .../danger).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_crisis import HURT_NOW, NOT_A_CRISIS, SELF_HARM, SUICIDE, TEXTING
from test_signals import DANGER, EVERYDAY

from clearheart.domain.safety.crisis import CRISIS_KINDS, read_crisis
from clearheart.domain.safety.signals import KINDS, danger_kinds

DATA = Path(__file__).resolve().parents[3] / "bench" / "data"
SPLITS = ("dev", "heldout")
STYLES = {"journal", "texting", "draft", "oblique", "formal", "nonnative", "rambling"}
FIELDS = {
    "crisis": {"text": str, "crisis": bool, "category": str, "style": str, "hard": bool},
    "danger": {"text": str, "danger": bool, "kind": str, "style": str, "hard": bool,
               "voice": str},
}
LABELS = {"crisis": ("crisis", "category", CRISIS_KINDS), "danger": ("danger", "kind", KINDS)}

Row = dict[str, Any]


def _load(folder: str, split: str) -> list[Row]:
    lines = (DATA / folder / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


SETS = {(folder, split): _load(folder, split) for folder in FIELDS for split in SPLITS}
# A defect in the data, found by these tests and left for the data's owners to fix: one
# held-out crisis line is, once case and punctuation are set aside, the same as a dev line.
SHARED = pytest.mark.xfail(
    strict=True, reason="1 held-out crisis line repeats a dev line; remove it from heldout.jsonl"
)
FOLDERS = [pytest.param("crisis", marks=SHARED), "danger"]


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@pytest.mark.parametrize(("folder", "split"), list(SETS))
def test_every_line_has_the_documented_fields(folder: str, split: str) -> None:
    fields = FIELDS[folder]
    label, category, kinds = LABELS[folder]
    bad = 0
    for row in SETS[(folder, split)]:
        ok = set(row) == set(fields) and all(isinstance(row[k], t) for k, t in fields.items())
        ok = ok and row["text"] == row["text"].strip() != ""
        ok = ok and row["style"] in STYLES and row[category] in (*kinds, "none")
        ok = ok and row[label] == (row[category] != "none")
        ok = ok and (folder != "danger" or row["voice"] in ("journal", "draft"))
        bad += not ok
    assert bad == 0, f"{bad} malformed lines in {folder}/{split}"


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_text_repeats_within_or_across_the_two_files(folder: str) -> None:
    texts = [_normal(r["text"]) for split in SPLITS for r in SETS[(folder, split)]]
    repeated = sum(count - 1 for count in Counter(texts).values() if count > 1)
    assert repeated == 0, f"{repeated} repeated texts in {folder}"


@pytest.mark.parametrize("folder", FOLDERS)
def test_dev_and_held_out_share_no_text(folder: str) -> None:
    dev = {_normal(r["text"]) for r in SETS[(folder, "dev")]}
    shared = sum(_normal(r["text"]) in dev for r in SETS[(folder, "heldout")])
    assert shared == 0, f"{shared} held-out texts also in dev"


def test_sizes_and_coverage() -> None:
    for folder in FIELDS:
        _, category, kinds = LABELS[folder]
        for split in SPLITS:
            rows = SETS[(folder, split)]
            assert len(rows) >= 150, (folder, split, len(rows))
            counts = Counter(r[category] for r in rows)
            assert all(counts[kind] >= 15 for kind in kinds), (folder, split, dict(counts))
            assert counts["none"] / len(rows) >= 0.4, (folder, split)
            assert len({r["style"] for r in rows}) >= 6, (folder, split)
            assert sum(r["hard"] for r in rows) >= 50, (folder, split)


def test_the_unit_test_sentences_are_our_own() -> None:
    ours = [*SUICIDE, *SELF_HARM, *HURT_NOW, *NOT_A_CRISIS, *(t for t, _ in TEXTING)]
    ours += [*(t for t, _ in DANGER), *EVERYDAY]
    labelled = {_normal(r["text"]) for rows in SETS.values() for r in rows}
    copied = sum(_normal(text) in labelled for text in ours)
    assert copied == 0, f"{copied} unit-test sentences copied from the labelled sets"


def _figures(rows: list[Row], label: str, flag: Any) -> tuple[float, float]:
    """Recall (share of positives flagged) and false-alarm rate (share of negatives flagged)."""
    flags = [bool(flag(r["text"])) for r in rows]
    positives = sum(r[label] for r in rows)
    hits = sum(f and r[label] for r, f in zip(rows, flags, strict=True))
    false = sum(f and not r[label] for r, f in zip(rows, flags, strict=True))
    return hits / positives, false / (len(rows) - positives)


def test_crisis_words_on_dev_meet_the_product_targets() -> None:
    """A regression guard: these are the sentences the rules were tuned on."""
    recall, false_alarms = _figures(SETS[("crisis", "dev")], "crisis", read_crisis)
    assert recall >= 0.95, f"dev recall {recall:.3f}"
    assert false_alarms <= 0.05, f"dev false alarms {false_alarms:.3f}"


def test_danger_signs_on_dev_meet_their_aims() -> None:
    """A regression guard: high recall (0.85) with false alarms at most 8%."""
    recall, false_alarms = _figures(SETS[("danger", "dev")], "danger", danger_kinds)
    assert recall >= 0.85, f"dev recall {recall:.3f}"
    assert false_alarms <= 0.08, f"dev false alarms {false_alarms:.3f}"


@pytest.mark.xfail(
    strict=True,
    reason="Not met: held-out recall was 0.619 (false alarms 0.015) when this was written; "
    "the rules fit dev and do not yet carry to a new writer's phrasing. "
    "See docs/performance.md. Remove this mark when the figures honestly meet the targets.",
)
def test_crisis_words_on_held_out_meet_the_product_targets() -> None:
    recall, false_alarms = _figures(SETS[("crisis", "heldout")], "crisis", read_crisis)
    assert recall >= 0.95, f"held-out recall {recall:.3f}"
    assert false_alarms <= 0.05, f"held-out false alarms {false_alarms:.3f}"
