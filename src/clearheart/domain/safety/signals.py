"""Danger from a partner in a person's own words: fear of them, harm, threats, control,
monitoring.

Read in journal entries and in drafts. A match does not accuse anyone and is never
shown as a finding; it only rests coaching (gate.py), because advice such as "give
them space" is wrong where someone is afraid. The person can always say they are safe.

The partner is "you" in a draft and "he", "she", "they", a first name (a capitalised
word the rules do not otherwise spell out) or "my husband/wife/partner/ex/…" in a journal
entry. The rules listen for the plain words
("he hit me", "she reads my messages") and for the quiet ones people use when they
are afraid: weighing every word, a bag packed "just in case", long sleeves and an
apology, "he knows where my sister lives", "I just have to explain the receipts",
"so I can't leave".

They keep clear of the everyday hurt this product is for: fear of being left ("I'm
scared he'll leave"), slow replies, a cancelled plan, an ordinary argument, hurt
feelings ("you hurt me when you forgot"), the person's own anxious checking ("I keep
checking if he read it"); of arrangements both chose ("we share locations on purpose",
"I asked her to keep my card"); of jokes and games ("he hit the gym", "u stole my
fries lol", "punished me for winning at Mario Kart"); of accidents and kindness ("took
my keys by mistake", "grabbed my hand so we wouldn't get separated"); of a denial ("I'm
not scared of him"); and of other people and pages (a brother, a landlord, a stranger,
"my dad used to hit my mum", a novel, a podcast). Whose act it is: the person a match
starts with, else the last person named before it in its sentence; a possessive ("my
sister's wedding") names no one.

Texting spellings (u, ur, im, dont, wont, til), missing apostrophes and curly quotes
read like their full forms. Every pattern is linear: no nested unbounded repeats, and
every gap is bounded.

The pattern table is in danger_rules.py; the macros, the reading of every match (whose
act, a game, a page, a shared choice) and the public functions are here. With the embedding
model installed, the app weighs these signs with a trained classifier
(services/safety_model.py) before it rests coaching.

Measured on labelled texts written apart from these rules: bench/danger_eval.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearheart.domain.safety.danger_rules import KINDS, RULES, Kind

__all__ = ["KINDS", "Kind", "Sign", "danger_kinds", "danger_signs"]

_PARTNER_NOUN = (
    r"(?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|fianc[eé]e?|spouse|"
    r"ex-?(?:husband|wife|boyfriend|girlfriend|partner)|ex(?!-)|other\s+half)"
)
_NAME = r"_[a-z]+"
"""A first name as it reads once the text is folded (see _fold): "Tom" becomes "_om"."""
_MACROS = {
    "<name>": _NAME,
    "<partner>": _PARTNER_NOUN,
    "<who>": rf"(?:you|u|ya|he|she|they|my\s+{_PARTNER_NOUN}|{_NAME}|(?:caught|saw|found)\s+(?:him|"
    r"her|them|you))",
    "<whom>": rf"(?:you|u|him|her|them|my\s+{_PARTNER_NOUN}|{_NAME})",
    "<whose>": rf"(?:your|ur|his|her|their|my\s+{_PARTNER_NOUN}'s|{_NAME}'s)",
    # "he're" and "she'll" without their apostrophes would read "here", "hell", "shell", "shed".
    "<aux>": r"(?!(?<=he)(?:re|ll)\b|(?<=she)(?:ll|d)\b)(?:'s|'d|'ll|'ve|'re)?"
    r"(?:\s+(?:has|had|have|is|was|are|were|will|would|keeps?|kept|"
    r"always|often|sometimes|even|still|once|again|also|just|literally|actually|then|now|already|regularly|"
    r"constantly|usually|started|starts|began|only|ever|lowkey|basically|apparently|been)){0,3}",
    "<i>": r"i",
    "<wont>": r"(?:won't|will\s+not|doesn't|does\s+not|don't|do\s+not|didn't|did\s+not|wouldn't|"
    r"would\s+not|never|refuses?\s+to|refused\s+to)",
    "<body>": r"(?:arm|arms|wrist|wrists|neck|throat|hair|face|head|jaw|shoulder|shoulders|back|"
    r"stomach|leg|legs|chest|ribs|eye|lip|mouth|ear)",
    "<hit>": r"(?:hit|hits|hitting|slapped|slaps|slap|slapping|punched|punches|punch|punching|"
    r"kicked|kicks|kick|kicking|choked|chokes|choke|choking|strangled|strangles|strangling|beat|beats|"
    r"beating|bit|bites|biting|headbutted|shoved|shoves|shove|shoving|pushed|pushes|push|pushing|"
    r"smacked|smacks|elbowed|burned|burnt|spat\s+(?:on|at|in)|throttled|scratched|clawed|"
    r"(?:physically\s+|sexually\s+)?(?:assaulted|attacked|abused|raped)|beat\s+up|beats\s+up)",
    "<says>": r"(?:said|says|say|told\s+me|tells\s+me|swore|warned\s+(?:me\s+)?|is\s+(?:telling|"
    r"sending|saying)|keeps?\s+(?:saying|telling\s+me)|texted|messaged|reminded\s+me|made\s+it\s+"
    r"clear)",
    "<will>": r"(?:'ll|will|would|'d|is\s+going\s+to|are\s+going\s+to|'s\s+going\s+to|was\s+"
    r"going\s+to|gonna|s\s+gonna|shall)",
}


def _expand(pattern: str) -> str:
    """Expand the macros; every apostrophe becomes optional ("dont", "hes", "ur")."""
    for macro, value in _MACROS.items():
        pattern = pattern.replace(macro, value)
    return "(?:" + pattern.replace("'", "'?") + r")(?!\w)"


def _compile(pattern: str) -> re.Pattern[str]:
    """A rule that starts at the start of a word and ends at the end of one. Rules read the
    folded text (lower case, names marked), so they need no IGNORECASE, which is slow."""
    return re.compile(r"(?<!\w)(?=\w)" + _expand(pattern), re.ASCII)


_COMPILED = tuple((kind, name, _compile(pattern)) for kind, name, pattern in RULES)

_OWN_ACCOUNT = frozenset({"tracker", "marks and bruises", "cover story"})
"""Act rules that report what the writer found on themselves or their things, whoever
else the sentence names ("my cousin found software that logs every key I type")."""

_CHILDHOOD = (
    r"when\s+<i>\s+was\s+(?:a\s+)?(?:kid|child|little|young|small|teenager)|growing\s+up|childhood|"
    r"my\s+(?:dad|father|mum|mother|mom|stepdad|stepfather|parents)"
)
_ACCIDENT = (
    r"accident\w*|clumsy|fell|falling|fall|tripped|slipped|bike|cycling|ski\w*|football|rugby|"
    r"hockey|climbing|gym|match|cupboard|door\s+frame|walking\s+into|surgery|operation"
)
_UNLESS = {
    name: _compile(pattern)
    for name, pattern in (
        ("body braces", r"crush|excit\w*|butterflies|in\s+love|cute|adorable|good\s+way|jealous\w*|"
         r"insecur\w*"),
        ("keeping out of the way", r"crush|excit\w*|butterflies|in\s+love|jealous\w*|insecur\w*|"
         r"nervous\s+flyer|exam|interview|presentation"),
        ("what they'll do", r"job|trip|holiday|present|gift|surprise|party|baby|pregnan\w*|news|"
         r"results?|exam|interview"),
        ("bracing", _CHILDHOOD + r"|cold\s+sore|needle|injection|spider|wasp|ball|firework\w*|"
         r"dentist|in-?law|boss|manager|colleague|client|teacher|interview"),
        ("safety plan", r"hospital|holiday|trip|due|baby|snor\w+|gym|flight|festival|camping|"
         r"weekend\s+away|burglar\w*|break-?ins?|neighbou?rhood"),
        ("injured", _ACCIDENT),
        ("not allowed", r"work|company|rules|school|office|hospital|gym|exam|policy|uniform"),
        ("account for my time", r"work|company|rules|school|office|hospital|gym|exam|policy|"
         r"uniform|fair\s+enough|obviously|vinyl|collection|teacher|boss|manager|shower|waiting"),
        ("took my phone", r"charg\w+|to\s+(?:fix|repair|update)|broken|battery|repair|mine\s+(?:"
         r"broke|is\s+broken|expired)|new\s+one|lost\s+mine|own\s+car|garage|borrow\w*|mot\b|"
         r"service|lose\s+it|flight|airport"),
        ("moods and explosions", r"printer|computer|laptop|team|match|referee|traffic|politics|"
         r"football|game"),
    )
}
"""Rule by rule, words in the same sentence that give an everyday reading."""
_NEEDS = {
    "injured": _compile(r"\b(?:he|she|they|you|him|her|them)\b|" + _NAME),
    "gave it up for them": _compile(r"(?:he|she|they|you)\s+(?:says|said|gets|got|would|'d|doesn't|"
                                     r"didn't|won't|hates?|thinks?|made|makes)"),
    "what happens when": _compile(r"\b(?:he|she|they|you|him|her|them|punish\w*|disrespectful)\b"),
    "hear them coming": _compile(
        r"shake|shaking|tense|tenses|panic\w*|dread\w*|freez\w*|froze|hide|hid|hiding|get\s+ready|"
        r"stomach|heart|flinch\w*|jump|scared|afraid|terrified|nervous|anxious|brace|bracing|quiet"
    ),
}
"""Rule by rule, words that must share the sentence for a match to count."""

_AGREED = _compile(
    r"on\s+purpose|at\s+my\s+request|(?:i|we)\s+asked\s+(?:him|her|them|you)\s+to|asked\s+(?:him|"
    r"her|them|you)\s+to|my\s+idea|(?:we|both\s+of\s+us)\s+(?:both\s+)?(?:agreed|chose|decided|wanted"
    r")|as\s+we\s+(?:discussed|agreed)|like\s+we\s+agreed|we\s+agreed|i\s+mean\s+it|even\s+if\s+i\s+"
    r"beg|by\s+mistake|by\s+accident|accidentally|we\s+laughed|i\s+(?:find\s+it|feel)\s+(?:comforting"
    r"|safe|grateful)|makes\s+me\s+feel\s+safe|peace\s+of\s+mind|i'm\s+grateful|i\s+like\s+knowing|"
    r"full\s+access|neither\s+of\s+us|both\s+(?:get|have|read|use)|we\s+both|because\s+<i>\s+(?:keep"
     r"\s+)?(?:forget|forgetting|lose|losing)|looking\s+for\s+(?:his|her|their|the)\s+(?:keys|wallet|"
     r"phone|glasses|charger|lighter)"
)
"""Words that make an arrangement a shared choice: "on purpose", "I asked her to", "we agreed"."""

_PLAY = _compile(
    r"lol|lmao\w*|haha\w*|hehe|jk|(?:just|only)\s+(?:a\s+)?jok\w+|was\s+"
    r"joking|kidding|mario\s*kart|chess|monopoly|scrabble|(?:board|video|card)\s+games?|a\s+game\s+of|"
    r"pillow\s+fight|tickl\w*|prank|surprise|hostage|hit\w*\s+the\s+gym|very\s+mature|a\s+hawk|eyes\s+"
    r"everywhere|in\s+this\s+rain|in\s+charge\s+of\s+my\s+phone"
)
"""A joke or a game in the same sentence: "he'll kill me if I forget the oat milk 😂"."""
_LAUGHING = re.compile("[😂🤣😭😤]")

_ELSEWHERE = _compile(
    r"films?|movies?|novels?|the\s+book|series|(?:tv|the|a)\s+show|documentary|doc|"
    r"podcast|the\s+news|article|episode|story|true\s+crime|nightmare|dream\w*|character|statistics|"
    r"(?:a|the)\s+report\s+(?:on|about)|research|lecture|seminar|training\s+(?:on|about)"
)
"""Words that put the danger on a page, a screen or in a dream."""

_DENIABLE = frozenset({"afraid of them", "scared to say no"})
_NEGATED = re.compile(r"(?:\b(?:not|never|no\s+longer)|n'?t)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""A denial just before a fear word: "I'm not scared of him"."""

_PERSON = re.compile(
    r"(?<!\w)(?:(?P<partner>he|she|they|you|u|his|her|their|your|ur|him|them|my\s+"
    + _PARTNER_NOUN
    + r")|(?P<other>(?:my|his|her|their|your|ur|a|the|that|this|some|our|previous|former)\s+"
    r"(?:\w+[\s-]+)?(?:brother|sister|dad|father|step-?(?:father|dad|mum|mother)|mum|mom|mother|"
    r"grand\w+|gran|nan|uncle|aunt|cousin|son|daughter|boss|manager|landlord|landlady|colleague|"
    r"co-?worker|neighbou?r|friend|stranger|teacher|coach|flatmate|roommate|guy|man|woman|bloke|"
    r"someone|somebody|husband|wife|stalker)(?!'?s\b)|someone|somebody|a\s+guy|a\s+man|a\s+woman"
    r"))(?!\w)",
    re.IGNORECASE,
)
"""Who an act belongs to: the partner, or someone else (a brother, a landlord, a stranger,
a novel's husband)."""

_VOCABULARY = frozenset(
    re.findall(
        r"[a-z]+",
        " ".join([_expand(p) for *_, p in RULES] + [p.pattern for p in (
            _AGREED, _PLAY, _ELSEWHERE, _PERSON, *_UNLESS.values(), *_NEEDS.values())]),
    )
)
"""Every word the rules spell out: a capitalised word among them is not taken for a name."""
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")

_REACH = 300
_QUOTES = (("’", "'"), ("‘", "'"), ("`", "'"), ("´", "'"), ("“", '"'), ("”", '"'))


@dataclass(frozen=True, slots=True)
class Sign:
    kind: Kind
    start: int
    end: int


def danger_signs(text: str) -> tuple[Sign, ...]:
    """Every match in `text` that counts, in order of where it starts."""
    plain = _fold(_straight(text))  # one character for one, so spans still index `text`
    found = [
        Sign(kind, match.start(), match.end())
        for kind, name, pattern in _COMPILED
        for match in pattern.finditer(plain)
        if _counts(plain, match, kind, name)
    ]
    return tuple(sorted(found, key=lambda sign: (sign.start, sign.end)))


def danger_kinds(text: str) -> tuple[Kind, ...]:
    """The kinds of danger `text` speaks of, in KINDS order; () when none."""
    found = {sign.kind for sign in danger_signs(text)}
    return tuple(kind for kind in KINDS if kind in found)


def _counts(text: str, match: re.Match[str], kind: Kind, name: str) -> bool:
    """Whether a match is the partner's act (or fear of them), meant, and not agreed."""
    at = match.start()
    start, end = _sentence(text, at)
    if _PLAY.search(text, start, end) or _LAUGHING.search(text, start, end):
        return False
    if _ELSEWHERE.search(text, start, end):
        return False
    unless, needs = _UNLESS.get(name), _NEEDS.get(name)
    if unless and unless.search(text, start, end):
        return False
    if needs and not needs.search(text, start, end):
        return False
    if kind in ("control", "monitoring") and _AGREED.search(text, start, end):
        return False
    if kind == "fear":
        return name not in _DENIABLE or not _NEGATED.search(text, max(start, at - 30), at)
    return name in _OWN_ACCOUNT or _whose(text, start, at) != "other"


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The sentence holding `at`, at most _REACH characters either side (so a long text
    without full stops costs no more than a short one)."""
    low, high = max(0, at - _REACH), min(len(text), at + _REACH)
    start = max(low, max(text.rfind(mark, low, at) for mark in ".!?;\n") + 1)
    ends = [i for i in (text.find(mark, at, high) for mark in ".!?;\n") if i != -1]
    return start, min(ends) if ends else high


def _whose(text: str, start: int, at: int) -> str | None:
    """"partner" or "other": the person a match starts with, else the last person named
    just before it (a few words, same clause), else the last one earlier in its sentence;
    None when the sentence names nobody."""
    first = _PERSON.match(text, at)
    if first:
        return "partner" if first.group("partner") else "other"
    last = None
    for person in _PERSON.finditer(text, max(start, text.rfind(",", start, at) + 1, at - 30), at):
        last = "partner" if person.group("partner") else "other"
    if last is None:
        for person in _PERSON.finditer(text, max(start, at - 150), at):
            last = "partner" if person.group("partner") else "other"
    return last


def _straight(text: str) -> str:
    """Curly quotes and backticks as straight ones, one character for one."""
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _fold(text: str) -> str:
    """Lower case, one character for one, with each capitalised word the rules do not spell
    out ("Tom", "Priya") marked as a name by turning its first letter into "_"."""
    folded = text.lower()
    if len(folded) != len(text):
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    names = [m.start() for m in _CAPITALISED.finditer(text) if m.group().lower() not in _VOCABULARY]
    if not names:
        return folded
    chars = list(folded)
    for at in names:
        chars[at] = "_"
    return "".join(chars)
