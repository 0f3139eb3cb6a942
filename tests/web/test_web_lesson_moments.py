"""A lesson met at the moment it matters: each place in domain/lessons.py MOMENTS offers
its lesson in one tap, on the page where that moment happens, and the link leads to a page
that renders. The pause puts its lesson first late at night and last by day; lessons that
are not coaching stay offered while coaching rests."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from walker import visible_text
from webtools import FixedClock, Web

from clearheart.content.lesson_copy import load_lessons
from clearheart.domain.lessons import MOMENTS
from clearheart.services.workspace import Workspace

DATA = Path(__file__).parents[1] / "data" / "web"

WHERE = {
    "pause": ("/pause",),
    "chat-runs": ("/chats/{chat}",),
    "chat-loop": ("/chats/{chat}",),
    "cycle": ("/cycle",),
    "decide-paths": ("/decide", "/decide/options"),
    "decide-slow": ("/decide", "/decide/options"),
    "safety": ("/help",),
    "letting-go": ("/moving-on", "/moving-on/promise"),
    "dating": ("/dating",),
}
"""The pages each moment's lesson is offered on."""


def offered(html: str) -> list[str]:
    """The lesson ids offered on a page, in page order."""
    return re.findall(r'class="lesson-link" data-lesson="([a-z0-9-]+)"', html)


def test_every_moment_is_placed_and_every_place_is_tested() -> None:
    assert set(WHERE) == set(MOMENTS)
    lessons = load_lessons()
    assert all(lessons.lesson(lesson_id) for lesson_id in MOMENTS.values())


def test_each_page_offers_its_lesson_and_the_link_renders(demo_web: Web, demo: Workspace) -> None:
    chat = demo.chats.chats()[0].id
    seen: dict[str, str] = {}
    for place, paths in WHERE.items():
        for path in paths:
            url = path.format(chat=chat)
            if url not in seen:
                page = demo_web.get(url)
                assert page.status_code == 200, url
                seen[url] = page.text
            assert MOMENTS[place] in offered(seen[url]), (place, url)
    for lesson_id in set(MOMENTS.values()):
        page = demo_web.get(f"/learn/{lesson_id}")
        assert page.status_code == 200 and "In your own evidence" in page.text


def test_the_chart_cards_each_carry_the_loop_lesson(demo_web: Web, demo: Workspace) -> None:
    page = demo_web.get(f"/chats/{demo.chats.chats()[0].id}").text
    for card in ("chart-runs", "chart-loop"):
        start = page.index(f'id="{card}"')
        section = page[start : page.index("</section>", start)]
        assert offered(section) == ["the-loop"], card


@pytest.mark.parametrize(("hour", "first"), [(23, True), (3, True), (9, False), (21, False)])
def test_the_pause_offers_its_lesson_first_late_at_night(
    web: Web, wall_clock: FixedClock, hour: int, first: bool
) -> None:
    before = wall_clock.moment
    wall_clock.moment = datetime(2025, 3, 4, hour, 30, tzinfo=before.tzinfo)
    try:
        page = web.get("/pause").text
    finally:
        wall_clock.moment = before
    assert offered(page) == ["not-a-verdict"]
    link = page.index('data-lesson="not-a-verdict"')
    assert (link < page.index('id="check-heading"')) is first
    assert (link > page.index('id="care-heading"')) is not first
    if first:
        assert "It is late" in visible_text(page)


def test_the_lessons_stay_offered_while_coaching_rests(web: Web, unsafe_vault: None) -> None:
    assert offered(web.get("/pause").text) == ["not-a-verdict"]
    assert offered(web.get("/help").text) == ["explanation-not-excuse"]
    checked = web.post("/pause/check", {"draft": "Are you coming home tonight?"})
    assert offered(checked.text) == ["not-a-verdict"]


def test_without_a_chat_the_loop_lesson_draws_nothing(web: Web) -> None:
    page = web.get("/learn/the-loop").text
    assert 'class="lesson-figure"' not in page and "Not enough in your records yet" in page


def test_the_loop_lesson_draws_the_persons_own_loop_chart(
    web: Web, shared_workspace: Workspace
) -> None:
    """The demo's chat is too short for the loop (fewer than 40 runs of three weeks);
    seventy weeks of Robin and Kai are enough, and a six-month chat beside it is passed by."""
    short = shared_workspace.chats.import_chat(DATA / "months.txt", me="Robin").chat_id
    year = shared_workspace.chats.import_chat(DATA / "year.txt", me="Robin").chat_id
    page = web.get("/learn/the-loop").text
    start = page.index('class="lesson-figure"')
    figure = page[start : page.index("</div>", start)]
    assert f'href="/chats/{year}#chart-loop"' in figure and f"/chats/{short}#" not in figure
    assert "<svg" in figure and figure.count('class="series') == 2
    text = visible_text(figure)
    assert "three weeks in a row" in text and "You and Kai" in text
    assert 'class="lesson-figure"' not in web.get("/learn/not-a-verdict").text
