"""When a file leaves a question open, the import page asks it in the file's own terms.

Dates that fit both day-first and month-first order: the page shows the
file's first date and its two readings as the choices, not a list of codes.
Content that fits two apps: the page names both and opens the app choice.
"""

from __future__ import annotations

import html
from typing import Any

import httpx
from webtools import ORIGIN, Web

from clearheart.services.workspace import Workspace

AMBIGUOUS = b"03/04/2021, 10:00 - Kit: Is it April yet?\n05/06/2021, 11:00 - Robin: Not sure!\n"
TWO_APPS = b"[2023-02-14, 09:12] Me: Around tonight?\n[2023-02-14, 09:30] Kit: Maybe later\n"


def _raw(web: Web, content: bytes, name: str, **params: str) -> httpx.Response:
    headers = {
        "Content-Type": "application/octet-stream",
        "X-CSRF-Token": web.csrf,
        "Origin": ORIGIN,
    }
    return web.client.post(
        "/chats/upload",
        params={"name": name, **params},
        content=content,
        headers=headers,
        follow_redirects=False,
    )


def _form(web: Web, content: bytes, name: str, **fields: str) -> httpx.Response:
    files: dict[str, Any] = {"file": (name, content, "application/octet-stream")}
    return web.client.post(
        f"/chats/import?csrf={web.csrf}",
        files=files,
        data={"format": "auto", **fields},
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )


def test_the_script_gets_both_readings_of_the_files_first_date(web: Web) -> None:
    answer = _raw(web, AMBIGUOUS, "chat.txt").json()
    assert answer["field"] == "date_order"
    assert "03/04/2021" in answer["error"]
    assert "3 April 2021" in answer["error"] and "4 March 2021" in answer["error"]
    assert "--date-order" not in answer["error"]
    assert answer["choices"] == ["dmy", "mdy"]
    assert answer["labels"] == ["3 April 2021 (day first)", "4 March 2021 (month first)"]


def test_the_page_without_the_script_offers_the_two_readings(web: Web) -> None:
    page = _form(web, AMBIGUOUS, "chat.txt")
    assert page.status_code == 400
    text = html.unescape(page.text)
    assert "The first date in your file, 03/04/2021" in text
    assert 'value="dmy"> 3 April 2021 (day first)' in text
    assert 'value="mdy"> 4 March 2021 (month first)' in text
    assert 'value="ymd"' not in text
    assert 'id="chat-field" data-extra="chat" hidden' in text  # the readings are not chats


def test_the_chosen_reading_imports_the_dates_that_way(
    web: Web, shared_workspace: Workspace
) -> None:
    done = _raw(web, AMBIGUOUS.replace(b"Kit", b"Kit2"), "chat.txt", date_order="dmy")
    assert done.status_code == 200, done.text
    chats = [c for c in shared_workspace.chats.chats() if "Kit2" in c.participants]
    assert chats and chats[0].first is not None
    assert chats[0].first.date().isoformat() == "2021-04-03"


def test_content_that_fits_two_apps_names_both_and_opens_the_app_choice(web: Web) -> None:
    answer = _raw(web, TWO_APPS, "export").json()
    assert answer["field"] == "format"
    assert answer["choices"] == ["whatsapp", "signal"]
    assert "WhatsApp or Signal" in answer["error"] and "More options" in answer["error"]
    assert "--format" not in answer["error"]
    page = html.unescape(_form(web, TWO_APPS, "export").text)
    assert '<details class="field" data-extra="format" open>' in page
    chosen = _raw(web, TWO_APPS.replace(b"Kit", b"Kit3"), "export", format="signal")
    assert chosen.status_code == 200, chosen.text
