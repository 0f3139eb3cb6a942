"""The patterns page after a no-contact start: a short section of what the chat holds from
that day on (both sides' counts and the days, with a link to the patterns from then),
shown only when there is something to show, and never a word of judgement."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest
from webtools import Web

from clearheart.services.workspace import Workspace

MONTHS = Path(__file__).parents[1] / "data" / "web" / "months.txt"
HEADING = "Since you began keeping distance"
JUDGING = ("broke", "broken", "fail", "slip", "streak", "relapse", "verdict")

pytestmark = pytest.mark.xdist_group("patterns_since_start")


@pytest.fixture(scope="module")
def chat(shared_workspace: Workspace) -> int:
    return shared_workspace.chats.import_chat(MONTHS, me="Robin").chat_id


def _section(page: str) -> str:
    start = page.index('id="since-start"')
    return html.unescape(page[start : page.index("</section>", start)])


def test_the_section_shows_only_what_came_on_or_after_the_start(
    web: Web, shared_workspace: Workspace, chat: int
) -> None:
    path = f"/chats/{chat}"
    assert HEADING not in web.get(path).text  # not started

    shared_workspace.nocontact.start("no-contact", date(2024, 7, 1))  # after the last message
    assert HEADING not in web.get(path).text

    shared_workspace.nocontact.start("low-contact", date(2024, 6, 28), exceptions=["work"])
    page = web.get(path)
    assert page.status_code == 200
    section = _section(page.text)
    assert HEADING in section
    assert (
        "Since 28 June 2024, the day you began keeping distance, this chat has 5 messages "
        "from you and 3 from Kai, on 3 days: 28 June 2024, 29 June 2024 and 30 June 2024."
    ) in section
    assert "fell under your exceptions" in section
    assert f'href="{path}?since=2024-06-28"' in section
    assert "data-coaching" not in section
    assert not any(word in section.lower() for word in JUDGING)

    filtered = web.get(f"{path}?since=2024-06-28").text
    assert "3 from Kai" in _section(filtered)


def test_the_other_side_is_named_as_the_person_chose(
    web: Web, shared_workspace: Workspace, chat: int
) -> None:
    shared_workspace.chats.set_alias(chat, "K")
    shared_workspace.nocontact.start("no-contact", date(2024, 6, 30))
    section = _section(web.get(f"/chats/{chat}").text)
    assert "3 messages from you and 1 from K, on 1 day: 30 June 2024." in section
    assert "exceptions" not in section
