"""Help: the switch on every page, your country's helplines, your plan, crisis words first."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from walker import visible_text
from webtools import FORBIDDEN_IN_TITLES, Web, field_errors, title_of

from clearheart.services.workspace import Workspace


@pytest.fixture
def helped(web: Web, shared_workspace: Workspace) -> Iterator[Web]:
    """Signed in, the gate open, no country, no plan at the start and after."""
    shared_workspace.safety.safe()
    shared_workspace.help.choose_country("")
    shared_workspace.help.clear_plan()
    yield web
    shared_workspace.safety.safe()
    shared_workspace.help.choose_country("")
    shared_workspace.help.clear_plan()


def test_the_switch_is_on_every_page_and_works_both_ways(
    helped: Web, shared_workspace: Workspace
) -> None:
    for path in ("/today", "/journal", "/log", "/settings", "/chats"):
        page = helped.get(path).text
        assert 'action="/help/unsafe"' in page and 'href="/help"' in page, path
    response = helped.post("/help/unsafe")
    assert response.status_code == 303 and response.headers["location"] == "/help"
    gate = shared_workspace.safety.gate()
    assert not gate.coaching and gate.said_unsafe
    page = helped.get("/help").text
    assert 'action="/help/safe"' in page and "You said you do not feel safe" in page
    assert 'action="/help/unsafe"' not in helped.get("/today").text
    assert helped.post("/help/safe").headers["location"] == "/help"
    assert shared_workspace.safety.coaching()
    history = helped.get("/help").text
    assert "When you changed this" in history and "you said you were safe" in history


def test_titles_and_addresses_are_plain(helped: Web) -> None:
    for path, expected in (("/help", "Help"), ("/help/plan", "Plan"), ("/help/privacy", "Privacy")):
        title = title_of(helped.get(path).text).lower()
        assert title.startswith(expected.lower()), path
        for word in (*FORBIDDEN_IN_TITLES, "safe", "danger", "crisis"):
            assert word not in title, (path, word)


def test_choosing_a_country_shows_its_helplines(
    helped: Web, shared_workspace: Workspace
) -> None:
    before = visible_text(helped.get("/help").text)
    assert "United Kingdom: 999" in before and "Choose your country" in before
    assert helped.post("/help/country", {"country": "GB"}).headers["location"] == "/help#people"
    after = visible_text(helped.get("/help").text)
    assert "Call 999 (United Kingdom)" in after
    assert "0808 2000 247" in after and "116 123" in after
    bad = helped.post("/help/country", {"country": "XX"})
    assert bad.status_code == 400 and "is not on the list" in bad.text
    assert shared_workspace.help.country() is not None  # the choice before stays


def test_the_plan_is_kept_and_a_mistake_loses_nothing(
    helped: Web, shared_workspace: Workspace
) -> None:
    form = {
        "warning_signs": "Slamming doors, then silence.",
        "code_word": "blue umbrella",
        "person_name": ["Mira", ""], "person_how": ["07700 900123", ""],
        "person_note": ["knows the word", ""],
        "packed": ["id", "keys"],
        "extra": "Spare glasses",
    }
    assert helped.post("/help/plan", form).headers["location"] == "/help/plan"
    plan = shared_workspace.help.plan()
    assert plan.part("code_word") == "blue umbrella" and plan.people[0].name == "Mira"
    assert plan.packed == {"id", "keys"} and plan.extra == ("Spare glasses",)
    page = helped.get("/help/plan").text
    assert "blue umbrella" in page and 'value="Mira"' in page
    assert 'value="id" checked' in page

    bad = helped.post("/help/plan", {**form, "places": "x" * 1_501,
                                     "person_name": ["", "Jo"], "person_how": ["555", "1"],
                                     "person_note": ["", ""]})
    assert bad.status_code == 400
    assert field_errors(bad.text)
    assert "Slamming doors, then silence." in bad.text and 'value="555"' in bad.text
    assert shared_workspace.help.plan().part("code_word") == "blue umbrella"  # unchanged


def test_the_printed_plan_names_nothing_and_runs_nothing(
    helped: Web, shared_workspace: Workspace
) -> None:
    shared_workspace.help.save_plan({"parts": {"code_word": "blue umbrella"},
                                     "people": [{"name": "Mira", "how": "07700 900123"}]})
    shared_workspace.help.choose_country("GB")
    page = helped.get("/help/plan/print").text
    assert "blue umbrella" in page and "Mira: 07700 900123" in page and "999" in page
    assert "<script" not in page and "Clearheart" not in page
    assert title_of(page) == "Notes" and 'href="data:,"' in page
    assert "margin: 0" in helped.get("/static/plain.css").text  # no browser header/footer


def test_the_privacy_page_is_honest_about_limits(helped: Web) -> None:
    text = visible_text(helped.get("/help/privacy").text)
    for words in ("What it cannot hide", "History", "Stalkerware", "cloud accounts",
                  "emergency number"):
        assert words in text, words


def test_crisis_words_in_the_journal_put_help_first_and_keep_the_words(
    helped: Web, shared_workspace: Workspace
) -> None:
    shared_workspace.help.choose_country("GB")
    before = shared_workspace.journal.count()
    saved = helped.post("/journal", {"text": "Honestly I don't want to be here anymore."})
    assert saved.headers["location"] == "/journal"
    assert shared_workspace.journal.count() == before + 1
    page = helped.get("/journal").text
    main = page[page.index('<main id="main"'):]
    assert main.index('class="card crisis-card"') < main.index("<h1>")
    assert "Samaritans" in main and "116 123" in main and "Your words are saved" in main
    assert "crisis-card" not in helped.get("/journal").text  # shown once, not forever
    calm = helped.post("/journal", {"text": "This deadline is killing me, lol."})
    assert calm.status_code == 303 and "crisis-card" not in helped.get("/journal").text


def test_a_draft_speaking_of_being_hurt_now_shows_crisis_help_first(
    helped: Web, shared_workspace: Workspace
) -> None:
    shared_workspace.help.choose_country("GB")
    page = helped.post("/pause/check", {"draft": "he is hitting me right now please help"}).text
    main = page[page.index('<main id="main"'):]
    assert main.index("crisis-card") < main.index("<h1>")
    assert "999" in main and "Build my message" not in main


def test_danger_words_in_an_entry_close_the_gate_quietly(
    helped: Web, shared_workspace: Workspace
) -> None:
    helped.post("/journal", {"text": "She checks my phone every night and took my bank card."})
    gate = shared_workspace.safety.gate()
    assert not gate.coaching
    assert {r.code for r in gate.reasons} >= {"journal:monitoring"}
    page = helped.get("/help").text
    assert "Words in a journal entry" in page
    assert "checks my phone" not in page  # the words stay in the journal, not here
    today = helped.get("/today").text
    assert 'class="quiet-mark"' in today and "Before you send something hard" not in today
    assert re.search(r"Suggestions are resting", today)
