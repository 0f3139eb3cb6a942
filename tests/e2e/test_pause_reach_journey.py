"""The pause is one visible tap away from every page, at 1 a.m. on a phone or a desk (issue 11).

Debian's Chromium against the real `clearheart serve` on a demo vault. Every page the
route walker knows (tests/web/walker.py) is opened at 390 and 1280 px wide: the main
navigation holds a "Pause" link inside the first screen, without scrolling, tall enough
to tap. The link is not coaching: it stays (and no coaching appears) while the safety
gate is closed, because the pause page itself turns quiet then.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, launch, open_context, shoot, stop_cleanly

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))  # the walker lives with the web tests
from walker import pages

from clearheart.demo import build_demo
from clearheart.web.app import AppState, create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSPHRASE = "pause within reach"
SIGNED_OUT = ("/unlock", "/weather", "/help/plan/print")
"""Pages with no navigation: before signing in, the neutral page, and the printable plan."""
HEIGHTS = {390: 844, 1280: 800}
"""A phone's screen and a small laptop's: the link must sit inside either without scrolling."""


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Server, list[str]]]:
    """A served demo vault and every signed-in page address in it."""
    home = tmp_path / "home"
    workspace = build_demo(home, PASSPHRASE, today=date(2026, 6, 30))
    try:
        addresses = pages(create_app(AppState(home=home, workspace=workspace)), workspace)
    finally:
        workspace.close()
    server = launch(
        "serve",
        home,
        tmp_path / "serve.err",
        wait=60,
        env_extra={"CLEARHEART_PASSPHRASE": PASSPHRASE},
    )
    yield server, [a for a in addresses if a not in SIGNED_OUT]
    stop_cleanly(server)


def pause_in_reach(page: Page, where: str) -> None:
    """The navigation's Pause link is visible in the first screen and big enough to tap.

    Read in one round trip to the browser (a page walk makes hundreds of these checks)."""
    size = page.viewport_size
    assert size is not None
    link = page.evaluate(
        """() => {
          const found = document.querySelectorAll("nav[aria-label='Main'] a[href='/pause']");
          if (found.length !== 1) return {count: found.length};
          const a = found[0], box = a.getBoundingClientRect(), style = getComputedStyle(a);
          return {count: 1, x: box.x, y: box.y, width: box.width, height: box.height,
                  visible: box.width > 0 && box.height > 0 && style.visibility !== "hidden",
                  text: a.innerText.trim(), coaching: a.closest("[data-coaching]") !== null};
        }"""
    )
    assert link["count"] == 1, f"{where}: no Pause in the navigation"
    assert link["visible"], where
    assert link["y"] >= 0 and link["y"] + link["height"] <= size["height"], (where, link)
    assert link["x"] >= 0 and link["x"] + link["width"] <= size["width"], (where, link)
    assert link["height"] >= 44, (where, link)
    assert link["text"] == "Pause", where
    assert not link["coaching"], where


def walk(page: Page, server: Server, addresses: list[str]) -> None:
    for address in addresses:
        page.goto(server.base + address)
        for width, height in HEIGHTS.items():
            page.set_viewport_size({"width": width, "height": height})
            pause_in_reach(page, f"{address} at {width} px")


def test_the_pause_is_one_tap_away_from_every_page(
    browser: Browser, demo: tuple[Server, list[str]]
) -> None:
    server, addresses = demo
    context, page, watch = open_context(browser, server)
    page.goto(server.launch_url)
    page.wait_for_url(server.base + "/today")
    assert len(addresses) >= 40
    walk(page, server, addresses)

    # One tap from a page far from it lands on the pause.
    page.goto(server.base + "/settings")
    page.click("nav[aria-label='Main'] a[href='/pause']")
    page.wait_for_url(server.base + "/pause")
    assert page.locator("nav a[aria-current='page']").inner_text().strip() == "Pause"
    shoot(page, "pause-reach-01-nav")

    # The safety gate still holds: the link stays, no coaching shows anywhere.
    page.click("text=I don’t feel safe")
    page.wait_for_selector(".quiet-mark")
    walk(page, server, addresses)
    for address in ("/today", "/pause"):
        page.goto(server.base + address)
        assert page.locator("[data-coaching]").count() == 0, address
    shoot(page, "pause-reach-02-resting")
    watch.check()
    context.close()
