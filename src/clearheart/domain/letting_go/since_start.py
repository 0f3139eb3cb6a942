"""Messages in a chat after the no-contact start: what the export shows, without judgement.

Rules:
- A message counts when it is a person writing (text or media, chat.PERSON_KINDS) and
  its day (the export's own wall clock) is on or after the start day.
- "From you" is the chat's `me`; every other named sender is "from the other side".
- `days` are the distinct days with any such message, oldest first.
- With `me` unknown nothing is split (the caller asks who is who first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clearheart.domain.chat import PERSON_KINDS, Message


@dataclass(frozen=True, slots=True)
class SinceStart:
    started_on: date
    mine: int
    theirs: int
    days: tuple[date, ...]

    @property
    def any(self) -> bool:
        return bool(self.mine or self.theirs)


def since_start(messages: Iterable[Message], me: str, started_on: date) -> SinceStart:
    mine = theirs = 0
    days: set[date] = set()
    for message in messages:
        if message.kind not in PERSON_KINDS or not message.sender:
            continue
        day = message.ts.date()
        if day < started_on:
            continue
        days.add(day)
        if message.sender == me:
            mine += 1
        else:
            theirs += 1
    return SinceStart(started_on, mine, theirs, tuple(sorted(days)))
