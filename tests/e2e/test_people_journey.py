"""People who help, in Debian's Chromium against the real `clearheart serve`, on a phone.

Add two people; note a time in touch with one today, and with the other ten days ago
(the served app reads the real clock, so the day field stands in for moving it); the
second is past the week chosen, so a gentle nudge shows for them, on /people and on
/today, and none for the first. Photographed at 390 and 1280 pixels wide.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "kettle harbour violin"


def add(page: Page, name: str, kind: str, every: str) -> None:
    page.fill("#name", name)
    page.check(f"input[name=good_for][value={kind}]")
    page.fill("#every", every)
    page.click("button:text-is('Add')")
    page.wait_for_selector(f".notice:text-is('Added {name}.')")


def note_time(page: Page, server: Server, name: str, day: date, note: str) -> None:
    page.goto(server.base + "/people")
    page.click(f"a:text-is('{name}')")
    page.fill("#on", day.isoformat())
    page.fill("#note", note)
    page.click("button:text-is('Note it')")
    page.wait_for_selector(".notice:text-is('Noted.')")


def test_two_people_a_time_in_touch_and_a_nudge_for_the_other(
    browser: Browser, server: Server
) -> None:
    context, page, watch = open_context(browser, server, phone=True)
    create_vault(page, server, PASSPHRASE)
    page.click("a:text-is('People')")
    page.wait_for_url(server.base + "/people")
    assert page.title() == "People · Notes"
    assert "One name is a good start." in page.inner_text("main")

    add(page, "Maya", "talk", "1w")
    add(page, "Jonah", "fun", "1w")
    today = date.today()
    note_time(page, server, "Maya", today, "tea after work")
    note_time(page, server, "Jonah", today - timedelta(days=10), "allotment")

    page.goto(server.base + "/people")
    nudge = page.inner_text("[data-coaching=people-nudges]")
    assert "It has been ten days since you were last in touch with Jonah." in nudge
    assert "Maya" not in nudge
    assert "you noted 2 times in touch, with 2 of them." in page.inner_text("main")
    page.goto(server.base + "/today")
    assert "Jonah" in page.inner_text("[data-coaching=people-nudges]")
    page.goto(server.base + "/people")
    shoot(page, "people")
    watch.check()
    context.close()
