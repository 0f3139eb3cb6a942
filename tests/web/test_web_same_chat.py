"""Importing the same chat twice in the browser: one chat, or a page that asks, with both
chats side by side; and chat cards that can be told apart."""

from __future__ import annotations

import html
import re

import httpx
import pytest
from webtools import ORIGIN, Web, title_of

from chat_twins import TALK, android, iphone  # type: ignore[import-not-found]
from clearheart.services.workspace import Workspace


@pytest.fixture
def empty(shared_workspace: Workspace) -> Workspace:
    """The module's vault with no chats in it."""
    for chat in shared_workspace.chats.chats():
        shared_workspace.chats.delete(chat.id)
    return shared_workspace


def upload(web: Web, content: bytes, name: str) -> httpx.Response:
    """What app.js sends: the file as the body, the token in a header."""
    headers = {
        "Content-Type": "application/octet-stream",
        "X-CSRF-Token": web.csrf,
        "Origin": ORIGIN,
    }
    return web.client.post("/chats/upload", params={"name": name}, content=content, headers=headers)


def test_the_same_file_renamed_is_one_chat(web: Web, empty: Workspace) -> None:
    first = upload(web, android(), "WhatsApp Chat with Sam.txt")
    again = upload(web, android(), "chat-backup.txt")
    assert again.status_code == 200 and again.json() == first.json()
    (chat,) = empty.chats.chats()
    assert chat.messages == len(TALK) + 1
    page = web.get(again.json()["next"]).text
    assert "Imported 0 new messages (19 were already here)." in page


def test_an_iphone_export_after_the_android_one_adds_nothing(web: Web, empty: Workspace) -> None:
    upload(web, android(), "WhatsApp Chat with Sam.txt")
    upload(web, iphone(), "_chat.txt")
    (chat,) = empty.chats.chats()
    assert chat.messages == len(TALK) + 1 and chat.me == "Alex"


def test_an_unsure_match_asks_with_both_chats_side_by_side(web: Web, empty: Workspace) -> None:
    upload(web, android(), "WhatsApp Chat with Sam.txt")
    renamed = android(names={"Alex": "Alex K", "Sam": "Sam R"})
    answer = upload(web, renamed, "WhatsApp Chat with Alex K.txt")
    stored, new = sorted(empty.chats.chats(), key=lambda chat: chat.id)
    assert answer.json() == {"next": f"/chats/{new.id}/same/{stored.id}"}
    page = web.get(answer.json()["next"])
    assert page.status_code == 200
    assert title_of(page.text) == "Is this the same chat? · Notes"
    text = html.unescape(page.text)
    for expected in (
        "Already here",
        "Just imported",
        "WhatsApp Chat with Sam.txt",
        "WhatsApp Chat with Alex K.txt",
        "Sam and Alex",
        "Sam R and Alex K",
        "14 January 2024",
        "20 January 2024",
        "named differently",
        "Keep both as separate chats",
    ):
        assert expected in text, expected
    merged = web.post(f"/chats/{new.id}/merge/{stored.id}")
    assert merged.status_code == 303
    assert merged.headers["location"] == f"/chats/{stored.id}"
    (chat,) = empty.chats.chats()
    assert chat.id == stored.id and chat.messages == stored.messages
    notice = web.get(f"/chats/{stored.id}").text
    assert "Merged. 0 new messages joined the chat; nothing was doubled." in notice


def test_cards_can_be_told_apart(web: Web, empty: Workspace) -> None:
    upload(web, android(TALK[:9]), "WhatsApp Chat with Sam.txt")
    upload(web, android(TALK[:9], names={"Sam": "Sam R"}), "WhatsApp Chat with Sam R.txt")
    new = max(chat.id for chat in empty.chats.chats())
    page = html.unescape(re.sub(r"<[^>]+>", "", web.get("/chats").text))
    assert (
        "From WhatsApp Chat with Sam.txt · Sam and Alex · 14 January 2024 to 16 January "
        "2024 · imported" in page
    )
    assert "From WhatsApp Chat with Sam R.txt · Sam R and Alex" in page
    assert web.get(f"/chats/{new}/same/999").status_code == 404
