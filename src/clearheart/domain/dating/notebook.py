"""A notebook per new person: dated observations, tagged against the person's checklist.

A note records one day: what happened (the person's words), the kind of situation, and
optionally, per checklist item, whether they saw it ("seen"), it worried them ("worry") or
they have not seen it yet ("not-yet"); how the new person answered when a need was named;
whether words and actions matched; and the person's own mood around them (1 to 5, and a word).

Rules: a note's day is not after today (the caller passes today) nor before 1970; its text
is 1 to `MAX_NOTE` characters; tags name items on the current checklist (an item removed
later keeps its old tags); a name is 1 to `MAX_NAME` characters and two people never share
one (ignoring case), so the questionnaire's takes about a name are theirs alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, get_args

from clearheart.domain.dating.checklist import clean_text
from clearheart.errors import InvalidInput

Tag = Literal["seen", "worry", "not-yet"]
TAGS: tuple[Tag, ...] = get_args(Tag)
Answer = Literal["took-on", "brushed-off", "turned-back"]
ANSWERS: tuple[Answer, ...] = get_args(Answer)
"""How they answered when a need was named: the moment, never who they are (as the log)."""
Match = Literal["matched", "did-not-match", "not-sure"]
MATCHES: tuple[Match, ...] = get_args(Match)
Situation = Literal[
    "date",
    "messages",
    "friends",
    "family",
    "plans-changed",
    "hard-day",
    "disagreement",
    "everyday",
]
SITUATIONS: tuple[Situation, ...] = get_args(Situation)
"""Kinds of situation: you learn who someone is across many of them (F1)."""
MAX_NOTE = 4000
MAX_NAME = 200
MAX_WORD = 40
MOOD_RANGE = (1, 5)
EARLIEST = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class NoteDraft:
    on: date
    text: str
    situation: Situation = "date"
    tags: Mapping[str, Tag] = field(default_factory=dict)
    answer: Answer | None = None
    words_actions: Match | None = None
    mood: int | None = None
    mood_word: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    person_id: int
    written_at: datetime
    draft: NoteDraft


def clean_name(name: str, taken: Collection[str] = ()) -> str:
    """A person's name tidied as the questionnaire tidies a subject; unique ignoring case."""
    tidy = " ".join(unicodedata.normalize("NFC", name).split())
    if not tidy:
        raise InvalidInput("name", "say who this is (a first name or a nickname is enough)")
    if len(tidy) > MAX_NAME:
        raise InvalidInput("name", f"a name can be at most {MAX_NAME} characters")
    if tidy.casefold() in {t.casefold() for t in taken}:
        raise InvalidInput("name", "you already have a notebook with that name")
    return tidy


def _choice(value: object, allowed: tuple[str, ...], field_name: str) -> None:
    if value is not None and value not in allowed:
        raise InvalidInput(field_name, f"choose one of: {', '.join(allowed)}")


def clean_note(draft: NoteDraft, today: date, items: Collection[str]) -> NoteDraft:
    """The draft checked and tidied; raises InvalidInput naming the first field at fault."""
    if draft.on > today:
        raise InvalidInput("on", f"the day is after today ({today.isoformat()})")
    if draft.on < EARLIEST:
        raise InvalidInput("on", "the day is before 1970")
    _choice(draft.situation, SITUATIONS, "situation")
    _choice(draft.answer, ANSWERS, "answer")
    _choice(draft.words_actions, MATCHES, "words_actions")
    for item_id, tag in draft.tags.items():
        if item_id not in items:
            raise InvalidInput("tags", f"{item_id[:60]!r} is not an item on your checklist")
        _choice(tag, TAGS, "tags")
    low, high = MOOD_RANGE
    if draft.mood is not None and (
        isinstance(draft.mood, bool)
        or not isinstance(draft.mood, int)
        or not low <= draft.mood <= high
    ):
        raise InvalidInput("mood", f"a mood is a whole number from {low} to {high}")
    word = " ".join(draft.mood_word.split())
    if len(word) > MAX_WORD:
        raise InvalidInput("mood_word", f"one word or a few, at most {MAX_WORD} characters")
    return NoteDraft(
        on=draft.on,
        text=clean_text(draft.text, "text", MAX_NOTE),
        situation=draft.situation,
        tags=dict(draft.tags),
        answer=draft.answer,
        words_actions=draft.words_actions,
        mood=draft.mood,
        mood_word=word,
    )
