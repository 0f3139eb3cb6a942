"""`clearheart assess results ID --json` lists every change sentence the results show, so
each claim can be counted from outside: its topic, text, whether it claims a change, and
how much it rests on (the two takes compared)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]
"""The `vault` fixture of tests/cli/conftest.py (not imported: every folder has a conftest)."""

HIGH = {f"w{n}": 7 for n in range(1, 7)} | {f"d{n}": 2 for n in range(1, 7)}
LOW = {f"w{n}": 2 for n in range(1, 7)} | {f"d{n}": 2 for n in range(1, 7)}


def _take(run: Run, answers: dict[str, int]) -> None:
    taken = run(
        "assess", "take", "closeness-and-worry", "--answers", "-", input=json.dumps(answers)
    )
    assert taken.code == 0, taken.err


def test_results_json_lists_the_change_sentences(vault: Run) -> None:
    run = vault
    empty = json.loads(run("assess", "results", "closeness-and-worry", "--json").out)
    assert empty["sentences"] == []
    _take(run, HIGH)
    one = json.loads(run("assess", "results", "closeness-and-worry", "--json").out)
    assert one["sentences"] == []
    _take(run, LOW)
    found = run("assess", "results", "closeness-and-worry", "--json")
    assert found.code == 0, found.err
    data = json.loads(found.out)
    sentences = data["sentences"]
    changes = {c["subscale"]: c for c in data["results"][-1]["changes"]}
    assert [s["topic"] for s in sentences] == ["worry", "distance"]
    shown = " ".join(run("assess", "results", "closeness-and-worry").out.split())
    for sentence in sentences:
        assert set(sentence) == {"topic", "text", "claims_change", "n"}
        change = changes[sentence["topic"]]
        assert sentence["text"] == change["sentence"] and sentence["n"] == 2
        assert sentence["claims_change"] is change["noticeable"]
        assert sentence["text"].removesuffix(" " + change["basis"]) in shown
        assert change["basis"] in shown
    worry, distance = sentences
    assert worry["claims_change"] is True and "rule of thumb" in worry["text"]
    assert distance["claims_change"] is False and "about the same" in distance["text"]
