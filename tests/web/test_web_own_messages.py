"""The "your own messages over time" page: charts with a kind reading and their ground, the
picker first when "me" is not chosen, and safety help instead of coaching when paused."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from html import unescape
from pathlib import Path

import pytest
from webtools import Web, title_of

from clearheart.services.workspace import Workspace

DATA = Path(__file__).parents[1] / "data" / "web"
NEVER = (
    "needy",
    "clingy",
    "too much",
    "toxic",
    "avoidant",
    "your fault",
    "you should",
    "bad messages",
    "warning",
)


def write_chat(path: Path) -> Path:
    """Four weeks of Robin and Kai; Robin waits late one night and writes three times."""
    lines = []
    start = datetime(2024, 3, 4, 9, 0)
    mine = [
        "Morning! Coffee later?",
        "You always cancel on me!!!",
        "Are we ok? Please tell me",
        "See you at 8",
        "Thanks for dinner",
        "How was your day?",
    ]
    theirs = ["Sure", "Sorry, long day", "Yes, we're fine", "Good, you?"]
    for day in range(28):
        moment = start + timedelta(days=day)
        lines.append(f"{moment:%d/%m/%Y, %H:%M} - Robin: {mine[day % len(mine)]}")
        lines.append(
            f"{moment + timedelta(hours=2):%d/%m/%Y, %H:%M} - Kai: {theirs[day % len(theirs)]}"
        )
    night = datetime(2024, 3, 12, 23, 20)
    for minutes, text in (
        (0, "Why aren't you answering"),
        (20, "Are we ok??"),
        (55, "You never have time for me"),
    ):
        lines.append(f"{night + timedelta(minutes=minutes):%d/%m/%Y, %H:%M} - Robin: {text}")
    lines.sort(key=lambda line: datetime.strptime(line[:17], "%d/%m/%Y, %H:%M"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def robin_chat(shared_workspace: Workspace, tmp_path_factory: pytest.TempPathFactory) -> int:
    path = write_chat(tmp_path_factory.mktemp("chat") / "WhatsApp Chat with Kai.txt")
    return shared_workspace.chats.import_chat(path, me="Robin").chat_id


def words(page: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_the_page_draws_each_chart_with_a_kind_reading_and_its_ground(
    web: Web, robin_chat: int
) -> None:
    response = web.get(f"/chats/{robin_chat}/my-messages")
    assert response.status_code == 200
    assert title_of(response.text) == "Your messages · Notes"
    page = response.text
    for chart in ("weeks", "hours", "bursts"):
        start = page.index(f'id="chart-{chart}"')
        part = page[start : page.index("</section>", start)]
        assert re.search(r'<p class="reading">[^<]{20,}</p>', part), chart
        assert '<p class="basis">' in part, chart
        assert '<svg class="chart-svg' in part, chart
    text = words(page)
    # 31 messages of Robin's over four weeks, one late-night burst of three.
    assert "31 written messages" in text
    assert "From 31 messages you wrote" in text
    assert "On 1 night you sent 3 or more messages late" in text
    assert "This is for noticing, not for judging yourself" in text
    assert "Kai’s typical reply time each week" in text
    assert "2 h" in text  # Kai's replies came two hours later each day
    assert 'href="/pause"' in page
    lowered = text.lower()
    for word in NEVER:
        assert word not in lowered, word


def test_the_patterns_page_links_here(web: Web, robin_chat: int) -> None:
    assert f'href="/chats/{robin_chat}/my-messages"' in web.get(f"/chats/{robin_chat}").text


def test_without_me_it_asks_who_you_are_first(web: Web, shared_workspace: Workspace) -> None:
    chat_id = shared_workspace.chats.import_chat(DATA / "chat.csv", require_me=False).chat_id
    response = web.get(f"/chats/{chat_id}/my-messages")
    assert response.status_code == 303
    assert response.headers["location"] == f"/chats/{chat_id}/me"


def test_when_coaching_is_paused_safety_comes_first(
    web: Web, robin_chat: int, unsafe_vault: None
) -> None:
    page = web.get(f"/chats/{robin_chat}/my-messages").text
    text = words(page)
    assert "Your safety comes first" in text and "Suggestions are resting" in text
    assert 'href="/help"' in page and "data-coaching" not in page
    # The navigation keeps its Pause link (that page turns quiet while unsafe); the page
    # itself suggests nothing.
    main = page.split("<main", 1)[1]
    assert 'href="/pause"' not in main and "If it helps" not in text


def test_a_chat_that_does_not_exist_is_a_calm_404(web: Web) -> None:
    assert web.get("/chats/999999/my-messages").status_code == 404


def test_a_long_chat_is_read_in_the_background_with_a_page_that_looks_again(
    web: Web, shared_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearheart.web.routes import own_messages as own_routes

    chat_id = shared_workspace.chats.import_chat(DATA / "months.txt", me="Robin").chat_id
    monkeypatch.setattr(own_routes, "INLINE_MOST", 0)
    first = web.get(f"/chats/{chat_id}/my-messages")
    assert first.status_code == 200
    assert first.headers["refresh"] == str(own_routes.AGAIN_SECONDS)
    assert "Reading your messages" in words(first.text)
    deadline = time.monotonic() + 20
    while True:
        page = web.get(f"/chats/{chat_id}/my-messages")
        if "refresh" not in page.headers or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert "refresh" not in page.headers
    assert 'id="chart-weeks"' in page.text
