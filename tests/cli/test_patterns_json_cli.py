"""`clearheart patterns CHAT_ID --json` lists every sentence the page shows, so each claim
can be counted and checked from outside: its topic, its text, whether it claims a change
or a link, and how much it rests on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from in_process import Result  # type: ignore[import-not-found]

CHAT = Path(__file__).resolve().parents[1] / "data" / "web" / "months.txt"

Call = Callable[..., Result]


def test_json_lists_the_sentences_the_text_output_shows(vault: Call) -> None:
    imported = vault("import", "chat", str(CHAT), "--me", "Robin", "--json")
    assert imported.code == 0, imported.err
    shown = vault("patterns", "1")
    found = vault("patterns", "1", "--json")
    assert found.code == 0, found.err
    sentences = json.loads(found.out)["sentences"]
    assert sentences
    for sentence in sentences:
        assert set(sentence) == {"topic", "text", "claims_change", "n"}
        assert isinstance(sentence["claims_change"], bool)
        assert isinstance(sentence["n"], int) and sentence["n"] >= 0
        assert f"  {sentence['text']}\n" in shown.out
    assert {s["topic"] for s in sentences} >= {"conversations", "latency"}
