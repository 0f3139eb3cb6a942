"""The sealed drafts behind bench/draft_sealed.py: valid, balanced by style and kind, and
apart from the dev drafts. A failure names ids, never a draft's words (they stay sealed)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from clearheart.domain.draftcheck.reading import KINDS

DRAFTS = Path(__file__).resolve().parents[2] / "bench" / "data" / "drafts"
STYLES = ("texting", "one-word", "formal", "long")
LANGS = {"es": 12, "ar": 12, "fr": 6, "pt": 6, "de": 6, "tr": 6}


def _lines(name: str) -> list[dict[str, Any]]:
    text = (DRAFTS / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


SEALED = _lines("sealed_a.jsonl") + _lines("sealed_b.jsonl")
PAIRS = _lines("sealed_pairs.jsonl")
LANGUAGES = _lines("sealed_languages.jsonl")
SEALED2 = _lines("sealed2_f.jsonl") + _lines("sealed2_g.jsonl")
"""Round 2 (writers F and G, given no example messages); one-word drafts that repeated a
dev draft word for word were taken out, so that style is thinner than the others."""
PAIRS2 = _lines("sealed2_pairs.jsonl")


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def test_every_sealed_draft_is_labelled_by_the_guide() -> None:
    bad = []
    for draft in SEALED + SEALED2:
        ok = (
            re.fullmatch(r"s[1-4]\d{3}", draft["id"])
            and draft["style"] in STYLES
            and draft["text"].strip() == draft["text"] != ""
            and set(draft["kinds"]) <= set(KINDS)
            and draft["pause"] == bool(draft["kinds"])
            and (not draft.get("safety") or draft["kinds"] == ["threat"])
            and (not draft.get("trap") or not draft["pause"])
        )
        if not ok:
            bad.append(draft["id"])
    assert not bad, bad
    assert len({d["id"] for d in SEALED + SEALED2}) == len(SEALED) + len(SEALED2)


@pytest.mark.parametrize("drafts_of", [SEALED, SEALED2], ids=["round 1", "round 2"])
def test_each_style_holds_every_kind_and_hard_negatives(drafts_of: list[dict[str, Any]]) -> None:
    for style in STYLES:
        drafts = [d for d in drafts_of if d["style"] == style]
        kinds = Counter(k for d in drafts for k in d["kinds"])
        least = (3 if drafts_of is SEALED2 else 5) if style == "one-word" else 8
        assert all(kinds[k] >= least for k in KINDS), (style, kinds)
        calm = [d for d in drafts if not d["pause"]]
        assert len(calm) >= 29 and sum(bool(d.get("trap")) for d in calm) >= 20, style


def test_pairs_share_one_label_and_differ_only_in_spelling() -> None:
    assert len(PAIRS) == 90 and len(PAIRS2) == 59
    assert len({p["id"] for p in PAIRS + PAIRS2}) == 149
    for pair in PAIRS + PAIRS2:
        assert pair["standard"] != pair["texting"], pair["id"]
        assert pair["pause"] == bool(pair["kinds"]), pair["id"]
    assert 30 <= sum(p["pause"] for p in PAIRS) <= 60
    assert 20 <= sum(p["pause"] for p in PAIRS2) <= 40


def test_the_other_languages_are_balanced() -> None:
    assert Counter(d["lang"] for d in LANGUAGES) == Counter(LANGS)
    for lang in LANGS:
        harsh = sum(d["pause"] for d in LANGUAGES if d["lang"] == lang)
        assert harsh == LANGS[lang] // 2, lang


def test_no_sealed_draft_repeats_a_dev_draft() -> None:
    dev = {_normal(json.loads(line)["text"])
           for line in (DRAFTS / "dev.jsonl").read_text(encoding="utf-8").splitlines()
           if line.strip()}
    texts = [(d["id"], d["text"]) for d in SEALED + SEALED2]
    texts += [(p["id"], p[key]) for p in PAIRS + PAIRS2 for key in ("standard", "texting")]
    repeated = [i for i, text in texts if len(text.split()) > 3 and _normal(text) in dev]
    assert not repeated, repeated
