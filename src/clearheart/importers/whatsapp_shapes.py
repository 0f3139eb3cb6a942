"""The ways phones write a WhatsApp message's date and time, as data.

WhatsApp writes each message start in the phone's regional format, built from
the Unicode CLDR patterns of that language: the date's order and separators,
a connecting word between date and time (French `à`, Finnish `klo`…), a
12-hour marker after the time (`PM`, `p. m.`) or before it (`下午`), and,
around all that, iPhone brackets or Android's dash. whatsapp_format builds
its patterns from the tables below, so a new region's shape is one more row
here, not new code. tests/unit/importers/test_whatsapp_locales.py holds a
line for each region we know and what it must read as.

Edge cases the tables encode:
- spaces inside a date or time may be ordinary, no-break (U+00A0) or narrow
  no-break (U+202F): Android 13 and later and recent iPhones use the last;
- a date may end in a dot and have spaces after its dots (`13. 6. 2018.`);
- the year may come first (`2018-06-13`), last, or in the middle on some
  iPhones (`06/2018/13`, month, year, day);
- Spanish and Latin American phones write `00:08 a. m.` for eight past
  midnight: hour 0 is allowed beside a 12-hour marker and means hour 0.
"""

from __future__ import annotations

import re

SPACES = " \u00a0\u202f"
"""Ordinary, no-break and narrow no-break space: all three appear in real exports."""

DATE_SEPARATORS = "./-"
"""Between day, month and year; a space may follow each (Hungarian, Croatian phones)."""

TIME_SEPARATORS = ":."
"""Between hours, minutes and seconds: `21:25:15`, or `21.25.15` (Finnish, Danish, Italian)."""

CONNECTING_WORDS: dict[str, str] = {
    "à": "French",
    "klo": "Finnish",
    "kl.": "Danish, Norwegian",
    "um": "German",
    "às": "Portuguese",
    "a las": "Spanish",
    "alle": "Italian",
    "om": "Dutch",
    "o": "Polish",
    "в": "Russian",
    "at": "English",
}
"""Words a phone may write between the date and the time (CLDR's "at" pattern), by language.

A comma, a space, or a comma and a space are always allowed without a word."""

HALF_DAY_AFTER: dict[str, str] = {
    "am": "am",
    "pm": "pm",
    "a.m.": "am",
    "p.m.": "pm",
    "a. m.": "am",
    "p. m.": "pm",
}
"""12-hour markers written after the time, in lower case with ordinary spaces.

Matching ignores case, any of SPACES may stand for a space or be left out,
and so may each dot: `PM`, `pm`, `p.m.`, `p. m.`, `p.\u00a0m.`, `\u202fPM`."""

HALF_DAY_BEFORE: dict[str, str] = {
    "上午": "am",
    "下午": "pm",
    "午前": "am",
    "午後": "pm",
    "오전": "am",
    "오후": "pm",
}
"""12-hour markers written before the time (Chinese, Japanese, Korean phones)."""

DASHES = "-–"
"""What follows the time on Android, with a space either side: `12:05 - Sam: hi`."""


def _space() -> str:
    return f"[{SPACES}]"


def _marker_pattern(marker: str) -> str:
    """A marker's regular expression: each dot may be left out, each space any of SPACES or none."""
    parts = (re.escape(piece).replace(r"\.", r"\.?") for piece in marker.split(" "))
    return f"{_space()}?".join(parts)


def _alternatives(markers: dict[str, str]) -> str:
    # Longest first, so `a. m.` is not cut short at `a.`; the same pattern only once.
    patterns = dict.fromkeys(_marker_pattern(m) for m in sorted(markers, key=len, reverse=True))
    return f"(?i:{'|'.join(patterns)})"


SPACE = _space()
"""One space of any kind, as a regular expression."""

AFTER = rf"{SPACE}*(?:{_alternatives(HALF_DAY_AFTER)})"
"""A 12-hour marker after the time, with the spaces before it."""

BEFORE = rf"(?:{_alternatives(HALF_DAY_BEFORE)}){SPACE}?"
"""A 12-hour marker before the time, with the space after it."""

JOIN = (
    rf"(?:,{SPACE}*|{SPACE}+)"
    rf"(?:(?:{'|'.join(re.escape(w) for w in CONNECTING_WORDS)}){SPACE}+)?"
)
"""What may stand between the date and the time: `, `, ` `, ` à `, ` klo `, `, um `…"""

_FOLD = re.compile(f"[{SPACES}.]")
HALF_DAY: dict[str, str] = {
    _FOLD.sub("", marker): half for marker, half in (HALF_DAY_AFTER | HALF_DAY_BEFORE).items()
}
"""Every marker without its spaces and dots, in lower case → "am" or "pm"."""


def half_of_day(marker: str) -> str | None:
    """ "am", "pm", or None when `marker` (as the file writes it) is no 12-hour marker."""
    return HALF_DAY.get(_FOLD.sub("", marker).lower())
