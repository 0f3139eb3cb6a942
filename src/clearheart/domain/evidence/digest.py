"""The evidence grouped under the decision questions, with what could add to an empty one.

An item that bears on two questions shows under both; the order within a question is the
registry's (sources.SOURCES), so the same vault always reads the same way. A question with
no item lists how each of its sources could add some, once each, so the person sees what
is missing instead of a silence that looks like an answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clearheart.domain.evidence.item import KEYS, EvidenceItem, Question
from clearheart.domain.evidence.sources import SOURCES, sources_for

_ORDER = {source: n for n, source in enumerate(SOURCES)}


@dataclass(frozen=True, slots=True)
class Section:
    question: Question
    items: tuple[EvidenceItem, ...]
    adds: tuple[str, ...]
    """When there are no items: how the person could add evidence here, one line each."""


def sections(items: Iterable[EvidenceItem]) -> tuple[Section, ...]:
    """Every decision question in order, each with the items that bear on it."""
    ordered = sorted(items, key=lambda i: (_ORDER[i.source], i.key))
    out = []
    for key, question in KEYS.items():
        mine = tuple(i for i in ordered if key in i.bears_on)
        adds = () if mine else tuple(dict.fromkeys(s.adds for s in sources_for(key)))
        out.append(Section(question, mine, adds))
    return tuple(out)
