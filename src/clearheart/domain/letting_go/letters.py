"""Unsent letters: words written to someone and kept, never sent anywhere.

A letter has a heading and a body; the body may be empty while the person is still
starting (a letter opened from an urge begins with nothing but its heading).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clearheart.errors import InvalidInput

MAX_HEADING = 200
MAX_BODY = 100_000
DEFAULT_HEADING = "What I wanted to say"
"""The heading a letter begins with when the person gives none."""


@dataclass(frozen=True, slots=True)
class Letter:
    id: int
    written_at: datetime
    changed_at: datetime
    heading: str
    body: str


def clean_letter(heading: str, body: str) -> tuple[str, str]:
    """(heading, body) as stored: the heading on one line (DEFAULT_HEADING when blank),
    the body with trailing spaces trimmed; both within their lengths."""
    line = " ".join(heading.split()) or DEFAULT_HEADING
    if len(line) > MAX_HEADING:
        raise InvalidInput("heading", f"keep the heading under {MAX_HEADING} characters")
    text = body.rstrip()
    if len(text) > MAX_BODY:
        raise InvalidInput("body", f"keep the letter under {MAX_BODY:,} characters")
    if "\x00" in line or "\x00" in text:
        raise InvalidInput("body", "contains a character that cannot be kept")
    return line, text
