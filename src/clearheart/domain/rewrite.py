"""The guided rewrite: a hard draft turned into a calm request, in the person's own words.

"When …, I felt …. I'd like … Would you be willing to …?" is filled ONLY from
four answers the person gives (concept B3). The clean-up is light and honest:
spaces trimmed, the first letter fitted to the middle of a sentence, end
punctuation left to the frame. Nothing is added that the person did not
write. A sweeping "you never …" in what happened is not quietly softened: the
person is asked, kindly, to describe one moment instead.

Also the two other ways through the moment, as data: say it once and then look
after yourself (B5, B6), or write it in the journal instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from clearheart.errors import InvalidInput

MAX_ANSWER = 600
FIELDS = ("happened", "felt", "need", "request")


@dataclass(frozen=True, slots=True)
class Question:
    field: str
    label: str
    hint: str
    example: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "happened",
        "What happened?",
        "Only what a camera would have seen or heard: what was said or done, and when.",
        "you said you'd call at eight and the phone stayed quiet",
    ),
    Question(
        "felt",
        "What did you feel?",
        "A word or two for the feeling itself: lonely, worried, hurt, unsure.",
        "worried and a bit alone",
    ),
    Question(
        "need",
        "What do you need?",
        "The need under the feeling: to know where you stand, some closeness, a plan.",
        "to know you're still up for our plans",
    ),
    Question(
        "request",
        "What one thing could they do?",
        "One small, specific thing they could say yes or no to.",
        "send a quick text when plans change",
    ),
)
BY_FIELD = {q.field: q for q in QUESTIONS}


@dataclass(frozen=True, slots=True)
class Answers:
    happened: str = ""
    felt: str = ""
    need: str = ""
    request: str = ""

    def get(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True, slots=True)
class Rewrite:
    before: str
    """The draft as the person wrote it, untouched."""
    after: str
    """The request built from their answers; theirs to edit."""
    answers: Answers
    """The answers after the light clean-up, exactly as used in `after`."""


@dataclass(frozen=True, slots=True)
class Alternative:
    id: str
    title: str
    summary: str
    steps: tuple[str, ...]


SAY_ONCE = Alternative(
    "say-once",
    "Say it once, then look after yourself",
    "You can let them know what you need one time, warmly, and then turn to your own care.",
    (
        "Send one short message that says what you need. One is enough.",
        "Put the phone somewhere out of reach for a while, face down or in another room.",
        "Do one kind thing for yourself: a walk, a shower, a call with a friend, some music.",
        "If the reply is slow, that is about their pace, not about your worth.",
        "Come back to it later, when the wave has passed, and see how you feel then.",
    ),
)
JOURNAL_INSTEAD = Alternative(
    "journal",
    "Write it in your journal instead",
    "Everything you wanted to say still matters. The journal holds it, and only you will read it.",
    (
        "Your draft goes into a new journal entry, word for word.",
        "Nothing is sent to anyone.",
        "You can come back later and decide whether any of it still needs saying.",
    ),
)
ALTERNATIVES = (SAY_ONCE, JOURNAL_INSTEAD)

JOURNAL_TAG = "pause"
"""The tag a draft handed to the journal carries, so it is easy to find again."""

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRAILING = re.compile(r"[\s.!?,;:…]+$")
_SWEEPING = re.compile(
    r"\b(?:you|you're|youre|you are|he|she|they)\s+(?:always|never|constantly)\b"
    r"|\bevery\s+single\s+time\b|\bnever\s+once\b",
    re.IGNORECASE,
)
# Openings the frame already says; kept only once in the result.
_LEADS = {
    "happened": re.compile(r"^(?:when|whenever)\s+", re.IGNORECASE),
    "felt": re.compile(r"^i\s+(?:felt|feel|am feeling|was feeling|'m feeling)\s+", re.IGNORECASE),
    "need": re.compile(
        r"^(?:i'?d like|i would like|i need|i want|i'd love|i would love)\s+", re.IGNORECASE
    ),
    "request": re.compile(
        r"^(?:would you be willing to|would you|could you|can you|will you|please)\s+",
        re.IGNORECASE,
    ),
}
_LOWER_FIRST = frozenset(
    (
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "it",
        "its",
        "you",
        "your",
        "we",
        "our",
        "my",
        "me",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "after",
        "before",
        "at",
        "on",
        "in",
        "last",
        "yesterday",
        "today",
        "tonight",
        "this",
        "earlier",
        "then",
        "when",
        "while",
        "to",
        "be",
        "for",
        "more",
        "some",
        "just",
        "not",
        "no",
        "all",
        "every",
        "each",
        "one",
    )
)
"""Words safe to write in lower case mid-sentence; any other first word (a name,
"I", an abbreviation) is left exactly as typed."""


def _tidy(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return text.replace("\u2019", "'")


def _mid_sentence(name: str, text: str) -> str:
    """Lower the first letter when it was only capitalised for being first.

    "I", words in capitals and (in what happened, where names are common) any
    word outside a list of ordinary sentence starters keep their capitals.
    """
    first = text.split(" ", 1)[0]
    word = first.strip("'\"“”‘’")
    if not first[:1].isupper() or word[1:] != word[1:].lower():
        return text
    if word == "I" or word.startswith(("I'", "I’")):
        return text
    if name == "happened" and word.lower() not in _LOWER_FIRST:
        return text
    return first[:1].lower() + text[1:]


_MISSING = {
    "happened": "write what happened, as a camera would have seen it",
    "felt": "write a word or two for what you felt",
    "need": "write what you need; it is allowed to need things",
    "request": "write one thing they could do, small enough to say yes to",
}


def clean_answer(name: str, raw: str) -> str:
    """One answer tidied for its place in the frame, or InvalidInput naming the field."""
    if name not in BY_FIELD:
        raise InvalidInput(name, "this is not one of the four questions")
    text = _tidy(raw)
    text = _LEADS[name].sub("", text)
    text = _TRAILING.sub("", text)
    if not text:
        raise InvalidInput(name, _MISSING[name])
    if len(text) > MAX_ANSWER:
        raise InvalidInput(
            name, f"try to keep it short: at most {MAX_ANSWER} characters (this has {len(text)})"
        )
    if name == "happened" and _SWEEPING.search(text):
        raise InvalidInput(
            "happened",
            "“always” and “never” are how it feels when it keeps happening, and that makes "
            "sense. Here, try one moment instead: what was said or done, and when",
        )
    return _mid_sentence(name, text)


def problems(answers: Answers) -> dict[str, str]:
    """Every field that needs a change, with a kind reason; empty when all is well."""
    found: dict[str, str] = {}
    for name in FIELDS:
        try:
            clean_answer(name, answers.get(name))
        except InvalidInput as exc:
            found[exc.field] = exc.reason
    return found


def build(answers: Answers, before: str = "") -> Rewrite:
    """The request built from the four answers; raises InvalidInput for the first field at fault."""
    cleaned = Answers(*(clean_answer(name, answers.get(name)) for name in FIELDS))
    after = (
        f"When {cleaned.happened}, I felt {cleaned.felt}. I'd like {cleaned.need}. "
        f"Would you be willing to {cleaned.request}?"
    )
    return Rewrite(before=before, after=after, answers=cleaned)


def journal_text(draft: str, rewrite: str | None = None) -> str:
    """A held draft as a journal entry: the person's words, and their rewrite if they made one."""
    text = draft.strip()
    if rewrite and rewrite.strip() and rewrite.strip() != text:
        text += "\n\nHow I might say it:\n" + rewrite.strip()
    return text
