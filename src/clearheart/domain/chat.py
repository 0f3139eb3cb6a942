"""Messages from a person's own chat exports, as values every importer yields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


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
