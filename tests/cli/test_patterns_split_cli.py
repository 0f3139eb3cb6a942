"""`clearheart patterns CHAT_ID --split DATE`: both sides of a date, with counts, and the
sentences the comparison makes; a date the chat cannot be compared at is a clear exit 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from in_process import Result  # type: ignore[import-not-found]

CHAT = Path(__file__).resolve().parents[1] / "data" / "web" / "months.txt"

Call = Callable[..., Result]


def test_split_adds_both_sides_and_their_sentences(vault: Call) -> None:
    assert vault("import", "chat", str(CHAT), "--me", "Robin").code == 0
    found = vault("patterns", "1", "--split", "2024-04-01", "--json")
    assert found.code == 0, found.err
    data = json.loads(found.out)
    compared = data["before_after"]
    assert compared["split"] == "2024-04-01"
    starts = next(c for c in compared["comparisons"] if c["figure"] == "starts")
    for side in (starts["before"], starts["after"]):
        assert side["weeks"] == 13 and side["count"] > 0 and side["first"] and side["last"]
    assert isinstance(starts["claims_change"], bool)
    said = [s for s in data["sentences"] if s["topic"] == "before_after"]
    assert [s["text"] for s in said] == [c["text"] for c in compared["comparisons"]]
    assert all(s["n"] > 0 for s in said if not s["text"].startswith("There is not"))
    assert [s for s in data["sentences"] if s["topic"] == "shifts"]
    assert isinstance(data["shifts"], list)
    text = vault("patterns", "1", "--split", "2024-04-01")
    assert "Before and after" in text.out and starts["text"] in text.out


def test_a_date_outside_the_chat_or_too_near_an_end_is_a_clear_exit_2(vault: Call) -> None:
    assert vault("import", "chat", str(CHAT), "--me", "Robin").code == 0
    outside = vault("patterns", "1", "--split", "2023-05-01")
    assert outside.code == 2
    assert "runs from 1 January 2024 to 30 June 2024" in outside.err
    near = vault("patterns", "1", "--split", "2024-06-10")
    assert near.code == 2
    assert "only 3 whole weeks of this chat come after it" in near.err
    assert "Traceback" not in outside.err + near.err
    assert vault("patterns", "1").code == 0  # nothing lost: the chat reads as before
