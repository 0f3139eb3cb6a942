"""`clearheart support`: add, list, show, edit, remove, reached, due, and the safety plan's
`add`, as people and scripts call them; a mistake says what to change and stores nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def _filled(vault: Run) -> None:
    assert (
        vault(
            "support",
            "add",
            "Maya",
            "--for",
            "talk",
            "--for",
            "FUN",
            "--how",
            "07700 900123",
            "--every",
            "1w",
            "--words",
            "she listens",
        ).code
        == 0
    )
    assert vault("support", "add", "Choir", "--for", "company").code == 0
    assert vault("support", "reached", "1", "--on", "2020-01-01", "--note", "a long walk").code == 0


def test_add_list_show_and_reached(vault: Run) -> None:
    empty = vault("support", "list")
    assert empty.code == 0 and "No one is on your list yet" in empty.out
    _filled(vault)
    listed = vault("support", "list").out
    assert "2 people and places. In the last 30 days" in listed
    assert "#1  Maya  ·  good for someone to talk to, fun" in listed
    assert "you'd like every week" in listed and "no time in touch noted yet" in listed
    data = json.loads(vault("support", "list", "--json").out)
    assert data["summary"]["people"] == 2 and data["summary"]["times"] == 0
    maya = data["people"][1]
    assert maya["good_for"] == ["fun", "talk"] and maya["last"] == "2020-01-01"
    assert maya["contacts"] == [{"id": 1, "on": "2020-01-01", "note": "a long walk"}]
    assert "a long walk" in vault("support", "show", "1").out
    assert json.loads(vault("support", "show", "1", "--json").out)["how"] == "07700 900123"
    today = vault("support", "reached", "2")
    assert today.code == 0 and today.out.startswith("Noted: Choir, ")


def test_due_lists_those_past_their_own_interval_and_nudges_only_while_safe(vault: Run) -> None:
    _filled(vault)
    due = json.loads(vault("support", "due", "--json").out)
    assert [d["name"] for d in due["due"]] == ["Maya"]  # Choir has no interval
    assert due["due"][0]["nudge"].endswith("Would a short message be nice?")
    assert "Would a short message be nice?" in vault("support", "due").out
    vault("safety", "unsafe")
    resting = json.loads(vault("support", "due", "--json").out)
    assert resting["coaching"] is False and resting["due"][0]["nudge"] == ""
    assert "Would a short message" not in vault("support", "due").out
    assert "Maya" in vault("support", "list").out  # the list itself stays


def test_edit_keeps_what_is_left_out_and_an_empty_every_stops_nudges(vault: Run) -> None:
    _filled(vault)
    assert vault("support", "edit", "1", "--name", "Maya O.", "--every", "").code == 0
    maya = json.loads(vault("support", "show", "1", "--json").out)
    assert maya["name"] == "Maya O." and maya["every_days"] is None
    assert maya["good_for"] == ["fun", "talk"] and maya["how"] == "07700 900123"
    assert json.loads(vault("support", "due", "--json").out)["due"] == []


def test_mistakes_say_what_to_change_and_store_nothing(vault: Run) -> None:
    _filled(vault)
    before = vault("support", "list", "--json").out
    for args, said in (
        (("support", "add", " "), "name: add a name"),
        (("support", "add", "Jonah", "--every", "often"), "every: write a number of days"),
        (("support", "reached", "1", "--on", "2999-01-01"), "on: choose today or a day before"),
        (("support", "reached", "1", "--on", "14/03"), "on: write the day as YYYY-MM-DD"),
        (("support", "reached", "9"), "No person or place with id 9"),
        (("support", "edit", "1", "--name", ""), "name: add a name"),
    ):
        result = vault(*args)
        assert result.code != 0 and said in result.err, (args, result.err)
    assert vault("support", "list", "--json").out == before


def test_remove_asks_first_and_then_removes(vault: Run) -> None:
    _filled(vault)
    kept = vault("support", "remove", "1", input="n\n")
    assert kept.code != 0 and "Maya" in vault("support", "list").out
    assert vault("support", "remove", "1", "--yes").out.strip() == "Removed Maya."
    assert "Maya" not in vault("support", "list").out


def test_someone_from_your_people_joins_the_safety_plan_once(vault: Run) -> None:
    _filled(vault)
    assert vault("safety", "plan", "add", "1").out.strip() == (
        "Added Maya to the people on your plan."
    )
    plan = json.loads(vault("safety", "plan", "show", "--json").out)
    assert plan["people"] == [{"name": "Maya", "how": "07700 900123", "note": ""}]
    again = vault("safety", "plan", "add", "1")
    assert again.code != 0 and "already on your safety plan" in again.err
    assert json.loads(vault("support", "show", "1", "--json").out)["on_safety_plan"] is True
    assert "also on your safety plan" in vault("support", "list").out
