"""Urges over weeks: how often, what set them off, how long, and mood beside them.

Figures only, each with its count and period; no trend is claimed (a claim such as
"urges are easing" would need its false-claim rate measured under the null first).
Rules:
- Weeks run Monday to Sunday; the last `weeks` weeks end with the week of `today`.
  Urges outside them are left out of every figure.
- Triggers count each urge once per trigger it names (an urge may name several);
  the person's own words count as their own trigger, compared after trimming and
  ignoring case. Ties keep the order of first appearance.
- The median length uses only urges whose length was noted (n says how many).
- Mood beside each week is the mean of that week's journal moods (1 to 5), with how
  many moods it rests on; a week without one shows none.
- Below MIN_URGES urges in the period the summary says there is not enough yet, and
  shows the counts only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median

from clearheart.domain.letting_go.urges import TRIGGERS, Urge

WEEKS = 8
MIN_URGES = 5
"""Fewer urges than this in the period: "not enough yet" for lengths and triggers."""
TOP = 3


@dataclass(frozen=True, slots=True)
class Week:
    monday: date
    urges: int
    mood: float | None
    moods: int


@dataclass(frozen=True, slots=True)
class Trigger:
    label: str
    urges: int


@dataclass(frozen=True, slots=True)
class UrgeWeeks:
    first: date
    last: date
    weeks: tuple[Week, ...]
    total: int
    triggers: tuple[Trigger, ...]
    median_minutes: float | None
    timed: int
    """Urges whose length was noted (what the median rests on)."""

    @property
    def enough(self) -> bool:
        return self.total >= MIN_URGES


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def urge_weeks(
    urges: Iterable[Urge], moods: Iterable[tuple[datetime, int]], today: date, weeks: int = WEEKS
) -> UrgeWeeks:
    """The summary of the `weeks` weeks ending with this one; `moods` are (when, 1–5)."""
    first = monday_of(today) - timedelta(weeks=weeks - 1)
    last = first + timedelta(weeks=weeks, days=-1)
    kept = [u for u in urges if first <= u.at.date() <= last]
    per_week = Counter(monday_of(u.at.date()) for u in kept)
    mood_by: dict[date, list[int]] = {}
    for at, score in moods:
        if first <= at.date() <= last:
            mood_by.setdefault(monday_of(at.date()), []).append(score)
    rows = []
    for n in range(weeks):
        monday = first + timedelta(weeks=n)
        scores = mood_by.get(monday, [])
        rows.append(
            Week(
                monday,
                per_week[monday],
                round(sum(scores) / len(scores), 1) if scores else None,
                len(scores),
            )
        )
    timed = [u.minutes for u in kept if u.minutes is not None]
    return UrgeWeeks(
        first,
        last,
        tuple(rows),
        len(kept),
        _triggers(kept),
        float(median(timed)) if timed else None,
        len(timed),
    )


def _triggers(urges: list[Urge]) -> tuple[Trigger, ...]:
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for urge in urges:
        for key in urge.triggers:
            labels.setdefault(key, TRIGGERS[key])
            counts[key] += 1
        if urge.own_trigger:
            key = "own:" + " ".join(urge.own_trigger.split()).casefold()
            labels.setdefault(key, urge.own_trigger)
            counts[key] += 1
    order = list(labels)
    ranked = sorted(order, key=lambda k: (-counts[k], order.index(k)))
    return tuple(Trigger(labels[k], counts[k]) for k in ranked[:TOP])
