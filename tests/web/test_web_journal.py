"""The journal page: write, validation that keeps your words, list, search, delete."""

from __future__ import annotations

import re

from webtools import Web, field_errors

from clearheart.content.loader import load_prompts
from clearheart.domain.prompts import Theme
from clearheart.services.workspace import Workspace


def entry_ids(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<article class="card entry" id="entry-(\d+)"', page)]


def test_the_root_redirects_to_today(web: Web) -> None:
    assert web.get("/").headers["location"] == "/today"


def test_posting_text_adds_an_entry_that_is_then_listed(web: Web,
                                                        shared_workspace: Workspace) -> None:
    before = shared_workspace.journal.count()
    response = web.post("/journal", {"text": "The kettle sang and I felt steady."})
    assert response.status_code == 303
    assert response.headers["location"] == "/journal"
    assert shared_workspace.journal.count() == before + 1
    page = web.get("/journal").text
    assert '<p class="notice" role="status">Saved.</p>' in page
    assert "The kettle sang and I felt steady." in page
    assert "Saved." not in web.get("/journal").text  # the notice shows once


def test_an_entry_keeps_prompt_mood_words_and_tags(web: Web,
                                                   shared_workspace: Workspace) -> None:
    prompt = next(p for p in load_prompts() if p.theme is Theme.SELF_CARE)
    web.post("/journal", {"text": "Went for a long walk by the river.", "prompt": prompt.id,
                          "mood": "4", "emotions": ["calm", "hopeful"], "tags": "walks, Sunday"})
    entry = shared_workspace.journal.page(0, 1).entries[0]
    assert entry.text == "Went for a long walk by the river."
    assert entry.prompt_id == prompt.id
    assert entry.mood is not None and entry.mood.score == 4
    assert entry.mood.words == ("calm", "hopeful")
    assert entry.tags == ("walks", "sunday")
    page = web.get("/journal").text
    article = page[page.index(f'id="entry-{entry.id}"'):]
    article = article[: article.index("</article>")]
    assert prompt.text in article
    assert "Feeling: Good · calm, hopeful" in article
    assert '<li class="pill">walks</li>' in article


def test_an_empty_entry_is_refused_and_the_rest_is_kept(web: Web,
                                                        shared_workspace: Workspace) -> None:
    before = shared_workspace.journal.count()
    response = web.post("/journal", {"text": "   ", "tags": "keep-me"})
    assert response.status_code == 400
    assert field_errors(response.text) == ["Write a few words or choose how you feel."]
    assert 'value="keep-me"' in response.text
    assert 'aria-invalid="true" aria-describedby="error-text"' in response.text
    assert shared_workspace.journal.count() == before


def test_a_validation_error_keeps_every_word_written(web: Web) -> None:
    text = "A long evening.\nI wanted to say so much & didn't <b>dare</b>."
    response = web.post("/journal", {"text": text, "emotions": ["tired"]})
    assert response.status_code == 400
    assert field_errors(response.text) == ["Choose how you feel (1 to 5) along with the words."]
    assert "A long evening.\nI wanted to say so much &amp; didn&#39;t &lt;b&gt;dare&lt;/b&gt;." \
        in response.text
    assert 'value="tired" checked' in response.text


def test_bad_tags_and_moods_are_named(web: Web) -> None:
    tags = web.post("/journal", {"text": "ok", "tags": "fine, <oops>"})
    assert tags.status_code == 400
    [error] = field_errors(tags.text)
    assert "letters, numbers, spaces and dashes" in error
    mood = web.post("/journal", {"text": "ok", "mood": "9"})
    assert mood.status_code == 400
    assert field_errors(mood.text) == ["Choose one of the five."]
    prompt = web.post("/journal", {"text": "ok", "prompt": "no-such-prompt"})
    assert prompt.status_code == 400
    assert "no prompt with id" in field_errors(prompt.text)[0]


def test_a_prompt_link_prefills_the_form(web: Web) -> None:
    prompt = next(p for p in load_prompts() if not p.coaching and p.theme is not Theme.PRACTICE)
    page = web.get(f"/journal?prompt={prompt.id}").text
    assert f'<option value="{prompt.id}" selected>' in page
    assert f'<p class="prompt-text">{prompt.text}</p>' in page.replace("&#39;", "'")
    unknown = web.get("/journal?prompt=nonsense").text
    assert " selected>" not in unknown


def test_the_form_offers_every_prompt_by_theme_and_the_mood_scale(web: Web) -> None:
    page = web.get("/journal").text
    for prompt in load_prompts():
        shown = f'<option value="{prompt.id}"' in page
        assert shown == (prompt.theme is not Theme.PRACTICE), prompt.id
    for label in ("Struggling", "Low", "In between", "Good", "Really good"):
        assert f"> {label}</label>" in page
    assert page.count('type="radio" name="mood"') == 6  # five, plus "rather not say"
    assert '<optgroup label="Needs and boundaries">' in page


def test_search_highlights_the_matched_word(web: Web) -> None:
    web.post("/journal", {"text": "Today the silence felt heavy, and then it lifted."})
    page = web.get("/journal?q=silence").text
    assert "<mark>silence</mark>" in page
    assert "felt heavy" in page
    assert "1 entry matches" in page or "entries match" in page


def test_search_by_post_keeps_the_words_out_of_the_address(web: Web) -> None:
    web.post("/journal", {"text": "Rain against the window, a warm cup, an easy quiet."})
    response = web.post("/journal/search", {"q": "window"})
    assert response.status_code == 200
    assert "<mark>window</mark>" in response.text
    assert 'action="/journal/search"' in response.text


def test_search_results_come_first_without_the_write_form(web: Web) -> None:
    web.post("/journal", {"text": "A slow breakfast with my sister."})
    searched = web.post("/journal/search", {"q": "breakfast"}).text
    assert 'id="write"' not in searched and "<mark>breakfast</mark>" in searched
    assert 'id="write"' in web.get("/journal").text


def test_search_escapes_what_it_shows(web: Web) -> None:
    web.post("/journal", {"text": "Wrote <script>alert(1)</script> as a joke about zebras"})
    page = web.get("/journal?q=zebras").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<mark>zebras</mark>" in page


def test_search_with_no_hits_says_so_kindly(web: Web) -> None:
    page = web.get("/journal?q=xylophonequartz").text
    assert "Nothing found for “xylophonequartz”" in page


def test_delete_needs_a_confirm_step_then_removes(web: Web, shared_workspace: Workspace) -> None:
    web.post("/journal", {"text": "Something I would rather not keep."})
    entry = shared_workspace.journal.page(0, 1).entries[0]
    page = web.get("/journal").text
    block = page[page.index(f'id="entry-{entry.id}"'):]
    block = block[: block.index("</article>")]
    assert "<details>" in block and "<summary>Delete this entry</summary>" in block
    assert f'action="/journal/{entry.id}/delete"' in block
    response = web.post(f"/journal/{entry.id}/delete")
    assert response.headers["location"] == "/journal"
    assert entry.id not in entry_ids(web.get("/journal").text)
    assert "Something I would rather not keep." not in web.get("/journal").text


def test_deleting_an_unknown_entry_is_a_calm_404(web: Web) -> None:
    response = web.post("/journal/987654/delete")
    assert response.status_code == 404
    assert "No journal entry with id 987654." in response.text
    assert "Traceback" not in response.text


def test_entries_are_newest_first_and_paged_by_thirty(web: Web,
                                                      shared_workspace: Workspace) -> None:
    for n in range(35):
        shared_workspace.journal.add(f"paging entry {n}")
    first = web.get("/journal").text
    ids = entry_ids(first)
    assert len(ids) == 30
    assert ids == sorted(ids, reverse=True)
    total = shared_workspace.journal.count()
    pages = -(-total // 30)
    assert f"Page 1 of {pages}" in first
    assert 'href="/journal?page=2"' in first
    second = web.get("/journal?page=2").text
    assert set(entry_ids(second)).isdisjoint(ids)
    assert 'href="/journal?page=1"' in second
    assert "There are no entries on this page" in web.get("/journal?page=999").text
    assert len(entry_ids(web.get("/journal?page=zero").text)) == 30


def test_edit_form_is_prefilled_and_saves_changes(web: Web, shared_workspace: Workspace) -> None:
    web.post("/journal", {"text": "A first version of the evening.", "mood": "2",
                          "emotions": "tired", "tags": "evening, tea"})
    entry = shared_workspace.journal.page(0, 1).entries[0]
    form = web.get(f"/journal/{entry.id}/edit").text
    assert "A first version of the evening." in form
    assert 'value="evening, tea"' in form
    assert f'action="/journal/{entry.id}/edit"' in form
    saved = web.post(f"/journal/{entry.id}/edit", {"text": "A kinder version.", "mood": "3",
                                                   "tags": "evening"})
    assert saved.status_code == 303 and saved.headers["location"] == "/journal"
    again = shared_workspace.journal.get(entry.id)
    assert again.text == "A kinder version." and again.tags == ("evening",)
    assert again.created == entry.created and again.mood is not None and again.mood.score == 3
    assert "Changes saved." in web.get("/journal").text


def test_edit_with_a_problem_keeps_the_words_and_changes_nothing(
    web: Web, shared_workspace: Workspace
) -> None:
    web.post("/journal", {"text": "Steady words."})
    entry = shared_workspace.journal.page(0, 1).entries[0]
    page = web.post(f"/journal/{entry.id}/edit", {"text": "New words kept on screen",
                                                  "tags": "bad;tag"})
    assert page.status_code == 400
    assert "New words kept on screen" in page.text and 'aria-invalid="true"' in page.text
    assert shared_workspace.journal.get(entry.id).text == "Steady words."


def test_edit_of_a_missing_entry_is_a_calm_not_found(web: Web) -> None:
    page = web.get("/journal/987654/edit")
    assert page.status_code == 404
    assert "Traceback" not in page.text
