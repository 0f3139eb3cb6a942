"""The evidence a decision about the relationship can rest on (concepts D1, D2, D4, C3).

Each item says what the person's own records show, how much it rests on and over which
dates, and where it came from; `sources.SOURCES` says which question each source speaks
to. Nothing here weighs the items or adds them up: the choice stays with the person.
"""

from clearheart.domain.evidence.item import KEYS, DecisionKey, EvidenceItem, Point
from clearheart.domain.evidence.sources import SOURCES, Source, sources_for

__all__ = ["KEYS", "SOURCES", "DecisionKey", "EvidenceItem", "Point", "Source", "sources_for"]
