"""An urge to reach out, logged instead of acted on (or acted on: that is logged too).

How strong (0 to 10), what set it off (a few common triggers, plus the person's own
words), how long it lasted, and what they did instead. Every choice of what they did is
a fact, never a grade: "reached out after all" sits beside "rode it out".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from clearheart.domain.letting_go.contacts import GRACE, MAX_NOTE
from clearheart.errors import InvalidInput

TRIGGERS: dict[str, str] = {
    "lonely": "Feeling lonely",
    "night": "Late at night",
    "memory": "A memory, a song, a place",
    "news": "News of them",
    "date": "A date that matters",
    "their-message": "They got in touch",
    "drink": "After a drink",
    "bad-day": "A hard day",
}
"""The common triggers offered as choices; the person adds their own words beside them."""
Did = Literal[
    "rode-it-out",
    "wrote-a-letter",
    "called-a-friend",
    "used-the-pause",
    "reached-out",
    "something-else",
]
DID: dict[Did, str] = {
    "rode-it-out": "Rode it out",
    "wrote-a-letter": "Wrote a letter instead",
    "called-a-friend": "Called a friend",
    "used-the-pause": "Used the pause",
    "reached-out": "Reached out after all",
    "something-else": "Something else",
}
MAX_STRENGTH = 10
MAX_MINUTES = 24 * 60
"""An urge's longest recorded length: a day."""
MAX_OWN = 200


@dataclass(frozen=True, slots=True)
class UrgeDraft:
    at: datetime
    strength: int
    triggers: tuple[str, ...] = ()
    own_trigger: str | None = None
    minutes: int | None = None
    did: str = "rode-it-out"
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Urge:
    id: int
    at: datetime
    strength: int
    triggers: tuple[str, ...]
    own_trigger: str | None
    minutes: int | None
    did: Did
    note: str | None

    @property
    def set_off(self) -> tuple[str, ...]:
        """What set it off, in words: the offered triggers (lower case) and the person's own."""
        words = tuple(TRIGGERS[t].lower() for t in self.triggers if t in TRIGGERS)
        return words + ((self.own_trigger,) if self.own_trigger else ())


def read_did(text: str) -> Did:
    value = text.strip().lower().replace("_", "-").replace(" ", "-")
    for did in get_args(Did):
        if value == did:
            return did  # type: ignore[no-any-return]
    raise InvalidInput("did", "choose one of: " + ", ".join(DID))


def clean_triggers(triggers: Iterable[str]) -> tuple[str, ...]:
    """Known trigger ids, each once, in the order offered."""
    given = {t.strip().lower() for t in triggers if t.strip()}
    unknown = sorted(given - set(TRIGGERS))
    if unknown:
        raise InvalidInput("triggers", f"{unknown[0]!r} is not one of: " + ", ".join(TRIGGERS))
    return tuple(t for t in TRIGGERS if t in given)


def clean_urge(draft: UrgeDraft, now: datetime | None) -> UrgeDraft:
    """The draft as stored. Strength 0 to 10; minutes 0 to a day or unknown (None);
    own words and note trimmed (empty is None); a time more than a few minutes ahead of
    `now` refused (`now` None skips that check)."""
    if draft.at.tzinfo is None:
        raise InvalidInput("at", "the time needs a time zone")
    if now is not None and draft.at > now + GRACE:
        raise InvalidInput("at", "choose a time that has passed")
    if isinstance(draft.strength, bool) or not 0 <= draft.strength <= MAX_STRENGTH:
        raise InvalidInput("strength", f"choose from 0 to {MAX_STRENGTH}")
    if draft.minutes is not None and not 0 <= draft.minutes <= MAX_MINUTES:
        raise InvalidInput("minutes", f"choose from 0 to {MAX_MINUTES:,} minutes (a day)")
    own = " ".join((draft.own_trigger or "").split()) or None
    if own is not None and len(own) > MAX_OWN:
        raise InvalidInput("own_trigger", f"keep it under {MAX_OWN} characters")
    note = (draft.note or "").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidInput("note", f"keep the note under {MAX_NOTE:,} characters")
    return UrgeDraft(
        draft.at,
        draft.strength,
        clean_triggers(draft.triggers),
        own,
        draft.minutes,
        read_did(draft.did),
        note,
    )
