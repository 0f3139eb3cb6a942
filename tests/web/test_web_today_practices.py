"""The today page, completing practices in place, the history and the calendar file."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from webtools import PASSPHRASE, TUESDAY_9AM, FixedClock, MakeWeb, Web, field_errors

from clearheart.content.loader import load_prompts
from clearheart.domain.journal import Practice
from clearheart.domain.prompts import prompt_for_day
from clearheart.services.workspace import Workspace


def card(page: str, practice: str) -> str:
    start = page.index(f'id="{practice}"')
    return page[start: page.index("</article>", start)]


@pytest.fixture(autouse=True)
def tuesday_morning(wall_clock: FixedClock) -> None:
    wall_clock.moment = TUESDAY_9AM


def test_a_first_morning(make_web: MakeWeb, tmp_path: Path, wall_clock: FixedClock) -> None:
    workspace = Workspace.create(tmp_path / "fresh", PASSPHRASE, wall_clock)
    browser = make_web(workspace=workspace, home=tmp_path / "fresh")
    browser.launch()
    page = browser.get("/today").text
    workspace.close()
    assert "This is your own quiet corner" in page
    assert "Tuesday 4 March" in page
    morning = card(page, "morning_intention")
    assert 'name="practice" value="morning_intention"' in morning
    assert 'class="button primary"' in morning  # the one clear next step
    evening = card(page, "evening_reflection")
    assert "It opens at 16:00" in evening
    assert "<summary>Write it now</summary>" in evening
    assert 'class="button secondary"' in evening
    weekly = card(page, "weekly_appreciation")
    assert "Your day for this is Sunday" in weekly


def test_the_question_of_the_day_links_to_the_journal(web: Web) -> None:
    prompt = prompt_for_day(load_prompts(), TUESDAY_9AM.date())
    page = web.get("/today").text
    assert f'href="/journal?prompt={prompt.id}#write"' in page
    assert prompt.text.replace("'", "&#39;") in page


def test_completing_the_morning_intention_without_script(web: Web,
                                                         shared_workspace: Workspace) -> None:
    response = web.post("/today", {"practice": "morning_intention",
                                   "text": "Meet today gently."})
    assert response.status_code == 303
    assert response.headers["location"] == "/today#morning_intention"
    page = web.get("/today").text
    morning = card(page, "morning_intention")
    assert "Your intention is set." in morning
    assert "Meet today gently." in morning
    assert "<form" not in morning
    entry = shared_workspace.journal.page(0, 1).entries[0]
    assert entry.practice is Practice.MORNING_INTENTION


def test_the_evening_reflection_asks_what_kind_of_moment(web: Web) -> None:
    response = web.post("/today", {"practice": "evening_reflection",
                                   "text": "We laughed at dinner."})
    assert response.status_code == 400
    evening = card(response.text, "evening_reflection")
    assert field_errors(evening) == [
        "Say whether this was a moment of connection or of self-care."]
    assert "We laughed at dinner." in evening
    assert "<details open>" in evening  # the early form stays open to fix it


def test_the_evening_reflection_with_its_moment(web: Web, wall_clock: FixedClock,
                                                shared_workspace: Workspace) -> None:
    wall_clock.moment = TUESDAY_9AM.replace(hour=21)
    page = web.get("/today").text
    assert "It opens at" not in card(page, "evening_reflection")
    response = web.post("/today", {"practice": "evening_reflection",
                                   "text": "A long bath and an early night.",
                                   "moment": "self-care"})
    assert response.status_code == 303
    entry = shared_workspace.journal.page(0, 1).entries[0]
    assert entry.practice is Practice.EVENING_REFLECTION
    assert entry.tags == ("self-care",)
    assert "Small moments count" in card(web.get("/today").text, "evening_reflection")


def test_htmx_gets_the_page_to_select_the_card_from(web: Web) -> None:
    response = web.post("/today", {"practice": "weekly_appreciation", "text": ""},
                        headers={"HX-Request": "true"})
    assert response.status_code == 400  # swapped in place (htmx-config allows 400)
    weekly = card(response.text, "weekly_appreciation")
    assert field_errors(weekly) == ["Write a few words, even one line is enough."]
    assert 'hx-select="#weekly_appreciation"' in weekly


def test_an_unknown_practice_is_a_calm_error(web: Web) -> None:
    response = web.post("/today", {"practice": "streak", "text": "x"})
    assert response.status_code == 400
    assert "choose one of the three practices" in response.text


def test_coming_back_after_days_away_is_welcomed(web: Web, wall_clock: FixedClock) -> None:
    web.post("/today", {"practice": "morning_intention", "text": "One small thing."})
    wall_clock.moment = TUESDAY_9AM + timedelta(days=6)
    page = web.get("/today").text.lower()
    assert "welcome back. today is a fine day to start again." in page
    for unkind in ("streak", "missed", "you forgot", "failed"):
        assert unkind not in page


def test_history_lists_only_days_with_something_done(web: Web, wall_clock: FixedClock,
                                                     shared_workspace: Workspace) -> None:
    shared_workspace.journal.add("earlier intention", practice=Practice.MORNING_INTENTION,
                                 at=TUESDAY_9AM - timedelta(days=10))
    shared_workspace.journal.add("this week's", practice=Practice.WEEKLY_APPRECIATION,
                                 at=TUESDAY_9AM)
    page = web.get("/practices").text
    history = page[page.index('id="history-heading"'):]
    history = history[: history.index("</section>")]
    days = re.findall(r'<span class="day">([^<]+)</span>', history)
    assert "Tue 4 March" in days
    assert "Sat 22 February" in days
    assert "Wed 26 February" not in days  # a quiet day is simply not there
    assert len(days) == len(set(days))
    assert "missed" not in history.lower()


def test_the_practices_page_explains_each_one(web: Web) -> None:
    page = web.get("/practices").text
    for title in ("Morning intention", "Evening reflection", "Weekly appreciation"):
        assert f">{title}</h2>" in page
    assert "One line about how you want to meet today." in page
    assert 'href="/practices/calendar.ics"' in page


def test_the_calendar_file_is_neutral(web: Web, shared_workspace: Workspace) -> None:
    secret = "my private words about the argument"
    shared_workspace.journal.add(secret)
    response = web.get("/practices/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.headers["content-disposition"] == 'attachment; filename="schedule.ics"'
    body = response.text
    assert body.startswith("BEGIN:VCALENDAR")
    assert secret not in body
    for entry in shared_workspace.journal.all():
        if len(entry.text) > 12:
            assert entry.text not in body
    for word in ("relationship", "partner", "journal", "clearheart", "practice"):
        assert word not in body.lower()  # the product id and the UIDs too
