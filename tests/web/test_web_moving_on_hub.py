"""The Moving on hub gathers every part of the after-the-decision journey with one plain
line each, the main menu reaches it, and the urge page offers the people marked as good to
talk to or for company, as a suggestion that rests while the person may not be safe."""

from __future__ import annotations

import re

import pytest
from webtools import Web

from clearheart.services.workspace import Workspace

pytestmark = pytest.mark.xdist_group("moving_on_hub")

SECTIONS = ("/moving-on/contact", "/moving-on/urges", "/moving-on/letters",
            "/moving-on/promise", "/people", "/dating")


def test_the_hub_lists_every_part_with_where_it_stands(web: Web) -> None:
    page = web.get("/moving-on").text
    for href in SECTIONS:
        assert f'<a href="{href}">' in page, href
    assert "Not started." in page and "0 urges noted." in page and "0 letters kept." in page
    assert "Not written yet." in page and "No one listed yet." in page
    assert "No notebooks yet." in page
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', page, re.S)
    assert nav and 'href="/moving-on" aria-current="page"' in nav.group(1)
    assert 'class="bar-link" href="/settings"' in page


def test_the_urge_page_offers_people_to_reach_instead(
    web: Web, shared_workspace: Workspace
) -> None:
    shared_workspace.support.add("Maya", ["talk"], how="text after six")
    shared_workspace.support.add("The allotment", ["practical"])
    page = web.get("/moving-on/urges").text
    block = re.search(r'data-coaching="urge-reach".*?</section>', page, re.S)
    assert block, "the people to reach are offered as coaching"
    assert "Maya" in block.group(0) and "text after six" in block.group(0)
    assert "The allotment" not in block.group(0)
    hub = web.get("/moving-on").text
    assert "2 people and places; in touch with 0 in the last 30 days." in hub

    shared_workspace.safety.unsafe()
    try:
        resting = web.get("/moving-on/urges").text
        assert 'data-coaching="urge-reach"' not in resting and "Maya" not in resting
        assert "Resting for now" in web.get("/moving-on").text
    finally:
        shared_workspace.safety.safe()
