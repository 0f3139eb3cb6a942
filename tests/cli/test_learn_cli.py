"""`clearheart learn`: the list, one lesson with its own evidence, the sources; --json
shapes; "Try this" and coaching lessons rest while the gate is closed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


def test_the_list_and_a_lesson_without_a_vault(
    call_main: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEARHEART_HOME", str(tmp_path / "none"))
    listed = json.loads(call_main("learn", "list", "--json").out)
    assert listed["coaching"] is True and 18 <= len(listed["lessons"]) <= 22
    first = listed["lessons"][0]
    assert set(first) == {
        "id",
        "title",
        "summary",
        "concepts",
        "minutes",
        "read_on",
        "changed_since_read",
    }
    assert first["read_on"] is None and first["changed_since_read"] is False
    text = call_main("learn", "show", "the-loop").out
    assert "Why chasing can bring more distance" in text and "Try this" in text
    assert "With a vault, your own records show here." in text
    shown = json.loads(call_main("learn", "show", "the-loop", "--json").out)
    assert shown["evidence"] is None and shown["concepts"] == ["A4"]


def test_a_lesson_with_too_little_data_says_so_and_how_to_add_some(vault: Run) -> None:
    data = json.loads(vault("learn", "show", "noticing-the-good", "--json").out)
    assert set(data) == {
        "id",
        "title",
        "summary",
        "concepts",
        "minutes",
        "coaching",
        "paragraphs",
        "try_this",
        "evidence",
        "references",
    }
    assert data["evidence"]["enough"] is False and data["evidence"]["shown"] == []
    assert data["evidence"]["adds"] and data["try_this"] and data["paragraphs"]
    assert "Not enough in your records yet" in vault("learn", "show", "noticing-the-good").out


def test_a_lesson_shows_the_log_with_its_count_and_link(vault: Run) -> None:
    for kind in ("bid_toward", "bid_toward", "bid_away"):
        assert vault("log", "add", kind).code == 0
    data = json.loads(vault("learn", "show", "noticing-the-good", "--json").out)
    shown = data["evidence"]["shown"]
    assert data["evidence"]["enough"] and shown[0]["n"] == 3 and shown[0]["link"].startswith("/log")
    words = " ".join(vault("learn", "show", "noticing-the-good").out.split())
    assert "Rests on 3 log entries." in words


def test_while_unsafe_try_this_and_coaching_lessons_rest(vault: Run) -> None:
    assert vault("safety", "unsafe").code == 0
    listed = json.loads(vault("learn", "list", "--json").out)
    ids = [x["id"] for x in listed["lessons"]]
    assert listed["coaching"] is False and "asking-clearly" not in ids and "the-loop" in ids
    loop = json.loads(vault("learn", "show", "the-loop", "--json").out)
    assert loop["try_this"] is None and loop["paragraphs"]
    asking = vault("learn", "show", "asking-clearly")
    assert "resting" in asking.out and "Try this" not in asking.out


def test_an_unknown_lesson_and_the_sources(vault: Run) -> None:
    missing = vault("learn", "show", "no-such-lesson")
    assert missing.code != 0 and "No lesson with id no-such-lesson." in missing.err
    refs = json.loads(vault("learn", "sources", "--json").out)
    by_id = {r["id"]: r for r in refs}
    assert {
        "bowlby",
        "ainsworth",
        "hazan-shaver",
        "mikulincer-shaver",
        "johnson-eft",
        "gottman-bids",
        "gottman-repair",
    } <= set(by_id)
    assert "the-loop" in by_id["johnson-eft"]["lessons"] and by_id["bowlby"]["limits"]
    assert "Limits:" in vault("learn", "sources").out
