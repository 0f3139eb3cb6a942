"""Reading a lesson at the moment it matters, on a phone, in Debian's Chromium against the
real `clearheart serve`: from the pause (a slow reply is not a verdict) and from the
patterns page's unanswered-runs chart (why more messages can bring more distance), one
tap each, and back. The pages are photographed at 1280 and 390 pixels wide into
tests/e2e/screenshots/ (gitignored)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

MONTHS = Path(__file__).parents[1] / "data" / "web" / "months.txt"
PASSPHRASE = "lantern meadow kettle"


def test_a_lesson_from_the_pause_and_from_the_patterns_page(
    browser: Browser, server: Server
) -> None:
    context, page, watch = open_context(browser, server, phone=True)
    create_vault(page, server, PASSPHRASE)

    page.goto(server.base + "/pause")
    link = page.locator(".lesson-link[data-lesson='not-a-verdict'] a")
    assert link.inner_text() == "A slow reply is not a verdict on you"
    link.tap()
    page.wait_for_url(server.base + "/learn/not-a-verdict")
    assert page.title().startswith("Learn ·")
    assert page.locator("h1").inner_text() == "A slow reply is not a verdict on you"
    own = page.inner_text(".lesson-evidence")
    assert "Not enough in your records yet" in own  # nothing imported yet, and it says so
    shoot(page, "lesson-01-from-the-pause")

    page.goto(server.base + "/chats/import")
    page.set_input_files("#file", str(MONTHS))
    page.click("#upload-button")
    page.wait_for_url("**/chats/*/me")
    page.check("input[name=me][value=Robin]")
    page.click("text=This is me")
    page.wait_for_url("**/chats/*")
    page.wait_for_selector("#chart-runs")
    chat_url = page.url

    runs_link = page.locator("#chart-runs .lesson-link a")
    runs_link.scroll_into_view_if_needed()
    box = runs_link.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    runs_link.tap()
    page.wait_for_url(server.base + "/learn/the-loop")
    assert page.locator("h1").inner_text() == "Why chasing can bring more distance"
    own = page.inner_text(".lesson-evidence")
    assert "Rests on" in own  # the chat's unanswered runs, with their count
    assert page.locator(".lesson-evidence a[href*='#chart-runs']").count() == 1
    shoot(page, "lesson-02-from-the-patterns")
    page.locator(".lesson-evidence a[href*='#chart-runs']").tap()
    page.wait_for_url(chat_url.split("?")[0] + "#chart-runs")
    watch.check()
    context.close()
