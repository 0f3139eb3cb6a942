"""Texting spellings read as the words they stand for, before the rules and the model.

"u never txt back" and "You never text back." should get the same reading. The rules and
the model were built on drafts in standard spelling, so the check first rewrites a
draft's texting spellings into standard words, reads the rewritten text, and maps every
flag's span back onto the words the person actually typed.

The rule, word by word (a word is a run of letters, digits and apostrophes):

1. Spellings. A word found in SPELLINGS (compared in lower case) becomes its standard
   form: "u" → "you", "txt" → "text", "dont" → "don't", "2nite" → "tonight". Only
   spellings with one common reading are listed; "ill", "its", "were", "id" and "lets"
   are ordinary words too, "ya" is "you" or "yeah", and "OMG" reads as it is, so they
   stay as typed. "ur" is "you're" before the words in YOU_ARE_BEFORE or an -ing word,
   else "your".
2. Stretched letters. Three or more of the same letter in a row ("sooo", "pleaseee",
   "whyyy") shrink to the shortest form that is a known word (one letter, then two), or
   to two letters when neither is known; then rule 1 applies to the result.
3. Case follows the word as typed: all capitals stay all capitals ("U" → "YOU", which
   the intensity rules read as shouting), a capital first letter stays first.

Everything else (punctuation, emoji, spaces, line breaks) is kept as typed. A word's
replacement maps back to the whole word: a flag on "you" in the rewritten text marks "u"
in the draft. `Normalised.span` gives the draft's span for a span of the rewritten text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named here, so language.py can read SPELLINGS without a cycle
    from clearheart.domain.draftcheck.reading import Reading

_CONTRACTIONS = (
    "dont don't",
    "im I'm",
    "ive I've",
    "youre you're",
    "cant can't",
    "wont won't",
    "didnt didn't",
    "doesnt doesn't",
    "isnt isn't",
    "wasnt wasn't",
    "arent aren't",
    "werent weren't",
    "havent haven't",
    "hasnt hasn't",
    "hadnt hadn't",
    "shouldnt shouldn't",
    "wouldnt wouldn't",
    "couldnt couldn't",
    "mustnt mustn't",
    "thats that's",
    "whats what's",
    "wheres where's",
    "whos who's",
    "hows how's",
    "theres there's",
    "youll you'll",
    "youve you've",
    "youd you'd",
    "theyre they're",
    "theyll they'll",
    "theyve they've",
    "shes she's",
    "aint ain't",
    "yall y'all",
    "wouldve would've",
    "couldve could've",
    "shouldve should've",
    "itll it'll",
    "thatll that'll",
    "ima I'm going to",
)
_SHORT = (
    "u you",
    "ur your",
    "yr your",
    "r are",
    "y why",
    "txt text",
    "txts texts",
    "txting texting",
    "txted texted",
    "msg message",
    "msgs messages",
    "pls please",
    "plz please",
    "plez please",
    "ppl people",
    "tmrw tomorrow",
    "tmr tomorrow",
    "tmw tomorrow",
    "2moro tomorrow",
    "2morrow tomorrow",
    "2nite tonight",
    "tonite tonight",
    "2day today",
    "gonna going to",
    "wanna want to",
    "gotta got to",
    "tryna trying to",
    "lemme let me",
    "gimme give me",
    "dunno don't know",
    "idk I don't know",
    "idc I don't care",
    "rn right now",
    "tbh to be honest",
    "wyd what are you doing",
    "wya where are you",
    "hbu how about you",
    "smh shaking my head",
    "bc because",
    "cuz because",
    "coz because",
    "cos because",
    "b4 before",
    "thx thanks",
    "thnx thanks",
    "ty thank you",
    "tysm thank you so much",
    "nvm never mind",
    "ofc of course",
    "luv love",
    "bf boyfriend",
    "gf girlfriend",
    "bday birthday",
    "abt about",
    "w with",
    "w/ with",
    "w/o without",
    "wat what",
    "wht what",
    "dat that",
    "dis this",
    "becuz because",
    "bcuz because",
    "cud could",
    "shud should",
    "wud would",
    "cn can",
    "nd and",
    "n and",
    "tho though",
    "thru through",
    "prob probably",
    "probs probably",
    "def definitely",
    "obv obviously",
    "srsly seriously",
    "rly really",
    "ily I love you",
    "ilysm I love you so much",
    "hru how are you",
    "whr where",
    "wen when",
    "wer where",
    "som some",
    "sumthing something",
    "nothin nothing",
    "somethin something",
    "goin going",
    "doin doing",
    "comin coming",
    "lil little",
    "ppl's people's",
    "btw by the way",
    "imo in my opinion",
    "fyi for your information",
    "asap as soon as possible",
    "ttyl talk to you later",
    "brb be right back",
    "jk just kidding",
    "np no problem",
    "l8r later",
    "l8 late",
    "gr8 great",
    "m8 mate",
    "h8 hate",
    "str8 straight",
)
SPELLINGS: Mapping[str, str] = MappingProxyType(
    {pair.split(" ", 1)[0]: pair.split(" ", 1)[1] for pair in (*_CONTRACTIONS, *_SHORT)}
)
"""Texting spelling (lower case) → the standard words it stands for."""

YOU_ARE_BEFORE = frozenset(
    [
        "a",
        "an",
        "the",
        "so",
        "such",
        "just",
        "not",
        "being",
        "always",
        "never",
        "going",
        "gonna",
        "really",
        "too",
        "very",
        "literally",
        "actually",
        "one",
        "only",
        "still",
        "acting",
        "lying",
        "kidding",
        "right",
        "welcome",
        "joking",
        "serious",
        "mad",
        "upset",
        "done",
        "sure",
        "unbelievable",
        "pathetic",
        "ridiculous",
        "impossible",
        "unreal",
        "useless",
        "selfish",
    ]
)
"""After "ur", these words (and any word ending in -ing) make it "you're", not "your":
"ur a coward", "ur lying"; "ur phone" stays "your phone"."""

_WORD = re.compile(r"[\w'/]+")
_STRETCH = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)

Known = Callable[[str], bool]
"""Whether a lower-case word is a known English word (the service's vocabulary)."""


@dataclass(frozen=True, slots=True)
class Normalised:
    """The rewritten text, and for each of its characters the draft's character index it
    stands for; `ends[i]` is where that character's source word (or itself) ends."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    changed: bool

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The draft's span for `text[start:end]` (end exclusive; an empty span stays empty)."""
        if not self.starts:
            return (0, 0)
        start = min(max(start, 0), len(self.starts) - 1)
        if end <= start:
            return (self.starts[start], self.starts[start])
        return (self.starts[start], self.ends[min(end, len(self.ends)) - 1])


def _cased(word: str, typed: str) -> str:
    letters = [c for c in typed if c.isalpha()]
    if (len(letters) > 1 and all(c.isupper() for c in letters)) or typed in ("U", "R", "Y"):
        return word.upper()
    if letters and letters[0].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def _unstretched(word: str, known: Known) -> str:
    if not _STRETCH.search(word):
        return word
    one = _STRETCH.sub(r"\1", word)
    two = _STRETCH.sub(r"\1\1", word)
    for candidate in (one, two):
        if known(candidate.lower()) or candidate.lower() in SPELLINGS:
            return candidate
    return two


def _standard(typed: str, known: Known, after: str = "") -> str:
    word = _unstretched(typed, known)
    if word.lower() == "ur" and (after in YOU_ARE_BEFORE or after.endswith("ing")):
        return _cased("you're", typed)
    found = SPELLINGS.get(word.lower())
    if found is None:
        return word
    return _cased(found, typed)


def normalise(text: str, known: Known = lambda word: False) -> Normalised:
    """`text` with its texting spellings in standard words (see the module's rule)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0  # everything before `at` is in `out`; what follows a rewrite is copied as typed

    def copy(until: int) -> None:
        out.append(text[at:until])
        starts.extend(range(at, until))
        ends.extend(range(at + 1, until + 1))

    matches = list(_WORD.finditer(text))
    for n, match in enumerate(matches):
        typed = match.group()
        after = matches[n + 1].group().lower() if n + 1 < len(matches) else ""
        word = _standard(typed, known, after)
        if word == typed:
            continue
        copy(match.start())
        out.append(word)
        starts.extend([match.start()] * len(word))
        ends.extend([match.end()] * len(word))
        at = match.end()
    changed = at > 0  # `at` moves only past a rewritten word
    copy(len(text))
    return Normalised("".join(out), tuple(starts), tuple(ends), changed)


def as_typed(reading: Reading, normalised: Normalised) -> Reading:
    """`reading` of the rewritten text, with each flag's span moved onto the draft as
    typed (see `Normalised.span`); the same reading when nothing was rewritten."""
    if not normalised.changed:
        return reading
    flags = tuple(
        replace(flag, start=span[0], end=span[1])
        for flag in reading.flags
        for span in (normalised.span(flag.start, flag.end),)
    )
    return replace(reading, flags=flags)
