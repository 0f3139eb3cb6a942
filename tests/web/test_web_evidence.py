"""The evidence page: items under their questions with count, dates and link; thin and
empty questions say so; a bad start date is named and loses nothing; the log's filter."""

from __future__ import annotations

import re
from datetime import timedelta

from walker import marked, visible_text
from webtools import TUESDAY_9AM, Web, title_of

from clearheart.services.workspace import Workspace


def _items(html: str) -> list[str]:
    return re.findall(r'<li class="evidence-item" data-key="([^"]+)">', html)


def test_an_empty_vault_says_what_could_add_to_each_question(web: Web) -> None:
    page = web.get("/evidence")
    assert page.status_code == 200
    assert title_of(page.text).startswith("Evidence ·")
    assert _items(page.text) == []
    text = visible_text(page.text)
    assert text.count("Nothing gathered for this yet.") == 8
    assert "When you name a need, the log can note how they answered." in text
    assert '<a href="/evidence">Evidence</a>' in web.get("/today").text


def test_items_show_under_each_question_they_bear_on_with_count_dates_and_link(
    web: Web, shared_workspace: Workspace
) -> None:
    for days_ago, kind in ((40, "bid_toward"), (10, "bid_away"), (9, "named_brushed_off")):
        shared_workspace.log.add(kind, at=TUESDAY_9AM - timedelta(days=days_ago))
    page = web.get("/evidence").text
    assert _items(page).count("log-bids") == 2  # both willing; what happens when you reach out
    assert _items(page).count("log-answers") == 3
    text = visible_text(page)
    assert "Rests on 2 log entries, 23 January 2025 to 22 February 2025." in text
    assert "January 2025 1 of 1 1 February 2025 0 of 1 1" in text
    assert 'href="/log?kind=bid_toward&amp;kind=bid_away&amp;kind=bid_against"' in page
    assert "brushed it off once" in text and "too few to read a steady share" in text

    later = web.get("/evidence?since=2025-02-01")
    assert "Rests on 1 log entry, 22 February 2025." in visible_text(later.text)


def test_a_bad_start_date_is_named_and_everything_still_shows(
    web: Web, shared_workspace: Workspace
) -> None:
    shared_workspace.log.add("need_unmet")
    before = shared_workspace.log.count()
    for bad, words in (
        ("soon", "'soon' is not a date; write it as YYYY-MM-DD"),
        ("2999-01-01", "The start date 2999-01-01 is after today"),
    ):
        page = web.get(f"/evidence?since={bad}")
        assert page.status_code == 400
        text = visible_text(page.text)
        assert words in text and "Showing everything instead." in text
        assert "log-needs" in _items(page.text)
    assert shared_workspace.log.count() == before


def test_evidence_shows_while_coaching_rests_and_only_the_reading_tip_is_coaching(
    web: Web, shared_workspace: Workspace, unsafe_vault: None
) -> None:
    shared_workspace.log.add("bid_toward")
    page = web.get("/evidence").text
    assert "log-bids" in _items(page)
    assert not marked(page) and "data-quiet" in page


def test_the_log_lists_only_the_kinds_an_evidence_link_asks_for(
    web: Web, shared_workspace: Workspace
) -> None:
    shared_workspace.log.add("plan_kept")
    shared_workspace.log.add("bid_toward")
    page = web.get("/log?kind=plan_kept&kind=plan_cancelled").text
    assert "Showing only: A plan was kept; A plan was called off." in visible_text(page)
    labels = re.findall(r'<span class="log-label">([^<]+)</span>', page)
    assert labels and set(labels) <= {"A plan was kept", "A plan was called off"}
    wrong = web.get("/log?kind=hugged")
    assert wrong.status_code == 200 and "There is no kind 'hugged'" in visible_text(wrong.text)
    assert "They turned toward me" in re.findall(
        r'<span class="log-label">([^<]+)</span>', wrong.text
    )
