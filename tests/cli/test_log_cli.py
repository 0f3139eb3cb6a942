"""`clearheart log`: add, list, kinds, delete, summary, as scripts call them.

Every vault command costs an unlock (Argon2) and, as a subprocess, a fresh
interpreter; so most calls here go through the same `main()` in this process
(`inproc`), and a few through the real command (`run`) to prove the wiring.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clearheart.domain.behaviour import KINDS
from conftest import PASSPHRASE, Result, Run  # type: ignore[import-not-found]


@pytest.fixture
def inproc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, call_main: Run) -> Run:
    """Like `run`, but calling the CLI's `main()` in this process, on tmp_path/home."""
    monkeypatch.setenv("CLEARHEART_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
    return call_main


Call = Callable[..., Result]


def test_log_add_list_filter_bad_input_and_delete(run: Run, inproc: Call) -> None:
    assert run("init").code == 0
    real = run
    run = inproc
    empty = run("log", "list")
    assert empty.code == 0 and "Nothing logged here yet" in empty.out
    added = run("log", "add", "bid_toward", "--note", "he put his phone down", "--json")
    assert added.code == 0, added.err
    first = json.loads(added.out)
    assert first["kind"] == "bid_toward" and first["note"] == "he put his phone down"
    assert first["label"] == "They turned toward me"
    assert set(first) == {"id", "at", "kind", "label", "note", "cycle_map", "cycle_step", "created"}
    earlier = (datetime.now().astimezone() - timedelta(days=3)).replace(second=0, microsecond=0)
    plain = run("log", "add", "i-gave-space", "--at", earlier.strftime("%Y-%m-%dT%H:%M"))
    assert plain.code == 0 and plain.out.startswith("Logged #2: I gave space")

    listed = run("log", "list", "--json").out
    assert [e["id"] for e in json.loads(listed)] == [1, 2]  # newest first
    assert datetime.fromisoformat(json.loads(listed)[1]["at"]) == earlier
    day = earlier.date().isoformat()
    window = run("log", "list", "--kind", "i_gave_space", "--since", day, "--until", day, "--json")
    assert [e["id"] for e in json.loads(window.out)] == [2]

    # Bad input: one clear line, a non-zero exit, and nothing stored is touched.
    cases = [
        (("log", "add", "hugged"), "kind: there is no kind 'hugged'; the kinds are: bid_toward"),
        (("log", "add", "bid_away", "--at", "yesterday"), "--at: 'yesterday' is not a time"),
        (("log", "add", "bid_away", "--step", "trigger"), "step: no cycle map has a step"),
    ]
    for n, (args, message) in enumerate(cases):
        result = (real if n == 0 else run)(*args)
        assert result.code == 1, args
        assert message in result.err, (args, result.err)
        assert "Traceback" not in result.err
    assert run("log", "list", "--json").out == listed

    assert run("log", "delete", "1", "--yes").code == 0
    missing = run("log", "delete", "1", "--yes")
    assert missing.code == 1 and "No log entry with id 1." in missing.err


def test_kinds_and_summary(run: Run, inproc: Call) -> None:
    kinds = json.loads(run("log", "kinds", "--json").out)  # needs no vault
    assert [k["id"] for k in kinds] == [k.id for k in KINDS]
    assert {k["group"] for k in kinds} >= {"bids", "what I did"}
    run = inproc
    text = run("log", "kinds").out
    assert "Reaching out" in text and "i_asked_once" in text
    assert run("init").code == 0
    for kind in ("bid_toward", "bid_toward", "bid_away"):
        assert run("log", "add", kind).code == 0
    summary = json.loads(run("log", "summary", "--json").out)
    toward = next(f for f in summary["figures"] if f["id"] == "toward")
    assert toward["value"] == "2 of 3"
    assert "Of the 3 bids you logged over 1 week" in toward["sentence"]
    assert summary["weeks"][-1]["bids"] == 3
    text = run("log", "list").out
    assert text.count("They turned toward me") == 2 and "They turned away" in text
