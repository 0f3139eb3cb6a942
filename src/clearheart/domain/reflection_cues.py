"""Cues for a gentle reflection in a person's own journal entry (concepts E3 and F2/F5):
trauma-bonding self-talk, and the pull of the familiar when dating again.

The rule. An entry is read sentence by sentence (split at . ! ? ; and line breaks) after
light folding: lower case, straight apostrophes, letters repeated three times or more cut
to two ("sooo" → "soo"), and common texting forms spelled out ("im", "u", "ur", "cant",
"dont", "no1", "bc"). A cue fires when a sentence holds one of its phrase patterns
(`PATTERNS`, our own English lists) and no distancing marker (`DISTANCE`): words that show
the person already standing back from the thought ("I used to tell myself…", "I know now
that isn't true", "not anymore"). Each kind fires at most once per entry.

Kinds: `highs` (the good times held up as outweighing the rest), `only-one` (no one
else could understand or love me), `too-much` (maybe I asked too much, it was my fault),
`missing-despite` (missing them even though …, which ordinary missing someone never
says), `excusing` (their past, their nature or enough love as the reason to bear it),
`familiar` (drawn to someone distant, bored by someone steady).

Edge cases: the detector never quotes the entry; an empty entry has no cues. It reads
English only. It is a nudge to reflect, not a reading of the person: a missed cue costs
nothing, so the lists favour precision (bench/reflection_prompts.py measures both).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

CueKind = Literal["highs", "only-one", "too-much", "missing-despite", "excusing", "familiar"]
KINDS: tuple[CueKind, ...] = (
    "highs",
    "only-one",
    "too-much",
    "missing-despite",
    "excusing",
    "familiar",
)

_THEM = r"(?:he|she|they|him|her|them)"
_THEIR = r"(?:his|her|their)"
_STEADY = (
    r"(?:nice|kind|steady|reliable|stable|consistent|available|sweet|decent|safe|"
    r"good to me|texts? back|calls? when|shows? up)"
)
_DISTANT = (
    r"(?:distant|unavailable|hard to read|mysterious|hot and cold|aloof|cold|"
    r"hard to get|doesn'?t text back|never texts? back|ignores? me|unpredictable)"
)

PATTERNS: Mapping[CueKind, tuple[str, ...]] = MappingProxyType(
    {
        "highs": (
            r"when (?:it|things|we|" + _THEM + r")(?:'s|'re| is| are| was| were) good,? "
            r"(?:it|things|we|"
            + _THEM
            + r")(?:'s|'re| is| are| was| were)? ?(?:so+|really|amazing|"
            r"the best|incredible|perfect)",
            r"good (?:times|days|moments|bits|parts) (?:make up for|outweigh|are worth|cancel out)",
            r"worth (?:all )?the (?:bad|pain|hurt|tears|silence)",
            r"the highs (?:are|were|make)",
        ),
        "only-one": (
            r"no ?one (?:else )?(?:will|would|could|can|is going to) (?:ever )?"
            r"(?:understand|love|get|want|put up with|know) me",
            r"nobody (?:else )?(?:will|would|could|can|is going to) (?:ever )?"
            r"(?:understand|love|get|want|put up with|know) me",
            r"(?:never|won'?t ever) find (?:anyone|someone|another|anybody)(?: else)? "
            r"(?:like " + _THEM + r"|who (?:gets|understands|loves) me)",
            _THEM + r"(?:'s|'re| is| are| was| were) the only (?:one|person) who "
            r"(?:gets|got|understands|understood|knows|knew|could)",
        ),
        "too-much": (
            r"(?:maybe|perhaps|probably) i(?: was| am|'m| have been) (?:asking|expecting|wanting|"
            r"needing) (?:for )?too much",
            r"i(?: was| am|'m) (?:just )?too (?:much|needy|demanding|clingy|sensitive|intense)",
            r"(?:maybe|perhaps|probably) (?:it|this|all this)(?:'s| is| was) (?:all )?my fault",
            r"if i (?:had|'d)? ?(?:just )?(?:been|tried|asked) (?:less|better|harder|calmer|"
            r"quieter|more patient)",
            r"i (?:drove|pushed) " + _THEM + r" away",
        ),
        "missing-despite": (
            r"miss (?:him|her|them|you)(?: so much| so+| a lot)? (?:even though|although|"
            r"though|despite|even after|even when)",
            r"(?:even though|although|despite|even after) .{0,90}i (?:still |really )?"
            r"miss (?:him|her|them|you)",
        ),
        "excusing": (
            _THEIR + r" (?:childhood|upbringing|past|parents|dad|mum|mom|ex) .{0,40}"
            r"(?:why|explains|excuse|can'?t help|made " + _THEM + r")",
            r"(?:because of|it's) " + _THEIR + r" (?:childhood|upbringing|past)",
            _THEM + r" (?:can'?t|couldn'?t) help (?:it|the way|how|being)",
            r"if i (?:just )?love " + _THEM + r" enough",
            r"love (?:will|would|can|could) (?:fix|heal|change) (?:it|this|" + _THEM + r")",
            _THEM + r" (?:didn'?t|doesn'?t|never) mean (?:it|to hurt|to)",
        ),
        "familiar": (
            r"(?:bored|boring|dull|no spark|no chemistry|not excited|can'?t feel anything)"
            r".{0,60}" + _STEADY,
            _STEADY + r".{0,60}(?:bored|boring|dull|no spark|no chemistry|not excited|"
            r"too easy|too nice)",
            r"(?:drawn|attracted|pulled|hooked|addicted) (?:to|by) .{0,40}" + _DISTANT,
            _DISTANT + r".{0,40}(?:more (?:exciting|interesting|attractive)|can'?t stop "
            r"thinking|want (?:him|her|them) more|makes me want)",
            r"(?:more|most) (?:exciting|interesting|attractive) when "
            + _THEM
            + r" (?:pull|pulls|pulled|go|goes|went) (?:away|quiet|cold)",
        ),
    }
)
"""Each kind's phrase patterns, matched within one folded sentence."""

DISTANCE = (
    r"used to (?:think|believe|tell myself|say|feel)",
    r"(?:told|tell|telling) myself",
    r"i (?:now )?(?:see|know|realise|realize|understand|can see) (?:now )?(?:that )?"
    r"(?:it|this|that)?(?:'s| is| was)? ?(?:not|n'?t|a story|the bond|the pattern)",
    r"(?:isn'?t|wasn'?t|is not|was not) (?:true|fair|real)",
    r"not (?:anymore|any more)",
    r"no longer",
    r"i'?m (?:learning|starting to see)",
    r"(?:i'?m|i am|i was) not (?:too|asking)",
    r"(?:i|we) (?:wasn'?t|weren'?t) (?:asking|too)",
    r"doesn'?t (?:excuse|make it ok)",
)
"""Markers that the writer already stands back from the thought: the sentence is left."""

_COMPILED = {k: tuple(re.compile(p) for p in ps) for k, ps in PATTERNS.items()}
_DISTANCE = tuple(re.compile(p) for p in DISTANCE)
_TEXTING = (
    (r"\bim\b", "i'm"),
    (r"\bu\b", "you"),
    (r"\bur\b", "you're"),
    (r"\bcant\b", "can't"),
    (r"\bdont\b", "don't"),
    (r"\bdoesnt\b", "doesn't"),
    (r"\bdidnt\b", "didn't"),
    (r"\bwasnt\b", "wasn't"),
    (r"\bisnt\b", "isn't"),
    (r"\bits\b", "it's"),
    (r"\bno1\b", "no one"),
    (r"\bnoone\b", "no one"),
    (r"\bsome1\b", "someone"),
    (r"\b(?:bc|cuz|coz|cos)\b", "because"),
    (r"\bthru\b", "through"),
    (r"\bhes\b", "he's"),
    (r"\bshes\b", "she's"),
    (r"\btho\b", "though"),
    (r"\bid\b", "i'd"),
    (r"\bive\b", "i've"),
    (r"\bwont\b", "won't"),
)
_TEXTING_RE = tuple((re.compile(p), r) for p, r in _TEXTING)
_SENTENCES = re.compile(r"[.!?;\n]+")


def fold(text: str) -> str:
    """The entry as the patterns read it (see the module's rule)."""
    folded = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    folded = re.sub(r"([a-z])\1{2,}", r"\1\1", folded)
    for pattern, plain in _TEXTING_RE:
        folded = pattern.sub(plain, folded)
    return re.sub(r"[ \t]+", " ", folded)


def cues(text: str) -> tuple[CueKind, ...]:
    """The kinds of cue in `text`, in `KINDS` order, each once."""
    found: set[CueKind] = set()
    for sentence in _SENTENCES.split(fold(text)):
        if not sentence.strip() or any(d.search(sentence) for d in _DISTANCE):
            continue
        found |= {k for k, ps in _COMPILED.items() if any(p.search(sentence) for p in ps)}
    return tuple(k for k in KINDS if k in found)
