"""Reflection questionnaires in Debian's Chromium against the real `clearheart serve`:
answer one, read the result, answer it again and see the change over time; then answer
the safety check with a sign of danger and land on Help, with coaching resting and only a
small ring beside the name on every page until the person says they are safe now. Pages
are photographed at 1280 and 390 pixels wide into tests/e2e/screenshots/ (gitignored) and
must never scroll sideways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "meadow lantern pebble"


def answer_every_question(page: Page, pick: str) -> int:
    """Tap one point on every question: "first", "last" or "middle". Returns how many."""
    items = page.locator("fieldset.item")
    for n in range(items.count()):
        points = items.nth(n).locator("label.point, label.choice")
        index = {"first": 0, "last": points.count() - 1, "middle": points.count() // 2}[pick]
        points.nth(index).click()
    return items.count()


def test_answer_see_the_result_answer_again_and_see_the_change(
    browser: Browser, server: Server
) -> None:
    context, page, watch = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)

    page.click("nav >> text=Reflect")
    page.wait_for_url(server.base + "/reflect")
    assert page.title() == "Reflect · Notes"
    assert "not clinical tests" in page.inner_text("main")
    shoot(page, "reflect-01-hub")

    page.click("#q-closeness-and-worry >> text=Answer it")
    page.wait_for_url(server.base + "/reflect/closeness-and-worry")
    assert page.title() == "Reflect · Notes"
    # Saving with nothing chosen says what is needed, by the questions, and stores nothing.
    page.click("text=Save my answers")
    assert page.locator(".field-error").inner_text() == "Answer at least one question."
    shoot(page, "reflect-02-take")
    answered = answer_every_question(page, "middle")
    assert answered > 4
    page.click("text=Save my answers")
    page.wait_for_url(server.base + "/reflect/closeness-and-worry/results")
    main = page.inner_text("main")
    assert "Saved. Here is what your answers show." in main
    assert "on a range from 1 to 7" in main
    assert "When you answer again" in main
    shoot(page, "reflect-03-result")

    page.get_by_role("link", name="Answer again", exact=True).click()
    page.wait_for_url(server.base + "/reflect/closeness-and-worry")
    answer_every_question(page, "last")
    page.click("text=Save my answers")
    page.wait_for_url(server.base + "/reflect/closeness-and-worry/results")
    main = page.inner_text("main")
    assert "From 2 takes" in main
    assert "rule of thumb" in main
    assert page.locator("svg.chart-svg").count() >= 1
    assert page.locator(".take-history li").count() == 2
    shoot(page, "reflect-04-change")

    # The hub remembers when it was last answered.
    page.click("nav >> text=Reflect")
    assert "last answered" in page.inner_text("#q-closeness-and-worry")
    watch.check()
    context.close()


def test_a_sign_of_danger_leads_to_help_and_rests_coaching(
    browser: Browser, server: Server
) -> None:
    context, page, watch = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)
    page.goto(server.base + "/reflect/am-i-safe")
    answer_every_question(page, "last")
    shoot(page, "reflect-05-safety-check")
    page.click("text=Save my answers")
    page.wait_for_url(server.base + "/help")
    main = page.inner_text("main")
    assert "deserves to be taken seriously" in main
    assert "United Kingdom: 999" in main
    page.select_option("#country", "GB")
    page.click("form.country-form >> text=Show")
    page.wait_for_url(server.base + "/help#people")
    assert "0808 2000 247" in page.inner_text("main")
    shoot(page, "reflect-06-help")

    page.goto(server.base + "/today")
    assert page.locator(".quiet-mark").is_visible()
    assert page.locator("[data-coaching]").count() == 0
    assert "Suggestions are resting for now" in page.inner_text("main")
    shoot(page, "reflect-07-resting")
    page.click(".quiet-mark")
    page.wait_for_url(server.base + "/help")
    page.click("text=I am safe now")
    page.wait_for_url(server.base + "/help")
    assert page.locator(".quiet-mark").count() == 0
    assert "Suggestions can show again" in page.inner_text("main")
    page.goto(server.base + "/today")
    assert page.locator("[data-coaching]").count() > 0
    watch.check()
    context.close()
