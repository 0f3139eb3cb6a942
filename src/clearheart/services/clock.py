"""Where the current time comes from; tests pass a fixed one."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current aware local time."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()
