"""The pause in Debian's Chromium against the real `clearheart serve`.

Paste a harsh draft, see the flags, build the rewrite, park it in the holding
pen, do the breathing exercise. Photographed at 1280 and 390 px.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, launch, open_context, shoot, stop_cleanly

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

PASSPHRASE = "lantern meadow teapot"
HARSH = "You NEVER answer me. Whatever, I guess I don't matter to you at all."


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    server = launch("serve", tmp_path / "home", tmp_path / "server.err")
    yield server
    stop_cleanly(server)


def test_pause_check_rewrite_hold_and_breathe(browser: Browser, server: Server) -> None:
    context, page, watch = open_context(browser, server, width=390)
    page.goto(server.launch_url)
    page.fill("#passphrase", PASSPHRASE)
    page.fill("#confirm", PASSPHRASE)
    page.click("text=Create my vault")
    page.wait_for_url(server.base + "/today")

    page.click("a.button[href='/pause']")
    page.wait_for_url(server.base + "/pause")
    assert page.title() == "Pause · Notes"
    page.fill("#draft", HARSH)
    with page.expect_navigation():
        page.click("text=Read it with me")
    page.wait_for_selector("mark.flag")
    assert page.locator("mark.flag").count() >= 1
    assert page.locator(".flag-reason").count() >= 1
    shoot(page, "pause-check")

    page.fill("#happened", "I texted at eight and heard nothing back until now")
    page.fill("#felt", "worried and a bit alone")
    page.fill("#need", "to know where we stand tonight")
    page.fill("#request", "send a quick text when you're running late")
    with page.expect_navigation():
        page.click("text=Build my message")
    after = page.input_value("#rewrite")
    assert after.startswith("When I texted at eight") and after.endswith("running late?")
    page.fill("#rewrite", after.replace("tonight", "this evening"))
    shoot(page, "pause-rewrite")

    page.click("text=Hold it for 20 minutes")
    page.wait_for_selector(".notice:text-is('Held for 20 minutes. Nothing was sent.')")
    item = page.locator(".pen-item").first
    assert "this evening" in item.inner_text()
    page.wait_for_selector(".pen-left:text-matches('^19:[0-9][0-9] left$')")
    shoot(page, "pause-pen")

    page.click("text=Slow breathing")
    page.wait_for_url(server.base + "/pause/breathe")
    page.click("label[for=breath-go]")
    assert page.locator(".breath.running").count() == 1
    page.wait_for_selector(".exercise-clock:text-matches('^1:5[0-9]$')")
    shoot(page, "pause-breathe")
    page.click("label[for=breath-go]")
    assert page.inner_text(".exercise-clock") == "2:00"
    watch.check()
    context.close()
