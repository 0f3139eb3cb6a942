"""Safety before coaching in Debian's Chromium against the real `clearheart demo`.

The switch at the foot of every page turns coaching off and on; in between, every page is
walked: no coaching anywhere, a closed note where it was, a small ring beside the name
and no banner. Then the second demo story, in which coaching rests from the start.
Photographed at 1280 and 390 pixels wide into tests/e2e/screenshots/ (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, launch, open_context, shoot, stop_cleanly

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PAGES = ("/today", "/journal", "/log", "/pause", "/pause/kind", "/cycle", "/reflect",
         "/chats", "/practices", "/settings", "/help", "/help/plan", "/help/privacy")
MUST_COACH = ("/today", "/journal", "/pause", "/cycle", "/log")


@pytest.fixture
def calm(tmp_path: Path) -> Iterator[Server]:
    server = launch("demo", tmp_path / "home", tmp_path / "calm.err", wait=60)
    yield server
    stop_cleanly(server)


@pytest.fixture
def unsafe(tmp_path: Path) -> Iterator[Server]:
    server = launch("demo", tmp_path / "home", tmp_path / "unsafe.err", wait=60,
                    args=("--story", "unsafe"))
    yield server
    stop_cleanly(server)


def coaching_on(page: Page, server: Server) -> None:
    """Whatever the story left, start with coaching on (as the person can)."""
    page.goto(server.base + "/today")
    if page.locator(".quiet-mark").count():
        page.goto(server.base + "/help")
        page.click("text=I am safe now")
        page.wait_for_url(server.base + "/help")


def test_the_switch_walks_every_page_in_both_states(browser: Browser, calm: Server) -> None:
    context, page, watch = open_context(browser, calm)
    page.goto(calm.launch_url)
    page.wait_for_url(calm.base + "/today")
    coaching_on(page, calm)
    chat = page.goto(calm.base + "/chats") and page.locator("a[href^='/chats/']").first
    pages = [*PAGES]
    if chat and chat.count():
        pages.append(str(chat.get_attribute("href")))
    coached: dict[str, int] = {}
    for path in pages:
        page.goto(calm.base + path)
        coached[path] = page.locator("[data-coaching]").count()
        assert page.locator(".quiet-mark").count() == 0, path
    for path in MUST_COACH:
        assert coached[path] > 0, f"{path} shows no coaching while safe"
    shoot(page, "safety-01-coaching-on")

    page.goto(calm.base + "/today")
    page.click("footer >> text=I don’t feel safe")
    page.wait_for_url(calm.base + "/help")
    assert "Suggestions about how to talk with your partner" in page.inner_text("main")
    shoot(page, "safety-02-help")
    for path in pages:
        page.goto(calm.base + path)
        assert page.locator("[data-coaching]").count() == 0, path
        assert page.locator(".quiet-mark").is_visible(), path
        assert page.locator(".safety-banner").count() == 0, path
        if coached[path]:
            assert page.locator("[data-quiet]").count() >= 1, f"{path} rests silently"
    page.goto(calm.base + "/today")
    note = page.locator("details.quiet-note")
    assert note.is_visible() and note.get_attribute("open") is None  # closed: discreet
    note.locator("summary").click()
    assert "You said you do not feel safe" in note.inner_text()
    shoot(page, "safety-03-today-resting")
    page.goto(calm.base + "/pause")
    shoot(page, "safety-04-pause-resting")

    page.click(".quiet-mark")
    page.wait_for_url(calm.base + "/help")
    page.click("text=I am safe now")
    page.wait_for_url(calm.base + "/help")
    page.goto(calm.base + "/today")
    assert page.locator("[data-coaching]").count() > 0
    assert page.locator(".quiet-mark").count() == 0
    watch.check()
    context.close()


def test_the_unsafe_story_rests_coaching_from_the_start(
    browser: Browser, unsafe: Server
) -> None:
    context, page, watch = open_context(browser, unsafe, width=390)
    page.goto(unsafe.launch_url)
    page.wait_for_url(unsafe.base + "/today")
    assert page.locator(".quiet-mark").is_visible()
    assert page.locator("[data-coaching]").count() == 0
    shoot(page, "safety-05-unsafe-today")
    page.goto(unsafe.base + "/help")
    reasons = page.locator("details.safety-signs").text_content() or ""
    assert "Words in a journal entry" in reasons and "Answers to a questionnaire" in reasons
    assert "Call 999 (United Kingdom)" in page.inner_text("main")
    shoot(page, "safety-06-unsafe-help")
    page.goto(unsafe.base + "/journal")
    first_group = page.locator("#prompt optgroup").first.get_attribute("label")
    assert first_group == "Feeling safer"
    page.goto(unsafe.base + "/help/plan")
    assert page.locator("#code_word").input_value()
    shoot(page, "safety-07-unsafe-plan")
    watch.check()
    context.close()
