"""The promise and what happened, and the journal's reflection nudges, in process: written,
versioned, pinned and unpinned; bad input refused with nothing stored; and both resting
while the safety gate is closed."""

from __future__ import annotations

from walker import marked, visible_text
from webtools import Web, field_errors, title_of

from clearheart.services import archive
from clearheart.services.workspace import Workspace

PATH = "/moving-on/promise"
FORM = {
    "keys": ["us", "hard-times", "me", "own-1"],
    "heading-us": "What I hoped we would be",
    "text-us": "Two people who plan their Saturdays together.",
    "heading-hard-times": "When things were hard",
    "text-hard-times": "",
    "looks-hard-times": ["attempts_ignored"],
    "heading-me": "What I hoped I would feel",
    "text-me": "Settled. Not waiting for the phone.",
    "looks-me": ["needs_unmet", "fear_self_doubt"],
    "heading-own-1": "Our home",
    "text-own-1": "A kitchen with two voices in it.",
    "looks-own-1": ["needs_unmet"],
}


def test_write_pin_and_unpin_the_promise(web: Web, shared_workspace: Workspace) -> None:
    first = web.get(PATH)
    assert first.status_code == 200 and title_of(first.text).startswith("Then and now")
    assert "Nothing written yet" in visible_text(first.text)
    assert web.post(PATH, FORM).headers["location"] == PATH
    assert web.post(PATH, FORM | {"text-us": "Plans that happen."}).status_code == 303
    entry = shared_workspace.journal.add("Another Saturday on my own, and that is the truth.")
    assert web.post(PATH + "/pin", {"part": "us", "entry": str(entry.id)}).status_code == 303

    page = visible_text(web.get(PATH).text)
    assert "Plans that happen." in page and "Our home" in page
    assert "Another Saturday on my own" in page and "You pinned this." in page
    assert "Earlier versions (1)" in page and "Two people who plan" in page
    assert "rests on little so far" in page or "Rests on" in page
    assert [p.part_key for p in shared_workspace.promise.pins()] == ["us"]

    assert web.post(PATH + "/unpin", {"part": "us", "entry": str(entry.id)}).status_code == 303
    assert shared_workspace.promise.pins() == ()
    assert "/moving-on/promise" in web.get("/reflect").text


def test_bad_input_says_what_to_change_and_stores_nothing(
    web: Web, shared_workspace: Workspace
) -> None:
    engine = shared_workspace.vault.engine
    before = archive.snapshot(engine)
    empty = web.post(PATH, {"keys": ["us"], "heading-us": "Us", "text-us": "   "})
    assert empty.status_code == 400
    assert field_errors(empty.text) == ["Write a few words in at least one part."]
    long = web.post(PATH, FORM | {"text-me": "x" * 4001})
    assert long.status_code == 400 and "x" * 4001 in long.text  # nothing typed is lost
    assert "Keep each part under 4,000 characters." in field_errors(long.text)
    assert "Our home" in long.text  # the other words come back
    unknown = web.post(PATH + "/pin", {"part": "us", "entry": "abc"})
    assert unknown.status_code == 400 and "id" in visible_text(unknown.text)
    assert web.post(PATH + "/pin", {"part": "own-9", "entry": "1"}).status_code == 400
    assert archive.snapshot(engine) == before


def test_the_promise_rests_while_the_gate_is_closed(
    web: Web, shared_workspace: Workspace, unsafe_vault: None
) -> None:
    before = archive.snapshot(shared_workspace.vault.engine)
    page = web.get(PATH)
    assert page.status_code == 200 and "your safety comes first" in visible_text(page.text)
    assert not marked(page.text)
    refused = web.post(PATH, FORM)
    assert refused.status_code == 400 and "safety comes first" in visible_text(refused.text)
    assert archive.snapshot(shared_workspace.vault.engine) == before


def test_a_nudge_is_offered_beside_the_entry_and_can_be_set_aside(
    web: Web, shared_workspace: Workspace
) -> None:
    entry = shared_workspace.journal.add("Maybe I was asking too much of him. I don't know.")
    journal = web.get("/journal").text
    assert "reflection-nudges" in [name for name, _ in marked(journal)]
    assert "What did you ask for, in plain words?" in visible_text(journal)
    assert "asking too much of him" not in visible_text(journal).split("Your entries")[0]
    own = web.get(f"/journal/{entry.id}/edit").text
    assert "What did you ask for" in visible_text(own)
    done = web.post(f"/journal/{entry.id}/nudges/too-much/set-aside", {"back": "entry"})
    assert done.headers["location"] == f"/journal/{entry.id}/edit"
    assert "What did you ask for" not in web.get(f"/journal/{entry.id}/edit").text
    assert "What did you ask for" not in web.get("/journal").text
    bad = web.post(f"/journal/{entry.id}/nudges/sulking/set-aside", {})
    assert bad.status_code == 400 and "no nudge" in visible_text(bad.text)


def test_no_nudge_while_the_gate_is_closed(
    web: Web, shared_workspace: Workspace, unsafe_vault: None
) -> None:
    entry = shared_workspace.journal.add("No one else will ever understand me like she does.")
    assert "Who else has understood" not in web.get("/journal").text
    assert "Who else has understood" not in web.get(f"/journal/{entry.id}/edit").text
