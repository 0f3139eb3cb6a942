"""Log a few things in Debian's Chromium against the real `clearheart serve`, and see the ratio.

On a phone-sized window: one tap logs, a note goes along when the small form
is open, the recent list and the weekly figures follow; then the same without
JavaScript. Pages are photographed at 1280 and 390 pixels wide into
tests/e2e/screenshots/ (gitignored).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "lantern meadow teapot"


def tap(page: Page, label: str) -> None:
    page.click(f"button.log-tap:text-is('{label}')")
    page.wait_for_selector(f".notice:text-is('Logged: {label}.')")


def test_log_a_few_things_on_a_phone_and_see_the_ratio(browser: Browser, server: Server) -> None:
    context, page, watch = open_context(browser, server, width=390)
    create_vault(page, server, PASSPHRASE)
    page.click("nav >> text=Log")
    page.wait_for_url(server.base + "/log")
    assert page.title() == "Log · Notes"
    assert "Once you have logged a few things" in page.inner_text("#over-time")
    # Photographs come last: Playwright leaves an empty style attribute on fields it
    # photographs, and htmx's settling would then copy it, which the CSP refuses.

    tap(page, "They turned toward me")
    tap(page, "They turned away")
    page.click("text=Add a note, a time or a cycle step first")
    page.fill("#log-note", "He put his phone down and listened.")
    tap(page, "They turned toward me")
    tap(page, "I gave space")

    items = page.locator(".log-item").all_inner_texts()
    assert len(items) == 4
    assert items[0].startswith("I gave space")
    assert "He put his phone down and listened." in items[1]
    over_time = page.inner_text("#over-time")
    assert "Of the 3 bids you logged over 1 week, they turned toward 2 (67%)" in over_time
    assert "2 of 3" in over_time
    assert page.locator("#chart-toward svg circle").count() == 1
    assert page.locator("#chart-mood").count() == 1

    page.locator(".log-item").first.locator("summary:text-is('Delete')").click()
    page.locator(".log-item").first.locator("text=Yes, delete it").click()
    page.wait_for_selector(".notice:text-is('Deleted. It is gone for good.')")
    assert page.locator(".log-item").count() == 3
    watch.check()
    shoot(page, "log-01-logged")
    page.click("summary:text-is('Add a note, a time or a cycle step first')")
    shoot(page, "log-02-open")
    context.close()


def test_one_tap_logs_without_javascript(browser: Browser, server: Server) -> None:
    context, page, watch = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)
    context.close()
    context, page, watch = open_context(browser, server, javascript=False)
    page.goto(server.base + "/log")
    page.fill("#passphrase", PASSPHRASE)
    page.click("button:has-text('Unlock')")
    page.wait_for_selector("nav[aria-label=Main]")  # signed in: the unlock has landed
    page.goto(server.base + "/log")
    page.click("summary:text-is('Add a note, a time or a cycle step first')")
    page.fill("#log-at", "2000-01-01T10:00")
    page.fill("#log-note", "Long ago.")
    tap(page, "We had a conflict")
    assert "Long ago." in page.inner_text(".log-item")
    assert "2000" in page.inner_text(".log-item")
    page.click("summary:text-is('Add a note, a time or a cycle step first')")
    page.fill("#log-note", "Kept when it fails.")
    page.fill("#log-at", "2999-01-01T10:00")
    page.click("button.log-tap:text-is('We had a conflict')")
    assert "The time is in the future" in page.inner_text(".field-error")
    assert page.input_value("#log-note") == "Kept when it fails."
    assert page.locator(".log-item").count() == 1
    watch.check()
    context.close()
