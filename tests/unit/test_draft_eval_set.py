"""The labelled drafts behind bench/draft_eval.py: valid, big enough, varied, ours, well split."""

from __future__ import annotations

import importlib.util
import itertools
import json
import math
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_content import SEEDS, _runs, _words

from clearheart.domain.draftcheck.reading import KINDS

REPO = Path(__file__).resolve().parents[2]
DRAFTS = REPO / "bench" / "data" / "drafts"
SPLITS = ("dev", "heldout")
REQUIRED = {"id": str, "text": str, "pause": bool, "kinds": list, "note": str}
OPTIONAL = {"trap": bool, "safety": bool}

Draft = dict[str, Any]


def _load(name: str) -> list[Draft]:
    lines = (DRAFTS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


SETS = {name: _load(name) for name in SPLITS}
ALL = [draft for name in SPLITS for draft in SETS[name]]


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def test_every_draft_has_the_documented_fields() -> None:
    for draft in ALL:
        assert set(REQUIRED) <= set(draft) <= set(REQUIRED) | set(OPTIONAL), draft
        for key, kind in {**REQUIRED, **OPTIONAL}.items():
            if key in draft:
                assert isinstance(draft[key], kind), (draft["id"], key)
        assert re.fullmatch(r"[de]\d{4}", draft["id"]), draft["id"]
        assert draft["text"].strip() == draft["text"] and draft["text"], draft["id"]
        assert set(draft["kinds"]) <= set(KINDS), draft["id"]
        assert len(set(draft["kinds"])) == len(draft["kinds"]), draft["id"]
        assert draft["pause"] == bool(draft["kinds"]), draft["id"]
        if draft.get("safety"):
            assert draft["pause"] and draft["kinds"] == ["threat"], draft["id"]
        if draft.get("trap"):
            assert not draft["pause"], draft["id"]


def test_ids_are_unique_across_both_files() -> None:
    ids = [draft["id"] for draft in ALL]
    assert len(ids) == len(set(ids))


def test_sizes() -> None:
    assert len(SETS["dev"]) >= 1000
    assert len(SETS["heldout"]) >= 250


def test_held_out_was_written_apart_from_dev() -> None:
    """Held-out drafts carry ids d2000-d2999, which no dev draft uses (see the README)."""
    assert all(d["id"].startswith("d2") for d in SETS["heldout"])
    assert not any(d["id"].startswith("d2") for d in SETS["dev"])


def test_every_kind_is_covered_in_both_files() -> None:
    counts = {name: Counter(k for d in SETS[name] for k in d["kinds"]) for name in SPLITS}
    for kind in KINDS:
        assert counts["dev"][kind] >= 40, f"{kind}: only {counts['dev'][kind]} dev drafts"
        assert counts["heldout"][kind] >= 13, f"{kind}: {counts['heldout'][kind]} held out"


def test_calm_drafts_traps_and_safety_drafts() -> None:
    calm = [d for d in ALL if not d["pause"]]
    assert len(calm) / len(ALL) >= 0.45
    assert sum(bool(d.get("trap")) for d in ALL) >= 40
    assert sum(bool(d.get("safety")) for d in ALL) >= 10
    for name in SPLITS:
        assert any(d.get("safety") for d in SETS[name]), name
        assert any(d.get("trap") for d in SETS[name]), name


def test_lengths_range_from_two_words_to_a_paragraph() -> None:
    lengths = [len(d["text"].split()) for d in ALL]
    assert min(lengths) <= 2
    assert max(lengths) >= 60


def _similar_pairs(sets: list[tuple[str, set[str]]], at: float) -> list[tuple[str, str]]:
    """Pairs of sets of at least 5 words with a Jaccard overlap of `at` or more.

    Prefix filtering: with words ordered rarest first, two sets that overlap that much
    share a word among the first len - ceil(at * len) + 1 of each.
    """
    frequency = Counter(word for _, words in sets for word in words)
    index: dict[str, list[int]] = {}
    found = []
    for i, (name, words) in enumerate(sets):
        if len(words) < 5:
            continue
        ordered = sorted(words, key=lambda w: (frequency[w], w))
        prefix = ordered[: len(words) - math.ceil(at * len(words)) + 1]
        candidates = {j for word in prefix for j in index.get(word, ())}
        for j in sorted(candidates):
            other = sets[j][1]
            if len(words & other) / len(words | other) >= at:
                found.append((sets[j][0], name))
        for word in prefix:
            index.setdefault(word, []).append(i)
    return found


def test_the_near_duplicate_finder_finds_what_a_full_scan_finds() -> None:
    sets = [(d["id"], set(_normal(d["text"]).split())) for d in ALL[:400]]
    sets += [("copy", set(sets[7][1]) | {"extra"}), ("short", {"a", "b"})]
    full = [
        (a, b)
        for (a, wa), (b, wb) in itertools.combinations(sets, 2)
        if min(len(wa), len(wb)) >= 5 and len(wa & wb) / len(wa | wb) >= 0.8
    ]
    assert sorted(_similar_pairs(sets, 0.8)) == sorted(full)
    assert len(full) >= 1 or len(sets[7][1]) < 5


def test_no_duplicates_or_near_duplicates() -> None:
    normal = [_normal(d["text"]) for d in ALL]
    repeated = [text for text, count in Counter(normal).items() if count > 1]
    assert not repeated, repeated
    close = _similar_pairs(
        [(d["id"], set(text.split())) for d, text in zip(ALL, normal, strict=True)], 0.8
    )
    assert not close, close


def test_no_text_copied_from_the_seeds() -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        reason = f"SOURCE ARTICLES NOT FOUND at {SEEDS}: the copied-text check did not run"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    source = set().union(*(_runs(_words(seed.read_text(encoding="utf-8"))) for seed in seeds))
    readme = (DRAFTS / "README.md").read_text(encoding="utf-8")
    found = [
        f"{d['id']}: {' '.join(run)}"
        for d in ALL
        for run in sorted(_runs(_words(f"{d['text']} {d['note']}")) & source)
    ]
    found += [" ".join(run) for run in sorted(_runs(_words(readme)) & source)]
    assert not found, found


def test_the_evaluation_scores_a_split_and_hides_held_out_misses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    spec = importlib.util.spec_from_file_location("draft_eval", REPO / "bench" / "draft_eval.py")
    assert spec and spec.loader
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    drafts = [
        {"id": "d1", "text": "a", "pause": True, "kinds": ["threat"], "safety": True},
        {"id": "d2", "text": "b", "pause": True, "kinds": ["criticism", "intensity"]},
        {"id": "d3", "text": "c", "pause": False, "kinds": []},
        {"id": "d4", "text": "d", "pause": False, "kinds": []},
    ]
    guesses = [
        {"pause": True, "kinds": ["threat"], "safety": False},
        {"pause": True, "kinds": ["criticism"], "safety": False},
        {"pause": True, "kinds": ["intensity"], "safety": True},
        {"pause": False, "kinds": [], "safety": False},
    ]
    shown = evaluate.score(drafts, guesses, show=True)
    assert shown["pause"] == {
        "precision": 0.667,
        "recall": 1.0,
        "f1": 0.8,
        "tp": 2,
        "fp": 1,
        "fn": 0,
    }
    assert shown["false_pause_rate"] == 0.5
    assert shown["safety_recall"] == 0.0
    assert shown["safety_false_alarms"] == 1
    assert shown["kinds"]["intensity"] == {
        "labelled": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": None,
        "tp": 0,
        "fp": 1,
        "fn": 1,
    }
    assert [row["id"] for row in shown["misses"]["false_pause"]] == ["d3"]
    assert [row["id"] for row in shown["misses"]["wrong_kinds"]] == ["d2"]
    hidden = evaluate.score(drafts, guesses, show=False)
    assert "misses" not in hidden
    assert hidden["miss_counts"]["false_pause"] == 1
    assert "d3" not in json.dumps(hidden)
