"""The patterns page's "Before and after": a day typed or a journal entry picked, both sides
of every figure with their counts and dates, the shifts looked for, and clear errors."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from webtools import Web

from clearheart.services.workspace import Workspace

MONTHS = Path(__file__).parents[1] / "data" / "web" / "months.txt"
CET = timezone(timedelta(hours=1))


@pytest.fixture(scope="module")
def chat_id(shared_workspace: Workspace) -> int:
    """Six months of Robin and Kai, and a journal entry on the day they moved in."""
    found = shared_workspace.chats.import_chat(MONTHS, me="Robin").chat_id
    shared_workspace.journal.add(
        "We moved in together today, boxes everywhere.", at=datetime(2024, 4, 1, 20, 0, tzinfo=CET)
    )
    return found


def section(page: str) -> str:
    start = page.index('id="before-after"')
    return html.unescape(re.sub(r"<[^>]+>", " ", page[start : page.index("</section>", start)]))


def test_the_form_offers_a_day_and_the_journal_entries(web: Web, chat_id: int) -> None:
    page = web.get(f"/chats/{chat_id}").text
    assert '<input type="date" id="split" name="split"' in page
    assert '<option value="2024-04-01">1 April 2024: We moved in together today, boxes' in page
    assert "Either side of" not in section(page)  # nothing is compared until asked


def test_a_picked_entry_compares_every_figure_with_its_counts(web: Web, chat_id: int) -> None:
    response = web.get(f"/chats/{chat_id}?entry=2024-04-01&compare=1")
    assert response.status_code == 200
    text = section(response.text)
    assert "Either side of 1 April 2024" in text
    assert "The share of conversations you started" in text
    assert re.search(
        r"Before\s+\d+% · \d+ conversations · 13 whole weeks, 1 January 2024 "
        r"to 31 March 2024",
        text,
    )
    assert "Where a figure shifted" in text


def test_a_typed_day_wins_over_a_picked_entry(web: Web, chat_id: int) -> None:
    text = section(web.get(f"/chats/{chat_id}?split=2024-03-04&entry=2024-04-01&compare=1").text)
    assert "Either side of 4 March 2024" in text


@pytest.mark.parametrize(
    ("day", "says"),
    [
        ("2023-01-01", "this chat runs from 1 January 2024 to 30 June 2024"),
        ("2024-06-20", "only 1 whole week of this chat comes after it"),
        ("20/06/2024", "Write the date as year-month-day"),
    ],
)
def test_a_day_that_cannot_be_compared_says_why(
    web: Web, chat_id: int, day: str, says: str
) -> None:
    response = web.get(f"/chats/{chat_id}?split={day}&compare=1")
    assert response.status_code == 400
    assert says in section(response.text)
    assert 'aria-invalid="true"' in response.text
    assert "Traceback" not in response.text
