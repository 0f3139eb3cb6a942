"""Messages from a person's own chat exports, as values every importer yields."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableSequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import repeat
from typing import Any


class Kind(StrEnum):
    """What a line of an export is. Only TEXT and MEDIA are a person writing."""

    TEXT = "text"
    MEDIA = "media"
    """A photo, voice note, sticker, file…: sent by a person, without words we can read."""
    CALL = "call"
    SYSTEM = "system"
    """Notices from the app: encryption, number changes, group events. Never a person's text."""
    DELETED = "deleted"


PERSON_KINDS = frozenset({Kind.TEXT, Kind.MEDIA})
"""Kinds that count as a person reaching out, for every pattern."""


@dataclass(frozen=True, slots=True)
class Message:
    ts: datetime
    """Naive local wall-clock time, as the export shows it (epoch sources converted)."""
    sender: str
    """The name as the export writes it; empty for app notices."""
    kind: Kind
    text: str
    """The words, newlines kept; for media, calls and notices the export's own line."""
    edited: bool = False


_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)


def wall_seconds(moment: datetime) -> int:
    """A naive wall-clock time as whole seconds since 1970-01-01 00:00 of the same clock."""
    delta = moment - _EPOCH
    return delta.days * 86_400 + delta.seconds


def from_wall_seconds(seconds: int) -> datetime:
    return _EPOCH + seconds * _SECOND


@dataclass(slots=True)
class Columns:
    """A run of messages in file order, field by field.

    Big imports travel this way: a parser appends to five lists instead of
    building an object per message, and the store packs whole lists at once.
    `seconds` are wall-clock seconds (see wall_seconds); the other fields are
    those of Message.
    """

    seconds: MutableSequence[int] = field(default_factory=list)
    """A list while importing; an array('q') when read back for the patterns (8 bytes a
    message instead of about 40)."""
    senders: list[str] = field(default_factory=list)
    kinds: list[Kind] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    edited: list[bool] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.seconds)

    @classmethod
    def of(cls, messages: Iterable[Message]) -> Columns:
        """Messages as one batch (times rounded down to the whole second, as stored)."""
        batch = cls()
        for message in messages:
            batch.add(message)
        return batch

    def extend(self, other: Columns) -> None:
        self.seconds.extend(other.seconds)
        self.senders += other.senders
        self.kinds += other.kinds
        self.texts += other.texts
        self.edited += other.edited

    def stamps(self, start: int = 0, stop: int | None = None) -> list[datetime]:
        """The times of messages[start:stop] as naive datetimes."""
        seconds = self.seconds[start:stop] if start or stop is not None else self.seconds
        return list(map(_EPOCH.__add__, map(timedelta, repeat(0), seconds)))

    def add(self, message: Message) -> None:
        self.seconds.append(wall_seconds(message.ts))
        self.senders.append(message.sender)
        self.kinds.append(message.kind)
        self.texts.append(message.text)
        self.edited.append(message.edited)

    def messages(self) -> Iterator[Message]:
        """The batch as Message values, built without the frozen __init__ (see _fast)."""
        make, set_ts, set_sender, set_kind, set_text, set_edited = _FAST
        epoch, second = _EPOCH, _SECOND
        for seconds, sender, kind, text, edited in zip(
                self.seconds, self.senders, self.kinds, self.texts, self.edited, strict=True):
            message = make(Message)
            set_ts(message, epoch + seconds * second)
            set_sender(message, sender)
            set_kind(message, kind)
            set_text(message, text)
            set_edited(message, edited)
            yield message


def _fast() -> tuple[Any, ...]:
    """object.__new__ and the slot setters of Message.

    A frozen dataclass's __init__ goes through object.__setattr__ once per field,
    which is most of the cost of reading a million messages back; setting the
    slots directly makes the very same object. tests/unit/test_chat_columns.py
    checks the two stay identical if Message ever changes.
    """
    slots = vars(Message)
    return (object.__new__, *(slots[name].__set__ for name in MESSAGE_FIELDS))


MESSAGE_FIELDS = ("ts", "sender", "kind", "text", "edited")
_FAST = _fast()


def in_columns(messages: Iterable[Message], size: int = 4096) -> Iterator[Columns]:
    """Messages regrouped as Columns of up to `size` messages."""
    batch = Columns()
    for message in messages:
        batch.add(message)
        if len(batch) >= size:
            yield batch
            batch = Columns()
    if len(batch):
        yield batch


def from_columns(batches: Iterable[Columns]) -> Iterator[Message]:
    for batch in batches:
        yield from batch.messages()
