"""The Learn pages: the list, a lesson with its own evidence (or "not enough yet"), the
sources; neutral tab titles; "Try this" and coaching lessons rest while unsafe."""

from __future__ import annotations

from walker import marked, visible_text
from webtools import Web, title_of

from clearheart.services.workspace import Workspace


def test_the_list_links_every_lesson_and_the_sources(web: Web) -> None:
    page = web.get("/learn")
    assert page.status_code == 200 and title_of(page.text).startswith("Learn ·")
    assert 'href="/learn/the-loop"' in page.text and 'href="/learn/sources"' in page.text
    assert page.text.count('class="card lesson-item"') >= 18
    assert '<a href="/learn">Learn</a>' in web.get("/today").text
    assert '<a href="/learn">Learn</a>' in web.get("/help").text


def test_a_lesson_with_no_records_says_there_is_not_enough_yet(web: Web) -> None:
    page = web.get("/learn/the-loop")
    assert page.status_code == 200 and title_of(page.text).startswith("Learn ·")
    text = visible_text(page.text)
    assert "Why chasing can bring more distance" in text
    assert "Not enough in your records yet to show this here." in text
    assert "Try this" in text and '<section data-coaching="lesson-try"' in page.text
    assert 'href="/learn/sources#johnson-eft"' in page.text
    assert "Next: " in text


def test_a_lesson_shows_the_logs_records_with_count_and_link(
    web: Web, shared_workspace: Workspace
) -> None:
    for kind in ("repair_mine_accepted", "repair_theirs_accepted", "repair_theirs_missed"):
        shared_workspace.log.add(kind)
    text = visible_text(web.get("/learn/can-it-heal").text)
    assert "Rests on 3 log entries." in text
    assert "Not enough in your records yet" not in text


def test_while_unsafe_try_this_and_a_coaching_lesson_rest(web: Web, unsafe_vault: None) -> None:
    loop = web.get("/learn/the-loop").text
    assert "data-coaching" not in loop and "Try this" not in visible_text(loop)
    assert "data-quiet" in loop
    asking = visible_text(web.get("/learn/asking-clearly").text)
    assert "Asking for what you need, calmly" in asking and "Timing matters" not in asking
    assert 'href="/learn/asking-clearly"' not in web.get("/learn").text
    assert not marked(web.get("/learn/sources").text)


def test_the_sources_say_what_each_found_and_its_limits(web: Web) -> None:
    page = web.get("/learn/sources")
    assert title_of(page.text).startswith("Learn ·")
    text = visible_text(page.text)
    assert text.count("What it found.") == text.count("Its limits.") >= 10
    assert 'id="gottman-bids"' in page.text and "Hazan, C., & Shaver, P. (1987)" in text


def test_an_unknown_lesson_is_not_found(web: Web) -> None:
    assert web.get("/learn/no-such-lesson").status_code == 404
