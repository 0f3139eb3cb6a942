"""Pure helpers that turn series into SVG geometry for the patterns page.

Charts are drawn by the templates as inline SVG. Horizontal positions are
percentages of the chart's width and vertical ones are pixels of a fixed
height, so a chart stretches to any screen while its text keeps its size: a
phone shows the same 13 px labels as a desktop. Every weekly and monthly chart
on a page shares one `TimeAxis`, which is what puts the person's mood on the
same timeline as the messages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

LEFT = 1.0
RIGHT = 99.0
"""The plot's horizontal extent, in percent of the chart's width."""
TOP = 12.0
"""Pixels above the plot: room for a direct label over the highest value."""
DURATION_STEPS = tuple(m * 60.0 for m in (1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480,
                                         720, 1440, 2880, 4320, 10080))
"""Round reply-time steps in seconds: minutes, then hours, then days."""
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pct(value: float) -> str:
    return f"{value:.2f}%"


def px(value: float) -> str:
    return f"{value:.1f}"


@dataclass(frozen=True, slots=True)
class Segment:
    x1: str
    y1: str
    x2: str
    y2: str


@dataclass(frozen=True, slots=True)
class Dot:
    x: str
    y: str


@dataclass(frozen=True, slots=True)
class Rect:
    x: str
    y: str
    width: str
    height: str


@dataclass(frozen=True, slots=True)
class Label:
    x: str
    y: str
    text: str
    anchor: str = "middle"


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def month_name(day: date, with_year: bool = True) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}" if with_year else _MONTHS[day.month - 1]


@dataclass(frozen=True, slots=True)
class TimeAxis:
    """Days from `start` to `end` (exclusive) across the plot's width."""

    start: date
    end: date

    @classmethod
    def spanning(cls, first: date, last: date) -> TimeAxis:
        """Whole months around the first and last day, so month bars fit exactly."""
        return cls(first.replace(day=1), next_month(last.replace(day=1)))

    @property
    def days(self) -> int:
        return max((self.end - self.start).days, 1)

    def x(self, day: date) -> float:
        share = (day - self.start).days / self.days
        return LEFT + (RIGHT - LEFT) * min(max(share, 0.0), 1.0)

    def middle(self, start: date, days: int) -> float:
        return self.x(start + timedelta(days=days / 2))

    def ticks(self, most: int = 6) -> tuple[Label, ...]:
        """Month names under the axis: at most `most`, evenly spaced, years where they change."""
        months: list[date] = []
        day = self.start
        while day < self.end:
            months.append(day)
            day = next_month(day)
        step = max(1, math.ceil(len(months) / most))
        labels = []
        previous_year = None
        for month in months[::step]:
            with_year = previous_year != month.year
            previous_year = month.year
            x = self.middle(month, 15) if step == 1 else self.x(month)
            anchor = "start" if step > 1 else "middle"
            labels.append(Label(pct(x), "0", month_name(month, with_year), anchor))
        return tuple(labels)


@dataclass(frozen=True, slots=True)
class Scale:
    """Values from 0 to `top` over `height` pixels, with round tick values."""

    top: float
    height: float
    ticks: tuple[float, ...]

    @classmethod
    def nice(cls, highest: float, height: float, count: int = 3,
             at_least: float = 1.0) -> Scale:
        highest = max(highest, at_least)
        raw = highest / count
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
        top = step * math.ceil(highest / step - 1e-9)
        ticks = tuple(step * i for i in range(round(top / step) + 1))
        return cls(top, height, ticks)

    @classmethod
    def of_steps(cls, highest: float, height: float, steps: Sequence[float],
                 count: int = 3) -> Scale:
        """Like `nice`, but the step is the first of `steps` that covers `highest` in `count`."""
        step = next((s for s in steps if s * count >= highest), steps[-1])
        top = step * max(1, math.ceil(highest / step - 1e-9))
        return cls(top, height, tuple(step * i for i in range(round(top / step) + 1)))

    @classmethod
    def fixed(cls, top: float, height: float, ticks: Sequence[float]) -> Scale:
        return cls(top, height, tuple(ticks))

    def y(self, value: float) -> float:
        share = min(max(value / self.top, 0.0), 1.0) if self.top else 0.0
        return TOP + self.height * (1 - share)

    @property
    def bottom(self) -> float:
        return TOP + self.height


def line(points: Sequence[tuple[float, float | None]], scale: Scale) -> tuple[
    tuple[Segment, ...], tuple[Dot, ...]
]:
    """Segments between neighbouring known values, and a dot at each value.

    A missing value (None) breaks the line rather than being drawn as zero or guessed.
    """
    segments = []
    dots = []
    previous: tuple[float, float] | None = None
    for x, value in points:
        if value is None:
            previous = None
            continue
        y = scale.y(value)
        dots.append(Dot(pct(x), px(y)))
        if previous is not None:
            segments.append(Segment(pct(previous[0]), px(previous[1]), pct(x), px(y)))
        previous = (x, y)
    return tuple(segments), tuple(dots)


def column(axis: TimeAxis, start: date, end: date, low: float, high: float, scale: Scale,
           gap: float = 0.12) -> Rect:
    """A bar over the days [start, end) from value `low` up to `high`, with a small gap."""
    left, right = axis.x(start), axis.x(end)
    inset = (right - left) * gap / 2
    top, bottom = scale.y(high), scale.y(low)
    return Rect(pct(left + inset), px(top), pct(max(right - left - 2 * inset, 0.2)),
                px(max(bottom - top, 0.0)))


def bar(value: float, highest: float, y: float, height: float, left: float = 0.0,
        right: float = 100.0) -> Rect:
    """A horizontal bar for `value` out of `highest`, between `left` and `right` percent."""
    share = value / highest if highest else 0.0
    return Rect(pct(left), px(y), pct(max((right - left) * share, 0.0)), px(height))


def tick_labels(scale: Scale, text: Sequence[str]) -> tuple[Label, ...]:
    """Value labels level with their grid lines, in the gutter left of the plot.

    The gutter is CSS margin beside the SVG (class `gutter`), so these sit at a
    negative x in pixels: the same width on a phone as on a desktop.
    """
    return tuple(Label("-6", px(scale.y(v) + 4), t, "end")
                 for v, t in zip(scale.ticks, text, strict=True))


def grid(scale: Scale) -> tuple[Segment, ...]:
    return tuple(Segment(pct(LEFT), px(scale.y(v)), pct(RIGHT), px(scale.y(v)))
                 for v in scale.ticks)


def end_label(points: Sequence[tuple[float, float | None]], scale: Scale, text: str,
              above: bool = True) -> Label | None:
    """A direct label at a line's last known value, kept inside the chart."""
    known = [(x, v) for x, v in points if v is not None]
    if not known:
        return None
    x, value = known[-1]
    y = scale.y(value) + (-8 if above else 16)
    y = min(max(y, 11.0), scale.bottom - 4)
    return Label(pct(x), px(y), text, "end" if x > 50 else "start")


def spread(labels: Sequence[Label], gap: float = 15.0) -> tuple[Label, ...]:
    """Move labels apart vertically so two direct labels never sit on top of each other."""
    placed: list[Label] = []
    for label in sorted(labels, key=lambda item: float(item.y)):
        y = float(label.y)
        if placed and y - float(placed[-1].y) < gap:
            y = float(placed[-1].y) + gap
        placed.append(Label(label.x, px(y), label.text, label.anchor))
    return tuple(placed)


def duration(seconds: float | None) -> str:
    """"4 min", "2.5 h", "3 days": a reply time in words a person reads at a glance."""
    if seconds is None:
        return "–"
    minutes = seconds / 60
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes:.0f} min"
    hours = minutes / 60
    if hours < 48:
        return f"{_round(hours)} h"
    days = hours / 24
    return f"{_round(days) if days < 3 else f'{days:.0f}'} days"


def _round(value: float) -> str:
    """One decimal below ten ("2.5", "3"), whole numbers above."""
    return f"{value:.1f}".removesuffix(".0") if value < 9.95 else f"{value:.0f}"


def short_name(name: str, most: int = 14) -> str:
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"
