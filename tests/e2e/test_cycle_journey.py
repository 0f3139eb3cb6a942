"""Build a cycle map in Debian's Chromium against the real `clearheart serve`.

Start from the example, change a step, add one, save, see the drawing; print
it (print media: only the title, the drawing and the steps); download the
SVG; and draw a map from scratch with JavaScript off. Pages are photographed
at 1280 and 390 pixels wide into tests/e2e/screenshots/ (gitignored).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import SHOTS, Server, create_vault, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

PASSPHRASE = "lantern harbour kettle"
SAVE = ".cycle-form .actions >> text=Save map"


def test_start_from_the_example_change_it_print_and_download(browser: Browser, server: Server,
                                                             tmp_path: Path) -> None:
    context, page, watch = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)
    page.goto(server.base + "/cycle")
    assert page.title() == "Cycle map · Notes"
    assert page.locator(".cycle-explain").get_attribute("open") is not None
    shoot(page, "cycle-01-empty")

    page.click("text=Start from an example")
    page.wait_for_url(server.base + "/cycle#map")
    assert page.locator(".cycle-wide svg .step").count() == 5
    page.fill("#step-2", "I send three messages in a row, then check my phone all evening.")
    page.click("#role-my_action >> text=Add a step")
    page.wait_for_url(server.base + "/cycle#role-my_action")
    assert "Not saved yet." in page.inner_text("#edit")
    page.fill("#step-3", "I apologise for things I did not do.")
    page.click(SAVE)
    page.wait_for_url(server.base + "/cycle#map")
    assert "Your map is saved." in page.inner_text("main")
    steps = page.locator(".cycle-steps li").all_inner_texts()
    assert len(steps) == 6
    assert "I apologise for things I did not do." in steps[3]
    assert page.locator(".cycle-wide svg .arrow").count() == 6
    shoot(page, "cycle-02-map")

    page.set_viewport_size({"width": 390, "height": 900})
    assert page.locator(".cycle-narrow svg").is_visible()
    assert page.locator(".cycle-wide svg").is_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})

    page.emulate_media(media="print")
    assert page.locator(".cycle-wide svg").is_visible()
    for hidden in (".site-header", ".site-footer", "#edit", ".cycle-explain", "h1"):
        assert page.locator(hidden).first.is_hidden(), hidden
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "cycle-03-print.png"), full_page=True)
    page.emulate_media(media="screen")

    with page.expect_download() as caught:
        page.click("text=Download SVG")
    saved = tmp_path / "map.svg"
    caught.value.save_as(saved)
    root = ET.parse(saved).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len([e for e in root.iter() if e.get("class") == "arrow"]) == 6
    watch.check()
    context.close()


def test_draw_a_map_from_scratch_without_javascript(browser: Browser, server: Server) -> None:
    context, page, watch = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)
    context.close()
    context, page, watch = open_context(browser, server, javascript=False)
    page.goto(server.base + "/unlock")
    page.fill("#passphrase", PASSPHRASE)
    page.click("button:has-text('Unlock')")
    page.wait_for_url(server.base + "/today")
    page.goto(server.base + "/cycle")
    page.fill("#title", "Friday nights")
    page.fill("#step-0", "Plans for the weekend are still open on Friday.")
    page.fill("#step-2", "I ask about Saturday, then ask again.")
    page.fill("#step-4", "Replies get shorter.")
    # Without JavaScript each click is a full page load: wait for it, then for its words.
    with page.expect_navigation():
        page.click(SAVE)
    page.wait_for_selector("h2.cycle-title:text-is('Friday nights')")
    assert page.locator(".cycle-steps li").count() == 3
    page.fill("#title", "")
    page.fill("#step-1", "I ask about Saturday once, and then I go for a walk.")
    with page.expect_navigation():
        page.click(SAVE)
    page.wait_for_selector("#edit :text('Give the map a short title.')")
    assert "Not quite" not in page.title()
    assert "Give the map a short title." in page.inner_text("#edit")
    assert page.input_value("#step-1") == "I ask about Saturday once, and then I go for a walk."
    assert page.locator(".cycle-steps li").count() == 3
    assert "I ask about Saturday, then ask again." in page.inner_text(".cycle-steps")
    shoot(page, "cycle-04-no-js-error")
    watch.check()
    context.close()
