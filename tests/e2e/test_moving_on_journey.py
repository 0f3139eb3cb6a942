"""Keeping distance on a phone, in Debian's Chromium against the real `clearheart serve`:
start no contact a few days back, feel the urge to write, note it as ridden out instead of
sending anything, and find the count of days just as it was. The pages are photographed
at 1280 and 390 pixels wide into tests/e2e/screenshots/ (gitignored)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "willow harbour kettle"
DAYS = 3


def days_since(page: Page) -> str | None:
    return page.get_attribute(".big-figure", "data-days-since")


def test_an_urge_ridden_out_leaves_the_count_as_it_was(browser: Browser, server: Server) -> None:
    context, page, watch = open_context(browser, server, phone=True)
    create_vault(page, server, PASSPHRASE)
    page.goto(server.base + "/moving-on")
    assert page.title().startswith("Moving on")
    assert "Not started" in page.inner_text("main")

    page.click("main a:text-is('Keeping distance')")
    page.wait_for_url(server.base + "/moving-on/contact")
    # The server's own day (same machine, same clock): a start a few days back.
    page.fill("#started_on", (date.today() - timedelta(days=DAYS)).isoformat())
    page.fill("#counts", "texting\nlooking at their profile")
    page.click("button:text-is('Begin')")
    page.wait_for_selector(".notice:text-is('Started. Your rules are saved.')")
    assert days_since(page) == str(DAYS)
    assert f"{DAYS} days since you began" in page.inner_text(".big-figure")
    windows = page.locator(".nocontact-count li").all_inner_texts()
    assert windows == [
        f"Since you began: {DAYS + 1} of {DAYS + 1} days without contact, today among them."
    ]

    page.click(".crumbs a:text-is('Moving on')")
    page.click("main a:text-is('Urges to reach out')")
    page.wait_for_url(server.base + "/moving-on/urges")
    page.click("label.point:has(input[value='7'])")
    page.check("label.choice:has-text('Late at night') input")
    page.fill("#minutes", "25")
    page.check("label.choice:has-text('Rode it out') input")
    page.click("button:text-is('Note the urge')")
    page.wait_for_selector(".notice:text-is('Noted. Whatever you did, noticing it counts.')")
    weeks = page.inner_text("#weeks")
    assert "1 urge noted" in weeks
    noted = page.inner_text("main")
    assert "7 of 10, 25 min. Rode it out." in noted

    page.click(".crumbs a:text-is('Moving on')")
    assert f"{DAYS} days since you began." in page.inner_text("main")
    assert "1 urge noted." in page.inner_text("main")
    page.click("main a:text-is('Keeping distance')")
    assert days_since(page) == str(DAYS)
    assert "None since you began." in page.inner_text("main")
    lowered = page.inner_text("main").lower()
    assert "streak" not in lowered and "broke" not in lowered
    watch.check()

    shoot(page, "moving-on-01-contact")
    page.goto(server.base + "/moving-on/urges")
    shoot(page, "moving-on-02-urges")
    context.close()
