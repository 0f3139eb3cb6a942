"""Cues for a gentle reflection in a person's own journal entry (concepts E3 and F2/F5):
trauma-bonding self-talk, and the pull of the familiar when dating again.

The rule. An entry is read sentence by sentence (split at . ! ? ; and line breaks) after
light folding: lower case, straight apostrophes, letters repeated three times or more cut
to two ("sooo" → "soo"), and common texting forms spelled out ("im", "u", "cant", "no1",
"bc", "ppl", "txt", "w", "n", "2 much", "altho", "gonna", "hell change" → "he'll change").
A cue fires when a sentence holds one of its patterns (`PATTERNS`, our own English lists)
and no distancing marker (`DISTANCE`): words that show the person already standing back
from the thought ("I used to tell myself…", "looking back", "I caught myself", "it's not
my job", "not bored", "not anymore"). Each kind fires at most once per entry.

Kinds: `highs` (the good times held up as outweighing the rest, one good night that makes
the silence forgotten), `only-one` (no one else could understand or love me, the only
one who gets me, alone forever without them), `too-much` (maybe I asked too much, I'm
too needy, I should need less), `missing-despite` (missing a person in a sentence that
also names a contrast — even though, despite, still — and a harm: lied, ignored, left,
cold…; ordinary missing and grief name no harm), `excusing` (their past or upbringing
as the reason, enough love will change them, it's my fault they went quiet, their
coldness as their way of loving), `familiar` (drawn to someone distant, bored by someone
steady; a sentence about the job, a course or a commute is not read for it).

Edge cases: the detector never quotes the entry; an empty entry has no cues. It reads
English only, one sentence at a time, so a thought split over two sentences ("Kind man.
Zero spark.") is missed. It is a nudge to reflect, not a reading of the person: a missed
cue costs nothing and a false one costs trust, so the lists favour precision.
bench/reflection_prompts.py measures both on a sealed set that was never used to write
these lists, and on the dev set (bench/data/reflection_dev.tsv) that was.
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

_THEM = r"(?:he|she|they|him|her|them|you)"
_THEIR = r"(?:his|her|their)"
_STEADY = (
    r"(?:nice|kind|steady|reliable|stable|consistent|available|sweet|decent|safe|lovely|"
    r"attentive|dependable|warm|calm|caring|good to me|perfect on paper|on time|replies fast|"
    r"texts? back|texts? when|calls? when|shows? up|clear about liking me)"
)
_BORED = (
    r"(?:bored|boring|bores? me|dull|flat|(?:no|zero) (?:spark|chemistry|fizz|butterflies)|"
    r"feel (?:absolutely )?nothing|felt nothing|not excited|can'?t feel anything|a chore|"
    r"couldn'?t fancy|(?:lose|lost) interest|never give me (?:that|the|a|any) spark)"
)
_DISTANT = (
    r"(?:distant|unavailable|hard to (?:read|reach|get)|out of reach|mysterious|hot and cold|"
    r"aloof|cold|(?:don'?t|doesn'?t|never) (?:text|reply|replies|call)|never repl|"
    r"ignores? me|unpredictable|keeps? me guessing|at arm'?s length|holds? back|one foot out|"
    r"slipping away|hard work|(?:have to|had to) (?:chase|work for)|makes? me wait|made me wait)"
)
_SPARK = (
    r"(?:butterflies|spark|chemistry|electric|rush|hooked|excit|can'?t stop thinking|"
    r"all i can think|more (?:exciting|interesting|attractive)|want (?:him|her|them) more|"
    r"makes me want|only ones)"
)
_NOT_WORK = (
    r"^(?!.*\b(?:the job|my job|at work|work (?:is|was|has)|the office|the course|this course|"
    r"meetings?|commute|project|colleague|revision|exam)\b)"
)
_HARM = (
    r"\b(?:hurt|lie[ds]?\b|lying|cheat|ignor|ghost|block|left\b|leave\b|awful|horrible|cruel|"
    r"trash|never|barely|made me feel|treated|humiliat|forgot|blamed|cold|let me down|silen|"
    r"mean to me|everything|all that|all of it)"
)
_MISS_PERSON = (
    r"\b(?:miss|missing|missed|ache for|aching for|long for|longing for)"
    r"(?: (?:him|her|them|you|someone|somebody|my ex)\b| [a-z]+,? (?:despite|even))"
)
_FAMILY = r"(?:childhood|upbringing|past|parents|dad|father|mum|mom|mother|family|ex)"

PATTERNS: Mapping[CueKind, tuple[str, ...]] = MappingProxyType(
    {
        "highs": (
            r"when (?:it|things|we|" + _THEM + r")(?:'s|'re| is| are| was| were) (?:good|great)"
            r"\b.{0,40}(?:so+ good|the best|amazing|incredible|perfect|nothing (?:else )?"
            r"(?:compares|matters)|better than|like nothing)",
            r"good (?:times|days|weeks|moments|bits|parts|nights|ones|moods)\b.{0,40}"
            r"(?:make up for|made up for|outweigh|worth|cancel out|erase|wipe)",
            r"worth (?:all |every )?(?:the |a )?"
            r"(?:bad|pain|hurt|tears|silence|waiting|wait|low|cold)",
            r"make (?:the |all )?(?:waiting|wait|silence|lows?|bad (?:ones|days|weeks)|rest)\b"
            r".{0,20}worth",
            r"\bthe highs\b",
            r"\b(?:one|a|that|last) (?:good|great|perfect|lovely|sweet|amazing|warm|magic) "
            r"(?:night|day|evening|morning|weekend|date|week)\b.{0,60}(?:forget|forgot|forgave|"
            r"erase|wipe|make up|makes up|worth|cancel)",
            r"(?:forgot|forget|forgotten|forgave) (?:about )?(?:all |the whole |why i was |the )?"
            r".{0,20}(?:ghost|silen|cold|upset|bad|month|weeks|distance|rest of it)",
        ),
        "only-one": (
            r"(?:no ?one|nobody|no-one) (?:else )?(?:has |is )?(?:ever |will ever |would ever |"
            r"could ever |will |would |could |can |going to |is going to )?(?:really |truly |"
            r"actually |ever )?(?:understands?|understood|loves?|loved|gets?|got|wants?|wanted|"
            r"knows?|knew|sees?|put up with|puts up with|going to love|going to understand) "
            r"(?:all of )?me\b",
            r"who else (?:would|could|will|is going to)\b.{0,12}(?:want|love|put up with|"
            r"understand|have) (?:me|someone (?:like me|this))",
            r"never (?:going to )?(?:find|meet) (?:anyone|someone|anybody|another)\b.{0,60}"
            r"(?:like (?:him|her|them|you|this|that|[a-z]+ does)|who (?:gets|understands|loves|"
            r"knows) me)",
            r"(?:the only|the one) (?:one|person|man|woman|guy|girl)(?: on earth| in the world)?"
            r" who (?:has )?(?:ever )?(?:really |truly |actually )?(?:gets|got|understands|"
            r"understood|knows|known|knew|sees|saw|could|would)",
            r"\bonly [a-z]+ (?:really |truly |actually )?(?:gets?|understands?|knows?|sees?) me",
            r"without (?:him|her|them|you)\b.{0,40}(?:alone|nobody|no one)",
            r"(?:alone|on my own) (?:forever|for good)",
        ),
        "too-much": (
            r"(?:^\s*|\bi |\bi've |maybe |probably |perhaps )(?:[\w']+ ){0,2}?"
            r"(?:asked|asking|ask|expect|expected|expecting|want|wanted|wanting|need|needed|"
            r"needing)(?: for| of| from)? "
            r"(?:\w+ ){0,2}?(?:way |far )?too much\b",
            r"(?:expecting|asking for|wanting|needing) .{0,60}(?:is|was) (?:asking )?too much",
            r"(?:i'?m|i am|i was|i've been|i have been)(?: just| simply| so| way| far| literally|"
            r" probably| always| clearly)* too (?:much|needy|demanding|clingy|sensitive|intense|"
            r"emotional)",
            r"\btoo (?:needy|clingy|demanding)\b",
            r"(?:i'?m|i am|being) (?:so|such a|really) (?:needy|clingy|demanding)",
            r"how (?:needy|demanding|clingy) (?:that|i|it)",
            r"my needs\b.{0,30}(?:too (?:big|much|many)|push|drive|scare)",
            r"(?:should|need to|have to|must|could just|learn to) (?:learn to )?(?:need|want|"
            r"expect|ask for) less",
            r"(?:a lot|too much) to (?:expect|ask)",
            r"selfish (?:of me )?(?:to|for) (?:keep )?(?:want|need|ask|expect)",
            r"i (?:probably )?pushed too hard",
            r"if i (?:had|'d)? ?(?:just )?(?:been|tried|asked) (?:less|better|harder|calmer|"
            r"quieter|more patient)",
            r"i (?:drove|pushed) " + _THEM + r" away",
        ),
        "missing-despite": (
            r"^(?=.*" + _MISS_PERSON + r")(?=.*\b(?:even though|though|although|despite|"
            r"even after|after (?:all|everything)|still|yet|considering|given how)\b)"
            r"(?=.*" + _HARM + r")",
            r"(?:miss|missing|ache for|long for|longing for) (?:someone|somebody) who "
            r"(?:\w+ ){0,3}?" + _HARM,
            r"miss(?:ing)? (?:him|her|them|you)\b.{0,20}(?:even though|although|despite)\s*$",
        ),
        "excusing": (
            _THEIR
            + r" "
            + _FAMILY
            + r"\b.{0,60}(?:why|explains|excuse|can'?t help|made "
            + _THEM
            + r"|no wonder)",
            _THEIR + r" " + _FAMILY + r" (?:was|were|used to|never)\b.{0,20}(?:cold|distant|"
            r"bully|awful|strict|never there|absent|like that|worse|speak)",
            r"(?:because of|it's|because) " + _THEIR + r" " + _FAMILY,
            r"(?:how|the way|that way) (?:he|she|they) (?:was|were) (?:raised|brought up)",
            r"(?:was|were) (?:raised|brought up) (?:in|that way|like that|with)",
            r"grew up (?:that way|like that|with no|without|in a)",
            _THEM + r" (?:can'?t|couldn'?t) help (?:it|the way|how|being|\w+ing)",
            r"if i (?:just |keep )?lov(?:e|ing) " + _THEM + r"(?: \w+){0,3}? enough",
            r"if i keep loving " + _THEM,
            r"love (?:will|would|can|could|'ll) (?:fix|heal|change|soften|save|cure) (?:it|this|"
            + _THEM
            + r")",
            r"(?:once|when|with enough love|if i)\b.{0,40}(?:he|she|they)(?:'ll| will| would) "
            r"(?:finally |eventually )?(?:open up|come round|come around|change|soften|learn)",
            r"(?:" + _THEIR + r" way of (?:loving|showing)|(?:kind|form) of love|how (?:he|she|"
            r"they) (?:shows?|loves?)\b)",
            r"(?<!not )(?<!n't )\bmy (?:own )?fault\b",
            r"\bi (?:provoked|wound (?:him|her|them) up|nagged)",
            r"(?:he|she|they) (?:was|were|is|are) only (?:mean|cold|cruel|angry|harsh|distant) "
            r"because",
            r"(?:not fair|unfair) (?:of me )?to (?:be angry|hold (?:it|that|this) against|blame)",
            r"can'?t be angry (?:at|with)",
            r"(?:should|need to|have to|must) (?:just )?be (?:more )?(?:patient|understanding)\b",
            _THEM + r" (?:didn'?t|doesn'?t|never) mean (?:it|to hurt|to)",
        ),
        "familiar": (
            _NOT_WORK + r".*" + _BORED + r".{0,60}" + _STEADY,
            _NOT_WORK + r".*" + _STEADY + r".{0,120}(?:" + _BORED + r"|too easy|too nice)",
            r"(?:drawn|attracted|pulled|hooked|addicted|fall for|falling for|fell for|only (?:into|"
            r"want|like|fancy|go for)|i like (?:him|her|them) more)\b.{0,40}" + _DISTANT,
            _DISTANT + r".{0,60}" + _SPARK,
            r"(?:love|like|miss|want|need) the chase|the chase is what|someone i have to (?:chase|"
            r"work for)|(?:rush|thrill) of not knowing",
            r"(?:more|most) (?:exciting|interesting|attractive) when "
            + _THEM
            + r" (?:pull|pulls|pulled|go|goes|went) (?:away|quiet|cold)",
        ),
    }
)
"""Each kind's phrase patterns, matched within one folded sentence."""

DISTANCE = (
    r"(?:^|\bi )\s*used to (?:think|believe|tell myself|say|feel|be|chase|go for|fall for|want)",
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
    r"\bi (?:now )?(?:notice|noticed|caught myself|catch myself)",
    r"looking back|\bi once (?:thought|believed)|\bi believed|for years i",
    r"choos(?:e|ing) differently|stopped (?:mistaking|chasing|excusing|confusing)",
    r"done excusing|learn(?:ed|t) the hard way",
    r"(?:not|isn'?t|is not) (?:on me|my job|my responsibility)",
    r"(?:doesn'?t|does not|did not|didn'?t) mean i (?:have|must|should)",
    r"(?:not|rather than|instead of|isn'?t|wasn'?t) (?:\w+ )?(?:bored|boring)",
    r"worried (?:i'?d|that|it)",
    r"therapist (?:says|said|pointed out)",
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
    (r"\bthats\b", "that's"),
    (r"\btheyre\b", "they're"),
    (r"\bshouldve\b", "should've"),
    (r"\btxts?\b", "text"),
    (r"\bppl\b", "people"),
    (r"\bw\b", "with"),
    (r"\br\b", "are"),
    (r"\bn\b", "and"),
    (r"\babt\b", "about"),
    (r"\bwd\b", "would"),
    (r"\bshd\b", "should"),
    (r"\b2 much\b", "too much"),
    (r"\b4\b", "for"),
    (r"\baltho\b", "although"),
    (r"\bany1\b", "anyone"),
    (r"\bgonna\b", "going to"),
    (r"\brly\b", "really"),
    (r"\bprob\b", "probably"),
    (r"\bwknd\b", "weekend"),
    (r"\bill (?=never|be|find|meet|wait)", "i'll "),
    (r"\b(he|she)ll (?=change|open|come|learn|realise|realize|see|be|stop)", r"\1'll "),
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
