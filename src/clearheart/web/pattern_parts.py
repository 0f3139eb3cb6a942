"""What every chart on the patterns page is made of, and the small wording they share."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from clearheart.domain.patterns.periods import Unit, period_of, whole
from clearheart.domain.patterns.report import PatternReport
from clearheart.web.charts import (
    NARROW_PX,
    WIDE_PX,
    Dot,
    Label,
    Rect,
    Scale,
    Segment,
    TimeAxis,
    grid,
    key_labels,
    line,
    px,
    short_name,
    tick_labels,
)

Shown = Callable[[str], str]
"""How a participant is named on screen ("You", the chosen name, or the export's)."""
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True, slots=True)
class Series:
    """One person's line: segments and dots, and its colour class."""

    css: str
    segments: tuple[Segment, ...]
    dots: tuple[Dot, ...]


@dataclass(frozen=True, slots=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass
class Panel:
    """One drawing: a height in pixels and everything drawn in it."""

    height: float
    grid: tuple[Segment, ...] = ()
    ticks: tuple[Label, ...] = ()
    series: tuple[Series, ...] = ()
    rects: tuple[tuple[str, Rect], ...] = ()
    labels: tuple[tuple[str, Label], ...] = ()
    axis: tuple[Label, ...] = ()
    axis_y: float = 0.0
    title: str = ""

    @property
    def gutter(self) -> bool:
        """Tick labels need the space left of the plot."""
        return bool(self.ticks)


@dataclass
class Chart:
    id: str
    heading: str
    basis: str
    description: str
    reading: str = ""
    panels: list[Panel] = field(default_factory=list)
    table: Table | None = None
    notes: list[str] = field(default_factory=list)


def day_text(moment: date | datetime) -> str:
    """"6 April 2024"."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_text(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def since_text(report: PatternReport) -> str:
    first = report.basis.first
    return f"since {month_text(first.date())}" if first else ""


OTHERS = "the others"
"""The other side when it is not one person (a group chat, or nobody else wrote)."""


def two_sides(report: PatternReport, shown: Shown) -> tuple[str, str]:
    """The two sides every chart compares: the user, and the other person (or the others)."""
    others = report.names[1:]
    return "You", shown(others[0]) if len(others) == 1 else OTHERS


def heading(name: str) -> str:
    """A side's name where it starts a label or a sentence: "The others", else as chosen."""
    return "T" + name[1:] if name.startswith(OTHERS) else name


def whose(name: str) -> str:
    """"Kai’s", "the others’"."""
    return "the others’" if name == OTHERS else f"{name}’s"


def axis_labels(axis: TimeAxis, y: float) -> tuple[Label, ...]:
    """The date labels at height `y`: a set for a phone and a set for a wide screen."""
    return tuple(Label(t.x, px(y), t.text, t.anchor, css)
                 for css, width in (("narrow", NARROW_PX), ("wide", WIDE_PX))
                 for t in axis.ticks(width))


def month_mid(axis: TimeAxis, start: date) -> float:
    return axis.middle(start, 15)


def week_mid(axis: TimeAxis, start: date) -> float:
    return axis.x(start + timedelta(days=3.5))


def pair_lines(axis: TimeAxis, rows: Sequence[tuple[date, float | None, float | None]],
               scale: Scale, names: tuple[str, str], tick_text: Sequence[str],
               mid: Callable[[TimeAxis, date], float], partial: Collection[date] = ()) -> Panel:
    """Two lines over time, one per side, each named directly above its end.

    The periods starting on a day in `partial` are only partly covered: hollow dots.
    """
    scale = scale.keyed(2)
    mine = [(mid(axis, start), a) for start, a, _ in rows]
    theirs = [(mid(axis, start), b) for start, _, b in rows]
    hollow = {mid(axis, start) for start in partial}
    series = []
    named = []
    for css, points, name in (("you", mine, names[0]), ("other", theirs, names[1])):
        segments, dots = line(points, scale, hollow)
        series.append(Series(css, segments, dots))
        named.append((css + "-text", short_name(heading(name)), points))
    return Panel(
        height=scale.bottom + 26, grid=grid(scale), ticks=tick_labels(scale, tick_text),
        series=tuple(series), labels=key_labels(named, scale),
        axis=axis_labels(axis, scale.bottom + 20), axis_y=scale.bottom,
    )


def partial_periods(report: PatternReport, unit: Unit) -> tuple[date, ...]:
    """The starts of the first and last week or month, where the messages cover them only
    in part (periods.whole)."""
    first, last = report.basis.first, report.basis.last
    if first is None or last is None:
        return ()
    days = first.date(), last.date()
    ends = dict.fromkeys((period_of(unit, days[0]), period_of(unit, days[1])))
    return tuple(start for start in ends if not whole(unit, start, *days))


def period_name(start: date, unit: Unit, partial: Collection[date]) -> str:
    """"June 2026" or "Week of 3 June 2026"; "(in part)" after one only partly covered."""
    name = month_text(start) if unit == "month" else day_text(start)
    return f"{name} (in part)" if start in partial else name


LIGHTER = {"dot": "hollow", "bar": "paler"}
"""How a partly covered period's mark is drawn, by what stands for a period."""


def partial_note(report: PatternReport, unit: Unit, drawn: str = "dot") -> str:
    """Why the first or last point looks odd: it rests on fewer days, and no trend uses it.

    `drawn` is what stands for a period in the chart ("dot", "bar"); those of the
    partial periods are drawn hollow or paler. Empty when every period is whole.
    """
    partial = partial_periods(report, unit)
    first, last = report.basis.first, report.basis.last
    if not partial or first is None or last is None:
        return ""
    if len(partial) == 2:
        which, verb, mark, them = f"The first and the last {unit}s", "are", f"their {drawn}s "\
            "are", "them"
    else:
        end = "first" if partial[0] == period_of(unit, first.date()) else "last"
        which, verb, mark, them = f"The {end} {unit}", "is", f"its {drawn} is", "it"
    return (f"{which} {verb} only partly in these messages (they run from {day_text(first)} "
            f"to {day_text(last)}), so {mark} {LIGHTER[drawn]} and no comparison over time "
            f"uses {them}.")


def next_month(start: date) -> date:
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)

