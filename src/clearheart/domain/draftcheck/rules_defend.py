"""Rules for defensiveness: denying any part, turning the complaint back, counter-blame.

"It's not my fault" is defensive; "it's not your fault" is kindness, and "it was my fault,
sorry" is repair, so only the denial of one's own part counts.
"""

from __future__ import annotations

from clearheart.domain.draftcheck.rulebook import Rule, rule

_ACCUSED = (
    r"controlling|crazy|dramatic|needy|nagging|jealous|clingy|paranoid|overreacting|the\s+problem|"
    r"too\s+much|unreasonable|yelling|shouting|difficult|the\s+bad\s+guy|the\s+villain|insane|"
    r"hysterical|obsessed|attacking\s+you|accusing\s+you|the\s+one\s+who|being\s+unfair"
)
"""What a person says they are not, before turning it back ("I'm not controlling, you're …")."""

RULES: tuple[Rule, ...] = (
    rule(
        "defend.not-my-fault",
        "defensiveness",
        r"(?:(?:it|that|this)(?:'s|\s+is|\s+was)\s+not|(?:it|that|this)\s+(?:isn'?t|wasn'?t)|not|"
        r"never|how\s+(?:is|was)\s+(?:it|this|that)|why\s+is\s+(?:it|everything)\s+(?:always\s+)?|"
        r"so\s+(?:now\s+)?(?:it'?s|its))\s+(?:really\s+|even\s+|all\s+|always\s+)?my\s+fault\b",
    ),
    rule(
        "defend.because-you",
        "defensiveness",
        r"I\s+only\s+\w+[^.!?\n]{0,50}?\bbecause\s+<you>\b|"
        r"I\s+(?:did|said|do|say)\s+(?:that|it|this)\s+because\s+<you>\b|"
        r"I\s+wouldn'?t\s+have\s+[^.!?\n]{0,50}?\bif\s+<you>\b|"
        r"<you>\s+made\s+me\s+(?:do|say|act|react|yell|snap|lose|shout|get\s+angry|like\s+this)\b|"
        r"if\s+<you>\s+hadn'?t\b|<you>\s+(?:started|did)\s+it\s+first|<you>\s+started\s+it\b|"
        r"what\s+about\s+(?:you|when\s+you|the\s+time\s+you|all\s+the\s+times\s+you|your)\b|"
        r"at\s+least\s+I\s+(?:don'?t|didn'?t|never|actually|try|tried|show\s+up|care|bother)\b|"
        r"I'?m\s+not\s+the\s+one\s+who\b|<youre>\s+the\s+one\s+who\b|"
        r"(?:don'?t|stop|quit)\s+blaming\s+me|<you>\s+(?:always\s+)?blame\s+me\b|"
        r"(?:don'?t|stop)\s+(?:attacking|accusing)\s+me|why\s+are\s+<you>\s+(?:attacking|"
        r"accusing)\s+me|"
        r"I\s+(?:did|have\s+done)\s+nothing\s+wrong|I\s+didn'?t\s+do\s+anything(?:\s+wrong)?\b|"
        r"I\s+have\s+nothing\s+to\s+apologi[sz]e\s+for|I\s+(?:don'?t|do\s+not)\s+(?:have|"
        r"need)\s+to\s+"
        r"(?:explain|justify|apologi[sz]e)|I\s+(?:was|am)\s+(?:just|only)\s+(?:joking|kidding|"
        r"being\s+"
        r"honest)|I\s+never\s+said\s+that|that'?s\s+not\s+what\s+I\s+(?:said|meant)|"
        r"<youre>\s+(?:(?:so|just|being|totally|completely)\s+)*(?:overreacting|dramatic|"
        r"too\s+sensitive|so\s+sensitive|paranoid|imagining\s+things|making\s+a\s+(?:big\s+deal|"
        r"scene)|blowing\s+(?:this|it|things)\s+(?:out\s+of\s+proportion|up))|calm\s+down\b|"
        r"(?:it'?s|its)\s+not\s+(?:a\s+)?big\s+deal\b|(?:well|yeah),?\s+<you>\s+(?:did|do|said|"
        r"were)\s+"
        r"(?:it\s+)?too\b|<im>\s+not\s+(?:being\s+)?(?:" + _ACCUSED + r")\b[,;.]?\s+(?:<youre>|"
        r"<you>|"
        r"I'?m\s+(?:just\s+)?(?:reacting|responding|saying|asking|being))|"
        r"(?:it'?s|that'?s)\s+not\s+(?:" + _ACCUSED + r")\s+if\s+<you>|"
        r"don'?t\s+(?:you\s+dare\s+)?(?:turn|twist|flip)\s+(?:this|it|"
        r"that)\s+(?:around\s+)?on\s+me|"
        r"don'?t\s+make\s+this\s+about\s+(?:me|my)\b|<you>\s+(?:literally\s+)?did\s+the\s+same\s+"
        r"thing|(?:that'?s|it'?s)\s+not\s+on\s+me|(?:because\s+of|after)\s+what\s+<you>\s+did"
        r"(?:\s+first)?|<you>\s+did\s+(?:it\s+)?first|(?:fine|sure|go\s+ahead|ok(?:ay)?|"
        r"yeah)[,.]?\s+"
        r"blame\s+me|I\s+can'?t\s+(?:ever\s+)?win\s+with\s+<you>|nothing\s+I\s+do\s+is\s+ever|"
        r"<you>\s+can'?t\s+be\s+(?:upset|mad|angry|annoyed)\s+(?:about|at|with)\s+me|"
        r"<you>\s+gave\s+me\s+(?:every|no\s+other|good)\s+reason|so\s+don'?t\s+start|"
        r"I\s+(?:was|did|said|got|texted|called|yelled|left|snapped|reacted|acted|only\s+\w+)\b"
        r"[^.!?\n]{0,40}?\bbecause\s+(?:YOU|you\s+(?:didn'?t|never|changed|started|ignored|"
        r"wouldn'?t|"
        r"kept|made))\b",
        unless_before=r"\bI'?m sorry|\bsorry",
        unless_after=r"\s*(?:,?\s*(?:I promise|don'?t worry|we'?ll|we can|I'?ll))|"
        r"\s*\w*\s*(?:lol|😂)",
        unless_anywhere=r"\b(?:your|his|her) (?:fault|mom|mum)",
    ),
)
