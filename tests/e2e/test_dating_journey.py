"""A dating notebook in Debian's Chromium against the real `clearheart serve`, on a phone.

From the questionnaires page to the checklist (one idea kept, one item in the person's own
words), a notebook about someone new, three entries on three different days tagged against
the checklist with a mood, then the notebook's view: what was seen per item, how much it
rests on, and that it is early; no score. One entry is changed on its own page. Pages are
photographed at 1280 and 390 px into tests/e2e/screenshots/ (gitignored).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "harbour lantern violet"
OWN = "Kind to people who serve them"


def add_entry(
    page: Page, day: date, situation: str, text: str, own: str, idea: str, mood: int
) -> None:
    page.fill("#on", day.isoformat())
    page.select_option("#situation", situation)
    page.fill("#text", text)
    page.select_option("#tag-own-1", own)
    if idea:
        page.select_option("#add select[id^='tag-']:not(#tag-own-1)", idea)
    page.check(f"input[name=mood][value='{mood}']")
    page.click("text=Save the entry")
    page.wait_for_selector(".notice:text-is('Saved in the notebook.')")
    page.wait_for_load_state("load")  # innerText depends on the stylesheet's layout


def test_a_notebook_across_three_dated_entries_on_a_phone(browser: Browser, server: Server) -> None:
    context, page, watch = open_context(browser, server, phone=True)
    create_vault(page, server, PASSPHRASE)
    page.click("nav >> text=Reflect")
    page.click("text=Your checklist and notebooks")
    page.wait_for_url(server.base + "/dating")
    assert page.title().startswith("Someone new")  # neutral: no word of dating in history

    page.click("text=Build or change your checklist")
    page.wait_for_url(server.base + "/dating/checklist")
    idea = page.locator("form.dating-item strong").first.inner_text()
    page.locator("form.dating-item button:has-text('Keep this')").first.click()
    page.wait_for_selector(".notice:has-text('Saved')")
    page.fill("#own-text", OWN)
    page.click("button:text-is('Add')")
    page.wait_for_selector(f"#text-own-1:text-is('{OWN}')")

    page.click("text=← Someone new")
    page.fill("#name", "Robin")
    page.click("button:text-is('Start a notebook')")
    page.wait_for_url(server.base + "/dating/people/*")
    assert "Robin" not in page.url  # people are numbers in the address bar
    assert "No entries yet." in page.inner_text("#entries")

    today = date.today()
    add_entry(
        page,
        today - timedelta(days=20),
        "date",
        "Coffee by the river; asked about my week and listened.",
        "seen",
        "",
        4,
    )
    add_entry(
        page,
        today - timedelta(days=9),
        "messages",
        "A slow day of messages; I waited and did not chase.",
        "worry",
        "not-yet",
        3,
    )
    add_entry(
        page,
        today - timedelta(days=2),
        "date",
        "Thanked the waiter by name. Easy evening.",
        "seen",
        "",
        5,
    )

    basis = page.inner_text("p.basis[data-figure]")
    assert basis == "3 entries over 2 weeks, across 2 kinds of situation: early to see a pattern."
    seen = page.inner_text("#seen-heading + ul.dating-seen")
    assert (
        f"{OWN}\nSeen twice, a worry once: 3 entries over 2 weeks, across 2 kinds of situation."
    ) in seen
    assert (
        f"{idea}\nMarked not seen yet once: 1 entry on 1 day, across 1 kind of situation."
    ) in seen
    assert "(3 entries): 4, 3, 5." in page.inner_text("section[aria-labelledby=seen-heading]")
    assert "not a score of them" in page.inner_text("main")
    assert "score" not in page.inner_text("main").lower().replace("not a score", "")
    assert page.locator("#entries article.dating-note").count() == 3

    page.locator("#entries article.dating-note").nth(1).locator("text=Edit").click()
    page.wait_for_url(server.base + "/dating/people/*/notes/*/edit")
    assert page.input_value("#text").startswith("A slow day of messages")
    page.fill("#mood_word", "patient")
    page.click("text=Save the changes")
    page.wait_for_selector(".notice:text-is('Saved.')")
    assert "mood 3 (patient)" in page.inner_text("#entries")
    assert page.inner_text("p.basis[data-figure]") == basis

    # Photographs come last (see test_log_journey.py); shoot() also checks that neither
    # width scrolls sideways.
    shoot(page, "dating-01-notebook")
    page.goto(server.base + "/dating/checklist")
    shoot(page, "dating-02-checklist")
    watch.check()
    context.close()
