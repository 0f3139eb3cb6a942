"""Notices Meta writes into `content` as if someone said them are system notices.

Instagram and Messenger record a poll's changes and a shared post or message
that has gone ("This poll is no longer available.") as messages from a
person. They are not that person writing; counting them would skew every
pattern built on who wrote when. Sentences a person writes that merely
mention a poll stay theirs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clearheart.domain.chat import Kind
from clearheart.importers import detect
from clearheart.importers.messenger import content_kind

EXTERNAL = Path(__file__).resolve().parents[4] / "shared" / "data" / "external-chats"


@pytest.mark.parametrize(
    "text",
    [
        "Kit Oak's poll has multiple updates.",
        "Kit Oak's poll has 3 updates.",
        "This poll is no longer available.",
        "This message is no longer available",
        "This content is no longer available.",
        "This story is unavailable.",
        "Kit Oak created a poll: Where shall we eat?",
        'Kit Oak voted for "Thai" in the poll: Where shall we eat?',
        'You changed your vote to "Pizza" in the poll: Where shall we eat?',
        'Robin removed their vote for "Thai" in the poll: Where shall we eat?',
    ],
)
def test_poll_and_unavailable_notices_are_system(text: str) -> None:
    assert content_kind(text) is Kind.SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "The poll is no longer available? That's a shame",
        "this poll has multiple updates, I can't keep up",
        "I voted for Thai",
        "Sadly the flat is no longer available.",
    ],
)
def test_people_talking_about_polls_are_still_people(text: str) -> None:
    assert content_kind(text) is None


def test_an_instagram_thread_keeps_only_people_as_senders(tmp_path: Path) -> None:
    path = tmp_path / "message_1.json"
    path.write_text(
        json.dumps(
            {
                "participants": [{"name": "kit.oak"}, {"name": "robin.ash"}],
                "messages": [
                    {
                        "sender_name": "robin.ash",
                        "timestamp_ms": 1676365900000,
                        "content": "This poll is no longer available.",
                    },
                    {
                        "sender_name": "kit.oak",
                        "timestamp_ms": 1676365800000,
                        "content": "kit.oak's poll has multiple updates.",
                    },
                    {"sender_name": "kit.oak", "timestamp_ms": 1676365200000, "content": "Dinner?"},
                ],
            }
        ),
        encoding="utf-8",
    )
    kinds = [(m.sender, m.kind) for m in detect.open_chat(path, "instagram").messages()]
    assert kinds == [("kit.oak", Kind.TEXT), ("", Kind.SYSTEM), ("", Kind.SYSTEM)]


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="the shared sample exports are not here")
def test_the_real_instagram_poll_notices_are_system(tmp_path: Path) -> None:
    path = tmp_path / "your_instagram_activity" / "messages" / "inbox" / "t_1" / "message_1.json"
    path.parent.mkdir(parents=True)
    shutil.copyfile(EXTERNAL / "ig-chatminer-testlog-mojibake.json", path)
    messages = list(detect.open_chat(path).messages())
    system = sorted(m.text for m in messages if m.kind is Kind.SYSTEM)
    assert system == ["John Doe's poll has multiple updates.", "This poll is no longer available."]
    assert len([m for m in messages if m.kind is not Kind.SYSTEM]) == 11
