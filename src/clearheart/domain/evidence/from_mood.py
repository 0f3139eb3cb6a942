"""Evidence from the journal's mood check-ins (1 to 5), month by month.

Each month is the mean of its check-ins, shown beside its count; the item gives the
overall mean over every check-in, and describes, never compares: no month is said to be
better or worse than another, so it claims no change. Months with no check-in are left
out. No check-ins, no item.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from clearheart.domain.evidence.item import EvidenceItem, Point
from clearheart.domain.evidence.sources import SOURCES
from clearheart.domain.patterns.wording import count, month


class MonthMood(Protocol):
    @property
    def start(self) -> date: ...
    @property
    def mean(self) -> float: ...
    @property
    def checkins(self) -> int: ...


def mood_item(months: Sequence[MonthMood], until: date) -> EvidenceItem | None:
    """`months` oldest first; `until` (today, or the end asked for) caps the last month."""
    months = [m for m in months if m.checkins]
    if not months:
        return None
    n = sum(m.checkins for m in months)
    mean = sum(m.mean * m.checkins for m in months) / n
    first, last = months[0].start, months[-1].start
    end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    when = month(first) if first == last else f"from {month(first)} to {month(last)}"
    source = SOURCES["journal-mood"]
    return EvidenceItem(
        key=source.id,
        concept=source.concept,
        bears_on=source.bears_on,
        title="Your mood check-ins",
        text=(
            f"You checked in on your mood {count(n, 'time')} {when}; the average was "
            f"{mean:.1f} on a scale from 1 (very low) to 5 (very good)."
        ),
        n=n,
        unit="check-ins" if n != 1 else "check-in",
        since=first,
        until=max(first, min(end, until)),
        link="/journal",
        months=tuple(Point(m.start, f"{m.mean:.1f} of 5", m.checkins) for m in months),
    )
