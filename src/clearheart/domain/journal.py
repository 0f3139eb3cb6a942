"""Journal entries, mood check-ins and the rules a new entry must meet."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

from clearheart.errors import InvalidInput

MAX_TEXT = 100_000
MAX_TAGS = 20
MAX_TAG = 40
MAX_EMOTIONS = 12
MOOD_LOW, MOOD_HIGH = 1, 5
_TAG_OK = re.compile(r"^[\w][\w\- ]*$", re.UNICODE)


class Practice(StrEnum):
    """The three daily practices (concept C6)."""

    MORNING_INTENTION = "morning_intention"
    EVENING_REFLECTION = "evening_reflection"
    WEEKLY_APPRECIATION = "weekly_appreciation"


@dataclass(frozen=True, slots=True)
class Mood:
    """How the person feels, 1 (very low) to 5 (very good), with words they chose."""

    score: int
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Draft:
    """What a person wrote, before it is stored. Validated by `clean_draft`."""

    text: str
    prompt_id: str | None = None
    mood: Mood | None = None
    tags: tuple[str, ...] = ()
    practice: Practice | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    created: datetime
    """Aware local time at which the entry was written."""
    text: str
    prompt_id: str | None = None
    mood: Mood | None = None
    tags: tuple[str, ...] = ()
    practice: Practice | None = None
    day: date = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", self.created.date())


def clean_tag(raw: str) -> str:
    tag = unicodedata.normalize("NFC", raw).strip().lstrip("#").strip().lower()
    tag = re.sub(r"\s+", " ", tag)
    if not tag:
        raise InvalidInput("tags", "a tag cannot be empty")
    if len(tag) > MAX_TAG:
        raise InvalidInput("tags", f"a tag can be at most {MAX_TAG} characters")
    if not _TAG_OK.match(tag):
        raise InvalidInput("tags", f"{raw!r} may use letters, numbers, spaces and dashes only")
    return tag


def clean_draft(draft: Draft, emotion_words: frozenset[str] | None = None) -> Draft:
    """Return the draft normalised, or raise InvalidInput naming the field at fault.

    An entry needs words or a mood check-in; a check-in alone is a whole entry.
    `emotion_words`, when given, is the vocabulary the mood words must come from.
    """
    text = unicodedata.normalize("NFC", draft.text).replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise InvalidInput("text", "the text contains a NUL character")
    if len(text) > MAX_TEXT:
        raise InvalidInput("text", f"an entry can be at most {MAX_TEXT:,} characters")
    if not text and draft.mood is None:
        raise InvalidInput("text", "write a few words or choose how you feel")
    mood = draft.mood
    if mood is not None:
        if not MOOD_LOW <= mood.score <= MOOD_HIGH:
            raise InvalidInput("mood", f"choose a number from {MOOD_LOW} to {MOOD_HIGH}")
        words = tuple(dict.fromkeys(w.strip().lower() for w in mood.words if w.strip()))
        if len(words) > MAX_EMOTIONS:
            raise InvalidInput("emotions", f"choose at most {MAX_EMOTIONS} words")
        if emotion_words is not None:
            unknown = [w for w in words if w not in emotion_words]
            if unknown:
                raise InvalidInput("emotions", f"not in the word list: {', '.join(unknown)}")
        mood = Mood(mood.score, words)
    tags = tuple(dict.fromkeys(clean_tag(t) for t in draft.tags))
    if len(tags) > MAX_TAGS:
        raise InvalidInput("tags", f"an entry can have at most {MAX_TAGS} tags")
    prompt_id = draft.prompt_id.strip() if draft.prompt_id else None
    return Draft(text=text, prompt_id=prompt_id or None, mood=mood, tags=tags,
                 practice=draft.practice)


def parse_tags(text: str) -> tuple[str, ...]:
    """Split a comma-separated tag field as a person types it."""
    return tuple(clean_tag(part) for part in text.split(",") if part.strip())


def utc_stamp(moment: datetime) -> str:
    """A sortable UTC text stamp with microseconds, as stored."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must carry a time zone")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_stamp(stamp: str, offset_minutes: int) -> datetime:
    """Rebuild the aware local time an entry was written in."""
    utc = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return utc.astimezone(timezone(timedelta(minutes=offset_minutes)))


def offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("timestamps must carry a time zone")
    return int(offset.total_seconds() // 60)
