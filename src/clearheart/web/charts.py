"""Pure helpers that turn series into SVG geometry for the patterns page.

Charts are drawn by the templates as inline SVG. Horizontal positions are
percentages of the chart's width and vertical ones are pixels of a fixed
height, so a chart stretches to any screen while its text keeps its size: a
phone shows the same 13 px labels as a desktop. Every weekly and monthly chart
on a page shares one `TimeAxis`, which is what puts the person's mood on the
same timeline as the messages.

Because text keeps its size while the plot stretches, the date labels under an
axis are chosen for the narrowest plot they will be read at: one set for a
phone (NARROW_PX) and one for a wide screen (WIDE_PX), and the stylesheet
shows whichever fits the chart's own width (a container query). Labels that
fit at a width fit at every wider one, since the gaps between them only grow.
Direct labels naming a line sit in rows above the plot, right-aligned over
the lines' ends, so no line ever runs through them.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

LEFT = 1.0
RIGHT = 99.0
"""The plot's horizontal extent, in percent of the chart's width."""
TOP = 12.0
"""Pixels above the plot: room for a direct label over the highest value."""
KEY_ROW = 16.0
"""Pixels per row of line names above the plot (key_labels)."""
CHAR_PX = 7.0
"""A generous width of one character of 12 px axis text, digits and capitals included."""
LABEL_GAP_PX = 10.0
"""The least room between two date labels, so they read as two."""
NARROW_PX = 200.0
"""The narrowest plot the phone set of date labels must fit: a 320 px screen."""
WIDE_PX = 480.0
"""The narrowest plot that shows the wide set (the stylesheet's container query)."""
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
"""Months between date labels; from 3 up they fall on January, April, July, October."""
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
    css: str = ""
    """"partial" for a period the messages only partly cover: drawn hollow."""


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
    css: str = ""
    """"narrow" or "wide" for the date labels meant for one width only."""


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

    def ticks(self, width: float) -> tuple[Label, ...]:
        """Date labels under the axis that fit a plot `width` pixels wide without touching.

        The step is the smallest of MONTH_STEPS whose labels all fit: a step of one
        month labels each month at its middle; longer steps label month starts,
        aligned to the calendar (every January from 3 months up, so the year
        changes on a label). The first label and every label where the year
        changes carry the year ("Jan 2024", "Apr", "Jul", "Oct", "Jan 2025");
        from 12 months up a label is only the year. A label that would spill past
        either edge starts (or ends) at that edge instead. When nothing fits, only the
        first label is given, with its year.
        """
        for step in MONTH_STEPS:
            placed = _placed(self._every(step), width)
            if placed:
                return placed
        return (Label(pct(self.x(self.start)), "0", month_name(self.start), "start"),)

    def _every(self, step: int) -> tuple[Label, ...]:
        """A label every `step` months, on months whose count since year 0 divides by it."""
        labels = []
        previous_year = None
        month = self.start
        while month < self.end:
            if (month.year * 12 + month.month - 1) % step == 0:
                with_year = month.year != previous_year
                text = str(month.year) if step >= 12 else month_name(month, with_year)
                x = self.middle(month, 15) if step == 1 else self.x(month)
                labels.append(Label(pct(x), "0", text))
                previous_year = month.year
            month = next_month(month)
        return tuple(labels)


def _box(label: Label, width: float) -> tuple[float, float]:
    """A label's left and right edge in pixels, on a plot `width` pixels wide."""
    x = float(label.x.rstrip("%")) / 100 * width
    size = len(label.text) * CHAR_PX
    if label.anchor == "start":
        return x, x + size
    if label.anchor == "end":
        return x - size, x
    return x - size / 2, x + size / 2


def _placed(labels: Sequence[Label], width: float) -> tuple[Label, ...]:
    """The labels, each kept inside the plot by its anchor, or () if any two come too close."""
    kept = []
    for label in labels:
        left, right = _box(label, width)
        if left < 0:
            label = Label(pct(LEFT), label.y, label.text, "start")
        elif right > width:
            label = Label(pct(RIGHT), label.y, label.text, "end")
        kept.append(label)
    boxes = [_box(label, width) for label in kept]
    if not kept or any(left < 0 or right > width for left, right in boxes):
        return ()
    if any(b[0] - a[1] < LABEL_GAP_PX for a, b in pairwise(boxes)):
        return ()
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class Scale:
    """Values from 0 to `top` over `height` pixels, with round tick values."""

    top: float
    height: float
    ticks: tuple[float, ...]
    above: float = TOP
    """Pixels above the plot: TOP, or more when lines are named above it (`keyed`)."""

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

    def keyed(self, rows: int) -> Scale:
        """The same scale with `rows` rows of line names above the plot."""
        return replace(self, above=TOP + KEY_ROW * rows)

    def y(self, value: float) -> float:
        share = min(max(value / self.top, 0.0), 1.0) if self.top else 0.0
        return self.above + self.height * (1 - share)

    @property
    def bottom(self) -> float:
        return self.above + self.height


def line(points: Sequence[tuple[float, float | None]], scale: Scale,
         partial: Collection[float] = ()) -> tuple[tuple[Segment, ...], tuple[Dot, ...]]:
    """Segments between neighbouring known values, and a dot at each value.

    A missing value (None) breaks the line rather than being drawn as zero or guessed.
    A dot at an x in `partial` stands for a period only partly covered: it is hollow.
    """
    segments = []
    dots = []
    previous: tuple[float, float] | None = None
    for x, value in points:
        if value is None:
            previous = None
            continue
        y = scale.y(value)
        dots.append(Dot(pct(x), px(y), "partial" if x in partial else ""))
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


def key_labels(lines: Sequence[tuple[str, str, Sequence[tuple[float, float | None]]]],
               scale: Scale) -> tuple[tuple[str, Label], ...]:
    """Each line's name (css, text, points) in its own row above the plot, right-aligned.

    The rows sit over the lines' ends, in the lines' colours, with the line that ends
    highest named first, so the names read in the order the lines end. A line with no
    value is not named. The scale must be `keyed` for as many rows as there are lines.
    """
    def end(points: Sequence[tuple[float, float | None]]) -> float | None:
        return next((v for _, v in reversed(points) if v is not None), None)

    drawn = [(css, text, value) for css, text, points in lines
             if (value := end(points)) is not None]
    drawn.sort(key=lambda item: -item[2])
    return tuple((css, Label(pct(RIGHT), px(TOP + 1 + KEY_ROW * row), text, "end"))
                 for row, (css, text, _) in enumerate(drawn))


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
