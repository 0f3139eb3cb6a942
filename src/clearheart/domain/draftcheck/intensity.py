"""Flooding: a hurt message written at full volume (capitals, exclamations, length, tone).

Volume alone is not a warning: "WE GOT THE APARTMENT!!!" is joy. Intensity is flagged only
when the draft is also negative: another flag, a word of hurt, or a strongly negative tone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearheart.domain.draftcheck.reading import ToneScores

_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’]+(?:[\s,!?.]+[A-Z][A-Z'’]*)+\b|\b[A-Z]{4,}\b")
_SHOUT = re.compile(r"[!?]{2,}")
_REPEAT = re.compile(r"\b(\w+(?:\s+\w+)?)\b(?:[\s,.!?]+\1\b){2,}", re.IGNORECASE)
_CALM_REPEAT = re.compile(
    r"(?:very|so|ha|he|yes|yay|no|love|much|really|lol|omg|go|la|na|xo|x|more|and|the)",
    re.IGNORECASE,
)
_PANIC = re.compile(
    r"\b(?:can'?t\s+(?:breathe|stop\s+(?:shaking|crying))|I'?m\s+shaking|losing\s+my\s+mind|"
    r"going\s+(?:crazy|insane|out\s+of\s+my\s+mind)|freaking\s+out|panicking|"
    r"can'?t\s+(?:do|take)\s+(?:this|it)\s+any\s*more|(?:so|really)\s+(?:angry|furious)\s+"
    r"(?:right\s+now|I\s+(?:can'?t|could))|can'?t\s+even\s+(?:type|think|see\s+straight)|"
    r"what\s+the\s+(?:hell|fuck)\s+is\s+(?:going\s+on|happening|wrong))",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_HURT = re.compile(
    r"\b(?:hate|sick\s+of|fed\s+up|tired\s+of|can'?t\s+(?:believe|take|stand|do\s+this)|"
    r"(?:so|really)\s+(?:angry|mad|hurt|furious|done|upset)|furious|pissed|unbelievable|"
    r"seriously|ridiculous|every\s+(?:single\s+)?time|where\s+are\s+you|"
    r"why\s+(?:do|did|would|can'?t|won'?t|are)|wtf|ffs|what\s+the\s+(?:hell|fuck)|"
    r"fuck\w*|shit|damn|hell|ugh+|ignor\w*|forgot|cancel\w*|lie[ds]?|liar|answer\s+me|"
    r"how\s+dare|over\s+it|let\s+me\s+down|hurt\s+me|crying|upset|(?:left\s+)?on\s+read|"
    r"ghost\w*|blown\s+off|stood\s+up|"
    r"how\s+could\s+you|are\s+you\s+serious)\b|😡|🤬|😤|😠|💔|😭|😢",
    re.IGNORECASE,
)
_JOY = re.compile(
    r"\b(?:love|yay+|woo+h?o*|omg|congrat\w*|amazing|awesome|best|happy|excited|can'?t\s+wait|"
    r"got\s+(?:the|it|in|a|engaged|promoted|hired|accepted)|we\s+did\s+it|proud|yes+|finally|"
    r"thank|haha\w*|lol|passed|we\s+won|I\s+won|holy\s+(?:shit|crap|cow)|engaged|pregnant|"
    r"promoted|hired|accepted|ha)\b|"
    r"🎉|🥳|❤|😍|🥰|😊|🙌|😂|💕|✨",
    re.IGNORECASE,
)

LONG_WORDS = 120
"""A draft this long, and negative, reads as a flood of reasons rather than one request."""


@dataclass(frozen=True, slots=True)
class Volume:
    start: int
    end: int
    reason: str


def _letters(text: str) -> tuple[int, int]:
    upper = sum(1 for ch in text if ch.isalpha() and ch.isupper())
    return upper, sum(1 for ch in text if ch.isalpha())


def hurt_words(text: str) -> bool:
    """A word of hurt or anger anywhere, whatever the tone (sarcasm sounds positive to VADER)."""
    return bool(_HURT.search(text))


def is_negative(text: str, tone: ToneScores | None, flagged: bool) -> bool:
    """Some sign of hurt: another flag, a hurt word without joy, or a clearly negative tone."""
    if not flagged and (_JOY.search(text) or (tone is not None and tone.compound >= 0.5)):
        return False
    if flagged:
        return True
    if tone is not None and tone.compound <= -0.5:
        return True
    return bool(_HURT.search(text)) and (tone is None or tone.compound < 0.2)


def volume(text: str, tone: ToneScores | None, flagged: bool) -> Volume | None:
    """The loudest part of a negative draft, or None when it is calm or joyful."""
    repeat = _REPEAT.search(text)
    if (
        repeat
        and not repeat.group(1).isdigit()
        and not _CALM_REPEAT.fullmatch(repeat.group(1))
        and not _JOY.search(text)
        and (tone is None or tone.compound < 0.3)
    ):
        # The same words three times over ("pick up. pick up. PICK UP.") press on their own.
        return Volume(repeat.start(), repeat.end(), "repeats")
    if not is_negative(text, tone, flagged):
        return None
    panic = _PANIC.search(text)
    if panic:
        return Volume(panic.start(), panic.end(), "panic")
    upper, letters = _letters(text)
    runs = [m for m in _CAPS_RUN.finditer(text) if len(m.group()) >= 6]
    if letters >= 12 and upper / letters >= 0.6:
        return Volume(*_trimmed(text, 0, len(text)), "capitals")
    if runs:
        longest = max(runs, key=lambda m: len(m.group()))
        if len(longest.group()) >= 10 or len(runs) >= 2 or (flagged and " " in longest.group()):
            return Volume(longest.start(), longest.end(), "capitals")
    shouts = list(_SHOUT.finditer(text))
    exclamations = text.count("!")
    strong_shout = flagged and len(shouts[0].group()) >= 3 if shouts else False
    if shouts and (exclamations >= 3 or len(shouts) >= 2 or strong_shout):
        return _loudest_sentence(text)
    if len(text.split()) >= LONG_WORDS:
        return Volume(*_trimmed(text, 0, len(text)), "length")
    if (
        tone is not None
        and tone.compound <= -0.85
        and tone.negative >= 0.3
        and (exclamations >= 1 or upper >= 3)
    ):
        return _loudest_sentence(text)
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _loudest_sentence(text: str) -> Volume:
    best = max(
        _SENTENCE.finditer(text),
        key=lambda m: (m.group().count("!") + m.group().count("?"), _letters(m.group())[0]),
    )
    return Volume(*_trimmed(text, best.start(), best.end()), "exclamations")
