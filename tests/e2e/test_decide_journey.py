"""Walk the decision aid in Debian's Chromium against the real `clearheart serve`: from the
start to a saved plan, at desktop width and on a phone; and with the gate closed, see the
safety plan and who can help, never the options. Pages are photographed at 1280 and 390
pixels wide into tests/e2e/screenshots/ (gitignored)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "harbour lantern kettle"
TITLES = ("Work on it together", "A structured pause", "Letting go")


def _walk(page: Page, server: Server, name: str) -> None:
    page.goto(server.base + "/decide")
    assert page.title() == "Weighing up · Notes"
    page.click("button:has-text('Begin')")
    page.wait_for_url(server.base + "/decide/values")
    page.check("input[name='weight-being-seen'][value='3']")
    page.check("input[name='weight-steadiness'][value='2']")
    page.fill("#words-own-1", "Weekends with friends")
    page.click("text=Save my values")
    page.wait_for_url(server.base + "/decide/values")
    assert "Your values are saved." in page.inner_text("main")
    shoot(page, f"decide-{name}-01-values")

    page.click(".decide-steps >> text=What you have seen")
    for key, answer in (
        ("both_willing", "a-little"),
        ("needs_unmet", "mostly"),
        ("fear_self_doubt", "not-sure"),
    ):
        page.check(f"input[name='{key}'][value='{answer}']")
    page.click("text=Save my answers")
    page.wait_for_url(server.base + "/decide/evidence")
    assert page.is_checked("input[name='needs_unmet'][value='mostly']")
    shoot(page, f"decide-{name}-02-evidence")

    page.click(".decide-steps >> text=The three paths")
    options = page.locator(".decide-option h2").all_inner_texts()
    assert sorted(options) == sorted(TITLES)
    with page.expect_navigation():
        page.click(".reflect-list a >> nth=0")
    assert "/journal" in page.url and "prompt=" in page.url
    page.go_back()
    shoot(page, f"decide-{name}-03-options")

    page.click(".decide-steps >> text=A plan")
    page.check("#path-pause")
    assert page.locator(".path-pause").is_visible()
    assert page.locator(".path-together").is_hidden()
    page.fill("#pause-pause_days", "30")
    page.fill("#pause-boundaries", "Texts on Sundays only\nNo visits")
    page.fill("#review_on", (date.today() + timedelta(days=30)).isoformat())
    page.click("text=Save this plan")
    page.wait_for_url(server.base + "/decide/plan#saved")
    saved = page.inner_text("#saved")
    assert "Your plan for now: A structured pause" in saved and "No visits" in saved
    shoot(page, f"decide-{name}-04-plan")

    page.goto(server.base + "/decide")
    for key in ("sure", "understand", "values", "support"):
        page.check(f"input[name='{key}'][value='yes']")
    page.click("text=Save my answers")
    page.wait_for_url(server.base + "/decide#sure")
    assert "yes to 4 of the 4 questions (1 time so far)" in page.inner_text("#sure")
    assert "A structured pause" in page.inner_text("main")


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_walk_the_aid_from_start_to_plan(browser: Browser, server: Server, phone: bool) -> None:
    context, page, watch = open_context(browser, server, phone=phone)
    create_vault(page, server, PASSPHRASE)
    _walk(page, server, "phone" if phone else "desktop")
    watch.check()
    context.close()


def test_with_the_gate_closed_the_aid_shows_the_safety_plan(
    browser: Browser, server: Server
) -> None:
    context, page, watch = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)
    page.goto(server.base + "/decide")
    assert page.locator(".decide-intro").is_visible()
    page.click("text=I don’t feel safe")
    page.wait_for_load_state()
    for path in (
        "/decide",
        "/decide/values",
        "/decide/evidence",
        "/decide/options",
        "/decide/plan",
    ):
        page.goto(server.base + path)
        main = page.inner_text("main")
        assert page.locator("main a[href='/help/plan']").first.is_visible(), path
        assert "Your safety comes first" in main, path
        assert not any(title in main for title in TITLES), path
        assert page.locator("[data-coaching]").count() == 0, path
    shoot(page, "decide-resting")
    watch.check()
    context.close()
