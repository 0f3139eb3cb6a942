"""`clearheart decide`: the status JSON's exact shape, a walk to a plan, bad input refused
with nothing stored, and help instead of the aid while the gate is closed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

Run = Callable[..., Any]
LATER = (date.today() + timedelta(days=30)).isoformat()


def _state(vault: Run) -> list[str]:
    return [vault("decide", name, "--json").out for name in ("status", "history", "values")]


def test_status_json_has_exactly_the_documented_shape(vault: Run) -> None:
    empty = json.loads(vault("decide", "status", "--json").out)
    assert set(empty) == {"stage", "options", "values", "conflict", "plan", "review_on"}
    assert empty["stage"] == "not-started" and empty["plan"] is None
    assert empty["conflict"] == {"before": None, "after": None}
    assert sorted(o["id"] for o in empty["options"]) == ["let-go", "pause", "together"]
    assert all(
        set(o) == {"id", "title", "involves", "experience", "asks"} for o in empty["options"]
    )


def test_walk_to_a_plan_and_change_of_mind(vault: Run) -> None:
    assert vault("decide", "start").code == 0
    assert (
        vault(
            "decide",
            "sure",
            "--sure",
            "no",
            "--understand",
            "yes",
            "--values",
            "no",
            "--support",
            "no",
        ).code
        == 0
    )
    assert vault("decide", "values", "being-seen=3", "ease=0", "--own", "time outdoors=2").code == 0
    assert vault("decide", "rate", "safe_space=mostly", "needs_unmet=not-sure").code == 0
    assert vault("decide", "options", "--order", "pause,together,let-go").code == 0
    first = vault(
        "decide",
        "plan",
        "together",
        "--experiment",
        "a walk on Sundays",
        "--check-in",
        "first Sunday",
        "--review",
        LATER,
        "--json",
    )
    assert first.code == 0, first.err
    assert (
        vault(
            "decide",
            "plan",
            "let-go",
            "--support",
            "Maya",
            "--self-care",
            "swimming",
            "--review",
            LATER,
        ).code
        == 0
    )
    taken = vault(
        "decide",
        "sure",
        "--sure",
        "yes",
        "--understand",
        "yes",
        "--values",
        "yes",
        "--support",
        "no",
    )
    assert "yes to 3 of 4 (2 times in all)" in " ".join(taken.out.split())
    assert vault("decide", "questions", "How long is long enough?").code == 0

    status = json.loads(vault("decide", "status", "--json").out)
    assert status["stage"] == "plan"
    assert [o["id"] for o in status["options"]] == ["pause", "together", "let-go"]
    assert [(v["id"], v["weight"]) for v in status["values"]] == [("being-seen", 3), ("own-1", 2)]
    assert status["values"][1]["words"] == "time outdoors"
    assert (status["conflict"]["before"]["yes"], status["conflict"]["after"]["yes"]) == (1, 3)
    assert status["conflict"]["before"]["of"] == 4
    assert status["plan"]["option"] == "let-go" and status["review_on"] == LATER
    assert status["plan"]["parts"] == {"support": ["Maya"], "self_care": ["swimming"]}
    history = json.loads(vault("decide", "history", "--json").out)
    assert [v["option"] for v in history] == ["together", "let-go"]
    assert history[0]["parts"]["experiments"] == ["a walk on Sundays"]
    assert json.loads(vault("decide", "rate", "--json").out) == {
        "safe_space": "mostly",
        "needs_unmet": "not-sure",
    }
    text = " ".join(vault("decide", "status").out.split())
    assert "Where you are: A plan" in text and "time outdoors (matters: a lot)" in text


def test_bad_input_is_refused_clearly_and_stores_nothing(vault: Run) -> None:
    vault("decide", "start")
    before = _state(vault)
    cases = {
        ("decide", "plan", "stay", "--review", LATER): "choose one of together, pause, let-go",
        ("decide", "values", "freedom=4"): "weigh freedom from 0 to 3",
        ("decide", "plan", "pause", "--days", "30", "--review", "2020-01-01"): "choose today",
        (
            "decide",
            "plan",
            "let-go",
            "--no-contact",
            "x" * 1200,
            "--review",
            LATER,
        ): "under 1,000 characters",
        ("decide", "plan", "pause", "--support", "Maya", "--review", LATER): "another path",
        ("decide", "rate", "partner_type=mostly"): "is not one of",
        ("decide", "options", "--order", "pause,pause,let-go"): "exactly once",
        ("decide", "go", "verdict"): "Invalid value",
    }
    for args, reason in cases.items():
        result = vault(*args)
        assert result.code != 0, args
        assert reason in result.err, (args, result.err)
    assert _state(vault) == before


def test_while_unsafe_the_aid_shows_help_and_refuses_writes(vault: Run) -> None:
    vault("decide", "start")
    vault("safety", "unsafe")
    shown = vault("decide", "status")
    assert "safety plan show" in shown.out and "Work on it together" not in shown.out
    assert "Letting go" not in vault("decide", "options").out
    refused = vault("decide", "plan", "pause", "--days", "14", "--review", LATER)
    assert refused.code != 0 and "rests while you may not be safe" in refused.err
    assert json.loads(vault("decide", "history", "--json").out) == []
