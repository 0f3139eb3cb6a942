"""`clearheart learn` remembering what was read: `show` notes it, `list` marks it (text and
--json), an unknown id says so and notes nothing, and `forget` asks first, then clears
only the reads."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from clearheart.services import archive
from clearheart.services.workspace import Workspace

Run = Callable[..., Any]
PASSPHRASE = "correct horse battery"


def _marks(vault: Run) -> dict[str, tuple[str | None, bool]]:
    listed = json.loads(vault("learn", "list", "--json").out)["lessons"]
    return {x["id"]: (x["read_on"], x["changed_since_read"]) for x in listed}


def _snapshot(home: Path) -> dict[str, list[dict[str, Any]]]:
    workspace = Workspace.unlock(home, PASSPHRASE)
    try:
        return archive.snapshot(workspace.vault.engine)
    finally:
        workspace.close()


def test_showing_a_lesson_marks_it_read_in_the_list(vault: Run) -> None:
    assert all(mark == (None, False) for mark in _marks(vault).values())
    assert vault("learn", "show", "the-loop").code == 0
    vault("learn", "show", "not-a-verdict", "--json")
    marks = _marks(vault)
    today = date.today().isoformat()
    assert marks["the-loop"] == marks["not-a-verdict"] == (today, False)
    assert marks["closeness-and-distance"] == (None, False)
    text = vault("learn", "list").out
    loop = next(line for line in text.splitlines() if line.startswith("the-loop "))
    assert "· read on " in loop
    assert (
        "Next: When closeness brings distance (`clearheart learn show closeness-and-distance`)"
        in text
    )


def test_an_unknown_lesson_says_so_and_notes_nothing(vault: Run, tmp_path: Path) -> None:
    vault("learn", "show", "the-loop")
    before = _snapshot(tmp_path / "home")
    shown = vault("learn", "show", "no-such-lesson")
    assert shown.code != 0 and "no-such-lesson" in shown.err
    assert _snapshot(tmp_path / "home") == before


def test_forget_asks_first_then_clears_only_the_reads(vault: Run, tmp_path: Path) -> None:
    vault("journal", "add", "Kept while the reads are forgotten.")
    vault("learn", "show", "the-loop")
    before = _snapshot(tmp_path / "home")
    declined = vault("learn", "forget", input="n\n")
    assert declined.code != 0 and "Forget which lessons you have read?" in declined.out
    assert _snapshot(tmp_path / "home") == before
    done = vault("learn", "forget", "--yes")
    assert done.code == 0
    assert "Forgotten. 1 lesson shows as unread again; nothing else changed." in done.out
    after = _snapshot(tmp_path / "home")
    assert after["lesson_reads"] == []
    assert {k: v for k, v in after.items() if k != "lesson_reads"} == {
        k: v for k, v in before.items() if k != "lesson_reads"
    }
    again = vault("learn", "forget", input="y\n")
    assert "Nothing to forget" in again.out
