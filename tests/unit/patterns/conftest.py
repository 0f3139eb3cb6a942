"""Small hand-built chats for the pattern tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from clearheart.domain.chat import Kind, Message

Row = tuple[str, str, str] | tuple[str, str, str, Kind]
Chat = Callable[..., list[Message]]


def build(*rows: Row) -> list[Message]:
    """Rows of ("2024-01-01 09:00", sender, text[, kind])."""
    messages = []
    for row in rows:
        stamp, sender, text = row[0], row[1], row[2]
        kind = row[3] if len(row) == 4 else Kind.TEXT
        messages.append(Message(datetime.fromisoformat(stamp), sender, kind, text))
    return messages


@pytest.fixture
def chat() -> Chat:
    return build


@pytest.fixture
def monday_chat() -> list[Message]:
    """The worked example the docs use (docs/patterns.md): Ana is the user, Sam the partner."""
    return build(
        ("2024-01-01 09:00", "Ana", "good morning"),
        ("2024-01-01 09:05", "Ana", "how did you sleep?"),
        ("2024-01-01 09:20", "Sam", "ok"),
        ("2024-01-01 09:21", "Ana", "nice"),
        ("2024-01-01 18:00", "Sam", "home now"),
        ("2024-01-01 18:30", "Ana", "want to grab dinner friday?"),
        ("2024-01-01 18:45", "Sam", "sure!"),
        ("2024-01-04 10:00", "Ana", "hey"),
        ("2024-01-04 10:01", "Ana", "are you there?"),
        ("2024-01-04 10:02", "Ana", "??"),
        ("2024-01-04 13:02", "Sam", "sorry, busy day"),
    )
