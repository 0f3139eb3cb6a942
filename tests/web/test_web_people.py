"""/people: the list, one person, times in touch, the safety plan fed from it, and the
nudge on /today; a form with a problem keeps what was typed and stores nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from walker import marked, visible_text
from webtools import Web, field_errors, title_of

from clearheart.services import archive
from clearheart.services.workspace import Workspace


@pytest.fixture
def people(web: Web, shared_workspace: Workspace) -> Iterator[Web]:
    """Signed in, the gate open, an empty list and plan at the start and after."""

    def clear() -> None:
        shared_workspace.safety.safe()
        shared_workspace.help.clear_plan()
        for s in shared_workspace.support.supporters():
            shared_workspace.support.remove(s.id)

    clear()
    yield web
    clear()


def test_an_empty_list_starts_warmly_and_adding_someone_lists_them(
    people: Web, shared_workspace: Workspace
) -> None:
    page = people.get("/people")
    assert page.status_code == 200 and title_of(page.text).startswith("People")
    assert "One name is a good start." in page.text
    assert [name for name, _ in marked(page.text)] == ["people-ideas"]
    added = people.post(
        "/people",
        {
            "name": "Maya",
            "good_for": ["talk", "fun"],
            "how": "07700 900123",
            "every": "2w",
            "words": "",
        },
    )
    assert added.status_code == 303 and added.headers["location"] == "/people"
    shown = visible_text(people.get("/people").text)
    assert "Good for someone to talk to, fun." in shown
    assert "1 person or place on your list." in shown and "you'd like every 2 weeks" in shown
    (maya,) = shared_workspace.support.supporters()
    assert maya.details.every_days == 14


def test_a_form_with_a_problem_keeps_the_words_and_stores_nothing(
    people: Web, shared_workspace: Workspace
) -> None:
    before = archive.snapshot(shared_workspace.vault.engine)
    page = people.post(
        "/people", {"name": "Jonah", "every": "now and then", "words": "makes me laugh"}
    )
    assert page.status_code == 400
    assert field_errors(page.text) == ["Write a number of days or weeks, like 10d or 3w."]
    assert 'value="Jonah"' in page.text and "makes me laugh" in page.text
    assert archive.snapshot(shared_workspace.vault.engine) == before


def test_a_time_in_touch_is_noted_and_a_day_to_come_is_refused(
    people: Web, shared_workspace: Workspace
) -> None:
    maya = shared_workspace.support.add("Maya", ["talk"])
    today = shared_workspace.clock.now().date()
    assert people.post(f"/people/{maya.id}/reached", {"on": "", "note": "tea"}).status_code == 303
    later = (today + timedelta(days=2)).isoformat()
    refused = people.post(f"/people/{maya.id}/reached", {"on": later, "note": "a plan"})
    assert refused.status_code == 400 and 'value="a plan"' in refused.text
    assert "Choose today or a day before" in visible_text(refused.text)
    (kept,) = shared_workspace.support.get(maya.id).contacts
    assert kept.on == today and kept.note == "tea"
    assert people.post(f"/people/{maya.id}/times/{kept.id}/remove").status_code == 303
    assert shared_workspace.support.get(maya.id).contacts == ()


def test_the_safety_plan_can_take_someone_from_the_list(
    people: Web, shared_workspace: Workspace
) -> None:
    maya = shared_workspace.support.add("Maya", ["talk"], how="07700 900123")
    plan_page = people.get("/help/plan").text
    assert f'action="/people/{maya.id}/plan"' in plan_page
    moved = people.post(f"/people/{maya.id}/plan", {"back": "plan"})
    assert moved.headers["location"] == "/help/plan#people"
    assert [(p.name, p.how) for p in shared_workspace.help.plan().people] == [
        ("Maya", "07700 900123")
    ]
    assert "also on your safety plan" in people.get("/people").text
    assert "is also on" in visible_text(people.get(f"/people/{maya.id}").text)
    assert f'action="/people/{maya.id}/plan"' not in people.get("/help/plan").text


def test_the_nudge_shows_on_today_and_rests_with_the_gate(
    people: Web, shared_workspace: Workspace
) -> None:
    jonah = shared_workspace.support.add("Jonah", ["fun"], every_days=1)
    shared_workspace.support.reached(
        jonah.id, shared_workspace.clock.now().date() - timedelta(days=3)
    )
    shared_workspace.support.add("Ellie", ["practical"])  # no interval: never a nudge
    today = people.get("/today").text
    nudges = [text for name, text in marked(today) if name == "people-nudges"]
    assert nudges and "It has been three days since you were last in touch with Jonah." in nudges[0]
    assert "Ellie" not in nudges[0]
    shared_workspace.safety.unsafe()
    for path in ("/today", "/people"):
        shown = people.get(path).text
        assert "Would a short message be nice?" not in shown and "data-quiet" in shown, path
    assert "Jonah" in people.get("/people").text  # the list itself stays


def test_removing_someone_keeps_the_plan_copy(people: Web, shared_workspace: Workspace) -> None:
    maya = shared_workspace.support.add("Maya", ["talk"])
    shared_workspace.support.add_to_plan(maya.id)
    assert people.post(f"/people/{maya.id}/remove").headers["location"] == "/people"
    assert shared_workspace.support.supporters() == ()
    assert [p.name for p in shared_workspace.help.plan().people] == ["Maya"]
    assert people.get(f"/people/{maya.id}").status_code == 404
