"""`clearheart patterns CHAT_ID` after a no-contact start: both sides' messages from the
start day on, in text and as a top-level "since_no_contact" key (null before a start), its
sentence in the "sentences" list as a plain figure that claims no change."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from in_process import Result  # type: ignore[import-not-found]

CHAT = Path(__file__).resolve().parents[1] / "data" / "web" / "months.txt"
HEADING = "Since you began keeping distance"

Call = Callable[..., Result]


def _patterns(vault: Call, *args: str) -> tuple[str, dict[str, Any]]:
    shown = vault("patterns", "1", *args)
    found = vault("patterns", "1", *args, "--json")
    assert shown.code == 0 and found.code == 0, shown.err + found.err
    return shown.out, json.loads(found.out)


def _ours(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in data["sentences"] if s["topic"] == "since_no_contact"]


def test_before_a_start_and_with_messages_before_it_only(vault: Call) -> None:
    assert vault("import", "chat", str(CHAT), "--me", "Robin").code == 0
    text, data = _patterns(vault)
    assert data["since_no_contact"] is None and not _ours(data)
    assert HEADING not in text

    assert vault("nocontact", "start", "--on", "2024-07-01").code == 0
    text, data = _patterns(vault)
    assert data["since_no_contact"] == {
        "started_on": "2024-07-01",
        "mine": 0,
        "theirs": 0,
        "days": [],
    }
    assert not _ours(data) and HEADING not in text


def test_messages_after_the_start_in_text_and_json(vault: Call) -> None:
    assert vault("import", "chat", str(CHAT), "--me", "Robin").code == 0
    assert vault("nocontact", "start", "--on", "2024-06-28").code == 0
    text, data = _patterns(vault)
    assert data["since_no_contact"] == {
        "started_on": "2024-06-28",
        "mine": 5,
        "theirs": 3,
        "days": ["2024-06-28", "2024-06-29", "2024-06-30"],
    }
    [said] = _ours(data)
    assert said["claims_change"] is False and said["n"] == 8
    assert said["text"].startswith("Since 28 June 2024, the day you began keeping distance")
    assert "5 messages from you and 3 from Kai, on 3 days" in said["text"]
    assert f"\n{HEADING}\n  {said['text']}\n" in text
    assert "broke" not in text.lower() and "streak" not in text.lower()

    # The dates asked for narrow the figures, never what came after the start.
    _, narrowed = _patterns(vault, "--until", "2024-03-01")
    assert narrowed["since_no_contact"] == data["since_no_contact"]
