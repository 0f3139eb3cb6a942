"""`clearheart dating note edit|delete` and the checklist's and commitments' history."""

from __future__ import annotations

import json
from typing import Any

import pytest

PASSPHRASE = "correct horse battery"


@pytest.fixture
def notebook(tmp_path: Any, monkeypatch: pytest.MonkeyPatch, call_main: Any) -> Any:
    """A vault with one checklist item (own-1), Robin, and one entry about Robin."""
    monkeypatch.setenv("CLEARHEART_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
    assert call_main("init").code == 0
    assert call_main("dating", "checklist", "add", "Kind to waiters").code == 0
    assert call_main("dating", "person", "add", "Robin").code == 0
    added = call_main(
        "dating",
        "note",
        "add",
        "Robin",
        "Coffee.",
        "--on",
        "2026-01-02",
        "--seen",
        "own-1",
        "--mood",
        "4",
        "--mood-word",
        "easy",
        "--answer",
        "took-on",
    )
    assert added.code == 0 and "entry 1" in added.out, added.err
    return call_main


def _notes(call: Any) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = json.loads(
        call("dating", "person", "show", "Robin", "--json").out
    )["notes"]
    return notes


def test_edit_changes_what_is_given_and_keeps_the_rest(notebook: Any) -> None:
    edited = notebook(
        "dating",
        "note",
        "edit",
        "1",
        "--text",
        "Coffee, then a walk.",
        "--situation",
        "everyday",
        "--worry",
        "own-1",
        "--clear",
        "answer",
    )
    assert edited.code == 0, edited.err
    [note] = _notes(notebook)
    assert note["text"] == "Coffee, then a walk." and note["situation"] == "everyday"
    assert note["tags"] == {"own-1": "worry"} and note["answer"] is None
    assert (note["on"], note["mood"], note["mood_word"]) == ("2026-01-02", 4, "easy")
    assert notebook("dating", "note", "edit", "1", "--untag", "own-1").code == 0
    assert _notes(notebook)[0]["tags"] == {}
    assert "entry 1, 2026-01-02" in notebook("dating", "person", "show", "Robin").out


def test_a_tag_on_an_item_taken_off_the_list_stays_through_an_edit(notebook: Any) -> None:
    assert notebook("dating", "checklist", "remove", "own-1").code == 0
    assert notebook("dating", "note", "edit", "1", "--mood", "5").code == 0
    assert _notes(notebook)[0]["tags"] == {"own-1": "seen"}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--on", "2999-01-01"), "after today"),
        (("--on", "yesterday"), "YYYY-MM-DD"),
        (("--seen", "not-on-my-list"), "not an item on your checklist"),
        (("--mood", "9"), "from 1 to 5"),
        (("--text", "   "), "write a few words"),
        (("--untag", "f1-respect"), "not tagged on this entry"),
        (("--seen", "own-1", "--worry", "own-1"), "tagged twice"),
    ],
)
def test_a_bad_edit_is_named_and_stores_nothing(
    notebook: Any, args: tuple[str, ...], says: str
) -> None:
    before = _notes(notebook)
    bad = notebook("dating", "note", "edit", "1", "--text", "New words", *args)
    assert bad.code != 0 and says in bad.err, bad.err
    assert _notes(notebook) == before


def test_delete_asks_first_and_is_for_good(notebook: Any) -> None:
    kept = notebook("dating", "note", "delete", "1", input="n\n")
    assert kept.code != 0 and len(_notes(notebook)) == 1
    missing = notebook("dating", "note", "delete", "7", "--yes")
    assert missing.code != 0 and "7" in missing.err
    missing_edit = notebook("dating", "note", "edit", "7", "--text", "x")
    assert missing_edit.code != 0
    assert notebook("dating", "note", "delete", "1", input="y\n").code == 0
    assert _notes(notebook) == []


def test_earlier_versions_are_shown_newest_first(notebook: Any) -> None:
    assert notebook("dating", "checklist", "edit", "own-1", "Kind to people who serve").code == 0
    versions = json.loads(notebook("dating", "checklist", "history", "--json").out)
    assert [v["version"] for v in versions] == [2, 1]
    assert [[i["text"] for i in v["items"]] for v in versions] == [
        ["Kind to people who serve"],
        ["Kind to waiters"],
    ]
    text = notebook("dating", "checklist", "history").out
    assert (
        text.index("Version 2")
        < text.index("Kind to people who serve")
        < text.index("Version 1")
        < text.index("Kind to waiters")
    )

    assert json.loads(notebook("dating", "commitments", "history", "--json").out)["versions"] == []
    assert notebook("dating", "commitments", "edit", "", "My energy is mine.", "").code == 0
    assert notebook("dating", "commitments", "edit", "", "My energy is mine to give.", "").code == 0
    said = json.loads(notebook("dating", "commitments", "history", "--json").out)
    assert said["coaching"] is True
    assert [v["texts"][1] for v in said["versions"]] == [
        "My energy is mine to give.",
        "My energy is mine.",
    ]
    assert said["versions"][0]["own"] == [False, True, False]
    assert "My energy is mine." in notebook("dating", "commitments", "history").out
