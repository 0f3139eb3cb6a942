"""`clearheart pen`: hold, list, show, decide, delete, as scripts and people call them.

A few calls go through the real command (`run`) to prove the wiring, standard
input and the locked vault. The rest call the CLI's `main()` in this process on
one vault kept open, with a clock the test moves, so "12 minutes left" and
"ready to decide" can be checked exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from clearheart.cli import pen_commands
from clearheart.services.workspace import Workspace

PASSPHRASE = "correct horse battery"
"""The one tests/cli/conftest.py gives `run`; not imported, as every test folder has a conftest."""
ZONE = timezone(timedelta(hours=1))
START = datetime(2025, 3, 14, 21, 20, tzinfo=ZONE)  # a Friday evening
KEYS = ["id", "text", "rewrite", "status", "created", "hold_until", "minutes", "decided_at",
        "minutes_left"]
DRAFT = "You never answer me. Why do I even bother?"
CALMER = "I miss hearing from you. Could you text me when you're free tonight?"


Call = Callable[..., Any]
"""`call(*args, input=...)` → the conftest's Result (code, out, err)."""
Run = Callable[..., Any]


class Clock:
    def __init__(self) -> None:
        self.moment = START

    def now(self) -> datetime:
        return self.moment


class KeptOpen:
    """The real workspace, which the command's `close()` leaves open for the next call."""

    def __init__(self, workspace: Workspace) -> None:
        self.pause = workspace.pause
        self.clock = workspace.clock
        self.safety = workspace.safety
        self.help = workspace.help

    def close(self) -> None:
        pass


@dataclass
class Pen:
    call: Call
    clock: Clock
    workspace: Workspace

    def json(self, *args: str) -> Any:
        result = self.call(*args, "--json")
        assert result.code == 0, result.err
        return json.loads(result.out)


@pytest.fixture
def pen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call_main: Call) -> Iterator[Pen]:
    """A new vault on a moving clock, and `call(*args, input=...)` running the CLI on it."""
    clock = Clock()
    workspace = Workspace.create(tmp_path / "home", PASSPHRASE, clock)
    monkeypatch.setattr(pen_commands, "open_workspace", lambda: KeptOpen(workspace))

    yield Pen(call_main, clock, workspace)
    workspace.close()


def _without_timer(drafts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in d.items() if k != "minutes_left"} for d in drafts]


# --- the real command ----------------------------------------------------------------


def test_the_real_command_holds_from_standard_input_and_lists(run: Run) -> None:
    assert run("init").code == 0
    text = "💔 é\u0301 why won't you answer?\nSecond line."
    held = run("pen", "hold", "-", "--minutes", "5", "--json", input=text + "\n")
    assert held.code == 0, held.err
    first = json.loads(held.out)
    assert list(first) == KEYS
    assert first["text"] == text and first["minutes"] == 5 and first["status"] == "holding"
    assert first["minutes_left"] == 5 and first["rewrite"] is None
    piped = run("pen", "hold", "--rewrite", CALMER, input=DRAFT)
    assert piped.code == 0, piped.err
    assert piped.out.startswith("Held #2 until ") and "Nothing was sent." in piped.out
    listed = json.loads(run("pen", "list", "--json").out)
    assert [d["id"] for d in listed] == [2, 1]  # newest first
    assert listed[0]["text"] == DRAFT and listed[0]["rewrite"] == CALMER
    assert "pen" in run("--help").out


def test_a_locked_vault_follows_the_house_pattern(run: Run) -> None:
    missing = run("pen", "list")
    assert missing.code == 1 and "No vault in" in missing.err
    assert run("init").code == 0
    wrong = run("pen", "hold", DRAFT, CLEARHEART_PASSPHRASE="not the right one")
    assert wrong.code == 3
    assert wrong.err.strip() == "clearheart: That passphrase does not open this vault."
    none = run("pen", "list", CLEARHEART_PASSPHRASE=None)
    assert none.code == 1 and "CLEARHEART_PASSPHRASE" in none.err
    assert "Traceback" not in wrong.err + none.err
    assert json.loads(run("pen", "list", "--json").out) == []  # the wrong one kept nothing


# --- in this process, on a moving clock ---------------------------------------------------


def test_hold_list_and_show_with_the_time_left(pen: Pen) -> None:
    empty = pen.call("pen", "list")
    assert empty.code == 0 and empty.out.startswith("The pen is empty.")
    assert pen.json("pen", "list") == []

    held = pen.call("pen", "hold", DRAFT, "--rewrite", CALMER)
    assert held.code == 0, held.err
    assert held.out.splitlines() == [
        "Held #1 until 21:40. Nothing was sent.",
        "Decide whenever you are ready: `clearheart pen decide 1 sent`, `let-go` or `journaled`.",
    ]
    shown = pen.json("pen", "show", "1")
    assert shown == {
        "id": 1, "text": DRAFT, "rewrite": CALMER, "status": "holding",
        "created": "2025-03-14T21:20:00+01:00", "hold_until": "2025-03-14T20:40:00+00:00",
        "minutes": 20, "decided_at": None, "minutes_left": 20,
    }
    assert list(shown) == KEYS

    pen.clock.moment = START + timedelta(minutes=8, seconds=30)
    late = pen.call("pen", "hold", "-", "--minutes", "60", input="Answer me.\nPlease.")
    assert late.out.startswith("Held #2 until 22:28.")
    lines = pen.call("pen", "list").out.splitlines()
    assert lines == [
        "#2  Fri 14 Mar 2025, 21:28  Waiting, 60 minutes left",
        "    Answer me. Please.",
        "#1  Fri 14 Mar 2025, 21:20  Waiting, 12 minutes left  (with a calmer version)",
        f"    {DRAFT}",
    ]
    assert [d["minutes_left"] for d in pen.json("pen", "list")] == [60, 12]

    pen.clock.moment = START + timedelta(minutes=19, seconds=45)
    assert "Waiting, under a minute left" in pen.call("pen", "list").out
    pen.clock.moment = START + timedelta(minutes=25)
    text = pen.call("pen", "show", "1").out
    assert text.startswith("Held draft #1: Waiting, ready to decide\n")
    assert "Held     Fri 14 Mar 2025, 21:20 (for 20 minutes)" in text
    assert f"The draft:\n    {DRAFT}\n\nYour calmer version:\n    {CALMER}" in text
    assert "`clearheart pen decide 1 sent`" in text
    assert pen.json("pen", "show", "1")["minutes_left"] == 0

    pen.clock.moment = datetime(2025, 3, 14, 23, 50, tzinfo=ZONE)
    overnight = pen.call("pen", "hold", "It can wait till morning.", "--minutes", "600")
    assert overnight.out.startswith("Held #3 until Sat 15 Mar, 09:50. Nothing was sent.")
    assert [d["id"] for d in pen.json("pen", "list", "--limit", "2")] == [3, 2]
    assert pen.call("pen", "list", "--limit", "2").out.endswith("… and 1 older (use --limit).\n")


def test_decide_each_way_and_journaled_writes_the_entry(pen: Pen) -> None:
    for words in ("Where are you?", "Fine. Whatever.", "Nobody cares what I think."):
        assert pen.call("pen", "hold", words).code == 0
    assert pen.call("pen", "hold", DRAFT, "--rewrite", CALMER).code == 0

    pen.clock.moment = START + timedelta(minutes=5)  # early is fine: the timer is an offer
    sent = pen.call("pen", "decide", "1", "sent")
    assert sent.out == "Noted: you sent it. Whatever comes back, you gave yourself time first.\n"
    let_go = pen.json("pen", "decide", "2", "let_go")
    assert let_go["status"] == "let-go" and let_go["minutes_left"] is None
    assert let_go["decided_at"] == "2025-03-14T20:25:00+00:00"
    assert pen.json("pen", "decide", "3", "LET-GO")["status"] == "let-go"
    journaled = pen.call("pen", "decide", "4", "journaled")
    assert journaled.code == 0, journaled.err
    assert journaled.out == (
        "It is in your journal now, word for word, tagged #pause. Nothing was sent.\n"
    )
    (entry,) = pen.workspace.journal.all()
    assert entry.text == f"{DRAFT}\n\nHow I might say it:\n{CALMER}"
    assert entry.tags == ("pause",) and entry.created == pen.clock.moment

    assert [d["id"] for d in pen.json("pen", "list", "--status", "let_go")] == [3, 2]
    assert [d["id"] for d in pen.json("pen", "list", "--status", "let-go")] == [3, 2]
    assert [d["status"] for d in pen.json("pen", "list")] == [
        "journaled", "let-go", "let-go", "sent"]
    assert pen.call("pen", "list", "--status", "holding").out == "Nothing is waiting in the pen.\n"
    text = pen.call("pen", "list").out
    assert "Put in my journal" in text and "I let it go" in text and "I sent it" in text
    shown = pen.call("pen", "show", "1").out
    assert "Decided  Fri 14 Mar 2025, 21:25" in shown and "pen decide" not in shown


def test_bad_input_is_one_clear_line_and_changes_nothing(pen: Pen) -> None:
    assert pen.call("pen", "hold", DRAFT).code == 0
    assert pen.call("pen", "hold", "Call me back?").code == 0
    assert pen.call("pen", "decide", "2", "let-go").code == 0
    before = _without_timer(pen.json("pen", "list"))

    cases: list[tuple[tuple[str, ...], str, str]] = [
        (("pen", "hold", DRAFT, "--minutes", "0"),
         "", "--minutes: choose from 1 minute to 24 hours (not 0)"),
        (("pen", "hold", DRAFT, "--minutes", "1441"),
         "", "--minutes: choose from 1 minute to 24 hours (not 1441)"),
        (("pen", "hold", "   "), "", "draft: there is no text to hold; type or paste a message"),
        (("pen", "hold", "-"), " \n", "draft: there is no text to hold"),
        (("pen", "hold"), "", "draft: there is no text to hold"),
        (("pen", "hold", "x" * 20_001), "", "text: a draft can be at most 20,000 characters"),
        (("pen", "decide", "99", "sent"), "", "No held draft with id 99."),
        (("pen", "decide", "1", "maybe"), "",
         "status: 'maybe' is not a decision; choose sent, let-go or journaled"),
        (("pen", "decide", "1", "holding"), "", "status: 'holding' is not a decision"),
        (("pen", "decide", "2", "sent"), "",
         "status: this draft was already decided (I let it go)"),
        (("pen", "decide", "2", "journaled"), "", "this draft was already decided"),
        (("pen", "list", "--status", "waiting"), "",
         "--status: 'waiting' is not a status; choose one of: holding, sent, let-go, journaled"),
        (("pen", "list", "--limit", "0"), "", "--limit: choose from 1 to 500"),
        (("pen", "show", "99"), "", "No held draft with id 99."),
        (("pen", "delete", "99", "--yes"), "", "No held draft with id 99."),
    ]
    for args, given, message in cases:
        result = pen.call(*args, input=given)
        assert result.code == 1, (args, result)
        assert result.err.startswith("clearheart: ") and message in result.err, (args, result.err)
        assert result.err.count("\n") == 1 and "Traceback" not in result.err
    for args in (("pen", "hold", DRAFT, "--minutes", "soon"), ("pen", "show", "first"),
                 ("pen", "decide", "1")):
        assert pen.call(*args).code == 2, args  # the argument parser's usage error

    assert _without_timer(pen.json("pen", "list")) == before
    assert not pen.workspace.journal.all()


def test_delete_asks_first(pen: Pen) -> None:
    assert pen.call("pen", "hold", DRAFT).code == 0
    assert pen.call("pen", "hold", "Another one.").code == 0
    kept = pen.call("pen", "delete", "1", input="n\n")
    assert kept.code == 130 and "stopped; nothing was changed" in kept.err
    assert "Delete held draft #1 for good?" in kept.out
    assert [d["id"] for d in pen.json("pen", "list")] == [2, 1]
    gone = pen.call("pen", "delete", "1", input="y\n")
    assert gone.code == 0 and gone.out.endswith("Held draft #1 is deleted. It is gone for good.\n")
    assert pen.call("pen", "delete", "2", "--yes").code == 0
    assert pen.json("pen", "list") == []
    assert pen.call("pen", "show", "1").code == 1
    assert pen.workspace.pause.count() == 0
    assert pen.workspace.pause.list() == ()
