"""Plans: which messages proposed, confirmed, cancelled or moved a plan, and what came of each.

Detection is two steps. One scan over the whole chat finds anchor words (plan_scan.ANCHORS);
only those messages are checked against the rules the anchors point to. Each message gets at
most one kind (plan_rules.PRIORITY), with the rule and the words that matched, so the person
can see exactly what counted. A message that both cancels and proposes ("can't tonight, are
you free Sunday?") is a reschedule.

Linking: every proposal or reschedule (an offer) looks ahead `window_hours` (48 by default).
The other person's first reply turn (up to three messages) is read with the reply-only rules
("yes", "sure", "can't"); any rule hit in the window counts too. The last event in the window
settles the outcome; a counter-offer from the other person, or a reschedule, ends the window.
No message from anyone else in the window is NO_REPLY; messages that match nothing, UNCLEAR.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from clearheart.domain.patterns.periods import Periods
from clearheart.domain.patterns.plan_rules import (
    BY_ID,
    COMBINED,
    PRIORITY,
    REPLY,
    STANDALONE,
    PlanKind,
    PlanRule,
)
from clearheart.domain.patterns.timeline import Basis, Timeline

DEFAULT_WINDOW_HOURS = 48.0
REPLY_MESSAGES = 3


class Outcome(StrEnum):
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"
    NO_REPLY = "no_reply"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class PlanHit:
    index: int
    """Position of the message in the caller's sequence."""
    at: datetime
    sender: str
    kind: PlanKind
    rule: str
    span: tuple[int, int]
    """Where in the message's text the rule matched."""
    matched: str


@dataclass(frozen=True, slots=True)
class PlanLink:
    offer: PlanHit
    outcome: Outcome
    settled_by: PlanHit | None
    """The message that settled it; None for NO_REPLY and UNCLEAR."""


@dataclass(frozen=True, slots=True)
class PlanCounts:
    """One person's plan messages, and what came of the offers they made."""

    proposals: int = 0
    reschedules: int = 0
    cancellations: int = 0
    confirmations: int = 0
    declines: int = 0
    outcomes: tuple[tuple[Outcome, int], ...] = ()
    """What came of this person's proposals, every Outcome listed (reschedules are offers
    too and have links, but are not counted here)."""

    def outcome(self, outcome: Outcome) -> int:
        return dict(self.outcomes).get(outcome, 0)


@dataclass(frozen=True, slots=True)
class PlanMonth:
    start: date
    label: str
    people: tuple[PlanCounts, ...]


@dataclass(frozen=True, slots=True)
class Plans:
    window_hours: float
    names: tuple[str, ...]
    hits: tuple[PlanHit, ...]
    """Every message that counted, in time order."""
    links: tuple[PlanLink, ...]
    overall: tuple[PlanCounts, ...]
    by_month: tuple[PlanMonth, ...]
    basis: Basis


def classify(text: str, rule_ids: Sequence[str] | None = None) -> tuple[PlanRule, int, int] | None:
    """The rule that names one message (by PRIORITY), with the span it matched, or None.

    `rule_ids` limits the standalone rules tried (the scan's anchors choose them).
    """
    rules = STANDALONE if rule_ids is None else [BY_ID[r] for r in rule_ids]
    found: dict[PlanKind, tuple[PlanRule, int, int]] = {}
    for rule in rules:
        if rule.kind in found:
            continue
        match = rule.pattern.search(text)
        if match:
            found[rule.kind] = (rule, match.start(), match.end())
    if not found:
        return None
    if (
        PlanKind.CANCELLATION in found
        and PlanKind.PROPOSAL in found
        and PlanKind.RESCHEDULE not in found
    ):
        _, a, b = found[PlanKind.CANCELLATION]
        _, c, d = found[PlanKind.PROPOSAL]
        return COMBINED, min(a, c), max(b, d)
    for kind in PRIORITY:
        if kind in found:
            return found[kind]
    return None


def classify_reply(text: str) -> tuple[PlanRule, int, int] | None:
    """A first answer to an offer read with the reply-only rules: a decline before a yes."""
    for rule in REPLY:
        match = rule.pattern.search(text)
        if match:
            return rule, match.start(), match.end()
    return None


def _hit(timeline: Timeline, position: int, rule: PlanRule, start: int, end: int) -> PlanHit:
    return PlanHit(
        index=timeline.source[position],
        at=timeline.stamps[position],
        sender=timeline.names[timeline.sender[position]],
        kind=rule.kind,
        rule=rule.id,
        span=(start, end),
        matched=timeline.texts[position][start:end],
    )


OFFERS = (PlanKind.PROPOSAL, PlanKind.RESCHEDULE)
_KIND_FIELD = {
    PlanKind.PROPOSAL: "proposals",
    PlanKind.RESCHEDULE: "reschedules",
    PlanKind.CANCELLATION: "cancellations",
    PlanKind.CONFIRMATION: "confirmations",
    PlanKind.DECLINE: "declines",
}


def detect(timeline: Timeline) -> dict[int, PlanHit]:
    """Standalone rule hits, by timeline position (classified as the timeline was built)."""
    return {position: _hit(timeline, position, *found)
            for position, found in sorted(timeline.plans.items())}


def _settle(
    events: list[tuple[int, PlanHit, bool]], replied: bool
) -> tuple[Outcome, PlanHit | None]:
    """The outcome of one offer from its events: (position, hit, written by the offerer)."""
    outcome: Outcome | None = None
    settled: PlanHit | None = None
    for _, hit, mine in sorted(events, key=lambda e: e[0]):
        if hit.kind in OFFERS:
            outcome = Outcome.RESCHEDULED
        elif hit.kind is PlanKind.CONFIRMATION:
            outcome = Outcome.CONFIRMED
        elif hit.kind is PlanKind.DECLINE:
            outcome = Outcome.DECLINED
        elif mine or outcome is Outcome.CONFIRMED:
            outcome = Outcome.CANCELLED
        else:
            outcome = Outcome.DECLINED
        settled = hit
    if outcome is None:
        return (Outcome.UNCLEAR if replied else Outcome.NO_REPLY), None
    return outcome, settled


def link(
    timeline: Timeline, hits: dict[int, PlanHit], window_hours: float
) -> tuple[list[PlanLink], dict[int, PlanHit]]:
    """Each offer's outcome, and the reply-rule hits found on the way (by position)."""
    stamps, sender, turns, texts = timeline.stamps, timeline.sender, timeline.turns, timeline.texts
    positions = sorted(hits)
    window = timedelta(hours=window_hours)
    replies: dict[int, PlanHit] = {}
    links = []
    for at in positions:
        offer = hits[at]
        if offer.kind not in OFFERS:
            continue
        who = sender[at]
        limit = bisect_right(stamps, stamps[at] + window, lo=at)
        turn = bisect_right(turns, at)
        first = turns[turn] if turn < len(turns) else timeline.size
        reply_end = turns[turn + 1] if turn + 1 < len(turns) else timeline.size
        events: list[tuple[int, PlanHit, bool]] = []
        stop = limit
        for q in positions[bisect_right(positions, at) : bisect_left(positions, limit)]:
            hit = hits[q]
            mine = sender[q] == who
            if hit.kind is PlanKind.PROPOSAL:
                if mine:
                    continue
                # A counter-proposal in the first answer moves the plan; a later, unrelated
                # proposal from the other person just closes this one's window.
                if first <= q < min(reply_end, first + REPLY_MESSAGES):
                    events.append((q, hit, mine))
                stop = q
                break
            if hit.kind is PlanKind.CONFIRMATION and mine:
                continue
            events.append((q, hit, mine))
            if hit.kind is PlanKind.RESCHEDULE:
                stop = q
                break
        replied = first < stop
        if replied:
            for q in range(first, min(reply_end, first + REPLY_MESSAGES, stop)):
                if q in hits:
                    break
                found = replies.get(q)
                if found is None:
                    match = classify_reply(texts[q])
                    if match is None:
                        continue
                    found = replies[q] = _hit(timeline, q, *match)
                events.append((q, found, False))
                break
        outcome, settled = _settle(events, replied)
        links.append(PlanLink(offer, outcome, settled))
    return links, replies


def _counts(hits: Sequence[PlanHit], links: Sequence[PlanLink], name: str) -> PlanCounts:
    kinds = Counter(h.kind for h in hits if h.sender == name)
    outcomes = Counter(
        link.outcome
        for link in links
        if link.offer.sender == name and link.offer.kind is PlanKind.PROPOSAL
    )
    fields = {field: kinds.get(kind, 0) for kind, field in _KIND_FIELD.items()}
    return PlanCounts(**fields, outcomes=tuple((o, outcomes.get(o, 0)) for o in Outcome))


def find_plans(
    timeline: Timeline,
    months: Periods,
    basis: Basis,
    window_hours: float = DEFAULT_WINDOW_HOURS,
) -> Plans:
    standalone = detect(timeline)
    links, replies = link(timeline, standalone, window_hours)
    merged = {**standalone, **replies}
    order = sorted(merged)
    hits = [merged[p] for p in order]
    hits_by_month: dict[int, list[PlanHit]] = defaultdict(list)
    links_by_month: dict[int, list[PlanLink]] = defaultdict(list)
    month_at: dict[int, int] = {}
    for position, hit in zip(order, hits, strict=True):
        month = bisect_right(months.bounds, position) - 1
        hits_by_month[month].append(hit)
        month_at[id(hit)] = month
    for plan_link in links:
        links_by_month[month_at[id(plan_link.offer)]].append(plan_link)
    by_month = []
    same: dict[PlanCounts, PlanCounts] = {}  # most months count alike (nothing, often): kept once
    for index, start in enumerate(months.starts):
        people = tuple(
            same.setdefault(counts, counts)
            for counts in (_counts(hits_by_month[index], links_by_month[index], name)
                           for name in timeline.names)
        )
        by_month.append(PlanMonth(start, months.label(index), people))
    return Plans(
        window_hours=window_hours,
        names=timeline.names,
        hits=tuple(hits),
        links=tuple(links),
        overall=tuple(_counts(hits, links, name) for name in timeline.names),
        by_month=tuple(by_month),
        basis=basis,
    )
