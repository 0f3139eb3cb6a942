"""`clearheart promise` and `clearheart journal nudges`: written, versioned, pinned and shown;
bad input refused with nothing stored; help instead while the gate is closed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def _state(vault: Run) -> str:
    return str(vault("promise", "show", "--json").out)


def test_write_pin_show_and_unpin(vault: Run) -> None:
    empty = json.loads(vault("promise", "show", "--json").out)
    assert empty == {
        "resting": False,
        "versions": 0,
        "parts": [
            {
                "key": k,
                "heading": p["heading"],
                "text": "",
                "looks_at": p["looks_at"],
                "items": [],
                "pinned": [],
                "thin": True,
            }
            for k, p in ((p["key"], p) for p in empty["parts"])
        ],
    }
    assert vault("promise", "edit", "us", "-", input="Plans we both keep.\n").code == 0
    saved = vault(
        "promise",
        "edit",
        "own-1",
        "A home with two voices.",
        "--heading",
        "Home",
        "--looks-at",
        "needs_unmet",
        "--json",
    )
    assert json.loads(saved.out)["version"] == 2
    entry = json.loads(vault("journal", "add", "-", "--json", input="Another quiet Sunday.").out)
    assert vault("promise", "pin", "own-1", str(entry["id"])).code == 0
    shown = json.loads(vault("promise", "show", "--json").out)
    parts = {p["key"]: p for p in shown["parts"]}
    assert shown["versions"] == 2 and parts["us"]["text"] == "Plans we both keep."
    assert parts["own-1"]["looks_at"] == ["needs_unmet"]
    assert [p["id"] for p in parts["own-1"]["pinned"]] == [entry["id"]]
    text = vault("promise", "show").out
    assert "What you hoped: A home with two voices." in text and "Journal entry #" in text
    assert vault("promise", "unpin", "own-1", str(entry["id"])).code == 0
    assert json.loads(_state(vault))["parts"][-1]["pinned"] == []


def test_bad_input_is_refused_and_stores_nothing(vault: Run) -> None:
    assert vault("promise", "edit", "us", "Plans we both keep.").code == 0
    before = _state(vault)
    for args, words in (
        (("promise", "edit", "ours", "x"), "there is no part called 'ours'"),
        (("promise", "edit", "us", "   "), "write a few words"),
        (("promise", "edit", "own-1", "x"), "a part needs a heading"),
        (
            ("promise", "edit", "own-1", "x", "--heading", "H", "--looks-at", "luck"),
            "unknown question 'luck'",
        ),
        (("promise", "pin", "us", "42"), "No journal entry with id 42"),
        (("promise", "pin", "own-3", "1"), "no part own-3 yet"),
        (("promise", "unpin", "us", "1"), "No pinned entry"),
        (("journal", "set-aside", "1", "highs"), "No journal entry with id 1"),
    ):
        result = vault(*args)
        assert result.code != 0 and words in result.err, (args, result.err)
    assert _state(vault) == before


def test_nudges_are_listed_set_aside_and_rest_while_unsafe(vault: Run) -> None:
    entry = json.loads(
        vault("journal", "add", "-", "--json", input="but when its good its sooo good, u know?").out
    )
    listed = json.loads(vault("journal", "nudges", "--json").out)
    assert [(n["entry"], n["kind"]) for n in listed] == [(entry["id"], "highs")]
    assert "How often did they come" in vault("journal", "nudges").out
    assert "sooo good" not in vault("journal", "nudges").out
    assert vault("journal", "set-aside", str(entry["id"]), "highs").code == 0
    assert json.loads(vault("journal", "nudges", "--json").out) == []
    vault("journal", "add", "-", input="Maybe I was asking too much.")
    assert vault("promise", "edit", "us", "Plans we both keep.").code == 0
    vault("safety", "unsafe")
    assert json.loads(vault("journal", "nudges", "--json").out) == []
    assert json.loads(vault("promise", "show", "--json").out) == {
        "resting": True,
        "versions": 0,
        "parts": [],
    }
    assert "Plans we both keep" not in vault("promise", "show").out
    refused = vault("promise", "edit", "me", "Calm.")
    assert refused.code != 0 and "rests while you may not be safe" in refused.err
