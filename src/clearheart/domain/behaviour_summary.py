"""The behaviour log, week by week: how bids were met, repairs, pulling back, what I did.

Weeks are ISO weeks (Monday first) of the person's own local days. Every figure
comes with a plain sentence that says what it rests on, and a share of bids is
shown only once there are enough bids to make it more than a coin toss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from clearheart.domain.behaviour import (
    BIDS,
    BY_ID,
    REPAIRS,
    REPAIRS_ACCEPTED,
    WHAT_I_DID,
    WITHDRAWALS,
    LogEntry,
    week_of,
)
from clearheart.domain.percent import percent_of

MIN_BIDS = 3
"""Fewer answered bids than this in a week (or overall) gives "not enough yet", not a share."""
RESEARCH_NOTE = (
    "The idea of bids comes from research with couples, which looked at how often partners "
    "turn toward each other's small reaches for attention. Here it is only what you noted, "
    "not a grade for either of you."
)


def plural(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


@dataclass(frozen=True, slots=True)
class Week:
    start: date
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def entries(self) -> int:
        return sum(self.counts.values())

    def count(self, *kinds: str) -> int:
        return sum(self.counts.get(k, 0) for k in kinds)

    @property
    def toward(self) -> int:
        return self.count("bid_toward")

    @property
    def answered(self) -> int:
        """Bids logged with how they were met: toward, away or against."""
        return self.count(*BIDS)

    @property
    def ratio(self) -> float | None:
        """Share of bids met by turning toward; None below MIN_BIDS."""
        return self.toward / self.answered if self.answered >= MIN_BIDS else None

    @property
    def repairs(self) -> int:
        return self.count(*REPAIRS)

    @property
    def repairs_accepted(self) -> int:
        return self.count(*REPAIRS_ACCEPTED)

    @property
    def withdrawals(self) -> int:
        return self.count(*WITHDRAWALS)

    @property
    def did(self) -> dict[str, int]:
        return {k: self.counts.get(k, 0) for k in WHAT_I_DID}


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    label: str
    value: str
    """The figure itself, short: "7 of 9", "not enough yet", "3"."""
    sentence: str
    """One plain sentence: what it is, and the entries and weeks it rests on."""
    note: str = ""


@dataclass(frozen=True, slots=True)
class LogSummary:
    weeks: tuple[Week, ...]
    total: Week
    """Every week added together (its `start` is the first week's)."""
    figures: tuple[Figure, ...]

    @property
    def entries(self) -> int:
        return self.total.entries

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures if f.id == figure_id)


def weeks_between(first: date, last: date) -> list[date]:
    start, end = week_of(first), week_of(last)
    days = (end - start).days
    return [start + timedelta(days=7 * i) for i in range(days // 7 + 1)] if days >= 0 else []


def summarise(
    entries: Iterable[LogEntry], first: date | None = None, last: date | None = None
) -> LogSummary:
    """Weekly counts from `first` to `last` (default: the entries' own span), empty weeks kept."""
    items: Sequence[LogEntry] = list(entries)
    days = [e.day for e in items]
    first = first or (min(days) if days else None)
    last = last or (max(days) if days else None)
    by_week: dict[date, Counter[str]] = {}
    if first is not None and last is not None:
        by_week = {start: Counter() for start in weeks_between(first, last)}
    for entry in items:
        bucket = by_week.get(week_of(entry.day))
        if bucket is not None:
            bucket[entry.kind] += 1
    weeks = tuple(Week(start, dict(counts)) for start, counts in sorted(by_week.items()))
    total_counts: Counter[str] = Counter()
    for week in weeks:
        total_counts.update(week.counts)
    total = Week(weeks[0].start if weeks else date.min, dict(total_counts))
    return LogSummary(weeks, total, figures(total, len(weeks)))


def figures(total: Week, week_count: int) -> tuple[Figure, ...]:
    over = f"over {plural(week_count, 'week')}"
    return (
        _ratio(total, over),
        _repairs(total, over),
        _withdrawals(total, over),
        _did(total, over),
    )


def _ratio(total: Week, over: str) -> Figure:
    label = "Bids met by turning toward"
    n = total.answered
    if n == 0:
        return Figure(
            "toward",
            label,
            "none logged yet",
            "No bids logged yet. When you reach out and note how it was met, the share shows here.",
            RESEARCH_NOTE,
        )
    if total.ratio is None:
        return Figure(
            "toward",
            label,
            "not enough yet",
            f"Not enough yet: {plural(n, 'bid')} logged {over}. The share shows "
            f"from {MIN_BIDS} bids on.",
            RESEARCH_NOTE,
        )
    away, against = total.count("bid_away"), total.count("bid_against")
    return Figure(
        "toward",
        label,
        f"{total.toward} of {n}",
        f"Of the {plural(n, 'bid')} you logged {over}, they turned toward "
        f"{total.toward} ({percent_of(total.toward, n)}), away from {away} and against {against}.",
        RESEARCH_NOTE,
    )


def _repairs(total: Week, over: str) -> Figure:
    label = "Repairs"
    tried = total.repairs
    if tried == 0:
        return Figure("repairs", label, "none logged yet", f"No repair attempts logged {over}.")
    mine = total.count("repair_mine_accepted", "repair_mine_missed")
    return Figure(
        "repairs",
        label,
        f"{total.repairs_accepted} of {tried} taken up",
        f"{plural(tried, 'repair attempt')} logged {over} ({mine} yours, "
        f"{tried - mine} theirs); {total.repairs_accepted} of them "
        f"{'was' if total.repairs_accepted == 1 else 'were'} taken up.",
    )


def _withdrawals(total: Week, over: str) -> Figure:
    n = total.withdrawals
    return Figure(
        "withdrawals",
        "Times they pulled back",
        f"{n:,}",
        f"You noted them pulling back {plural(n, 'time')} {over}."
        if n
        else f"No pulling back logged {over}.",
    )


def _did(total: Week, over: str) -> Figure:
    done = {k: v for k, v in total.did.items() if v}
    n = sum(done.values())
    if not n:
        return Figure(
            "did",
            "What I did",
            "none logged yet",
            f"Nothing logged yet about what you did {over}. Noting your own side, "
            "without judging it, helps you see your part of the pattern.",
        )
    parts = ", ".join(
        f"{BY_ID[k].label} ({v})" for k, v in sorted(done.items(), key=lambda item: -item[1])
    )
    return Figure(
        "did",
        "What I did",
        f"{n:,}",
        f"From {plural(n, 'entry', 'entries')} about your own side {over}: {parts}.",
    )
