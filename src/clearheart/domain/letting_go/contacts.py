"""A contact, logged without shame: when, which way, who started it, and whether it fell
under one of the person's exceptions.

A contact under an exception (the children, a shared bill) never starts the count again;
any other contact does. Nothing here calls it a failure: it is a fact the person noted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, get_args

from clearheart.errors import InvalidInput

Way = Literal["message", "call", "in-person", "their-profile", "email", "other"]
WAYS: dict[Way, str] = {
    "message": "A message",
    "call": "A call",
    "in-person": "In person",
    "their-profile": "Looking at their profile",
    "email": "An email",
    "other": "Something else",
}
Starter = Literal["me", "them"]
STARTERS: dict[Starter, str] = {"me": "I did", "them": "They did"}
MAX_NOTE = 4_000
GRACE = timedelta(minutes=5)
"""A contact may be logged up to this far ahead of the clock (a clock a little fast)."""


@dataclass(frozen=True, slots=True)
class ContactDraft:
    at: datetime
    way: str
    started_by: str
    exception: str | None = None
    """The exception it fell under, in the words of the rules; None when it counts."""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    at: datetime
    way: Way
    started_by: Starter
    exception: str | None
    note: str | None

    @property
    def counts(self) -> bool:
        """Whether it starts the count again (it does unless it fell under an exception)."""
        return self.exception is None


def read_way(text: str) -> Way:
    value = text.strip().lower().replace("_", "-").replace(" ", "-")
    for way in get_args(Way):
        if value == way:
            return way  # type: ignore[no-any-return]
    raise InvalidInput("way", "choose one of: " + ", ".join(WAYS))


def read_starter(text: str) -> Starter:
    value = text.strip().lower()
    for starter in get_args(Starter):
        if value == starter:
            return starter  # type: ignore[no-any-return]
    raise InvalidInput("started_by", "choose me or them")


def clean_contact(draft: ContactDraft, now: datetime | None) -> ContactDraft:
    """The draft as stored: way and starter read, exception and note trimmed (empty is
    None). A time more than GRACE after `now` is refused; `now` None skips that check."""
    if draft.at.tzinfo is None:
        raise InvalidInput("at", "the time needs a time zone")
    if now is not None and draft.at > now + GRACE:
        raise InvalidInput("at", "choose a time that has passed")
    exception = " ".join((draft.exception or "").split()) or None
    if exception is not None and len(exception) > 200:
        raise InvalidInput("exception", "keep it under 200 characters")
    note = (draft.note or "").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidInput("note", f"keep the note under {MAX_NOTE:,} characters")
    return ContactDraft(
        draft.at, read_way(draft.way), read_starter(draft.started_by), exception, note
    )
