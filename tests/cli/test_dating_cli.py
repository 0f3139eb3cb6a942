"""`clearheart dating`: the checklist, notebooks and commitments from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clearheart.content.instruments import load_builtin_instruments

PASSPHRASE = "correct horse battery"


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call_main: Any) -> Any:
    monkeypatch.setenv("CLEARHEART_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
    assert call_main("init").code == 0
    return call_main


def test_a_checklist_a_notebook_and_what_it_rests_on(vault: Any) -> None:
    offered = json.loads(vault("dating", "checklist", "suggest", "--json").out)
    assert offered["coaching"] and any(s["id"] == "f2-shrink" for s in offered["suggestions"])
    assert vault("dating", "checklist", "accept", "f2-shrink").code == 0
    assert vault("dating", "checklist", "add", "Kind to waiters").code == 0
    assert vault("dating", "checklist", "edit", "own-1", "Kind to people who serve them").code == 0
    listed = json.loads(vault("dating", "checklist", "--json").out)
    assert listed["version"] == 3
    assert [i["id"] for i in listed["items"]] == ["f2-shrink", "own-1"]
    assert vault("dating", "person", "add", "Robin").code == 0
    for day, tag in (("2026-01-02", "--seen"), ("2026-01-05", "--worry"), ("2026-01-10", "--seen")):
        added = vault(
            "dating",
            "note",
            "add",
            "robin",
            "Dinner and a long talk.",
            "--on",
            day,
            tag,
            "own-1",
            "--mood",
            "4",
            "--words",
            "matched",
        )
        assert added.code == 0, added.err
    shown = json.loads(vault("dating", "person", "show", "Robin", "--json").out)
    assert shown["basis"] == (
        "3 entries over 9 days, across 1 kind of situation: early to see a pattern."
    )
    own = next(i for i in shown["items"] if i["id"] == "own-1")
    assert (own["seen"], own["worry"]) == (2, 1)
    assert "score" not in json.dumps(shown).lower().replace('"scores"', "")


def test_bad_input_is_named_and_stores_nothing(vault: Any) -> None:
    vault("dating", "person", "add", "Robin")
    bad = vault("dating", "note", "add", "Robin", "A walk.", "--seen", "not-on-my-list")
    assert bad.code != 0 and "not an item on your checklist" in bad.err
    late = vault("dating", "note", "add", "Robin", "A walk.", "--on", "2999-01-01")
    assert late.code != 0 and "after today" in late.err
    twice = vault("dating", "person", "add", "robin")
    assert twice.code != 0 and "already have a notebook" in twice.err
    shown = json.loads(vault("dating", "person", "show", "1", "--json").out)
    assert shown["notes"] == []
    assert len(json.loads(vault("dating", "person", "list", "--json").out)) == 1


def test_coaching_writes_are_refused_while_unsafe(vault: Any) -> None:
    vault("safety", "unsafe")
    refused = vault("dating", "checklist", "accept", "f2-shrink")
    assert refused.code != 0 and "rests while you may not be safe" in refused.err
    assert vault("dating", "commitments", "edit", "a", "b", "c").code != 0
    assert json.loads(vault("dating", "checklist", "--json").out)["items"] == []
    vault("safety", "safe")
    assert vault("dating", "commitments", "edit", "", "My energy is mine to give.", "").code == 0
    shown = json.loads(vault("dating", "commitments", "--json").out)
    assert shown["own"] == [False, True, False] and shown["version"] == 1


def test_rename_carries_the_questionnaire_takes_and_delete_is_for_good(
    vault: Any, tmp_path: Path
) -> None:
    vault("dating", "person", "add", "Robin")
    sheet = tmp_path / "a.json"
    instrument = next(i for i in load_builtin_instruments() if i.id == "dating-again")
    answers = {item.id: 1 for item in instrument.items} | {"subject": "Robin"}
    sheet.write_text(json.dumps(answers), encoding="utf-8")
    taken = vault("assess", "take", "dating-again", "--answers", str(sheet))
    assert taken.code == 0, taken.err
    assert vault("dating", "person", "rename", "Robin", "Rob").code == 0
    shown = json.loads(vault("dating", "person", "show", "Rob", "--json").out)
    assert len(shown["takes"]) == 1
    vault("dating", "note", "add", "Rob", "Coffee.")
    assert vault("dating", "person", "delete", "Rob", "--yes").code == 0
    assert json.loads(vault("dating", "person", "list", "--json").out) == []
