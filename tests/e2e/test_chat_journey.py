"""Chats in Debian's Chromium against the real `clearheart serve`: import a file through
the page (with its progress bar), pick yourself, read the patterns page; and the same
import without JavaScript. Pages are photographed at 1280 and 390 pixels wide into
tests/e2e/screenshots/ (gitignored) and must never scroll sideways.
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import SHOTS, Server, create_vault, launch, open_context, shoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

MONTHS = Path(__file__).parents[1] / "data" / "web" / "months.txt"
PASSPHRASE = "harbour kettle lantern"
CHARTS = ("first", "replies", "runs", "silences", "effort", "plans", "loop", "timeline")


def test_import_pick_yourself_and_read_the_patterns(browser: Browser, server: Server) -> None:
    context, page, watch = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)

    page.click("nav >> text=Chats")
    page.wait_for_url(server.base + "/chats")
    assert page.title() == "Chats · Notes"
    assert "Nothing imported yet" in page.inner_text("main")
    shoot(page, "chat-01-empty")
    page.click("text=Import a chat")
    page.wait_for_url(server.base + "/chats/import")
    assert page.locator("#upload-progress").is_hidden()
    shoot(page, "chat-02-import")

    # The upload goes out slowly (Chromium's own throttling), so the bar can be seen
    # moving; every text the status line shows is reported back here as it appears.
    statuses: list[str] = []
    page.expose_function("reportStatus", lambda text: statuses.append(text))
    page.evaluate("""() => {
        const status = document.getElementById('upload-status');
        new MutationObserver(() => window.reportStatus(status.textContent))
            .observe(status, {childList: true, characterData: true, subtree: true});
    }""")
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1,
        "uploadThroughput": MONTHS.stat().st_size / 3})  # about three seconds
    page.set_input_files("#file", str(MONTHS))
    page.click("#upload-button")
    page.wait_for_function("() => { const bar = document.getElementById('upload-bar');"
                           " return bar.value > 5 && bar.value < 95; }")
    assert page.locator("#upload-progress").is_visible()
    assert page.locator("#upload-button").is_disabled()
    page.screenshot(path=str(SHOTS / "chat-03-progress-1280.png"))
    page.wait_for_url("**/chats/*/me")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    sending = [s for s in statuses if s.startswith("Sending the file… ")]
    assert len({s for s in sending}) >= 3, statuses  # the percentage moved
    assert any(s.startswith("Reading your chat…") for s in statuses), statuses

    # months.txt has no "WhatsApp Chat with" name, so the page asks who is who.
    page.wait_for_url("**/chats/*/me")
    assert page.title() == "Which one is you? · Notes"
    assert page.inner_text(".notice").startswith("Imported 884 messages.")
    shoot(page, "chat-04-picker")
    page.check("input[name=me][value=Robin]")
    page.click("text=This is me")
    page.wait_for_url("**/chats/*")
    chat_url = page.url
    assert page.title() == "Patterns · Notes"

    for chart in CHARTS:
        section = page.locator(f"#chart-{chart}")
        assert section.locator(".reading").inner_text().strip(), chart
        assert section.locator(".basis").inner_text().strip(), chart
    assert page.locator("svg[role=img]").count() >= 10
    shoot(page, "chat-05-patterns")
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for selector in ("button.secondary", ".chart-index summary", "#chart-plans summary"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["height"] >= 44, (selector, box)
    page.set_viewport_size({"width": 1280, "height": 900})

    # The numbers behind a chart, and the plan messages that counted, open on request.
    page.locator("#chart-plans .plan-list summary").click()
    assert "Rule:" in page.inner_text("#chart-plans .plan-list")
    page.locator("#chart-first .numbers summary").click()
    assert page.locator("#chart-first table tbody tr").count() == 6

    # Dates narrow the page.
    page.fill("#since", "2024-03-01")
    page.fill("#until", "2024-04-30")
    page.click("text=Show these dates")
    page.wait_for_url("**since=2024-03-01**")
    assert "March 2024" in page.inner_text(".intro")
    shoot(page, "chat-06-patterns-dates")

    # A name for the other person shows on the patterns page.
    page.goto(chat_url)
    page.click("text=Names and deleting")
    page.fill("#alias", "K")
    page.click("text=Save the name")
    assert page.inner_text(".notice").startswith("Saved.")
    shoot(page, "chat-07-details")
    page.goto(chat_url)
    assert "You and K" in page.inner_text(".chat-name")
    assert page.locator("#chart-first text.other-text").first.text_content() == "K"

    page.click("nav >> text=Chats")
    assert "You and K" in page.inner_text(".chat-card")
    shoot(page, "chat-08-list")

    # Delete, with its confirm step.
    page.goto(chat_url)
    page.click("text=Names and deleting")
    page.locator("summary:has-text('Delete this chat')").click()
    page.click("text=Yes, delete this chat")
    page.wait_for_url(server.base + "/chats")
    assert "gone for good" in page.inner_text(".notice")
    assert "Nothing imported yet" in page.inner_text("main")

    watch.check()
    context.close()


def test_import_without_javascript(browser: Browser, server: Server) -> None:
    context, page, _ = open_context(browser, server)
    create_vault(page, server, PASSPHRASE)
    context.close()

    plain, page, watch = open_context(browser, server, javascript=False, width=390)
    page.goto(server.base + "/unlock")
    page.fill("#passphrase", PASSPHRASE)
    page.click("button:has-text('Unlock')")
    page.wait_for_url(server.base + "/today")
    page.goto(server.base + "/chats/import")
    page.set_input_files("#file", str(MONTHS))
    page.click("#upload-button")
    page.wait_for_url("**/chats/*/me")
    assert page.inner_text(".notice").startswith("Imported 884 messages.")
    page.check("input[name=me][value=Kai]")
    page.click("text=This is me")
    page.wait_for_url("**/chats/*")
    assert page.locator("#chart-first .reading").inner_text().strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "chat-09-patterns-no-script")
    watch.check()
    plain.close()


def test_the_demo_chat_reads_at_a_glance(browser: Browser, tmp_path: Path) -> None:
    """`clearheart demo` holds a six-month chat; its patterns page shows the whole arc."""
    server = launch("demo", tmp_path / "untouched", tmp_path / "demo.err", wait=120)
    process, launch_url = server.process, server.launch_url
    try:
        context, page, watch = open_context(browser, server)
        page.goto(launch_url)
        page.click("nav >> text=Chats")
        page.click("text=See the patterns")
        page.wait_for_url("**/chats/*")
        for chart in CHARTS:
            assert page.locator(f"#chart-{chart} .reading").inner_text().strip(), chart
        assert "mood check-ins" in page.inner_text("#chart-timeline .basis")
        shoot(page, "chat-10-demo-patterns")
        watch.check()
        context.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    assert process.returncode == 0
