"""The log page: one tap logs, bad input keeps your words, edit, delete, charts over time."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from webtools import TUESDAY_9AM, Web, field_errors, title_of

from clearheart.domain.behaviour import KINDS
from clearheart.services.workspace import Workspace


def log_ids(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<li class="log-item" id="log-(\d+)"', page)]


def test_the_page_offers_every_kind_as_a_button_grouped(web: Web) -> None:
    page = web.get("/log")
    assert page.status_code == 200
    assert title_of(page.text).startswith("Log ·")
    assert '<a href="/log" aria-current="page">Log</a>' in page.text
    for kind in KINDS:
        assert f'name="kind" value="{kind.id}"' in page.text, kind.id
    for legend in ("Reaching out", "Repair", "What I did"):
        assert f"<legend>{legend}</legend>" in page.text
    assert 'hx-post="/log"' in page.text and 'method="post" action="/log"' in page.text


def test_one_tap_logs_now_and_the_entry_is_listed(web: Web, shared_workspace: Workspace) -> None:
    before = shared_workspace.log.count()
    response = web.post("/log", {"kind": "bid_toward", "note": "", "at": "", "step": ""})
    assert response.status_code == 303 and response.headers["location"] == "/log"
    assert shared_workspace.log.count() == before + 1
    newest = shared_workspace.log.list(limit=1).entries[0]
    assert newest.kind == "bid_toward" and newest.at == TUESDAY_9AM and newest.note is None
    page = web.get("/log").text
    assert "Logged: They turned toward me." in page
    assert log_ids(page)[0] == newest.id


def test_a_note_and_an_earlier_time_are_kept(web: Web, shared_workspace: Workspace) -> None:
    web.post(
        "/log",
        {
            "kind": "i_gave_space",
            "note": "Said I cared, then went for a walk.",
            "at": "2025-03-03T21:15",
        },
    )
    found = shared_workspace.log.list(kind="i_gave_space").entries[0]
    assert found.note == "Said I cared, then went for a walk."
    assert found.at == TUESDAY_9AM.replace(day=3, hour=21, minute=15)
    page = web.get("/log").text
    assert "Said I cared, then went for a walk." in page


def test_bad_input_is_refused_and_keeps_the_words_and_the_log(
    web: Web, shared_workspace: Workspace
) -> None:
    web.post("/log", {"kind": "quality_time", "note": "kept safe"})
    before = [(e.id, e.kind, e.note, e.at) for e in shared_workspace.log.list().entries]
    future = (TUESDAY_9AM + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    cases = [
        (
            {"kind": "bid_away", "note": "my words", "at": future},
            "The time is in the future; log what has already happened.",
        ),
        (
            {"kind": "bid_away", "note": "my words", "at": "soon"},
            "'soon' is not a time; write HH:MM for today, or a date and time like "
            "2025-03-04T21:30.",
        ),
        ({"kind": "", "note": "my words"}, "Tap one of the buttons to say what happened."),
        ({"kind": "hugged", "note": "my words"}, None),
        (
            {"kind": "bid_away", "note": "x" * 2001},
            "A note can be at most 2,000 characters (this one has 2,001).",
        ),
        ({"kind": "bid_away", "note": "my words", "step": "1:trigger"}, None),
    ]
    for form, message in cases:
        response = web.post("/log", form)
        assert response.status_code == 400, form
        assert "Nothing was logged." in response.text
        if message:
            assert field_errors(response.text) == [message.replace("'", "&#39;")], form
        if form["note"] == "my words":
            assert ">my words</textarea>" in response.text
            assert '<details class="log-extra" open>' in response.text
    assert [(e.id, e.kind, e.note, e.at) for e in shared_workspace.log.list().entries] == before


def test_edit_changes_the_entry_and_keeps_its_time(web: Web, shared_workspace: Workspace) -> None:
    entry = shared_workspace.log.add(
        "bid_away", note="first words", at=TUESDAY_9AM - timedelta(days=1)
    )
    form = web.get(f"/log/{entry.id}/edit")
    assert form.status_code == 200
    assert 'value="bid_away" selected' in form.text
    assert 'value="2025-03-03T09:00"' in form.text
    bad = web.post(
        f"/log/{entry.id}/edit", {"kind": "nope", "note": "changed", "at": "2025-03-03T09:00"}
    )
    assert bad.status_code == 400 and ">changed</textarea>" in bad.text
    assert shared_workspace.log.get(entry.id).note == "first words"
    saved = web.post(
        f"/log/{entry.id}/edit", {"kind": "bid_toward", "note": "changed", "at": "2025-03-03T09:00"}
    )
    assert saved.status_code == 303
    changed = shared_workspace.log.get(entry.id)
    assert (changed.kind, changed.note, changed.at) == ("bid_toward", "changed", entry.at)
    assert web.get("/log/99999/edit").status_code == 404


def test_delete_removes_it_for_good(web: Web, shared_workspace: Workspace) -> None:
    entry = shared_workspace.log.add("conflict")
    assert web.post(f"/log/{entry.id}/delete").status_code == 303
    assert entry.id not in log_ids(web.get("/log").text)
    assert web.post(f"/log/{entry.id}/delete").status_code == 404
    assert web.post(f"/log/{entry.id}/delete", csrf=False).status_code == 403


def test_over_time_shows_the_weeks_with_mood_and_their_ground(
    web: Web, shared_workspace: Workspace
) -> None:
    for weeks_ago in range(4):
        at = TUESDAY_9AM - timedelta(weeks=weeks_ago, hours=2)
        for kind in (
            "bid_toward",
            "bid_toward",
            "bid_away",
            "they_withdrew",
            "repair_theirs_accepted",
        ):
            shared_workspace.log.add(kind, at=at)
        shared_workspace.journal.add("a check-in", mood=3, at=at)
    page = web.get("/log").text
    for chart in ("toward", "repairs", "mood"):
        assert f'id="chart-{chart}"' in page, chart
    assert 'id="chart-first"' not in page  # no chat imported in this vault
    assert "Of the " in page and " bids you logged over " in page
    assert "A week with fewer than 3 bids shows no point" in page
    assert "mood check-ins in your journal, in" in page
    assert "research with couples" in page
    assert page.count('<svg class="chart-svg') >= 4


def test_with_a_chat_who_reached_out_first_joins_the_weeks(
    web: Web, shared_workspace: Workspace
) -> None:
    months = Path(__file__).parents[1] / "data" / "web" / "months.txt"
    shared_workspace.chats.import_chat(months, me="Robin")
    shared_workspace.log.add("bid_toward", at=TUESDAY_9AM - timedelta(hours=1))
    page = web.get("/log").text
    assert 'id="chart-first"' in page
    first = page[page.index('id="chart-first"') :]
    first = first[: first.index("</section>")]
    assert "Who reached out first" in first
    assert re.search(r"conversations? in the chat “[^”]+” over \d+ weeks?", first)
