"""Messages in a chat after the no-contact start: what the export shows, without judgement.

Rules:
- A message counts when it is a person writing (text or media, chat.PERSON_KINDS) and
  its day (the export's own wall clock) is on or after the start day.
- "From you" is the chat's `me`; every other named sender is "from the other side".
- `days` are the distinct days with any such message, oldest first.
- With `me` unknown nothing is split (the caller asks who is who first).

Its sentence states counts and days only. It compares nothing with the time before the
start and claims no change (claims_change stays False, as domain/patterns/claims.py asks of
any sentence without a benched test), and it never calls a message a break of anything:
in low contact many of them are expected, and the export cannot tell which fell under the
person's exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clearheart.domain.chat import PERSON_KINDS, Message
from clearheart.domain.patterns.sentence import Sentence
from clearheart.domain.patterns.wording import count, day, listing

MOST_DAYS = 5
"""At most this many days are named in the sentence; the rest are counted."""


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


def sentence(found: SinceStart, them: str) -> Sentence | None:
    """What the chat shows since the start, as one plain sentence; None when it shows nothing.

    `them` names the other side as the person chose ("Sam", or "the others" in a group).
    """
    if not found.any:
        return None
    mine = count(found.mine, "message") if found.mine else "no messages"
    theirs = str(found.theirs) if found.theirs else "none"
    named = [day(d) for d in found.days[:MOST_DAYS]]
    more = len(found.days) - len(named)
    if more:
        named.append(f"{more} other {'day' if more == 1 else 'days'}")
    on = "on 1 day" if len(found.days) == 1 else f"on {len(found.days)} days"
    return Sentence(
        "since_no_contact",
        f"Since {day(found.started_on)}, the day you began keeping distance, this chat has "
        f"{mine} from you and {theirs} from {them}, {on}: {listing(named)}.",
        found.mine + found.theirs,
    )
