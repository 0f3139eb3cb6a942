"""The holding pen: a draft kept for a while before deciding what to do with it (B5, B6).

Pure: times come in as arguments. A draft waits `minutes` (20 unless chosen);
then the person decides: they sent it, they let it go, or it went into the
journal. Deciding early is allowed; the timer is an offer, not a lock.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from clearheart.domain.whole_numbers import Bounds, in_bounds
from clearheart.errors import InvalidInput

Status = Literal["holding", "sent", "let-go", "journaled"]
STATUSES: tuple[Status, ...] = ("holding", "sent", "let-go", "journaled")
DECISIONS: tuple[Status, ...] = ("sent", "let-go", "journaled")
DEFAULT_MINUTES = 20
MIN_MINUTES = 1
MAX_MINUTES = 24 * 60
HOLD_MINUTES = Bounds(MIN_MINUTES, MAX_MINUTES,
                      f"choose from {MIN_MINUTES} minute to {MAX_MINUTES // 60} hours")
MAX_TEXT = 20_000
MAX_LIST = 500
"""The most held drafts one listing returns."""
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

DECISION_LABELS: dict[str, str] = {
    "holding": "Waiting",
    "sent": "I sent it",
    "let-go": "I let it go",
    "journaled": "Put in my journal",
}


@dataclass(frozen=True, slots=True)
class HeldDraft:
    id: int
    text: str
    created: datetime
    """When it was put in the pen, in the writer's local time."""
    hold_until: datetime
    """When the waiting time is over (UTC)."""
    status: Status
    decided_at: datetime | None
    rewrite: str | None

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds until the wait is over; 0 once it is (or once decided)."""
        if self.status != "holding":
            return 0
        return max(0, int((self.hold_until - now).total_seconds() + 0.999))

    @property
    def minutes(self) -> int:
        """How long the wait was set for."""
        return max(1, round((self.hold_until - self.created).total_seconds() / 60))

    @property
    def label(self) -> str:
        return DECISION_LABELS[self.status]


def clean_text(text: str, field: str = "text") -> str:
    value = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in value:
        raise InvalidInput(field, "the text contains a NUL character")
    value = _CONTROL.sub("", value).strip()
    if not value:
        raise InvalidInput(field, "paste or write the message you want to sit with first")
    if len(value) > MAX_TEXT:
        raise InvalidInput(
            field, f"a draft can be at most {MAX_TEXT:,} characters (this one has {len(value):,})"
        )
    return value


def check_minutes(minutes: int) -> timedelta:
    return timedelta(minutes=in_bounds(minutes, "minutes", HOLD_MINUTES))


def check_decision(status: str) -> Status:
    value = status.strip().lower().replace("_", "-")
    for known in DECISIONS:
        if value == known:
            return known
    raise InvalidInput("status", f"choose one of: {', '.join(DECISIONS)}")
