"""Dating again on the web: the checklist, a notebook, bad input kept, the gate respected."""

from __future__ import annotations

from datetime import timedelta

from webtools import Web, title_of

from clearheart.services.workspace import Workspace


def test_a_notebook_from_a_checklist_to_what_it_rests_on(
    web: Web, shared_workspace: Workspace
) -> None:
    page = web.get("/dating/checklist")
    assert page.status_code == 200 and title_of(page.text).startswith("Someone new")
    assert "Worth noticing early: a general idea, not from your own history" in page.text
    assert (
        web.post("/dating/checklist", {"action": "accept", "item": "f2-shrink"}).status_code == 303
    )
    assert (
        web.post("/dating/checklist", {"action": "add", "text": "Kind to waiters"}).status_code
        == 303
    )
    added = web.post("/dating/people", {"name": "Sasha"})
    person = added.headers["location"]
    today = shared_workspace.clock.now().date()
    for days, tag in ((9, "seen"), (4, "worry"), (0, "seen")):
        saved = web.post(
            f"{person}/notes",
            {
                "on": (today - timedelta(days=days)).isoformat(),
                "situation": "date",
                "text": "Dinner, and a long talk after.",
                "tag-own-1": tag,
                "mood": "4",
            },
        )
        assert saved.status_code == 303
    view = web.get(person).text
    assert "3 entries over 10 days, across 1 kind of situation: early to see a pattern." in view
    assert "Seen twice, a worry once" in view
    assert "score" not in view.lower().replace("not a score", "")


def test_a_bad_entry_comes_back_with_its_words_and_stores_nothing(
    web: Web, shared_workspace: Workspace
) -> None:
    person = web.post("/dating/people", {"name": "Kit"}).headers["location"]
    tomorrow = shared_workspace.clock.now().date() + timedelta(days=1)
    back = web.post(
        f"{person}/notes",
        {"on": tomorrow.isoformat(), "situation": "date", "text": "Words I wrote carefully."},
    )
    assert back.status_code == 400
    assert "after today" in back.text and "Words I wrote carefully." in back.text
    again = web.post("/dating/people", {"name": "kit"})
    assert again.status_code == 400 and "already have a notebook" in again.text
    kit = next(p for p in shared_workspace.dating.people() if p.name == "Kit")
    assert shared_workspace.dating.view(kit.id).notes == ()


def test_coaching_rests_and_its_writes_are_refused_while_unsafe(
    web: Web, shared_workspace: Workspace, unsafe_vault: None
) -> None:
    hub = web.get("/dating").text
    assert "data-coaching" not in hub and "data-quiet" in hub
    refused = web.post("/dating/checklist", {"action": "accept", "item": "f1-respect"})
    assert refused.status_code == 400 and "rests while you may not be safe" in refused.text
    assert all(i.id != "f1-respect" for i in shared_workspace.dating.checklist().items)
