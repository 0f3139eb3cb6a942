"""Plain renderings of durations, shares, counts and dates for pattern sentences.

Month names are written out here rather than taken from the C library, so the wording never
changes with the machine's locale.
"""

from __future__ import annotations

from datetime import date

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def duration(seconds: float) -> str:
    """"under a minute", "25 min", "2 h 10 min", "3 days"."""
    if seconds < 60:
        return "under a minute"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    if seconds < 48 * 3600:
        hours, rest = divmod(minutes, 60)
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days = round(seconds / 86400)
    return f"{days} days"


def count(n: int, one: str, many: str | None = None) -> str:
    """"1 reply", "2,104 replies"."""
    word = one if n == 1 else (many or one + "s")
    return f"{n:,} {word}"


def day(value: date) -> str:
    """"3 October 2025"."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def month(value: date) -> str:
    """"October 2025"."""
    return f"{_MONTHS[value.month - 1]} {value.year}"


def span(first: date, last: date) -> str:
    """"between 6 January 2020 and 27 December 2025", or "on 3 March 2025"."""
    if first == last:
        return f"on {day(first)}"
    return f"between {day(first)} and {day(last)}"


def listing(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
