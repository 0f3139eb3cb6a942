"""Questionnaires as values: instruments, their items and subscales, results and changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Rule = Literal["mean", "sum"]
Kind = Literal["reflection", "instrument"]
Group = Literal["me", "us", "partner", "decision", "safety", "dating", "loaded"]
GROUPS: tuple[Group, ...] = ("me", "us", "partner", "decision", "safety", "dating", "loaded")

OWN_MET = "met"
"""Own-items instruments: the mean rating of the needs the person named."""
OWN_NOT_MET = "not-met"
"""Own-items instruments: how many needs were rated in the lower third of the scale."""
OWN_MIN_NEEDS, OWN_MAX_NEEDS, OWN_MAX_NAME = 1, 20, 80
MIN_ANSWERED = 0.8
"""A subscale is scored only when at least this share of its items has an answer."""


@dataclass(frozen=True, slots=True)
class Scale:
    """A response scale: whole numbers from `min` to `max`, some with anchor words."""

    min: int
    max: int
    labels: dict[int, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.min, self.max, tuple(sorted(self.labels.items()))))

    @property
    def points(self) -> tuple[int, ...]:
        return tuple(range(self.min, self.max + 1))

    def label(self, value: int) -> str | None:
        return self.labels.get(value)


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    subscale: str | None
    reverse: bool
    safety: int | None
    """An answer at or above this (and above 0) is a danger sign; None: never."""
    scale: Scale

    def scored(self, answer: int) -> int:
        """The answer as it counts toward a score: reverse-keyed items are flipped."""
        return self.scale.min + self.scale.max - answer if self.reverse else answer

    def is_danger(self, answer: int) -> bool:
        return self.safety is not None and answer >= self.safety and answer > 0


BasisKind = Literal["test-retest", "internal consistency", "rule of thumb"]
BASIS_KINDS: tuple[BasisKind, ...] = ("test-retest", "internal consistency", "rule of thumb")


@dataclass(frozen=True, slots=True)
class ChangeBasis:
    """What the smallest detectable change of a subscale rests on.

    `sd` is the spread of scores between people and `reliability` how well a score repeats
    itself; with a published source, both come from it (`kind` says which reliability:
    test-retest where it was measured, else internal consistency). With no published
    figures, `kind` is "rule of thumb" and both are set by one stated rule
    (domain/assess/detectable.py), never typed in per file.
    """

    sd: float
    reliability: float
    kind: BasisKind
    source: str
    """The citation (with the retest interval where there is one); "" for a rule of thumb."""


@dataclass(frozen=True, slots=True)
class Subscale:
    id: str
    title: str
    rule: Rule
    items: tuple[str, ...]
    """Item ids scored here; empty when the subscale combines others."""
    low: str
    high: str
    basis: ChangeBasis
    minimum: float
    maximum: float
    """The score's possible range."""
    combine: tuple[str, ...] = ()
    """Other subscales joined into this one (items is then empty): their sum, or their
    mean when rule is "mean"."""
    subtract: str | None = None
    """A subscale taken away afterwards: combine=["a"], subtract="b" is a - b."""


@dataclass(frozen=True, slots=True)
class Norm:
    """A published mean and spread for one subscale, with who it was measured in."""

    subscale: str
    mean: float
    sd: float
    n: int
    population: str


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    version: str
    title: str
    locale: str
    kind: Kind
    licence: str
    citation: str
    about: str
    per_person: bool
    own_items: bool
    minutes: int
    concepts: tuple[str, ...]
    scale: Scale
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    does: str
    does_not: str
    examples: tuple[str, ...] = ()
    norms: tuple[Norm, ...] = ()
    group: Group = "me"

    def item(self, item_id: str) -> Item | None:
        for item in self.items:
            if item.id == item_id:
                return item
        return None

    def subscale(self, subscale_id: str) -> Subscale | None:
        for sub in self.subscales:
            if sub.id == subscale_id:
                return sub
        return None

    @property
    def has_safety(self) -> bool:
        return any(item.safety is not None for item in self.items)


@dataclass(frozen=True, slots=True)
class Score:
    """One subscale's score in one take, with how much it rests on."""

    subscale: str
    value: float | None
    """None: not enough answers to say."""
    answered: int
    of: int
    note: str | None = None
    """Plain words when the score is pro-rated or missing."""


@dataclass(frozen=True, slots=True)
class Result:
    id: int | None
    instrument_id: str
    instrument_version: str
    taken_at: datetime
    """Aware local time of the take."""
    subject: str | None
    answers: dict[str, object]
    scores: dict[str, float | None]


@dataclass(frozen=True, slots=True)
class Change:
    subscale: str
    before: float
    after: float
    delta: float
    noticeable: bool
    """The change as shown (both scores rounded as the person sees them) is at least the
    smallest detectable change, also as shown."""
    sentence: str
    """The whole reading: the move, whether it passes the threshold, and `basis`."""
    basis: str
    """What the threshold rests on, in plain words (the last sentence of `sentence`)."""
