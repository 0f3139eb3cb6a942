"""Before against after a date, figure by figure, and the sentence each comparison makes.

The rule. Each side's figure is pooled from its whole weeks (series.side); whether the
figure moved at the date is the step test (step.step) on the weekly values, which allows
for a slow drift through the whole stretch and for weeks that remember each other. Only a
clear step makes a sentence that says "higher", "lower", "slower" or "quicker"
(`claims_change`); otherwise the figure stayed "about the same" as far as the weeks can
tell, with the interval that says how large a step could still hide in them. Below
`step.MIN_SIDE_WEEKS` whole weeks with a value on either side, the sentence says there is
not enough to tell and what would help: more weeks after the date (with how many), or an
export reaching further back.

A shift is the same comparison at a date the app found by searching every week rather than
one the person gave; its interval is wider (`step.Z_SEARCHED`) because a search finds the
biggest-looking step there is even in weeks with none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from clearheart.domain.before_after.series import (
    Kind,
    Series,
    Side,
    scale,
    side,
    sides,
    split_week,
    units,
    week_numbers,
)
from clearheart.domain.before_after.step import MIN_SIDE_WEEKS, Step, Z, step, weeks_short
from clearheart.domain.patterns.sentence import cap
from clearheart.domain.patterns.wording import count, day, duration
from clearheart.domain.percent import percent


@dataclass(frozen=True, slots=True)
class Comparison:
    """One figure before and after `split`."""

    figure: str
    label: str
    kind: Kind
    unit: str
    split: date
    before: Side
    after: Side
    step: Step | None
    """None below the minimum of whole weeks on either side."""
    searched: bool = False
    """True for a shift: a date found by searching, tested with the wider interval."""

    @property
    def claims_change(self) -> bool:
        return self.step is not None and self.step.clear

    @property
    def short(self) -> tuple[int, int]:
        """More weeks with a value each side needs before the step can be tested."""
        return weeks_short(self.before.weeks, self.after.weeks)


def compare(series: Series, split: date, z: float = Z, searched: bool = False) -> Comparison:
    """`series` before and after `split`, with the step test at that date."""
    before, after = sides(series, split)
    kept = before + after
    origin = kept[0].start if kept else split
    found = (
        step(
            week_numbers(kept, origin),
            [scale(series, w.value) for w in kept],
            (split_week(split) - origin).days // 7,
            z,
        )
        if kept
        else None
    )
    return Comparison(
        series.figure,
        series.label,
        series.kind,
        series.unit,
        split,
        side(series, before),
        side(series, after),
        found,
        searched,
    )


def value_text(kind: Kind, unit: str, value: float | None) -> str:
    """A side's figure as the person reads it: "41%", "2 h 10 min", "3.4"."""
    if value is None:
        return "nothing to go on"
    if kind == "share":
        return percent(value)
    if kind == "seconds":
        return duration(value)
    return f"{value:.1f}"


def _ground(comparison: Comparison, which: Side) -> str:
    """ "130 conversations over 30 whole weeks"."""
    weeks = count(which.weeks, "whole week")
    if comparison.unit == "week":
        return weeks
    unit = comparison.unit
    return f"{count(which.count, unit, units(unit))} over {weeks}"


def _size(kind: Kind, value: float) -> str:
    """A step's end as the person reads it: "12 points lower", "0.3 higher"."""
    if kind == "share":
        points = percent(min(1.0, abs(value))).removesuffix("%")
        return f"{points} points {'higher' if value > 0 else 'lower'}"
    return f"{abs(value):.1f} {'higher' if value > 0 else 'lower'}"


def _times(log_ratio: float) -> str:
    """A ratio of reply times read from its log: "0.8", "2.5", "under 0.1", "over 10"."""
    ratio = math.exp(log_ratio)
    if ratio < 0.1:
        return "under 0.1"
    return "over 10" if ratio > 10 else f"{ratio:.2g}"


def _way(kind: Kind, direction: int) -> str:
    if kind == "seconds":
        return "slower" if direction > 0 else "quicker"
    return "higher" if direction > 0 else "lower"


def _when(comparison: Comparison) -> str:
    if comparison.searched:
        return f"around the week of {day(split_week(comparison.split))}"
    return day(comparison.split)


def _not_enough(c: Comparison) -> str:
    short_before, short_after = c.short
    text = (
        f"There is not enough to tell whether {c.label} changed at {_when(c)}: that needs "
        f"{MIN_SIDE_WEEKS} whole weeks with something to go on each side, and there "
        f"are {c.before.weeks} before and {c.after.weeks} after."
    )
    if short_after:
        text += f" About {count(short_after, 'more week')} from now would do."
    if short_before:
        text += " Earlier weeks, if you have them (an export reaching further back), would help."
    return text


def _reach(c: Comparison, found: Step) -> str:
    if c.kind == "seconds":
        return f"between {_times(found.low)} and {_times(found.high)} times the time before"
    return f"between {_size(c.kind, found.low)} and {_size(c.kind, found.high)}"


def _sure(c: Comparison) -> str:
    if c.searched:
        return (
            "clear even allowing for having looked at every week, for a slow drift and for "
            "weeks that run together"
        )
    return "clear even allowing for a slow drift and for weeks that run together"


def reading(comparison: Comparison) -> str:
    """What the step test says, without the two sides (shown beside it on the page)."""
    c = comparison
    if c.step is None:
        return _not_enough(c)
    if c.step.clear:
        return (
            f"{cap(_way(c.kind, c.step.direction))} after {_when(c)}. The step at that date "
            f"is {_sure(c)}: {_reach(c, c.step)}."
        )
    return (
        f"About the same either side of {_when(c)}: any step at that date is somewhere "
        f"{_reach(c, c.step)}, so the weeks cannot tell."
    )


def sentence(comparison: Comparison) -> str:
    """The comparison in one plain paragraph, each side with its count and period."""
    c = comparison
    if c.step is None:
        return _not_enough(c)
    sides_text = (
        f"{value_text(c.kind, c.unit, c.before.value)} before ({_ground(c, c.before)}) and "
        f"{value_text(c.kind, c.unit, c.after.value)} after ({_ground(c, c.after)})"
    )
    if c.step.clear:
        return (
            f"{cap(c.label)} was {_way(c.kind, c.step.direction)} after {_when(c)}: "
            f"{sides_text}. The step at that date is {_sure(c)}: {_reach(c, c.step)}."
        )
    return (
        f"{cap(c.label)} stayed about the same either side of {_when(c)}: {sides_text}. "
        f"Any step at that date is somewhere {_reach(c, c.step)}, so the weeks cannot tell."
    )
