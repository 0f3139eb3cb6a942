"""The decision aid in the browser, in process: walked from start to plan, bad answers
refused with nothing stored, and safety first while the gate is closed."""

from __future__ import annotations

from html import escape
from typing import Any

import pytest
from walker import marked, visible_text
from webtools import Web, field_errors, title_of

from clearheart.domain.decide import KEYS, Option, Stage
from clearheart.services import archive
from clearheart.services.workspace import Workspace

PAGES = ("/decide", "/decide/values", "/decide/evidence", "/decide/options", "/decide/plan")
TITLES = ("Work on it together", "A structured pause", "Letting go")


def _walk(web: Web, workspace: Workspace) -> None:
    assert "Begin" in web.get("/decide").text
    assert web.post("/decide/start").headers["location"] == "/decide/values"
    assert (
        web.post(
            "/decide/sure", {"sure": "no", "understand": "yes", "values": "no", "support": "no"}
        ).status_code
        == 303
    )
    assert (
        web.post(
            "/decide/values",
            {
                "weight-being-seen": "3",
                "weight-freedom": "2",
                "words-own-1": "Sundays with my sister",
                "weight-own-1": "2",
            },
        ).status_code
        == 303
    )
    ratings = dict.fromkeys(KEYS, "not-sure") | {"needs_unmet": "mostly"}
    assert web.post("/decide/evidence", ratings).status_code == 303
    assert (
        web.post(
            "/decide/options", {"place-pause": "1", "place-let-go": "2", "place-together": "3"}
        ).status_code
        == 303
    )
    plan = {
        "option": "together",
        "review_on": "2026-09-01",
        "experiments": "A walk on Sundays\n\nPhones away at dinner",
        "check_in": "First Sunday of the month",
        "support": "ignored: another path",
    }
    assert web.post("/decide/plan", plan).headers["location"] == "/decide/plan#saved"
    assert (
        web.post(
            "/decide/plan",
            {"option": "let-go", "review_on": "2026-08-01", "support": "Maya\nMy brother"},
        ).status_code
        == 303
    )
    assert (
        web.post(
            "/decide/sure", dict.fromkeys(("sure", "understand", "values", "support"), "yes")
        ).status_code
        == 303
    )
    assert (
        web.post("/decide/questions", {"questions": "How long is long enough?\n"}).status_code
        == 303
    )


def test_walk_the_aid_from_start_to_plan(web: Web, shared_workspace: Workspace) -> None:
    _walk(web, shared_workspace)
    aid = shared_workspace.decide
    state = aid.aid()
    assert state.stage is Stage.PLAN
    assert {v.id: v.weight for v in state.values} == {"being-seen": 3, "freedom": 2, "own-1": 2}
    assert state.ratings["needs_unmet"].value == "mostly"
    assert state.order() == (Option.PAUSE, Option.LET_GO, Option.TOGETHER)
    assert state.questions == ("How long is long enough?",)
    versions = aid.history()
    assert [v.plan.option for v in versions] == [Option.TOGETHER, Option.LET_GO]
    assert versions[0].plan.experiments == ("A walk on Sundays", "Phones away at dinner")
    assert versions[0].plan.support == ()

    for page in PAGES:
        response = web.get(page)
        assert response.status_code == 200 and title_of(response.text).startswith("Weighing up")
    overview = visible_text(web.get("/decide").text)
    assert (
        "first answers, on 4 March 2025: yes to 1 of 4" in overview
        and "yes to 4 of 4 (2 times in all)" in overview
    )
    options = web.get("/decide/options").text
    shown = [t for _, t in sorted((options.index(t), t) for t in TITLES)]
    assert shown == ["A structured pause", "Letting go", "Work on it together"]
    assert "/journal?prompt=reflect-what-keeps-you#write" in options
    plan = visible_text(web.get("/decide/plan").text)
    assert "Your plan for now: Letting go" in plan and "Every version (2)" in plan
    assert "My brother" in plan


BAD: dict[str, tuple[str, dict[str, Any], str]] = {
    "a weight out of range": ("/decide/values", {"weight-freedom": "7"}, "from 0 to 3"),
    "an unknown option": (
        "/decide/plan",
        {"option": "stay", "review_on": "2026-09-01"},
        "choose one of together, pause, let-go",
    ),
    "a review date in the past": (
        "/decide/plan",
        {"option": "pause", "review_on": "2020-01-01", "pause_days": "30"},
        "choose today",
    ),
    "too long a text": (
        "/decide/plan",
        {"option": "let-go", "review_on": "2026-09-01", "no_contact": "x" * 1200},
        "under 1,000 characters",
    ),
    "an unknown rating": ("/decide/evidence", {"safe_space": "always"}, "answer with one of"),
    "half a take": ("/decide/sure", {"sure": "yes"}, "answer yes or no"),
    "places given twice": (
        "/decide/options",
        {"place-pause": "1", "place-let-go": "1", "place-together": "2"},
        "its own place",
    ),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_answers_say_what_to_change_and_store_nothing(
    web: Web, shared_workspace: Workspace, name: str
) -> None:
    shared_workspace.decide.start()
    before = archive.snapshot(shared_workspace.vault.engine)
    address, form, reason = BAD[name]
    response = web.post(address, form)
    assert response.status_code == 400
    assert any(reason.lower() in error.lower() for error in field_errors(response.text)), (
        field_errors(response.text)
    )
    assert archive.snapshot(shared_workspace.vault.engine) == before


def test_the_evidence_step_links_the_records_and_shows_what_they_hold(
    web: Web, shared_workspace: Workspace
) -> None:
    page = web.get("/decide/evidence").text
    for href in ('href="/chats"', 'href="/log"', 'href="/reflect"', 'href="/journal"'):
        assert href in page
    assert "cannot show what someone feels" in page
    assert 'id="evidence-items"' not in page  # nothing recorded: nothing to list
    for kind in ("bid_toward", "bid_away", "bid_toward", "named_brushed_off"):
        shared_workspace.log.add(kind)
    page = web.get("/decide/evidence").text
    assert 'id="evidence-items"' in page
    digest = shared_workspace.evidence.digest()
    shown = visible_text(page)
    for item in digest.items:
        assert item.title in shown and f'href="{escape(item.link)}"' in page
    assert shown.count("Rests on") >= len(digest.items) >= 2


@pytest.mark.usefixtures("unsafe_vault")
def test_while_unsafe_every_step_opens_on_safety_and_nothing_is_saved(
    web: Web, shared_workspace: Workspace
) -> None:
    shared_workspace_engine = shared_workspace.vault.engine
    for page in PAGES:
        html = web.get(page).text
        text = visible_text(html)
        assert 'href="/help/plan"' in html and "Your safety plan" in text, page
        assert not any(title in text for title in TITLES), page
        assert not marked(html), page
    before = archive.snapshot(shared_workspace_engine)
    assert web.post("/decide/values", {"weight-freedom": "2"}).status_code == 400
    assert web.post("/decide/start").headers["location"] == "/decide"
    assert archive.snapshot(shared_workspace_engine) == before


def test_the_evidence_step_compares_the_log_and_mood_either_side_of_a_day(
    web: Web, shared_workspace: Workspace
) -> None:
    before = archive.snapshot(shared_workspace.vault.engine)
    bad = web.get("/decide/evidence?split=31-02-2026&compare=1")
    assert bad.status_code == 400
    assert "year-month-day" in visible_text(bad.text)
    assert archive.snapshot(shared_workspace.vault.engine) == before
    page = web.get("/decide/evidence?split=2026-03-02&compare=1")
    assert page.status_code == 200
    shown = visible_text(page.text)
    assert "Either side of 2 March 2026" in shown
    assert "Before" in shown and "After" in shown
    assert "Where a figure shifted" not in shown  # shifts are looked for on a chat's page only
