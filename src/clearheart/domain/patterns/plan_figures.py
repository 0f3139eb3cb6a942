"""The plans section's figures, added up once, for the tiles and the sentences alike.

What came of a suggestion (confirmed, moved, turned down, called off later, no
reply, unclear) is counted from the offer's link, never from the kinds of
messages around it: a "can't tonight, Sunday?" answer moves a plan without
being a reschedule message, and "no" turns one down without being a
cancellation. Tiles that counted message kinds once said "Moved: 0" beside a
sentence saying one was moved. Everything the page shows about plans is a
field of PlanFigures, over the whole chat or over one month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clearheart.domain.patterns.plans import Outcome, PlanCounts


@dataclass(frozen=True, slots=True)
class PlanFigures:
    suggested: int
    """Plans suggested (proposal messages), by anyone."""
    outcomes: tuple[tuple[Outcome, int], ...]
    """What came of those suggestions, every Outcome listed; they add up to `suggested`."""
    cancellations: int
    """Messages calling a plan off or saying "can't make it", whoever wrote them."""

    def outcome(self, outcome: Outcome) -> int:
        return dict(self.outcomes).get(outcome, 0)


def plan_figures(people: Sequence[PlanCounts]) -> PlanFigures:
    """The figures of everyone's plans together (one PlanCounts per person)."""
    return PlanFigures(
        suggested=sum(p.proposals for p in people),
        outcomes=tuple((o, sum(p.outcome(o) for p in people)) for o in Outcome),
        cancellations=sum(p.cancellations for p in people),
    )
