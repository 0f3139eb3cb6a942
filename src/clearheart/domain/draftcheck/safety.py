"""Signs in a draft that the sender may be unsafe: fear, harm, threats received, control.

When any of these match, the reading sets `safety`: the app shows who can help instead of
coaching toward calm requests or giving space, because that advice is wrong where
someone is afraid. Thoughts of self-harm count too. The patterns lean toward noticing:
a missed sign costs more here than an extra offer of help.
"""

from __future__ import annotations

import re

from clearheart.domain.draftcheck.rulebook import compile_

SIGNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, compile_(r"\b(?:" + pattern + ")"))
    for name, pattern in (
        (
            "fear",
            r"<im>\s+(?:so\s+|really\s+|very\s+|actually\s+|genuinely\s+|honestly\s+)*(?:scared|afraid|"
            r"frightened|terrified)\s+(?:of\s+(?:you|u|him|her|what\s+(?:you|u|he|she)\b"
            r"(?:'?ll|\s+will|\s+might|'?d|\s+would)?(?:\s+do)?)|"
            r"to\s+(?:come|go)\s+home|(?:that\s+)?(?:you|u|he|she)\s*(?:'?ll|will|might|are\s+going\s+to)\s+"
            r"(?:hurt|hit|do\s+something|kill|find)|for\s+my\s+(?:life|safety|kids|children)|"
            r"when\s+(?:you|u|he|she)\s+(?:drink|get\s+(?:angry|mad|like\s+this)))|"
            r"(?:you|u)\s+(?:scare|frighten|terrify)\s+me|I\s+(?:don'?t|do\s+not|dont)\s+feel\s+safe|"
            r"<im>\s+not\s+safe|please\s+(?:don'?t|stop)\s+(?:hurt(?:ing)?|hit(?:ting)?|threaten(?:ing)?|"
            r"lock(?:ing)?\s+me)\s*(?:me)?|<im>\s+(?:too\s+|so\s+)?(?:scared|afraid|frightened|terrified)\s+"
            r"to\s+(?:come\s+(?:back|home)|go\s+(?:back|home)|say\s+no|disagree|leave)|"
            r"(?:^|(?<=[.!?]\s))<im>\s+(?:so\s+|really\s+)?(?:scared|frightened|terrified)\s*[.!]*\s*$",
        ),
        (
            "harm",
            r"(?:you|u|he|she)\s+threw\s+(?:the|a|my|your)\s+\w+|"
            r"(?:you|u|he|she)\s+(?:hit|slapped|punched|kicked|choked|strangled|shoved|beat|"
            r"threw\s+(?:a|the|your|my|something)\s+\w*\s*at)\s+me\b(?!\s+(?:up|with\s+(?:the|a|that)))|"
            r"(?:you|u|he|she)\s+(?:pushed|grabbed)\s+me\b(?!\s+(?:away|to|into|a|an|some|the|towards?))|"
            r"(?:you|u|he|she)\s+put\s+(?:your|his|her)\s+hands?\s+(?:on|around)\s+(?:me|my)",
        ),
        (
            "threatened",
            r"(?:you|u|he|she)\s+threatened\s+(?:to|me)\b|(?:you|u|he|she)\s+said\s+(?:you|u|he|she)"
            r"'?d\s+(?:hurt|kill|take\s+the\s+kids|ruin\s+me|leave\s+me\s+with\s+nothing|post|find\s+me)|"
            r"if\s+I\s+(?:leave|go|say\s+no|tell\s+anyone),?\s+(?:you|u|he|she)\s*(?:'?ll|will|would|'?d)\s+"
            r"(?:hurt|kill|take|ruin|find|post|tell)|(?:you|u|he|she)\s+said\s+(?:you|u|he|she)'?d\s+(?:send|"
            r"post|share|tell|show)\b[^.!?\n]{0,40}?\bif\s+I|(?:you|u|he|she)\s+(?:keep|kept)\s+saying\s+"
            r"(?:you|u|he|she)'?(?:ll|d)\s+(?:hurt|kill)\s+(?:yourself|himself|herself)",
        ),
        (
            "control",
            r"(?:you|u|he|she)\s+(?:won'?t|don'?t|never|doesn'?t)\s+let\s+me\s+(?:see|go\s+out|go|leave|"
            r"talk\s+to|have|use|spend|visit|work|sleep|eat)|(?:you|u|he|she)\s+(?:took|take|hid|hide|"
            r"keep|kept|smashed|broke|locked)\s+(?:away\s+)?my\s+(?:phone|keys|money|car|passport|cards?|"
            r"laptop|wallet)|(?:you|u|he|she)\s+(?:check|checked|read|go\s+through|went\s+through|track|"
            r"tracked|monitor|monitored)\s+my\s+(?:phone|messages|texts|location|emails?|"
            r"bank)|stop\s+(?:following|tracking|watching)\s+me|(?:you|u|he|she)\s+forced\s+me|"
            r"(?:you|u|he|she)\s+made\s+me\s+(?:have\s+sex|sleep\s+with)|lock(?:ed)?\s+me\s+(?:in|out)",
        ),
        (
            "self_harm",
            r"(?:kill|hurt|cut|harm)\s+myself(?!\s+(?:laughing|with\s+laughter))|end\s+(?:it\s+all|my\s+life)|"
            r"I\s+(?:don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive|be\s+here\s+anymore|exist)|"
            r"better\s+off\s+dead|suicid\w*",
        ),
    )
)


def safety_spans(text: str) -> list[tuple[str, int, int]]:
    """Each sign found: (name, start, end)."""
    found: list[tuple[str, int, int]] = []
    for name, pattern in SIGNS:
        found.extend((name, match.start(), match.end()) for match in pattern.finditer(text))
    return found
