"""Turning what a person types into a safe full-text query."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def terms(query: str) -> tuple[str, ...]:
    """The words of a query, lower-cased, at most MAX_TERMS of them."""
    text = unicodedata.normalize("NFC", query).lower()
    return tuple(_WORD.findall(text))[:MAX_TERMS]


def fts5_query(words: tuple[str, ...]) -> str:
    """An FTS5 MATCH expression: every word required, the last also as a prefix.

    Each word is quoted, so operators a person types (AND, NEAR, *) are just words.
    """
    quoted = [f'"{w}"' for w in words]
    if quoted:
        quoted[-1] = quoted[-1] + " *"
    return " ".join(quoted)


def snippet(text: str, words: tuple[str, ...], width: int = 160) -> tuple[str, str, str]:
    """A short window of `text` around the first match: (before, match, after)."""
    lowered = text.lower()
    best = -1
    length = 0
    for word in words:
        at = lowered.find(word)
        if at != -1 and (best == -1 or at < best):
            best, length = at, len(word)
    if best == -1:
        cut = text[:width]
        return cut + ("…" if len(text) > width else ""), "", ""
    start = max(0, best - width // 2)
    end = min(len(text), best + length + width // 2)
    before = ("…" if start > 0 else "") + text[start:best]
    after = text[best + length : end] + ("…" if end < len(text) else "")
    return before, text[best : best + length], after
