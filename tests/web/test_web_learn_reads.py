"""Which lessons were read, on the Learn pages: opening a lesson marks it, the list says
when (or that it changed since) and points to the next unread lesson, and forgetting asks
first, then clears only the reads."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import OperationalError
from walker import visible_text
from webtools import Web, title_of

from clearheart.content.lesson_copy import Lessons
from clearheart.services import archive
from clearheart.services.workspace import Workspace


@pytest.fixture(autouse=True)
def unread(shared_workspace: Workspace) -> Iterator[None]:
    shared_workspace.lessons.forget()
    yield
    shared_workspace.lessons.forget()


def _items(page: str) -> list[str]:
    """The visible text of each lesson card, in order."""
    return [visible_text(part.split("</li>")[0]) for part in page.split('lesson-item">')[1:]]


def test_with_nothing_read_the_list_points_to_the_first_lesson(web: Web) -> None:
    page = web.get("/learn").text
    assert "Next: When closeness brings distance" in visible_text(page)
    assert not any("Read" in item for item in _items(page))
    assert "/learn/forget" not in page


def test_opening_a_lesson_marks_it_read_on_that_day(web: Web) -> None:
    assert web.get("/learn/closeness-and-distance").status_code == 200
    page = web.get("/learn")
    assert title_of(page.text).startswith("Learn ·")
    items = _items(page.text)
    assert items[0].endswith("Read on 4 March") and "Read" not in items[1]
    assert "Next: What the texts can show" in visible_text(page.text)


def test_a_lesson_changed_since_it_was_read_says_so(
    web: Web, shared_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    web.get("/learn/the-loop")
    every = shared_workspace.lessons.all()
    newer = tuple(
        dataclasses.replace(x, version=x.version + 1) if x.id == "the-loop" else x
        for x in every.lessons
    )
    monkeypatch.setattr(
        shared_workspace.lessons, "all", lambda locale="en": Lessons(newer, every.references)
    )
    items = _items(web.get("/learn").text)
    assert [i for i in items if "Read" in i] == [items[3]]
    assert items[3].endswith("Read; changed since")


def test_when_every_lesson_is_read_a_kind_line_replaces_next(
    web: Web, shared_workspace: Workspace
) -> None:
    for lesson in shared_workspace.lessons.all().lessons:
        web.get(f"/learn/{lesson.id}")
    text = visible_text(web.get("/learn").text)
    assert "Next:" not in text and "You have opened every lesson here." in text


def test_while_unsafe_next_skips_the_lessons_that_rest(
    web: Web, shared_workspace: Workspace, unsafe_vault: None
) -> None:
    every = shared_workspace.lessons.all().lessons
    resting = [x for x in every if x.coaching]
    before = [x for x in every if x.order < resting[0].order]
    for lesson in [*before, resting[0]]:
        web.get(f"/learn/{lesson.id}")
    assert {r.lesson_id for r in shared_workspace.lessons.reads()} == {x.id for x in before}
    after = next(x for x in every if x.order > resting[0].order and not x.coaching)
    assert f"Next: {after.title}" in visible_text(web.get("/learn").text)


def test_a_lesson_still_shows_when_its_read_cannot_be_kept(
    web: Web, shared_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(shared_workspace.lessons.repo, "opened", refuse)
    page = web.get("/learn/the-loop")
    assert page.status_code == 200
    assert "Why chasing can bring more distance" in visible_text(page.text)


def test_forgetting_asks_first_then_clears_only_the_reads(
    web: Web, shared_workspace: Workspace
) -> None:
    shared_workspace.journal.add("Kept while the reads are forgotten.")
    web.get("/learn/the-loop")
    page = web.get("/learn").text
    asks = page.split('<details class="card forget-reads">')[1].split("</details>")[0]
    assert "Forget which lessons I have read" in asks and "Yes, forget them" in asks
    assert 'action="/learn/forget"' in asks
    before = archive.snapshot(shared_workspace.vault.engine)
    answer = web.post("/learn/forget", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/learn"
    after = archive.snapshot(shared_workspace.vault.engine)
    assert after["lesson_reads"] == [] and len(before["lesson_reads"]) == 1
    assert {k: v for k, v in after.items() if k != "lesson_reads"} == {
        k: v for k, v in before.items() if k != "lesson_reads"
    }
    text = visible_text(web.get("/learn").text)
    assert "Every lesson shows as unread again" in text and "Read on" not in text
