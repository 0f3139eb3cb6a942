"""Crisis words: thoughts of suicide, self-harm, or being hurt right now.

When a journal entry or a draft speaks of these, crisis resources show at once,
kindly, before anything else; the writing is kept and stays the person's. A
missed crisis costs far more than an extra, gentle offer of help, so the rules
lean toward noticing, and listen for the quiet ways people say it too: goodbyes,
giving things away, counting pills, "everyone would be lighter without me",
sleeves kept down in July, a lock that won't hold much longer.

They keep clear of:
- everyday hyperbole: "this deadline is killing me", "I could have died of
  embarrassment", "i want to die lol i just called my teacher mum";
- other people's crises and crises on a page: a friend, a cousin, the news, a
  film, a novel, a lecture, a helpline shift ("my friend is cutting again");
- accidents: "cut my finger chopping onions", "burned my hand on the oven";
- a partner's threat to hurt themselves ("he says he'll kill himself if I
  leave"): a safety sign for the gate (signals.py), not the writer's own crisis;
- a denial: "I have no thoughts of harming myself";
- danger that is over: "he hit me years ago; I left and I'm safe now".

Three kinds:
- `suicide`: wanting to die or not to exist, plans, means, goodbyes, feeling
  others would be better off without them, past attempts.
- `self_harm`: hurting oneself on purpose, urges, relapse, hiding marks.
- `hurt_now`: being attacked or in immediate danger, now or in the next moments.
  One clear sign (someone hitting the writer now, "stop hitting me") is enough;
  otherwise two different signs must meet (a locked door and someone kicking
  it, a knife and someone coming closer), so a knife used to chop onions or a
  door locked for the night stays quiet.

Whose crisis it is: the last person named before the words in their sentence
("my friend … she has been cutting" is the friend's; "I told Lena I have been
cutting" is the writer's). Texting spellings (im, dont, wanna, u, rn, w/o),
missing apostrophes and curly quotes read like their full forms. Every pattern
is linear: no nested unbounded repeats, and every gap is bounded.

The tables of suicide and self-harm patterns, and of the words that undo them, are in
crisis_rules.py; the rules for being hurt right now, and the reading of every match, are
here. The app does not call this alone when the embedding model is installed: a trained
classifier (services/safety_model.py) may add a crisis the rules miss, never remove one.

Measured on labelled sentences written apart from these rules: bench/crisis_eval.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearheart.domain.safety.crisis_rules import (
    ANYONE,
    CRISIS_KINDS,
    RULES,
    UNLESS,
    CrisisKind,
)

__all__ = ["CRISIS_KINDS", "NONE", "Crisis", "CrisisKind", "read_crisis"]

_PARTNER = r"(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|ex-?partner)"
_MACROS = {
    "<i>": r"i",
    "<im>": r"(?:i'm|i\s+am)",
    "<ive>": r"(?:i've|i\s+have)",
    "<ill>": r"(?:i'll|i\s+will)",
    "<dont>": r"(?:don't|do\s+not|dnt|didn't|did\s+not)",
    "<cant>": r"(?:can't|cannot|can\s+not)",
    "<wont>": r"(?:won't|will\s+not)",
    "<adv>": r"(?:(?:just|really|honestly|actually|seriously|literally|sometimes|still|so|truly|"
    r"genuinely|kinda|lowkey|ngl|tbh|only|even|all|simply|already|rly|fr|s+o+)\s+){0,3}",
    "<to>": r"(?:to|2)",
    "<body>": r"(?:arms?|forearms?|wrists?|thighs?|legs?|hips?|stomach|belly|skin|ankles?|"
    r"shoulders?|chest|knuckles|inner\s+arm)",
    "<drug>": r"(?:pills|tablets|paracetamol|painkillers|meds|medication|insulin|aspirin|"
    r"ibuprofen|co-codamol|antidepressants|sleeping\s+pills)",
    "<he>": rf"(?:he|she|they|he's|she's|they're|my\s+{_PARTNER})",
    "<heis>": rf"(?:(?:he|she|they|my\s+{_PARTNER})(?:\s+is|\s+are|'s|'re)?)",
    "<who>": rf"(?:he|she|they|he's|she's|they're|my\s+{_PARTNER}|you|u|you're)",
    "<without>": r"(?:without|w/o|w/out|w/)",
    "<notpast>": r"(?:(?!was\b|were\b|used\b|would\b|had\b|'d\b)\w+\s+)?",
}


def _expand(pattern: str) -> str:
    """Expand the macros; every apostrophe becomes optional ("dont", "im", "hes")."""
    for macro, value in _MACROS.items():
        pattern = pattern.replace(macro, value)
    return "(?:" + pattern.replace("'", "'?") + r")(?!\w)"


def _compile(pattern: str) -> re.Pattern[str]:
    """A rule that starts at the start of a word and ends at the end of one. Rules read the
    text in lower case, so they need no IGNORECASE, which is slow."""
    return re.compile(r"(?<!\w)(?=\w)" + _expand(pattern), re.ASCII)


_COMPILED = tuple((kind, name, _compile(pattern)) for kind, name, pattern in RULES)

_UNLESS = {name: _compile(pattern) for name, pattern in UNLESS}
"""Rule by rule, words in the same sentence that give an everyday reading: "end it with him"."""

# Being hurt right now. "attack" alone is enough; every other group needs a second,
# different group beside it (see the module docstring).
_HURT: tuple[tuple[str, str], ...] = (
    ("attack", r"<who>\s+(?:(?:is|are|keeps?|won't\s+stop|will\s+not\s+stop|(?:has\s+)?started|"
     r"starting|is\s+still|'s\s+still|been|still)\s+)?<notpast>(?:hitting|beating|punching|"
     r"kicking|choking|strangling|slapping|hurting|attacking|stabbing|pushing|shoving|dragging|"
     r"throttling|biting|pinning|suffocating|smothering)\s+(?:me|"
     r"at\s+me)\b(?!\s+with\s+(?:a\s+)?(?:pillow|cushion|snowball|water|foam|"
     r"toy))(?![^.!?\n]{0,30}(?:lol|lmao|haha|pillow|tickl|game|joke|😂))|(?:hitting|beating|"
     r"punching|kicking|choking|strangling)\s+me\s+(?:rn|right\s+now|now)\b|<who>\s+(?:is\s+|"
     r"are\s+)?(?:hitting|beating|hurting|attacking|kicking)\s+(?:our|my|"
     r"the)\s+(?:\w+\s+)?(?:son|daughter|kids|children|baby|boy|girl)|(?:please\s+|"
     r"pls\s+)?stop\s+(?:hitting|hurting|kicking|choking|strangling|punching|"
     r"beating)\s+me\b(?!\s+with\s+(?:a\s+)?(?:pillow|cushion|snowball|water|foam|toy))|"
     r"(?:punching|hitting|kicking)\s+(?:the\s+)?walls?\s+and\s+(?:then\s+)?me\b"),
    ("attack", r"(?:got|has|'s\s+got)\s+(?:his|her|their)\s+hands?\s+(?:around|round|"
     r"on)\s+my\s+(?:neck|throat)|got\s+me\s+pinned|<wont>\s+get\s+off\s+(?:of\s+)?me|(?:you're|"
     r"<heis>)\s+(?:going\s+to|gonna)\s+break\s+my\s+(?:arm|neck|wrist|fingers|jaw)|(?:you're|"
     r"<heis>)\s+(?:breaking|twisting)\s+my\s+(?:arm|neck|wrist|fingers)|"
     r"<im>\s+in\s+(?:immediate\s+|serious\s+|real\s+)?danger\b(?!\s+of\b)|immediate\s+danger|"
     r"<im>\s+(?:currently\s+|now\s+)?being\s+(?:\w+\s+)?(?:assaulted|attacked|hit|beaten|choked|"
     r"strangled|held|hurt|stabbed|raped)"),
    ("attack", r"<who>\s+(?:has\s+|have\s+)?just\s+(?:hit|slapped|punched|kicked|choked|strangled|"
     r"threw|pushed|shoved|attacked|stabbed|grabbed|beat|bit|headbutted|hurt|burned|"
     r"throttled)\s+(?:me|my|(?:a|the|his|her|my)\s+\w+\s+at\s+me)|<heis>\s+(?:standing|"
     r"stood)\s+over\s+me"),
    ("hurt", r"<who>\s+(?:has|'s|have|'ve)\s+(?:just\s+)?(?:shoved|pushed|hit|punched|slapped|"
     r"kicked|choked|grabbed|thrown|strangled|struck)\s+me|(?:grabbed|pulled|"
     r"yanked)\s+my\s+(?:hair|arm|neck|throat)|(?:been|was)\s+struck|(?:throwing|smashing|"
     r"breaking)\s+(?:things|stuff|the\s+\w+|plates|chairs|glasses|furniture)|(?:smashed|"
     r"broke)\s+(?:a|the)\s+(?:glass|bottle|plate|mirror|window)|hands?\s+(?:around|"
     r"round)\s+my\s+(?:neck|throat)|(?:punching|hitting|kicking)\s+(?:the\s+)?walls?|"
     r"<heis>\s+(?:\w+\s+)?(?:drunk|raging|losing\s+it|going\s+crazy|going\s+mental|"
     r"kicking\s+off|flipping\s+out)|<heis>\s+(?:\w+\s+){0,4}?(?:screaming|shouting|yelling|"
     r"raging)\b(?!\s+at\s+(?:the\s+)?(?:tv|telly|football|match|game|screen|news|referee|ref|"
     r"radio))|(?:just\s+)?(?:broke|smashed|snapped|took|grabbed)\s+my\s+phone|"
     r"in\s+one\s+of\s+(?:his|her|their)\s+moods|you're\s+hurting\s+me|threw\s+me\s+(?:against|"
     r"into|down)|pushing\s+me\s+around|(?:he|she|they)\s+(?:hasn't|has\s+not|<wont>|"
     r"wont)\s+stop(?:ped)?\b(?!\s+(?:texting|calling|talking|messaging|crying|drinking|"
     r"working))|(?:pinned|pinning|pins)\s+me|(?:held|holding|holds)\s+me\s+down|"
     r"on\s+top\s+of\s+me|(?:holding|pinning|pressing|pushing|shoving)\s+me\s+(?:against|to|down|"
     r"into)\b|by\s+(?:my|the)\s+(?:neck|throat|hair)\b|(?:got|has)\s+me\s+cornered|"
     r"cornered\s+me"),
    ("threat", r"(?:saying|screaming|shouting|yelling|says|say|keeps?\s+saying|threatening|"
     r"swearing|telling\s+me)\s+(?:that\s+)?(?:\w+\s+)?(?:he|she|they)\s*(?:'ll|will|"
     r"is\s+going\s+to|'s\s+(?:gonna|going\s+to)|s\s+gonna|gonna|are\s+going\s+to|"
     r"'re\s+going\s+to)\s+(?:kill|hurt|break|beat|get|finish|teach|make\s+me|cut|stab|shoot|"
     r"end)|not\s+done\s+with\s+me|(?:is|'s|are|keeps)\s+(?:\w+\s+)?threatening\s+me|"
     r"not\s+(?:leaving|getting\s+out)\s+(?:of\s+here\s+)?alive|threaten\w*\s+(?:to\s+)?(?:kill|"
     r"hurt|stab|shoot|strangle)\s+me|(?:he|she|they)\s*(?:'s|s|is|are|'re)\s+(?:going\s+to|"
     r"gonna)\s+(?:kill|hurt|stab|shoot)\s+me|teach\s+me\s+a\s+lesson|(?:<im>|"
     r"you're)\s+going\s+to\s+learn|threats?\s+of\s+violence|threatening\s+me\s+with|"
     r"if\s+<i>\s+(?:move|scream|call|open|make\s+a\s+sound|run|try)\b[^.!?\n]{0,20}?(?:he|she|"
     r"they)\s*(?:'ll|will|is\s+going\s+to)\s+(?:kill|hurt|shoot|stab|break)|"
     r"finish\s+what\s+(?:he|she|they)\s+started"),
    ("door", r"(?:banging|pounding|kicking|hammering|bashing|breaking|smashing|punching|"
     r"hitting)\s+(?:on\s+|down\s+|in\s+)?(?:the|my)\s+(?:\w+\s+)?(?:door|window)|(?:kick|"
     r"kicking|kicked|break|breaking|broke|smash\w*|force|forcing|bash\w*)\s+(?:the|"
     r"my)\s+(?:\w+\s+)?door\b|(?:trying|attempting|tries)\s+to\s+(?:break|force|get|kick|"
     r"smash)\s+(?:in\b|the\s+door|through|open|down)|gain\s+entry|(?:lock|door)\s+(?:<wont>|"
     r"wont|isn't\s+going\s+to)\s+hold|outside\s+(?:my|the)\s+(?:door|house|home|flat|window|"
     r"room|bathroom)|<heis>\s+outside\b|(?:his|her|their)\s+key\s+in\s+the\s+(?:door|lock)|"
     r"(?:banging|pounding|kicking|hammering|bashing)\s+on\s+it|(?:broke|broken|"
     r"breaking)\s+(?:in\b|into\s+(?:my|the|our))|(?:broke|broken|breaking|smashed)\s+(?:the|"
     r"my)\s+(?:\w+\s+)?lock|forced\s+(?:his|her|their)\s+way\s+in"),
    ("trapped", r"(?:ran|run|running|got|went)\s+(?:in)?to\s+the\s+\w+\s+and\s+locked|"
     r"locked\s+all\s+the\s+doors|(?:taken|took|hidden|hid)\s+my\s+(?:keys|phone|car\s+keys)|"
     r"locked\s+(?:the|my)\s+(?:\w+\s+)?door|(?:locked|hiding|hide|hid|trapped|barricaded|shut|"
     r"hidden|cowering|crouch\w*)\s+(?:myself\s+)?(?:in|under|inside|behind)\s+(?:the|a|my|"
     r"our)\s+(?:\w+\s+)?(?:bathroom|bedroom|wardrobe|closet|car|shed|room|toilet|cupboard|attic|"
     r"basement|duvet|bed|garage|loft|kitchen)|the\s+locked\s+(?:bathroom|bedroom|room|car|"
     r"toilet)|<im>\s+(?:in\s+the\s+(?:wardrobe|closet|cupboard|shed|attic)|hiding)|(?:locked|"
     r"locks|locking)\s+me\s+in\b|against\s+my\s+will|(?:<wont>|wont|doesn't|"
     r"isn't)\s+let(?:ting)?\s+me\s+(?:leave|go|out|get\s+out|call|phone|ring|use\s+my\s+phone)|"
     r"(?:hasn't|has\s+not|haven't)\s+let\s+me\s+out|<cant>\s+(?:get|go)\s+out(?!\s+of\s+(?:bed|"
     r"my\s+head))|(?:unable|not\s+able)\s+to\s+(?:leave|get\s+out|escape)|"
     r"between\s+me\s+and\s+the\s+door|blocking\s+the\s+door|(?:pushed|pulled|dragged|"
     r"put)\s+(?:the\s+)?(?:\w+\s+){0,3}against\s+the\s+(?:\w+\s+)?door|against\s+it\b|(?:has|"
     r"got)\s+me\s+trapped|trapped\s+me|<im>\s+trapped|<cant>\s+(?:get\s+away|escape|get\s+free|"
     r"move)|under\s+the\s+duvet|doors?\s+locked|<im>\s+(?:hiding\s+)?(?:under|"
     r"behind)\s+the\s+(?:bed|table|desk|stairs|sofa|couch)|cornered"),
    ("coming", r"<who>\s*(?:is|'s|s|are|'re)?\s+(?:coming|comes)\s+(?:up\b|towards|toward|to\s+me|"
     r"for\s+me|after\s+me|at\s+me|back|in\b|upstairs)|coming\s+up\s+the\s+stairs|"
     r"<heis>\s+back\b|(?:car|key)\s+(?:just\s+)?(?:pulled|pulling|turning)|(?:hear|"
     r"hearing)\s+(?:him|her|them)\s+(?:coming|on\s+the\s+stairs|outside)|still\s+looking|"
     r"looking\s+for\s+me|<heis>\s+still\s+(?:here|in\b|standing|outside|downstairs|upstairs|"
     r"there)|(?:remains|is\s+still|'s\s+still)\s+in\s+the\s+(?:house|flat|room|next\s+room)|"
     r"in\s+the\s+next\s+room\s+with|(?:him|her|<heis>)\s+pacing|(?:is|'s)\s+inside\b|"
     r"inside\s+(?:right\s+now|now)|in\s+the\s+house\s+right\s+now|(?:is|'s|"
     r"are)\s+coming\s+(?:at|for|towards|after)\s+me|coming\s+(?:at|for|towards|"
     r"after)\s+me\s+with"),
    ("weapon", r"(?:has|'s\s+got|got|with|holding|waving|pointing|grabbed|picked\s+up)\s+(?:a|the|"
     r"his|her|my)?\s*(?:kitchen\s+)?(?:knife|gun|bat|hammer|belt|weapon|machete|screwdriver)|"
     r"(?:knife|gun)\s+(?:down|in\s+(?:his|her)\s+hand|to\s+my)"),
    ("plea", r"(?:please|pls|plz)\s+(?:\w+\s+)?help\b(?!\s+me\s+(?:understand|with|to|figure|"
     r"decide|think|find|choose|pick))|help\s+(?:<he>|me\s+(?:now|please|pls))|help\s+me\s*[,!]|"
     r"help\s*!|(?:call|ring|phone)\s+(?:the\s+)?(?:police|cops|911|999|112|000|someone|somebody|"
     r"an\s+ambulance)|(?:please\s+)?come\s+(?:quick|quickly|now|fast)\b|"
     r"need\s+(?:the\s+)?(?:police|an\s+ambulance|help\s+now)|send\s+help|immediate\s+assistance|"
     r"(?:please\s+)?(?:don't|do\s+not)\s+hurt\s+me\b(?!\s+like\s+that)|(?:please|pls)\s+stop\b|"
     r"stop\s+(?:hitting|hurting|kicking|choking)|let\s+(?:me\s+)?go\s+of\s+(?:me|my)|"
     r"let\s+me\s+out|unlock\s+the\s+door|put\s+(?:the|it|that)\s+(?:knife|gun|bat|belt)?\s*down|"
     r"<im>\s+begging\s+you"),
    ("fear", r"<im>\s+(?:so\s+|really\s+|very\s+)?(?:scared|terrified|frightened)(?=\s*(?:[.,;!?]|"
     r"$|rn|right\s+now))|you're\s+scaring\s+me|know\s+what\s+comes\s+next|<im>\s+(?:bleeding|"
     r"on\s+the\s+floor)|<cant>\s+breathe|shaking\s+as\s+<i>\s+type|(?:typing|"
     r"writing)\s+this\s+(?:with\s+one\s+hand|on\s+my\s+phone|under|from\s+the)|"
     r"phone\s+is\s+(?:at|on)\s+\w+\s+percent\b(?![^.!?\n]{0,20}\b(?:call|text|later))|"
     r"fear\s+(?:he|she|they)\s+will\s+do\s+so|(?:scared|afraid|fear|"
     r"terrified)\s+for\s+my\s+(?:life|safety)|<ill>\s+do\s+(?:whatever|anything|"
     r"what)\s+you\s+(?:want|say)\b(?![^.!?\n]{0,20}\bfor\s+your)|if\s+anyone\s+reads\s+this|"
     r"<im>\s+not\s+safe|(?:don't|do\s+not)\s+feel\s+safe\s+(?:right\s+now|tonight|here)"),
)
_HURT_COMPILED = tuple((group, _compile(pattern)) for group, pattern in _HURT)

_SAFE_NOW = _compile(
    r"(?:<im>|i\s+feel|i've\s+been|i\s+have\s+been|we\s+are|we're)\s+(?!not\b|never\b)(?:\w+\s+)?"
    r"(?:safe|secure|free)\b|safe\s+(?:now|since|ever\s+since)|(?:years?|months?)\s+ago|used\s+to|"
    r"ancient\s+history|previous\s+relationship|no\s+contact|restraining\s+order|long\s+gone|in\s+"
    r"rehab|in\s+prison|new\s+life|got\s+out|since\s+i\s+left|last\s+(?:year|month)|in\s+(?:19|20)"
    r"\d\d|nightmare|dream\w*|flashback"
)
"""Words that put danger in the past or in a dream: "years ago", "I'm safe now"."""
_NEAR = frozenset({"hurt", "threat", "door", "weapon", "coming"})
"""Signs that, with "right now" beside them, are enough on their own."""
_LAUGH = re.compile(r"\b(?:lol|lmao|haha\w*|jk)\b|[😂🤣]", re.IGNORECASE)
_RIGHT_NOW = _compile(r"right\s+now|rn|at\s+this\s+moment|currently|presently|as\s+<i>\s+(?:type|"
                      r"write)")

_NOT_MINE = _compile(
    r"(?:characters?|episode|films?|movies?|books?|novels?|songs?|documentary|article|podcast|"
    r"(?:tv|the|a)\s+show|series|season\s+finale|the\s+news|in\s+the\s+news|lecture|seminar|class|"
    r"(?<!of\s)course|training|helpline|crisis\s+line|volunteer\w*|role-?play\w*|(?:a|the)\s+report"
    r"|report\s+on|protocol|statistics|poem|(?:a|the)\s+story|chapter|protagonist|narrator|heroine|"
    r"game|sims|prevention|research\s+(?:on|into)|the\s+caller)\b"
)
"""Words that put a crisis on a page, a screen or a shift rather than in the writer's life."""

_IDIOM = re.compile(
    r"[^.!?\n]{0,60}?(?:\blol\b|\blmao\b|\blmfao\b|\bhaha|😂|🤣|💀|\bjk\b|of\s+(?:embarrassment|"
    r"shame|laughter|boredom|cringe)|laughing)",
    re.IGNORECASE,
)
"""What follows "I want to die" when it is a joke: "lol", "of embarrassment", a laughing face."""
_DEATH_WORD = re.compile(r"\b(?:die|died|dead|death|kill\w*|kms)\b", re.IGNORECASE)
_NEGATED = re.compile(
    r"(?<!\w)(?:no(?!\s+one)|not|never|without|nor|denies|deny|free\s+of)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
"""A denial just before a match: "no thoughts of harming myself", "I would never"."""

_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|i'?m|im|i'?ve|ive|i'?d|i'?ll|me|my|myself|mine)(?!\w)",
                           re.IGNORECASE)
_PERSON = re.compile(
    r"(?<!\w)(?:(?P<self>i|i'?m|im|i'?ve|ive|i'?d|i'?ll|myself)|(?P<other>he|she|they|he'?s|she'?s|"
    r"they'?re|theyre|he'?ll|hell|she'?ll|they'?ll|he'?d|hed|she'?d|they'?d|you'?ll|youll|you'?d|"
    r"youd|you'?re|youre|you\s+(?:will|would|said|say|keep|kept|threaten\w*|told|are|were)|(?:my|his"
    r"|her|their|your|our|a|the|that|this|\w+'?s)\s+(?:\w+\s+)?(?:friend|cousin|sister|brother|mum|"
    r"mom|mother|dad|father|grand\w+|gran|nan|uncle|aunt|son|daughter|partner|husband|wife|boyfriend|"
    r"girlfriend|bf|gf|ex|roommate|flatmate|housemate|classmate|mate|pal|bestie|buddy|colleague|"
    r"coworker|neighbou?r|character|singer|narrator|"
    r"protagonist|heroine|hero|caller|student|client|patient|kid|child|man|woman|guy|girl|boy|"
    r"teacher|boss)|people|someone|somebody))(?!\w)",
    re.IGNORECASE,
)
"""Who a clause is about: the last person named before a match decides whose crisis it is."""

_REACH = 300
_QUOTES = (("’", "'"), ("‘", "'"), ("`", "'"), ("´", "'"), ("“", '"'), ("”", '"'))


@dataclass(frozen=True, slots=True)
class Crisis:
    kinds: tuple[CrisisKind, ...]

    def __bool__(self) -> bool:
        return bool(self.kinds)


NONE = Crisis(())


def read_crisis(text: str) -> Crisis:
    """The crisis kinds `text` speaks of, in CRISIS_KINDS order; falsy when none."""
    text = _straight(text).lower()
    found: set[CrisisKind] = set()
    for kind, name, pattern in _COMPILED:
        if kind not in found and any(_counts(text, m, name) for m in pattern.finditer(text)):
            found.add(kind)
    if _hurt_now(text):
        found.add("hurt_now")
    return Crisis(tuple(kind for kind in CRISIS_KINDS if kind in found))


def _counts(text: str, match: re.Match[str], name: str) -> bool:
    """Whether a suicide or self-harm match is the writer's own and meant."""
    at = match.start()
    if _elsewhere(text, at) or _NEGATED.search(text, max(_sentence(text, at)[0], at - 60), at):
        return False
    unless = _UNLESS.get(name)
    if unless and unless.search(text, *_scope(text, at)):
        return False
    if _DEATH_WORD.search(match.group()) and _IDIOM.match(text, match.end()):
        return False
    if name in ANYONE or _FIRST_PERSON.search(match.group()):
        return True
    return _subject(text, at) != "other"


def _hurt_now(text: str) -> bool:
    """Whether `text` says the writer is being hurt, or is in danger, right now."""
    groups: set[str] = set()
    starts: list[int] = []
    for group, pattern in _HURT_COMPILED:
        ats = (m.start() for m in pattern.finditer(text))
        at = next((at for at in ats if not _elsewhere(text, at)), -1)
        if at != -1:
            groups.add(group)
            starts.append(at)
    if not groups:
        return False
    # The words around the signs, not the whole of a long entry, say whether it is now.
    near = (max(0, min(starts) - _REACH), min(len(text), max(starts) + _REACH))
    now = bool(_RIGHT_NOW.search(text, *near))
    if groups & _NEAR and now:
        groups.add("now")
    laughing = any(_LAUGH.search(text, *_sentence(text, at)) for at in starts)
    if "attack" not in groups and (len(groups) < 2 or laughing):
        return False
    return now or not _SAFE_NOW.search(text, *near)


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The sentence holding `at`, at most _REACH characters either side (so a long text
    without full stops costs no more than a short one)."""
    low, high = max(0, at - _REACH), min(len(text), at + _REACH)
    start = max(low, max(text.rfind(mark, low, at) for mark in ".!?;\n") + 1)
    ends = [i for i in (text.find(mark, at, high) for mark in ".!?;\n") if i != -1]
    return start, min(ends) if ends else high


def _scope(text: str, at: int) -> tuple[int, int]:
    """The sentence holding `at`, or in a long rambling sentence, its clause."""
    start, end = _sentence(text, at)
    if end - start > 160:
        start = max(start, text.rfind(",", start, at) + 1)
        comma = text.find(",", at, end)
        end = comma if comma != -1 else end
    return start, end


def _elsewhere(text: str, at: int) -> bool:
    """Whether the words around `at` are about a page, a screen or a shift: a novel, the
    news, a lecture, a helpline."""
    return bool(_NOT_MINE.search(text, *_scope(text, at)))


def _subject(text: str, at: int) -> str | None:
    """"self" or "other": the last person named before `at` in its sentence; None if none."""
    last = None
    for person in _PERSON.finditer(text, max(_sentence(text, at)[0], at - 100), at):
        last = "self" if person.group("self") else "other"
    return last


def _straight(text: str) -> str:
    """Curly quotes and backticks as straight ones, one character for one."""
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text
