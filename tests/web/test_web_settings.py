"""Settings (saved, or every problem shown by its field) and neutral titles everywhere."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from webtools import FORBIDDEN_IN_TITLES, PASSPHRASE, MakeWeb, Web, field_errors, title_of

from clearheart.domain.preferences import Preferences
from clearheart.services.workspace import Workspace

VALID = {
    "display_name": "Garden notes",
    "idle_minutes": "15",
    "exit_url": "/weather",
    "morning": "07:30",
    "evening_opens": "17:00",
    "evening": "21:30",
    "weekly_day": "5",
    "weekly_time": "10:00",
}


def form(**changes: Any) -> dict[str, Any]:
    return {**VALID, **changes}


def error_for(page: str, name: str) -> str:
    start = page.index(f'id="error-{name}"')
    return page[page.index(">", start) + 1: page.index("<", start + 1)]


def test_the_settings_page_shows_the_current_values(web: Web) -> None:
    page = web.get("/settings").text
    prefs = web.state.prefs
    assert f'value="{prefs.display_name}"' in page
    assert 'name="idle_minutes" value="10"' in page
    assert 'name="exit_url" value="/weather"' in page
    assert 'name="evening_opens" value="16:00"' in page
    assert '<option value="6" selected>Sunday</option>' in page
    for name in VALID:
        assert f'<label for="{name}">' in page, name
    assert 'action="/lock"' in page


def test_saving_changes_the_title_idle_time_and_schedule(web: Web,
                                                         shared_workspace: Workspace) -> None:
    response = web.post("/settings", form())
    assert response.status_code == 303
    page = web.get("/settings").text
    assert title_of(page) == "Settings · Garden notes"
    assert "Saved." in page
    prefs = shared_workspace.preferences()
    assert prefs.display_name == "Garden notes"
    assert prefs.idle_minutes == 15
    assert prefs.schedule.weekly_day == 5
    assert f"{prefs.schedule.evening_opens:%H:%M}" == "17:00"
    assert web.state.idle_seconds() == 15 * 60
    assert 'data-idle-minutes="15"' in page
    assert title_of(web.get("/journal").text) == "Journal · Garden notes"
    shared_workspace.save_preferences(Preferences())
    web.state.remember(Preferences())


def test_every_problem_is_shown_by_its_field_at_once(web: Web,
                                                     shared_workspace: Workspace) -> None:
    before = shared_workspace.preferences()
    response = web.post("/settings", form(display_name="   ", idle_minutes="soon",
                                          exit_url="ftp://example.org", morning="25:00",
                                          weekly_day="9"))
    assert response.status_code == 400
    page = response.text
    assert error_for(page, "display_name") == "Choose a short name, for example Notes."
    assert error_for(page, "idle_minutes") == "Type a number of minutes, like 10."
    assert "https://" in error_for(page, "exit_url")
    assert "08:30" in error_for(page, "morning")
    assert error_for(page, "weekly_day") == "Choose a day of the week."
    assert len(field_errors(page)) == 5
    assert 'value="ftp://example.org"' in page  # what was typed stays
    assert shared_workspace.preferences() == before


def test_rules_that_span_fields_are_shown_too(web: Web) -> None:
    late_open = web.post("/settings", form(evening_opens="22:00", evening="21:00"))
    assert late_open.status_code == 400
    assert "after it opens" in error_for(late_open.text, "evening")
    long_idle = web.post("/settings", form(idle_minutes="1000"))
    assert error_for(long_idle.text, "idle_minutes") == "Choose between 1 and 240 minutes."
    loud_name = web.post("/settings", form(display_name="My relationship diary"))
    assert "neutral" in error_for(loud_name.text, "display_name")


def test_the_environment_idle_override_is_explained(make_web: MakeWeb,
                                                    shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace, idle_minutes_override=3)
    browser.launch()
    page = browser.get("/settings").text
    assert "CLEARHEART_IDLE_MINUTES sets it to 3 minutes" in page
    assert browser.state.idle_seconds() == 180


def test_quick_exit_goes_where_the_person_chose(make_web: MakeWeb, tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "own", PASSPHRASE)
    browser = make_web(workspace=workspace, home=tmp_path / "own")
    browser.launch()
    browser.post("/settings", form(exit_url="https://www.example.org/news"))
    page = browser.get("/today").text
    assert 'data-exit-url="https://www.example.org/news"' in page
    response = browser.post("/exit")
    # A refresh page, not a redirect: CSP form-action would block a redirect away.
    assert response.status_code == 200
    assert '<meta http-equiv="refresh" content="0; url=https://www.example.org/news">' \
        in response.text
    assert title_of(response.text) == "Loading"
    assert "<script" not in response.text
    assert 'sid=""' in response.headers["set-cookie"]
    assert not browser.state.unlocked


def test_titles_are_neutral_on_every_page(make_web: MakeWeb, web: Web) -> None:
    pages = {
        "/today": web.get("/today"),
        "/journal": web.get("/journal"),
        "/journal?q=x": web.get("/journal?q=x"),
        "/practices": web.get("/practices"),
        "/settings": web.get("/settings"),
        "/unlock": web.get("/unlock"),
        "/weather": web.get("/weather"),
        "404": web.get("/no-such-page"),
        "403": web.post("/journal", {"text": "x"}, csrf=False),
        "400": web.post("/journal", {"text": ""}),
        "create": make_web(home=web.state.home / "elsewhere").get("/unlock"),
    }
    name = web.state.prefs.display_name
    for where, response in pages.items():
        title = title_of(response.text)
        for word in FORBIDDEN_IN_TITLES:
            assert word not in title.lower(), (where, title)
        if where == "create":
            assert title == "Get started · Notes"
        elif where != "/weather":
            assert title.endswith(f" · {name}"), (where, title)
    assert title_of(pages["/today"].text) == f"Today · {name}"
    assert title_of(pages["/weather"].text) == "Weather notes"


def test_urls_are_neutral(web: Web) -> None:
    hrefs = set()
    for path in ("/today", "/journal", "/practices", "/settings"):
        hrefs |= set(re.findall(r'(?:href|action)="(/[^"]*)"', web.get(path).text))
    for href in hrefs:
        for word in FORBIDDEN_IN_TITLES:
            assert word not in href.lower(), href
