"""Weekly series of one figure, and what each side of a date holds.

A `Series` is one figure week by week: only whole weeks (a week partly outside the data
says less than a full one and is left out), and only weeks where the figure has a value
(a share needs something to be a share of). Its `kind` says how the weeks add up to one
figure for a side:

- "share": parts of totals (conversations you started, bids turned toward), pooled as
  Σ part / Σ total;
- "seconds": a weekly median reply time, compared on a log scale (twice as long is the
  same step at any speed); a side's figure is the middle of its weekly medians;
- "mean": a weekly mean (mood 1 to 5, messages in a row), pooled weighted by each week's
  count; a side's figure is that mean.

The split week. Weeks are ISO weeks (Monday first). Weeks from the split date's own week
on are "after", except that the week holding the date is left out unless the date is its
Monday: it belongs to neither side.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Kind = Literal["share", "seconds", "mean"]


@dataclass(frozen=True, slots=True)
class Week:
    """One whole week's value of a figure, and the count it rests on."""

    start: date
    """The week's Monday."""
    value: float
    """The share (0 to 1), the median in seconds, or the mean."""
    count: int
    """What the value rests on: conversations, replies, bids, check-ins."""
    part: int = 0
    """For a share: how many of `count` (conversations you started)."""


@dataclass(frozen=True, slots=True)
class Series:
    figure: str
    """A short id: "starts", "my_reply", "their_reply", "runs", "silences", "plans",
    "bids", "repairs", "mood"."""
    label: str
    """The figure in words, lower case: "the share of conversations you started"."""
    kind: Kind
    unit: str
    """What `count` counts, singular: "conversation", "reply", "bid", "check-in"."""
    weeks: tuple[Week, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of the date: its figure and what it rests on."""

    weeks: int
    count: int
    part: int
    value: float | None
    first: date | None
    last: date | None
    """The Monday of the first whole week, and the Sunday of the last."""


def units(unit: str) -> str:
    """A count's word in the plural: "reply" → "replies", "check-in" → "check-ins"."""
    return unit[:-1] + "ies" if unit.endswith("y") else unit + "s"


def split_week(split: date) -> date:
    """The Monday of the week the split date falls in."""
    return split - timedelta(days=split.weekday())


def sides(series: Series, split: date) -> tuple[tuple[Week, ...], tuple[Week, ...]]:
    """The whole weeks before the split, and from it on (the week holding it left out)."""
    monday = split_week(split)
    after_from = monday if split == monday else monday + timedelta(days=7)
    before = tuple(w for w in series.weeks if w.start < monday)
    after = tuple(w for w in series.weeks if w.start >= after_from)
    return before, after


def side(series: Series, weeks: Sequence[Week]) -> Side:
    """A side's figure (None with no weeks), pooled as its kind says."""
    if not weeks:
        return Side(0, 0, 0, None, None, None)
    count = sum(w.count for w in weeks)
    part = sum(w.part for w in weeks)
    if series.kind == "share":
        value: float | None = part / count if count else None
    elif series.kind == "seconds":
        value = statistics.median(w.value for w in weeks)
    else:
        value = sum(w.value * w.count for w in weeks) / count if count else None
    return Side(len(weeks), count, part, value, weeks[0].start, weeks[-1].start + timedelta(days=6))


def scale(series: Series, value: float) -> float:
    """A week's value on the scale the test compares: log seconds for reply times."""
    return math.log(max(value, 1.0)) if series.kind == "seconds" else value


def week_numbers(weeks: Sequence[Week], origin: date) -> list[int]:
    return [(w.start - origin).days // 7 for w in weeks]
