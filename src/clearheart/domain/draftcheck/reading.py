"""What a draft check returns, and the two seams the service layer fills (tone, model).

Pure data: the kinds, the Flag and the Reading, the one sentence that explains each kind,
and the Protocols for the VADER tone scorer and the optional embedding classifier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, get_args

from clearheart.domain.draftcheck.language import Unread

Kind = Literal[
    "criticism",
    "contempt",
    "sarcasm",
    "defensiveness",
    "ultimatum",
    "threat",
    "guilt_trip",
    "intensity",
    "reassurance_seeking",
]
KINDS: tuple[Kind, ...] = get_args(Kind)
"""The kinds in the order they are reported."""
Source = Literal["rule", "tone", "model"]

WHY: Mapping[Kind, str] = {
    "criticism": (
        "This speaks about who they are, or what they always do, rather than one moment, "
        "so it may land as blame."
    ),
    "contempt": "Words that mock or put someone down tend to end the conversation, not open it.",
    "sarcasm": "Sarcasm hides what you mean; they may hear the sting and miss the need.",
    "defensiveness": "This pushes the blame back, which often makes both of you dig in.",
    "ultimatum": (
        "A demand made in the heat of the moment can force a decision neither of you wants."
    ),
    "threat": "This reads as a threat; it can frighten, and it can hurt you both.",
    "guilt_trip": "This asks them to feel guilty rather than telling them what you need.",
    "intensity": "The strength of feeling here may flood the message; it could land as an attack.",
    "reassurance_seeking": (
        "Asking again and again for reassurance while you wait can feel like pressure to them."
    ),
}
"""One kind sentence per kind, shown as a flag's `why`."""


@dataclass(frozen=True, slots=True)
class Flag:
    """One thing that may land badly: `text[start:end]` is the evidence."""

    kind: Kind
    start: int
    end: int
    why: str
    source: Source
    rule: str = ""
    """The id of the rule that matched ("" for tone and model flags)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """The result of checking one draft."""

    pause: bool
    flags: tuple[Flag, ...]
    tips: tuple[str, ...]
    safety: bool
    """The draft shows fear, threats of harm or coercion: offer safety resources, not coaching."""
    unread: Unread | None = None
    """Set when the draft is in a language the check cannot read (domain/draftcheck/
    language.py): nothing was judged, so `pause` False means "not checked", never "calm"."""

    @property
    def kinds(self) -> tuple[Kind, ...]:
        """Each flagged kind once, in the order of KINDS."""
        seen = {flag.kind for flag in self.flags}
        return tuple(kind for kind in KINDS if kind in seen)


@dataclass(frozen=True, slots=True)
class ToneScores:
    """Valence of a text: compound in [-1, 1]; negative and positive shares in [0, 1]."""

    compound: float
    negative: float
    positive: float


class Tone(Protocol):
    """A valence scorer (VADER in the service layer)."""

    def scores(self, text: str) -> ToneScores: ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the rules and the tone scorer found in a draft, for the model to weigh."""

    kinds: Mapping[Kind, int]
    """How many separate stretches the rules flagged, per kind (kinds without any left out)."""
    pause: bool
    """The rules' own decision."""
    safety: bool
    tone: ToneScores | None


@dataclass(frozen=True, slots=True)
class Judgement:
    """The model's reading of a whole draft."""

    pause: bool
    kinds: Mapping[Kind, int]
    """The kinds it reads in the draft, each with the index of the sentence that carries it
    most. Not empty when `pause` is true."""
    safety: int | None = None
    """The index of the sentence that shows fear, harm or coercion most, when the model
    reads such a sign; None when it reads none."""


class Model(Protocol):
    """A trained classifier that weighs the rules' evidence with what the words mean.

    `sentences` are the draft's sentences as the engine splits them (at least one). The
    model decides the pause for the whole draft; the engine keeps every rule flag as
    evidence when it pauses and adds a flag for each kind the rules did not mark.
    """

    def judge(self, text: str, sentences: Sequence[str], evidence: Evidence) -> Judgement: ...
