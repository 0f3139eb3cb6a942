"""The evidence digest as the page shows it: questions under their two headings, each
item with its period and months written out."""

from __future__ import annotations

from dataclasses import dataclass

from clearheart.domain.evidence.digest import Section
from clearheart.domain.evidence.item import EvidenceItem
from clearheart.domain.patterns.wording import day, month
from clearheart.services.evidence import Digest

HEADINGS = (
    ("D1", "What helps a relationship heal"),
    ("D2", "What can weigh toward letting go"),
)


@dataclass(frozen=True, slots=True)
class ItemView:
    item: EvidenceItem
    period: str
    """"3 March 2026 to 30 June 2026", or one day."""
    months: tuple[tuple[str, str, int], ...]
    """(month, figure, count) rows."""


@dataclass(frozen=True, slots=True)
class QuestionView:
    section: Section
    items: tuple[ItemView, ...]

    @property
    def id(self) -> str:
        return f"q-{self.section.question.key.replace('_', '-')}"


@dataclass(frozen=True, slots=True)
class PageView:
    groups: tuple[tuple[str, tuple[QuestionView, ...]], ...]
    items: int
    waiting: tuple[str, ...]
    until: str


def period_of(item: EvidenceItem) -> str:
    """ "3 March 2026 to 30 June 2026", or one day."""
    return (
        day(item.since) if item.since == item.until else f"{day(item.since)} to {day(item.until)}"
    )


def _item(item: EvidenceItem) -> ItemView:
    return ItemView(
        item, period_of(item), tuple((month(p.start), p.shown, p.n) for p in item.months)
    )


def view_of(digest: Digest) -> PageView:
    groups = tuple(
        (
            heading,
            tuple(
                QuestionView(s, tuple(_item(i) for i in s.items))
                for s in digest.sections
                if s.question.concept == concept
            ),
        )
        for concept, heading in HEADINGS
    )
    return PageView(groups, len(digest.items), digest.waiting, day(digest.until))
