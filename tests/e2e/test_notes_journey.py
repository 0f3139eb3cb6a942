"""Notes to print, in Debian's Chromium against the real `clearheart demo`: open the page
from the footer, download the PDF (two to four pages, text readable, titled "Notes"), then
the one-file web page, and show that file in the browser at both widths with nothing
fetched. Pages are photographed into tests/e2e/screenshots/ (gitignored)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, launch, open_context, shoot, stop_cleanly

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Server]:
    server = launch("demo", tmp_path / "home", tmp_path / "demo.err", wait=90)
    yield server
    stop_cleanly(server)


def test_download_the_notes_as_pdf_and_as_one_web_page(
    browser: Browser, demo: Server, tmp_path: Path,
) -> None:
    context, page, watch = open_context(browser, demo)
    page.goto(demo.launch_url)
    page.wait_for_url(demo.base + "/today")
    page.click("footer >> text=Notes to print")
    page.wait_for_url(demo.base + "/notes")
    assert page.title().startswith("Notes")
    shoot(page, "notes-01-page")

    with page.expect_download() as caught:
        page.click("text=Download")
    assert re.fullmatch(r"notes-\d{4}-\d{2}-\d{2}\.pdf", caught.value.suggested_filename)
    pdf = tmp_path / "notes.pdf"
    caught.value.save_as(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Title:\s+Notes$", info, re.M)
    assert 2 <= int(re.findall(r"^Pages:\s+(\d+)$", info, re.M)[0]) <= 4
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Messages: You and" in text and "What you logged" in text

    page.check("input[name=fmt][value=html]")
    with page.expect_download() as caught:
        page.click("text=Download")
    assert caught.value.suggested_filename.endswith(".html")
    saved = tmp_path / "notes.html"
    caught.value.save_as(saved)
    page.goto("about:blank")  # as a file opened on its own: not under the app's CSP
    before = len(watch.requests)
    page.set_content(saved.read_text(encoding="utf-8"))
    assert watch.requests[before:] == []  # the file fetches nothing, not even its font
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"  # styled
    assert page.locator("h1").inner_text() == "Notes"
    assert page.locator("svg.chart-svg").count() >= 2
    shoot(page, "notes-02-file")
    watch.check()
    context.close()
