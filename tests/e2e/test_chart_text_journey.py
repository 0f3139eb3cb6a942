"""Every chart of every page, at a phone's width and a desktop's: no text on text, none spilling.

The demo's story has a chart on each page that draws one: the patterns and "my
messages" pages of its chat, the log, the cycle, and the questionnaires' results.
Each SVG's text boxes (as Chromium lays them out, in its own font) must not
intersect one another, and must stay inside their SVG.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from journey_tools import Server, launch, open_context

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

WIDTHS = (360, 1280)
SLACK = 0.5
"""Pixels of rounding allowed where two boxes touch or a box meets its SVG's edge."""

TEXT_FAULTS = """(slack) => {
  const faults = [];
  document.querySelectorAll("svg").forEach((svg, n) => {
    const frame = svg.getBoundingClientRect();
    if (!frame.width) return;
    const boxes = [...svg.querySelectorAll("text")]
      .filter((t) => t.getClientRects().length && t.textContent.trim())
      .map((t) => [t.textContent.trim(), t.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0);
    const where = `svg ${n} (${svg.getAttribute("aria-labelledby") || svg.getAttribute("class")})`;
    for (const [text, r] of boxes) {
      if (r.left < frame.left - slack || r.right > frame.right + slack ||
          r.top < frame.top - slack || r.bottom > frame.bottom + slack)
        faults.push(`${where}: "${text}" spills outside its svg`);
    }
    boxes.forEach(([a, r], i) => boxes.slice(i + 1).forEach(([b, s]) => {
      if (r.left < s.right - slack && s.left < r.right - slack &&
          r.top < s.bottom - slack && s.top < r.bottom - slack)
        faults.push(`${where}: "${a}" overlaps "${b}"`);
    }));
  });
  return faults;
}"""


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Server]:
    server = launch("demo", tmp_path / "untouched", tmp_path / "demo.err", wait=120)
    yield server
    server.process.send_signal(signal.SIGINT)
    server.process.wait(timeout=30)


def _settled(page: Page, url: str) -> None:
    """Open a page that may first say it is still working, and wait for its charts."""
    page.goto(url)
    for _ in range(90):
        if page.locator("svg").count():
            return
        page.wait_for_timeout(1000)
        page.goto(url)
    raise AssertionError(f"no chart at {url}")


def _chart_pages(page: Page, server: Server) -> list[str]:
    page.goto(server.base + "/chats")
    chats = [
        h
        for h in page.eval_on_selector_all(
            "a[href^='/chats/']", "els => els.map(e => e.getAttribute('href'))"
        )
        if h.rstrip("/").split("/")[-1].isdigit()
    ]
    page.goto(server.base + "/reflect")
    results = sorted(
        {
            h
            for h in page.eval_on_selector_all(
                "a[href$='/results']", "els => els.map(e => e.getAttribute('href'))"
            )
        }
    )
    assert chats and results, (chats, results)
    return [chats[0], f"{chats[0]}/my-messages", "/log", "/cycle", *results]


def test_no_chart_text_overlaps_or_spills_at_either_width(browser: Browser, demo: Server) -> None:
    context, page, watch = open_context(browser, demo)
    page.goto(demo.launch_url)
    faults = []
    charts = 0
    for path in _chart_pages(page, demo):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            _settled(page, demo.base + path)
            charts += page.locator("svg").count()
            faults += [f"{path} at {width} px: {f}" for f in page.evaluate(TEXT_FAULTS, SLACK)]
    assert charts >= 20
    assert faults == [], "\n".join(faults)
    watch.check()
    context.close()
