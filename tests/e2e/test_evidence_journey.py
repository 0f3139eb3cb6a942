"""Evidence in Debian's Chromium against the real `clearheart serve`: log a few things,
open the Evidence page from Today, read one question, follow an item to its entries.

Photographed at 1280 and 390 pixels wide into tests/e2e/screenshots/ (gitignored).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

PASSPHRASE = "lantern meadow teapot"


def test_evidence_from_today_to_the_entries_behind_an_item(
    browser: Browser, server: Server
) -> None:
    context, page, watch = open_context(browser, server, phone=True)
    create_vault(page, server, PASSPHRASE)
    page.goto(server.base + "/log")
    for label in ("They turned toward me", "They brushed it off", "A plan was kept"):
        page.click(f"button.log-tap:text-is('{label}')")
        page.wait_for_selector(f".notice:text-is('Logged: {label}.')")

    page.goto(server.base + "/today")
    page.click("a:text-is('Evidence')")
    page.wait_for_url(server.base + "/evidence")
    assert page.title() == "Evidence · Notes"
    question = page.locator("#q-attempts-ignored")
    assert "1 item" in question.inner_text()
    question.locator("summary").click()
    item = question.locator(".evidence-item").first
    assert "Rests on 1 log entry" in item.inner_text()
    assert "too few to read a steady share" in item.inner_text()
    shoot(page, "evidence-01-question")

    item.locator("h3 a").click()
    page.wait_for_url("**/log?kind=bid_toward*")
    assert "Showing only: They turned toward me" in page.inner_text("#recent")
    assert page.locator(".log-item").count() == 1
    watch.check()
    context.close()
