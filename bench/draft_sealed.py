"""The draft check on the sealed held-out drafts: per style, per kind, spelling pairs and
other languages. Figures only: no draft and no miss is ever printed or written.

    .venv/bin/python bench/draft_sealed.py [--round 1|2] [--rules-only]

Round 1 reads bench/data/drafts/sealed_*.jsonl (drafts with a `style`: texting,
one-word, formal, long), sealed_pairs.jsonl (the same message in standard and texting
spelling) and sealed_languages.jsonl (drafts in other languages); round 2 reads
sealed2_*.jsonl and sealed2_pairs.jsonl, written later by two more writers who were
given no example messages at all. These were written apart
from everything the check was built on, by writers who saw only the labelling guide
(bench/data/drafts/README.md, "Sealed sets"). For every style and overall it reports
`pause` precision, recall and F1, the false-pause rate and each kind's recall; for the
pairs, the share whose two spellings get the same pause verdict; for the languages, how
each draft was answered ("not checked", paused, or passed as calm). `--rules-only` scores
the rules and VADER alone (the floor) instead of the full check. Writes
bench/out/draft_sealed[2][_rules].json.

The sealed sets are scored once before work on them starts and once per release of the
check, never while tuning: reading their figures after every change is tuning by another
name.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from draft_eval import DATA, load_checker, predicted, score
from harness import report

STYLES = ("texting", "one-word", "formal", "long")
GOALS = {
    "pause_f1_min": 0.90,
    "false_pause_rate_max": 0.05,
    "kind_recall_min": 0.75,
    "pairs_agree_min": 0.95,
}

Draft = dict[str, Any]


def _lines(path: Path) -> list[Draft]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def sealed_drafts(prefix: str) -> list[Draft]:
    found = [d for path in sorted(DATA.glob(f"{prefix}_[a-z].jsonl")) for d in _lines(path)]
    unknown = {d["style"] for d in found} - set(STYLES)
    if unknown:
        raise SystemExit(f"draft_sealed: unknown styles {sorted(unknown)}")
    return found


def _brief(scored: dict[str, Any]) -> dict[str, Any]:
    """One set's figures without its confusion tables (they are per draft in disguise)."""
    return {
        "drafts": scored["drafts"],
        "calm_drafts": scored["calm_drafts"],
        "pause": scored["pause"],
        "false_pause_rate": scored["false_pause_rate"],
        "traps": scored["trap_drafts"],
        "traps_paused": scored["traps_paused"],
        "safety_drafts": scored["safety_drafts"],
        "safety_recall": scored["safety_recall"],
        "kind_recall": {
            kind: {"labelled": k["labelled"], "recall": k["recall"]}
            for kind, k in scored["kinds"].items()
            if k["labelled"]
        },
    }


def pairs(checker: Any, prefix: str) -> dict[str, Any]:
    rows = _lines(DATA / f"{prefix}_pairs.jsonl")
    agree = right = 0
    for row in rows:
        standard = bool(checker.check(row["standard"]).pause)
        texting = bool(checker.check(row["texting"]).pause)
        agree += standard == texting
        right += standard == texting == bool(row["pause"])
    return {
        "pairs": len(rows),
        "agree": agree,
        "agree_rate": round(agree / len(rows), 3),
        "both_right": right,
        "both_right_rate": round(right / len(rows), 3),
    }


def languages(checker: Any, prefix: str) -> dict[str, Any] | None:
    path = DATA / f"{prefix}_languages.jsonl"
    if not path.exists():
        return None
    by_lang: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in _lines(path):
        reading = checker.check(row["text"])
        answer = (
            "not_checked"
            if reading.unread is not None
            else "paused"
            if reading.pause
            else "passed_as_calm"
        )
        counts = by_lang[row["lang"]]
        counts["drafts"] += 1
        counts[answer] += 1
        counts["harsh_passed_as_calm"] += answer == "passed_as_calm" and bool(row["pause"])
    return {lang: dict(c) for lang, c in sorted(by_lang.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--rules-only", action="store_true", help="score the rules and VADER alone (the floor)"
    )
    parser.add_argument(
        "--round", type=int, choices=(1, 2), default=1,
        help="which sealed sets: 1 (writers A and B) or 2 (writers F and G)",
    )
    args = parser.parse_args()
    prefix = "sealed" if args.round == 1 else "sealed2"
    checker_class = load_checker()
    checker = checker_class(use_model=False) if args.rules_only else checker_class()
    drafts = sealed_drafts(prefix)
    readings = [checker.check(d["text"]) for d in drafts]
    guesses = [predicted(r) for r in readings]
    result: dict[str, Any] = {"overall": _brief(score(drafts, guesses, show=False))}
    # English drafts the language gate set aside as "not checked" (each one is a miss).
    result["overall"]["english_not_checked"] = sum(r.unread is not None for r in readings)
    for style in STYLES:
        picked = [(d, g) for d, g in zip(drafts, guesses, strict=True) if d["style"] == style]
        if picked:
            result[style] = _brief(
                score([d for d, _ in picked], [g for _, g in picked], show=False)
            )
    result["pairs"] = pairs(checker, prefix)
    result["languages"] = languages(checker, prefix)
    styles = [result[s] for s in STYLES if s in result]
    result["goals"] = {
        **GOALS,
        "pause_f1_met_every_style": all(
            (s["pause"]["f1"] or 0) >= GOALS["pause_f1_min"] for s in styles
        ),
        "false_pause_met_every_style": all(
            (s["false_pause_rate"] or 0) <= GOALS["false_pause_rate_max"] for s in styles
        ),
        "kind_recall_met_every_kind": all(
            (k["recall"] or 0) >= GOALS["kind_recall_min"]
            for k in result["overall"]["kind_recall"].values()
        ),
        "pairs_met": result["pairs"]["agree_rate"] >= GOALS["pairs_agree_min"],
    }
    name = "draft_sealed" + ("2" if args.round == 2 else "")
    report(name + ("_rules" if args.rules_only else ""), result)


if __name__ == "__main__":
    main()
