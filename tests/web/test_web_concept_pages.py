"""The coverage table's pages and the lessons' own-evidence links all lead somewhere real.

On the demo vault: every page path in content/coverage renders (its placeholders filled
from the demo's records) and its #fragment is an id on the page; every link under "In
your own evidence" on every lesson does the same. On an empty vault each lesson says
there is not enough yet, and whatever links it shows there render too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag

import pytest
from webtools import Web

from clearheart.content.concept_table import shipped
from clearheart.content.lesson_copy import load_lessons
from clearheart.domain.coverage import fill
from clearheart.services.workspace import Workspace

_ID = re.compile(r'\sid="([^"]+)"')


class _Links(HTMLParser):
    """The hrefs inside elements with a given class (nested elements count once)."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.links: list[str] = []
        self.sections = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._depth:
            self._depth += tag not in ("br", "img", "input", "meta", "link", "hr")
            href = dict(attrs).get("href")
            if tag == "a" and href:
                self.links.append(href)
        elif self.css_class in classes:
            self._depth, self.sections = 1, self.sections + 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1


def links_in(html: str, css_class: str) -> tuple[int, list[str]]:
    """How many elements carry `css_class`, and the links inside them."""
    parser = _Links(css_class)
    parser.feed(html)
    parser.close()
    return parser.sections, parser.links


def lands(web: Web, address: str) -> None:
    """The address renders with 200, and its fragment (if any) is an id on the page."""
    path, fragment = urldefrag(address)
    page = web.get(path)
    assert page.status_code == 200, f"{address}: {page.status_code}"
    if fragment:
        assert fragment in _ID.findall(page.text), f"{address}: no id {fragment!r} on the page"


def demo_ids(workspace: Workspace) -> dict[str, str]:
    """An id of the demo's own for each placeholder a page path may hold."""
    return {
        "chat": str(workspace.chats.chats()[0].id),
        "person": str(workspace.dating.people()[0].id),
        "supporter": str(workspace.support.supporters()[0].id),
        "letter": str(workspace.letters.letters()[0].id),
    }


def test_every_page_in_the_table_renders_on_the_demo(demo_web: Web, demo: Workspace) -> None:
    ids = demo_ids(demo)
    paths = sorted({fill(page.at, ids) for row in shipped() for page in row.pages})
    assert len(paths) >= 40
    for path in paths:
        lands(demo_web, path)


def test_every_own_evidence_link_of_every_lesson_renders_on_the_demo(demo_web: Web) -> None:
    seen: set[str] = set()
    for lesson in load_lessons().lessons:
        sections, links = links_in(demo_web.get(f"/learn/{lesson.id}").text, "lesson-evidence")
        assert sections == 1 and links, f"{lesson.id}: the demo shows no evidence to follow"
        seen.update(links)
    assert len(seen) >= 5
    for link in sorted(seen):
        lands(demo_web, link)


def test_a_missing_fragment_is_caught(demo_web: Web) -> None:
    lands(demo_web, "/log#over-time")
    with pytest.raises(AssertionError, match="no id 'no-such-part'"):
        lands(demo_web, "/log#no-such-part")
    with pytest.raises(AssertionError, match="404"):
        lands(demo_web, "/no-such-page")


def test_on_an_empty_vault_each_lesson_says_not_enough_and_links_nowhere_broken(
    web: Web,
) -> None:
    for lesson in load_lessons().lessons:
        page = web.get(f"/learn/{lesson.id}").text
        sections, links = links_in(page, "lesson-evidence")
        assert sections == 1 and "Not enough in your records yet" in page, lesson.id
        for link in links:
            lands(web, link)
