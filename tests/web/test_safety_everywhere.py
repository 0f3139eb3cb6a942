"""Safety before coaching, on every page: walked in a safe and an unsafe vault.

The rule (ENGINEERING.md, services/safety.py): while the gate is closed no coaching
shows anywhere, and each place that held coaching says briefly why; while it is open,
the places that coach do coach, so this test cannot pass by removing coaching. New
routes join the walk through tests/web/walker.py, which fails until they are listed.
The vault is the demo story, so every page has something to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from walker import POSTED, files, marked, pages, visible_text
from webtools import Web

from clearheart.content.loader import load_prompts
from clearheart.domain.draftcheck.tips import JOURNAL_TIP, TIPS
from clearheart.domain.rewrite import SAY_ONCE
from clearheart.services.workspace import Workspace

pytestmark = pytest.mark.xdist_group("safety_walk")

COACHES_WHEN_SAFE = (
    "/today", "/journal", "/pause", "/pause/check", "/pause/rewrite", "/pause/urge",
    "/pause/kind", "/pause/need", "/cycle", "/log", "/reflect", "/reflect/my-needs/results",
    "/evidence", "/moving-on", "/moving-on/urges", "/dating", "/dating/checklist",
    "/learn", "/learn/the-loop", "/learn/asking-clearly",
)
"""Pages that must show coaching while the gate is open (the walk checks at least these)."""

MIN_SENTENCE = 24


@dataclass
class Walk:
    pages: dict[str, str]
    """Address → HTML."""


def walk(web: Web, workspace: Workspace) -> Walk:
    found: dict[str, str] = {}
    for address in pages(web.client.app, workspace):  # type: ignore[arg-type]
        response = web.get(address)
        assert response.status_code == 200, (address, response.status_code)
        found[address] = response.text
    for address, form in POSTED:
        response = web.post(address, form)
        assert response.status_code in (200, 400), (address, response.status_code)
        found[address] = response.text
    return Walk(found)


def sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) >= MIN_SENTENCE}


@pytest.fixture(scope="module")
def walks(demo_web: Web, demo: Workspace) -> tuple[Walk, Walk]:
    demo.safety.safe()
    assert demo.safety.coaching()
    safe = walk(demo_web, demo)
    demo.safety.unsafe()
    try:
        unsafe = walk(demo_web, demo)
    finally:
        demo.safety.safe()
    return safe, unsafe


def test_the_walk_covers_every_page(walks: tuple[Walk, Walk]) -> None:
    safe, unsafe = walks
    assert set(safe.pages) == set(unsafe.pages)
    assert len(safe.pages) >= 40


def test_no_coaching_is_marked_anywhere_while_unsafe(walks: tuple[Walk, Walk]) -> None:
    _, unsafe = walks
    for address, html in unsafe.pages.items():
        assert "data-coaching" not in html, (address, marked(html))


def test_places_that_coach_do_coach_while_safe(walks: tuple[Walk, Walk]) -> None:
    safe, _ = walks
    for address in COACHES_WHEN_SAFE:
        assert marked(safe.pages[address]), f"{address} shows no coaching while safe"


def test_no_coaching_words_leak_unmarked_while_unsafe(walks: tuple[Walk, Walk]) -> None:
    """What was coaching while safe (as marked) never shows while unsafe, marked or not;
    nor does any coaching content: coaching prompts, the check's tips, the "say it once"."""
    safe, unsafe = walks
    typed = {value for _, form in POSTED for value in form.values()}
    harvested: set[str] = set()
    for html in safe.pages.values():
        for _, text in marked(html):
            harvested |= {s for s in sentences(text) if not any(s in t or t in s for t in typed)}
    harvested |= {p.text for p in load_prompts() if p.coaching}
    harvested |= {*TIPS.values(), JOURNAL_TIP}
    harvested |= set(SAY_ONCE.steps) | {SAY_ONCE.summary}
    assert len(harvested) > 30
    for address, html in unsafe.pages.items():
        shown = visible_text(html)
        leaked = sorted(s for s in harvested if s in shown)
        assert not leaked, (address, leaked[:3])


def test_each_place_that_held_coaching_says_why(walks: tuple[Walk, Walk]) -> None:
    safe, unsafe = walks
    for address, html in safe.pages.items():
        if marked(html):
            assert "data-quiet" in unsafe.pages[address], f"{address} rests coaching silently"
    for address, html in safe.pages.items():
        if not marked(html):
            assert "data-quiet" not in unsafe.pages[address] or address.startswith(
                ("/pause", "/help")
            ), address


def test_the_discreet_mark_shows_on_every_signed_in_page_while_unsafe(
    walks: tuple[Walk, Walk],
) -> None:
    safe, unsafe = walks
    for address, html in unsafe.pages.items():
        signed_in = 'data-signed-in=""' in html
        assert ('class="quiet-mark"' in html) == signed_in, address
        assert 'class="quiet-mark"' not in safe.pages[address], address
        assert "coaching is paused" not in html.lower(), address


def test_files_hold_no_coaching_either(demo_web: Web, demo: Workspace) -> None:
    coaching = {p.text for p in load_prompts() if p.coaching}
    for address in files(demo_web.client.app):  # type: ignore[arg-type]
        body = demo_web.get(address).text
        assert not [text for text in coaching if text in body], address
