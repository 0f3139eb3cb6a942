"""Whether a draft is written in a language the check can read (English, for now).

The rules, the tone scorer and the model were all built on English. A draft in another
language would pass through them as calm, which says "fine to send" about words nobody
read. So the check first asks whether it can read the draft, and answers "not checked in
this language" when it cannot.

The rule, in order:

1. Script. When at least SCRIPT_SHARE of the letters belong to a script other than
   Latin (Arabic, Cyrillic, Hebrew, Greek, Devanagari, Chinese, ...), the draft is not
   read, whatever its length: English is not written in those scripts. Emoji, digits and
   punctuation are not letters and count for nothing.
2. Too short to tell. A Latin-script draft of fewer than MIN_WORDS words is read as
   English: "k", "wyd rn" and "ANSWER ME" are English texting, and a guess on two words
   is mostly noise.
3. Arabic in Latin letters ("Arabizi"): a word with a digit standing for an Arabic
   sound between or before letters ("7abibi", "ma3lesh"), one that English texting does
   not use ("2nite", "gr8", "5pm" are English), in a draft of MIN_WORDS words or more.
   No guess names it well, so it is recognised by its digits.
4. The guess. Otherwise the guesser (services/draftcheck.py: py3langid over English and
   the Latin-script languages people most often text in) names its likeliest language
   with a probability. The draft is not read when that language is not English and the
   probability is at least MIN_SURE; it is named when the probability is at least
   NAMED_FROM, and called "another language" below that (Arabic written in Latin
   letters, say, which no guess names well).

Edge cases: a draft mostly in English with a word of Spanish is read (the guess stays
English); a draft mostly in Spanish with one English word is not. MIN_SURE was set on
the 3,449 English dev drafts (none of those with three words or more is guessed to be
another language at 0.7 or above); bench/draft_sealed.py measures it on drafts written
apart, in six languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from clearheart.domain.draftcheck.texting import SPELLINGS

SCRIPT_SHARE = 0.5
MIN_WORDS = 3
MIN_SURE = 0.7
NAMED_FROM = 0.9
READS = "en"
"""The one language the check reads."""

NAMES = {
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "tr": "Turkish",
    "pl": "Polish",
    "ro": "Romanian",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "cs": "Czech",
    "hu": "Hungarian",
    "id": "Indonesian",
    "ms": "Malay",
    "tl": "Tagalog",
    "sw": "Swahili",
    "vi": "Vietnamese",
    "hr": "Croatian",
    "sk": "Slovak",
    "ca": "Catalan",
    "et": "Estonian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "sl": "Slovenian",
}
"""The Latin-script languages the guesser chooses among, beside English."""

SCRIPTS = {
    "ARABIC": "Arabic",
    "CYRILLIC": "Cyrillic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "THAI": "Thai",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "ETHIOPIC": "Ethiopic",
    "TAMIL": "Tamil",
    "GUJARATI": "Gujarati",
    "GURMUKHI": "Gurmukhi",
}
"""A script's first word in Unicode character names → how it is named to the person."""

_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\W_]+")
"""Words with their digits (for Arabic in Latin letters), where _WORD counts letters only."""


class LanguageGuesser(Protocol):
    def guess(self, text: str) -> tuple[str, float]:
        """The likeliest language (ISO 639-1 code) and its probability, 0 to 1."""
        ...


@dataclass(frozen=True, slots=True)
class Unread:
    """A draft the check cannot read: `code` is the language or script guessed ("es",
    "arabic-script") or "" when unknown; `name` says it in words ("Spanish", "Arabic
    script", "another language")."""

    code: str
    name: str


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    first = name.split(" ", 1)[0]
    return "LATIN" if first == "LATIN" or not name else first


def other_script(text: str) -> str | None:
    """The non-Latin script most letters are in (its Unicode name's first word), or None
    when at least half the letters are Latin or there are no letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    scripts = Counter(_script(c) for c in letters)
    script, count = max(
        ((s, n) for s, n in scripts.items() if s != "LATIN"), key=lambda x: x[1], default=("", 0)
    )
    return script if count >= SCRIPT_SHARE * len(letters) else None


_ARABIZI = re.compile(r"(?i)^[a-z]*[235679][a-z]{2,}$")
_ENGLISH_NUMBERED = re.compile(
    r"(?i)^(?:\d+(?:am|pm|th|st|nd|rd|s|ish|k|m|h|hrs?|mins?|ft|kg|km|gb|mb|yo|x|d|lbs?|oz"
    r"|days?|weeks?|hours?|years?|months?|nights?|times|star|ever)|[a-z]*\d+)$"
)
"""Words with digits English uses beside the texting spellings ("5pm", "3days", "mp3",
"ps5"); those ("2nite", "2day") are texting.py's SPELLINGS."""
ARABIZI = Unread("ar-latn", "Arabic (in Latin letters)")


def arabizi(words: list[str]) -> bool:
    """Arabic written in Latin letters, with digits for the sounds Latin lacks ("7" for
    ح, "3" for ع, "2" for ء, ...): at least one word of letters around such a digit that
    is not an English texting word, in a draft of MIN_WORDS words or more."""
    return len(words) >= MIN_WORDS and any(
        _ARABIZI.match(w) and not _ENGLISH_NUMBERED.match(w) and w.lower() not in SPELLINGS
        for w in words
    )


def unread(text: str, guesser: LanguageGuesser) -> Unread | None:
    """None when the check can read `text` (see the module's rule), else what it is in."""
    script = other_script(text)
    if script is not None:
        name = SCRIPTS.get(script, script.title())
        return Unread(f"{script.lower()}-script", f"{name} script")
    if arabizi(_TOKEN.findall(text)):
        return ARABIZI
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    code, probability = guesser.guess(text)
    if code == READS or probability < MIN_SURE:
        return None
    if probability >= NAMED_FROM and code in NAMES:
        return Unread(code, NAMES[code])
    return Unread("", "another language")
