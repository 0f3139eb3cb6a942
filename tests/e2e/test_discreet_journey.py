"""Discreet on a phone (issue 9): sign in, read a little, tap Quick exit, press Back.

A phone-sized touch screen in Debian's Chromium against the real `clearheart
serve`. Links inside the app replace the tab's history entry instead of adding
one; the footer says to tap Quick exit (there is no Shift key), and the button
stays in reach while the page scrolls; after the exit, Back, the address of any
page, and another open tab all show the neutral page, until the person opens
the bare address on purpose and signs in again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import PHONE, Server, open_context

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "lantern river biscuit"
WORDS = "Written on the phone: tea, a quiet bench, the sea."
SHOTS = Path("/tmp")
TELLING = ("clearheart", "welcome back", "quick exit", "journal", "passphrase")
"""What the page shown after the exit must not say (the neutral page says none of it)."""


def shows_nothing_of_the_app(page: Page, server: Server) -> None:
    assert page.url in (server.base + "/weather", "about:blank"), page.url
    if page.url == "about:blank":
        return
    assert page.title() == "Weather notes"
    text = page.inner_text("body").lower()
    assert not [word for word in TELLING if word in text], text[:200]
    assert page.locator("nav, form, input, button").count() == 0


def test_a_phone_signs_in_reads_leaves_and_back_shows_nothing(browser: Browser,
                                                              server: Server) -> None:
    context, page, watch = open_context(browser, server, phone=True)
    assert page.evaluate("matchMedia('(hover: none) and (pointer: coarse)').matches")

    # Sign in (first run: choose the passphrase). Neutral titles from the first page.
    page.goto(server.launch_url)
    assert page.url == server.base + "/unlock"
    assert page.title() == "Get started · Notes"
    page.fill("#passphrase", PASSPHRASE)
    page.fill("#confirm", PASSPHRASE)
    page.tap("text=Create my vault")
    page.wait_for_url(server.base + "/today")
    assert page.title() == "Today · Notes"
    icon = page.get_attribute("link[rel=icon]", "href")
    assert icon == "/static/icon.svg"

    # The footer offers what works on a touch screen.
    assert page.locator(".leave-touch").is_visible()
    assert not page.locator(".leave-keys").is_visible()
    footer = page.inner_text(".site-footer p")
    assert "tap Quick exit at the top" in footer and "Shift" not in footer

    # In-app links replace the history entry: the tab's Back list does not grow.
    length = page.evaluate("history.length")
    page.tap("nav >> text=Journal")
    page.wait_for_url(server.base + "/journal")
    assert page.title() == "Journal · Notes"
    assert page.evaluate("history.length") == length
    page.fill("#text", WORDS)
    page.tap("text=Save entry")
    page.wait_for_url(server.base + "/journal")
    assert WORDS in page.locator("article.entry").first.inner_text()
    page.tap("nav >> text=Practices")
    page.wait_for_url(server.base + "/practices")
    assert page.title() == "Practices · Notes"

    # Another tab of the app is open too; it must leave with this one.
    other = context.new_page()
    other.goto(server.base + "/journal")
    assert WORDS in other.inner_text("main")

    # Quick exit stays in reach while scrolling, 44 px or more, calm to look at.
    page.wait_for_load_state("load")
    page.screenshot(path=str(SHOTS / "discreet-phone-top.png"))
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("window.scrollY > 200")
    button = page.locator("button.exit-button")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert button.is_visible()
    page.screenshot(path=str(SHOTS / "discreet-phone-before-exit.png"))

    # Tap it: the neutral page, and the other tab follows.
    button.tap()
    page.wait_for_url(server.base + "/weather")
    shows_nothing_of_the_app(page, server)
    other.wait_for_url(server.base + "/weather")
    shows_nothing_of_the_app(other, server)
    page.screenshot(path=str(SHOTS / "discreet-phone-after-exit.png"))

    # Back, as far as it goes: never the app, never its sign-in page. The steps the saved
    # entry and the sign-in added are still in the list; each one leads to the neutral page.
    seen = []
    for step in range(8):
        page.go_back()
        seen.append(page.url)
        if step == 0:
            page.screenshot(path=str(SHOTS / "discreet-phone-after-back.png"))
        shows_nothing_of_the_app(page, server)
        if page.url == "about:blank":
            break
    assert seen[-1] == "about:blank" and len(seen) >= 3, seen  # app entries were passed
    page.goto(server.base + "/journal")
    shows_nothing_of_the_app(page, server)
    page.goto(server.base + "/unlock")
    shows_nothing_of_the_app(page, server)

    # The way back in is the bare address, on purpose; everything is still there.
    page.goto(server.base + "/")
    assert page.url == server.base + "/unlock"
    assert page.title() == "Sign in · Notes"
    assert page.locator("h1").inner_text() == "Sign in"
    page.fill("#passphrase", PASSPHRASE)
    page.tap("button:has-text('Unlock')")
    page.wait_for_url(server.base + "/today")
    page.tap("nav >> text=Journal")
    page.wait_for_url(server.base + "/journal")
    assert WORDS in page.locator("article.entry").first.inner_text()

    watch.check()
    context.close()
