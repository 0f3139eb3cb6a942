"""`clearheart nocontact` and `clearheart urge`: start, note contacts, log urges, keep
letters, as scripts and people call them; a bad value says what is wrong and stores
nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def test_a_tracker_from_start_to_history(vault: Run) -> None:
    assert "has not started" in vault("nocontact", "status").out
    assert vault("nocontact", "status", "--json").out.strip() == "null"
    started = vault(
        "nocontact",
        "start",
        "--mode",
        "low-contact",
        "--counts",
        "texting;checking their profile",
        "--exception",
        "the children",
        "--json",
    )
    assert started.code == 0, started.err
    assert json.loads(started.out)["exceptions"] == ["the children"]
    assert (
        "The count goes on"
        in vault("nocontact", "contact", "--by", "them", "--exception", "the children").out
    )
    status = json.loads(vault("nocontact", "status", "--json").out)
    assert status["days_since"] == 0 and status["contacts"] == []
    assert [c["exception"] for c in status["within_exceptions"]] == ["the children"]
    assert "0 days since the start" in vault("nocontact", "status").out
    noted = vault("nocontact", "contact", "--way", "call")
    assert "starts again" in noted.out and "streak" not in noted.out.lower()
    vault("nocontact", "rules", "--counts", "texting")
    history = json.loads(vault("nocontact", "history", "--json").out)
    assert [r["counts"] for r in history["rules"]] == [
        ["texting", "checking their profile"],
        ["texting"],
    ]
    assert len(history["contacts"]) == 2


def test_bad_values_say_what_is_wrong_and_store_nothing(vault: Run) -> None:
    vault("nocontact", "start")
    before = vault("nocontact", "history", "--json").out
    ahead = vault("nocontact", "contact", "--at", "2999-01-01T10:00")
    assert ahead.code == 1 and "choose a time that has passed" in ahead.err
    bad_day = vault("nocontact", "start", "--on", "someday")
    assert bad_day.code == 1 and "year-month-day" in bad_day.err
    strong = vault("urge", "log", "11")
    assert strong.code == 1 and "choose from 0 to 10" in strong.err
    assert vault("nocontact", "history", "--json").out == before
    assert json.loads(vault("urge", "list", "--json").out) == []


def test_urges_and_their_weeks(vault: Run) -> None:
    for strength, trigger in ((7, "night"), (4, "lonely"), (5, "night")):
        logged = vault(
            "urge", "log", str(strength), "--trigger", trigger, "--minutes", "20", "--json"
        )
        assert logged.code == 0, logged.err
    assert "rode it out" in vault("urge", "log", "2").out
    summary = json.loads(vault("urge", "summary", "--json").out)
    assert summary["total"] == 4 and summary["enough"] is False
    assert summary["weeks"][-1]["urges"] == 4
    assert "Not enough yet" in vault("urge", "summary").out


def test_letters_are_kept_shown_and_deleted(vault: Run) -> None:
    added = json.loads(
        vault(
            "nocontact",
            "letter",
            "add",
            "-",
            "--json",
            input="Dear you,\nI said less than I meant.\n",
        ).out
    )
    assert added["heading"] == "What I wanted to say"
    assert "I said less" in vault("nocontact", "letter", "show", str(added["id"])).out
    assert vault("nocontact", "letter", "delete", str(added["id"]), input="n\n").code == 130
    assert vault("nocontact", "letter", "delete", str(added["id"]), "--yes").code == 0
    assert json.loads(vault("nocontact", "letter", "list", "--json").out) == []
    assert vault("nocontact", "letter", "show", str(added["id"])).code != 0


def test_records_are_kept_while_unsafe_and_nothing_coaches(vault: Run) -> None:
    """Decision 0015: a person keeping distance from danger can still note it; the CLI
    prints none of the pages' coaching lines in either state."""
    coaching = ("rise and fall like a wave", "Stepping back is a way")
    assert json.loads(vault("safety", "unsafe", "--json").out)["coaching"] is False
    writes = (
        ("nocontact", "start", "--counts", "texting", "--json"),
        ("nocontact", "rules", "--exception", "work"),
        ("nocontact", "contact", "--by", "them"),
        ("urge", "log", "5", "--trigger", "night", "--did", "rode-it-out"),
        ("nocontact", "letter", "add", "Kept, not sent."),
    )
    said = []
    for args in writes:
        done = vault(*args)
        assert done.code == 0, (args, done.err)
        said.append(done.out)
    history = json.loads(vault("nocontact", "history", "--json").out)
    assert [r["exceptions"] for r in history["rules"]] == [[], ["work"]]
    assert len(history["contacts"]) == 1
    assert len(json.loads(vault("urge", "list", "--json").out)) == 1
    assert len(json.loads(vault("nocontact", "letter", "list", "--json").out)) == 1
    said += [vault("urge", "summary").out, vault("nocontact", "status").out]
    assert not any(words in out for out in said for words in coaching)
