"""The pause in Debian's Chromium against the real `clearheart serve`, at phone width.

Paste a harsh draft, see what may land hard and why, build a calmer message
from one's own answers, hold it in the pen, then do the breathing exercise.
Pages are photographed at 1280 and 390 pixels wide into tests/e2e/screenshots/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

PASSPHRASE = "pebble harbour lantern"
HARSH = ("You ALWAYS do this. You never care about anyone but yourself!!! "
         "If you don't answer me tonight, we're done.")
ANSWERS = {
    "happened": "You didn't reply to my message on Sunday until Tuesday",
    "felt": "worried and a bit alone",
    "need": "to know you're okay when you go quiet",
    "request": "send a short message when you need a few days to yourself",
}


def test_paste_a_harsh_draft_rewrite_it_hold_it_and_breathe(browser: Browser,
                                                             server: Server) -> None:
    context, page, watch = open_context(browser, server, width=390)
    create_vault(page, server, PASSPHRASE)
    page.goto(server.base + "/pause")
    page.fill("#draft", HARSH)
    page.click("text=Read it with me")
    page.wait_for_selector("ol.flag-reasons")
    kinds = page.locator(".flag-reason .flag-kind").all_inner_texts()
    assert len(kinds) >= 2, kinds
    assert page.locator("mark.flag").count() >= 2
    shoot(page, "pause-01-flags")

    for field, answer in ANSWERS.items():
        page.fill(f"#{field}", answer)
    page.click("text=Build my message")
    page.wait_for_selector("#rewrite")
    after = page.input_value("#rewrite")
    assert after.startswith("When you didn't reply to my message on Sunday until Tuesday")
    assert "worried and a bit alone" in after and "Would you be willing to" in after
    shoot(page, "pause-02-rewrite")

    page.click("#result button[type=submit]")
    page.wait_for_url(server.base + "/pause#pen")
    assert page.locator(".pen-item").count() == 1
    assert "Nothing was sent" in page.inner_text(".notice")
    assert "worried and a bit alone" in page.inner_text(".pen-rewrite")
    shoot(page, "pause-03-pen")

    page.goto(server.base + "/pause/breathe")
    page.click("label.exercise-start")
    assert page.is_checked("#breath-go")
    shoot(page, "pause-04-breathe")
    watch.check()
    context.close()
