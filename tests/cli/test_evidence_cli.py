"""`clearheart evidence`: the items by question, as text or JSON, with --since."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]
FIELDS = {
    "key",
    "concept",
    "bears_on",
    "title",
    "text",
    "n",
    "unit",
    "since",
    "until",
    "link",
    "claims_change",
    "months",
}


def test_json_lists_every_item_with_every_field(vault: Run) -> None:
    for kind, when in (
        ("bid_toward", "2025-03-04T10:00"),
        ("bid_away", "2025-05-06T10:00"),
        ("named_took_on", "2025-05-07T10:00"),
    ):
        assert vault("log", "add", kind, "--at", when).code == 0
    found = vault("evidence", "--json")
    assert found.code == 0, found.err
    items = json.loads(found.out)
    assert {i["key"] for i in items} == {"log-bids", "log-answers"}
    for item in items:
        assert set(item) == FIELDS
        assert item["n"] >= 1 and item["since"] <= item["until"]
    bids = next(i for i in items if i["key"] == "log-bids")
    assert (bids["n"], bids["since"], bids["until"]) == (2, "2025-03-04", "2025-05-06")
    assert bids["months"] == [
        {"start": "2025-03-01", "shown": "1 of 1", "n": 1},
        {"start": "2025-05-01", "shown": "0 of 1", "n": 1},
    ]

    later = json.loads(vault("evidence", "--json", "--since", "2025-05-01").out)
    assert next(i for i in later if i["key"] == "log-bids")["n"] == 1


def test_text_groups_by_question_and_says_what_would_add_to_an_empty_one(vault: Run) -> None:
    vault("log", "add", "need_unmet", "--at", "2025-03-04T10:00")
    out = vault("evidence").out
    assert (
        "Are your needs met?\n  Needs met and unmet (1 log entry, 4 Mar 2025 to 4 Mar 2025)" in out
    )
    assert "Is each of you working on your own side?\n  Nothing here yet." in out


def test_a_start_after_today_is_named_and_nothing_changes(vault: Run) -> None:
    vault("log", "add", "bid_toward")
    bad = vault("evidence", "--since", "2999-01-01")
    assert bad.code != 0 and "the start date 2999-01-01 is after today" in bad.err
    assert "Traceback" not in bad.err
    assert vault("evidence", "--since", "yesterday").code != 0
    assert len(json.loads(vault("evidence", "--json").out)) == 1
