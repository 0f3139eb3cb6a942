"""One notebook entry changed or deleted on the web, and earlier versions shown."""

from __future__ import annotations

from datetime import timedelta

from webtools import Web, title_of

from clearheart.domain.dating import NoteDraft
from clearheart.services.workspace import Workspace


def _entry(web: Web, workspace: Workspace, name: str) -> tuple[int, int]:
    """A person with one entry tagged "seen" against own-1 (Kind to waiters); their id and
    the entry's."""
    if not workspace.dating.checklist().items:
        workspace.dating.add("Kind to waiters")
    person = workspace.dating.add_person(name)
    day = workspace.clock.now().date() - timedelta(days=3)
    note = workspace.dating.add_note(
        person.id, NoteDraft(day, "Coffee by the river.", "date", {"own-1": "seen"}, mood=4)
    )
    return person.id, note.id


def test_an_entry_is_changed_from_its_own_page(web: Web, shared_workspace: Workspace) -> None:
    person, note = _entry(web, shared_workspace, "Sam")
    notebook = web.get(f"/dating/people/{person}").text
    edit = f"/dating/people/{person}/notes/{note}/edit"
    assert f'href="{edit}"' in notebook
    page = web.get(edit)
    assert page.status_code == 200 and title_of(page.text).startswith("Someone new")
    assert "Coffee by the river." in page.text and 'value="seen" selected' in page.text
    saved = web.post(
        edit,
        {
            "on": (shared_workspace.clock.now().date() - timedelta(days=2)).isoformat(),
            "situation": "friends",
            "text": "Coffee, then friends.",
            "tag-own-1": "worry",
            "mood": "3",
        },
    )
    assert saved.status_code == 303 and saved.headers["location"].endswith(f"#note-{note}")
    draft = shared_workspace.dating.note(note).draft
    assert (draft.text, draft.situation, dict(draft.tags), draft.mood) == (
        "Coffee, then friends.",
        "friends",
        {"own-1": "worry"},
        3,
    )
    assert "A worry: Kind to waiters" in web.get(f"/dating/people/{person}").text


def test_a_bad_change_comes_back_with_its_words_and_stores_nothing(
    web: Web, shared_workspace: Workspace
) -> None:
    person, note = _entry(web, shared_workspace, "Kit")
    before = shared_workspace.dating.note(note)
    tomorrow = shared_workspace.clock.now().date() + timedelta(days=1)
    edit = f"/dating/people/{person}/notes/{note}/edit"
    back = web.post(edit, {"on": tomorrow.isoformat(), "situation": "date", "text": "My words."})
    assert back.status_code == 400
    assert "after today" in back.text and "My words." in back.text
    empty = web.post(edit, {"on": before.draft.on.isoformat(), "situation": "date", "text": " "})
    assert empty.status_code == 400 and "Write a few words" in empty.text
    mood = web.post(edit, {"on": before.draft.on.isoformat(), "text": "x", "mood": "9"})
    assert mood.status_code == 400
    assert shared_workspace.dating.note(note) == before


def test_a_tag_on_an_item_taken_off_the_list_survives_an_edit(
    web: Web, shared_workspace: Workspace
) -> None:
    person, _ = _entry(web, shared_workspace, "Lee")
    dating = shared_workspace.dating
    gone = dating.add("Asks about my day").items[-1].id
    day = shared_workspace.clock.now().date() - timedelta(days=1)
    note = dating.add_note(person, NoteDraft(day, "Lunch.", "date", {gone: "seen"})).id
    dating.remove(gone)
    edit = f"/dating/people/{person}/notes/{note}/edit"
    assert "keeps 1 tag on items no longer on your checklist" in web.get(edit).text
    hidden = f'<input type="hidden" name="tag-{gone}" value="seen">'
    assert hidden in web.get(edit).text
    saved = web.post(
        edit, {"on": day.isoformat(), "situation": "date", "text": "Lunch.", f"tag-{gone}": "seen"}
    )
    assert saved.status_code == 303
    assert dict(dating.note(note).draft.tags) == {gone: "seen"}
    assert "an item no longer on your checklist" in web.get(f"/dating/people/{person}").text


def test_delete_asks_first_and_only_in_its_own_notebook(
    web: Web, shared_workspace: Workspace
) -> None:
    person, note = _entry(web, shared_workspace, "Ash")
    other, _ = _entry(web, shared_workspace, "Bo")
    notebook = web.get(f"/dating/people/{person}").text
    delete = f"/dating/people/{person}/notes/{note}/delete"
    assert f'action="{delete}"' in notebook and "Yes, delete it" in notebook
    assert notebook.index("<summary>Delete") < notebook.index(delete)
    wrong = web.post(f"/dating/people/{other}/notes/{note}/delete")
    assert wrong.status_code == 404
    assert web.get(f"/dating/people/{other}/notes/{note}/edit").status_code == 404
    assert shared_workspace.dating.note(note).id == note
    gone = web.post(delete)
    assert gone.status_code == 303
    assert shared_workspace.dating.view(person).notes == ()
    assert web.post(delete).status_code == 404


def test_earlier_versions_of_the_checklist_and_the_commitments_show(
    web: Web, shared_workspace: Workspace
) -> None:
    dating = shared_workspace.dating
    dating.add("Laughs at themselves")
    dating.edit(dating.checklist().items[-1].id, "Laughs at themselves, kindly")
    page = web.get("/dating/checklist").text
    versions = len(dating.checklist_versions())
    assert f"Earlier versions ({versions - 1})" in page
    earlier = page[page.index("Earlier versions") :]
    assert f"Version {versions - 1}" in earlier and "<li>Laughs at themselves</li>" in earlier

    assert "Earlier wordings (" not in web.get("/dating").text
    dating.reword(["", "My energy is mine.", ""])
    dating.reword(["", "My energy is mine to give.", ""])
    hub = web.get("/dating").text
    assert "Earlier wordings (1)" in hub
    assert "<li>My energy is mine.</li>" in hub[hub.index("Earlier wordings") :]
