"""The reflection pages as the templates draw them: groups, scores, changes, charts.

Every score is shown with its possible range and the plain words of what a
lower or higher score can mean; every chart says how many takes it rests on.
Nothing here labels anyone: a score is a snapshot of how things look to the
person today.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from clearheart.domain.assess.change import first_take_note
from clearheart.domain.assess.model import (
    GROUPS,
    OWN_NOT_MET,
    Change,
    Instrument,
    Item,
    Result,
    Scale,
    Score,
    Subscale,
)
from clearheart.domain.assess.scoring import not_well_met
from clearheart.web.charts import LEFT, RIGHT, Label, grid, key_labels, line, pct, px, tick_labels
from clearheart.web.charts import Scale as ChartScale
from clearheart.web.pattern_parts import Panel, Series, Table, count, day_text

GROUP_TITLES: dict[str, str] = {
    "me": "About me",
    "us": "About us",
    "partner": "How I see my partner",
    "decision": "Where things stand",
    "safety": "Am I safe?",
    "dating": "Dating again",
    "loaded": "Ones you loaded",
}
GROUP_NOTES: dict[str, str] = {
    "me": "How closeness feels to you, and what you need.",
    "us": "How the two of you meet, clash and come back together.",
    "partner": "What you notice in how they respond. This is your view of their "
    "behaviour, not a judgement of who they are.",
    "decision": "Signs that help you weigh what comes next, at your own pace.",
    "safety": "If anything here frightens you, your safety comes first.",
    "dating": "A checklist for someone new, kept per person over time.",
    "loaded": "Questionnaires you added yourself.",
}
_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CHART_HEIGHT = 96.0


def number(value: float) -> str:
    """ "5.2", "12", "-1.5": whole numbers plainly, the rest to one decimal."""
    if abs(value - round(value)) < 0.05:
        return f"{round(value):d}"
    return f"{value:.1f}"


def range_text(sub: Subscale | None, scale: Scale) -> str:
    low, high = (sub.minimum, sub.maximum) if sub else (scale.min, scale.max)
    return f"{number(low)} to {number(high)}"


def subscale_title(instrument: Instrument, subscale_id: str) -> str:
    sub = instrument.subscale(subscale_id)
    if sub is not None:
        return sub.title
    return subscale_id.replace("-", " ").capitalize()


# --- the hub --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HubRow:
    instrument: Instrument
    last_taken: str | None
    headline: str | None
    takes: int
    people: int
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class HubGroup:
    id: str
    title: str
    note: str
    rows: tuple[HubRow, ...]


def headline(instrument: Instrument, scores: Sequence[Score]) -> str | None:
    """The first score there is enough to say something about, with its range."""
    for score in scores:
        if score.value is None:
            continue
        sub = instrument.subscale(score.subscale)
        return (
            f"{subscale_title(instrument, score.subscale)}: {number(score.value)} "
            f"(from {range_text(sub, instrument.scale)})"
        )
    return None


def hub_row(
    instrument: Instrument, results: Sequence[Result], last_scores: Sequence[Score], people: int
) -> HubRow:
    last = results[-1] if results else None
    return HubRow(
        instrument=instrument,
        last_taken=day_text(last.taken_at) if last else None,
        headline=headline(instrument, last_scores) if last else None,
        takes=len(results),
        people=people,
        subject=last.subject if last else None,
    )


def group_rows(rows: Sequence[HubRow]) -> list[HubGroup]:
    by_group: dict[str, list[HubRow]] = {g: [] for g in GROUPS}
    for row in rows:
        by_group.setdefault(row.instrument.group, []).append(row)
    return [
        HubGroup(g, GROUP_TITLES.get(g, g.capitalize()), GROUP_NOTES.get(g, ""), tuple(found))
        for g, found in by_group.items()
        if found
    ]


# --- taking a questionnaire -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Point:
    value: int
    text: str
    """What the point is called: its anchor words, or the number itself."""
    anchor: str | None


@dataclass(frozen=True, slots=True)
class Question:
    number: int
    item: Item
    text: str
    points: tuple[Point, ...]
    stacked: bool
    """Every point has words: a list of choices. Otherwise a row of numbers."""
    anchors: tuple[Point, ...]


def question(number: int, item: Item, loaded: bool) -> Question:
    scale = item.scale
    points = tuple(Point(v, scale.label(v) or str(v), scale.label(v)) for v in scale.points)
    text = item.text.strip() or (
        f"Question {number} (the wording is in your own copy)" if loaded else f"Question {number}"
    )
    stacked = all(p.anchor for p in points) and len(points) <= 7
    return Question(number, item, text, points, stacked, tuple(p for p in points if p.anchor))


def questions(instrument: Instrument) -> list[Question]:
    loaded = instrument.kind == "instrument"
    return [question(i, item, loaded) for i, item in enumerate(instrument.items, 1)]


def scale_points(scale: Scale) -> tuple[Point, ...]:
    return tuple(Point(v, scale.label(v) or str(v), scale.label(v)) for v in scale.points)


# --- results ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Marker:
    """Where a score sits in its range, for a small SVG: percent across."""

    x: str
    low: str
    high: str


@dataclass
class ScoreView:
    id: str
    title: str
    value: str | None
    range: str
    where: str
    """"toward the higher end" and the like, or a note that there is not enough."""
    scale_text: str
    """What follows the number: its range and where in it the score sits."""
    low: str
    high: str
    closer: str
    """"low", "high" or "" (the middle): which meaning sits closer to this score."""
    answered: str
    note: str | None
    marker: Marker | None
    change: Change | None
    smallest: str
    panel: Panel | None
    table: Table | None
    basis: str
    reading: str
    norms: list[str] = field(default_factory=list)


def position(value: float, low: float, high: float) -> tuple[str, str]:
    share = (value - low) / (high - low) if high > low else 0.5
    if share < 0.4:
        return "toward the lower end of the range", "low"
    if share > 0.6:
        return "toward the higher end of the range", "high"
    return "near the middle of the range", ""


def _short_day(result: Result, with_year: bool, with_time: bool) -> str:
    day = result.taken_at.date()
    text = f"{day.day} {_SHORT_MONTHS[day.month - 1]}"
    text = f"{text} {day.year}" if with_year else text
    return f"{text}, {result.taken_at:%H:%M}" if with_time else text


def change_panel(history: Sequence[Result], sub: Subscale) -> Panel | None:
    """The subscale's score at each take, evenly spaced, labelled with its date."""
    points = [(r, r.scores.get(sub.id)) for r in history]
    if sum(1 for _, v in points if v is not None) < 2:
        return None
    span = max(sub.maximum - sub.minimum, 1e-9)
    scale = ChartScale.fixed(span, CHART_HEIGHT, (0.0, span / 2, span)).keyed(1)
    n = len(points)
    xs = [LEFT + 4 + (RIGHT - LEFT - 8) * (i / (n - 1)) for i in range(n)]
    shifted = [
        (x, None if v is None else v - sub.minimum) for x, (_, v) in zip(xs, points, strict=True)
    ]
    segments, dots = line(shifted, scale)
    last_value = next(v for _, v in reversed(points) if v is not None)
    labels = key_labels([("you-text", number(last_value), shifted)], scale)
    years = {r.taken_at.year for r in history}
    # Two takes on one day are told apart by the time; the labels are then longer,
    # so only the first and the last are written under the axis. Otherwise at most
    # three dates, so they never run into each other at phone width.
    with_time = len({r.taken_at.date() for r in history}) < n
    step = n - 1 if with_time else max(1, -(-(n - 1) // 2))
    shown = list(range(0, n, step))
    if shown[-1] != n - 1:
        shown[-1] = n - 1
    axis = []
    for i in shown:
        anchor = "start" if i == 0 else "end" if i == n - 1 else "middle"
        axis.append(
            Label(
                pct(xs[i]),
                px(scale.bottom + 20),
                _short_day(history[i], len(years) > 1, with_time),
                anchor,
            )
        )
    return Panel(
        height=scale.bottom + 26,
        grid=grid(scale),
        ticks=tick_labels(scale, [number(sub.minimum + t) for t in scale.ticks]),
        series=(Series("you", segments, dots),),
        labels=labels,
        axis=tuple(axis),
        axis_y=scale.bottom,
    )


def takes_basis(history: Sequence[Result]) -> str:
    if not history:
        return ""
    first, last = history[0].taken_at, history[-1].taken_at
    if len(history) == 1:
        return f"From 1 take, on {day_text(first)}."
    if first.date() == last.date():
        return f"From {count(len(history), 'take')}, all on {day_text(first)}."
    return f"From {count(len(history), 'take')}, {day_text(first)} to {day_text(last)}."


def smallest_text(sub: Subscale | None) -> str:
    """Said before there is a change to show (a change's own sentence says it then)."""
    return first_take_note(sub) if sub else ""


def answered_text(instrument: Instrument, score: Score) -> str:
    if score.of <= 0:
        return ""
    if instrument.own_items:
        return f"From the {count(score.of, 'need')} you named."
    return (
        f"You answered {score.answered} of the {score.of} "
        f"question{'s' if score.of != 1 else ''} it rests on."
    )


def score_views(
    instrument: Instrument,
    scores: Sequence[Score],
    history: Sequence[Result],
    changes: Sequence[Change],
) -> list[ScoreView]:
    by_change = {c.subscale: c for c in changes}
    views = []
    for score in scores:
        sub = instrument.subscale(score.subscale)
        low, high = (
            (sub.minimum, sub.maximum) if sub else (instrument.scale.min, instrument.scale.max)
        )
        title = subscale_title(instrument, score.subscale)
        counted = instrument.own_items and score.subscale == OWN_NOT_MET
        if counted:
            low, high = 0.0, float(max(score.of, 1))
        if score.value is None:
            where, closer, marker, value = "", "", None, None
        else:
            where, closer = position(score.value, low, high)
            share = (score.value - low) / (high - low) if high > low else 0.5
            marker = Marker(pct(4 + 92 * min(max(share, 0.0), 1.0)), number(low), number(high))
            value = number(score.value)
        scale_text = (
            f"of the {count(score.of, 'need')} you named"
            if counted
            else f"on a range from {number(low)} to {number(high)}, {where}"
        )
        panel = change_panel(history, sub) if sub else None
        rows = tuple(
            (
                day_text(r.taken_at),
                "–"
                if r.scores.get(score.subscale) is None
                else number(r.scores[score.subscale] or 0.0),
            )
            for r in reversed(history)
        )
        change = by_change.get(score.subscale)
        if panel is None:
            reading = (
                "The first time you answered. When you answer again, a line shows how this moves."
                if len(history) <= 1
                else "There are not yet two takes with a score here to draw a line between."
            )
        else:
            reading = change.sentence if change else "How this score moved, take by take."
        views.append(
            ScoreView(
                id=score.subscale,
                title=title,
                value=value,
                range=f"{number(low)} to {number(high)}",
                where=where,
                scale_text=scale_text,
                low=sub.low if sub else "",
                high=sub.high if sub else "",
                closer=closer,
                answered=answered_text(instrument, score),
                note=score.note,
                marker=marker,
                change=change,
                smallest="" if change else smallest_text(sub),
                panel=panel,
                table=Table(f"{title}, take by take", ("Taken", "Score"), rows) if rows else None,
                basis=takes_basis(history),
                reading=reading,
                norms=[
                    f"In a published sample ({n.population}, {n.n:,} people), the average was "
                    f"{number(n.mean)}, with most people within {number(n.sd)} of it."
                    for n in instrument.norms
                    if n.subscale == score.subscale
                ],
            )
        )
    return views


@dataclass(frozen=True, slots=True)
class HistoryRow:
    id: int
    day: datetime
    summary: str


def history_rows(instrument: Instrument, history: Sequence[Result]) -> list[HistoryRow]:
    rows = []
    for result in reversed(history):
        parts = [
            f"{subscale_title(instrument, key)} {number(value)}"
            for key, value in result.scores.items()
            if value is not None
        ]
        rows.append(
            HistoryRow(
                result.id or 0, result.taken_at, " · ".join(parts) or "Not enough answers to score"
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class RatedNeed:
    name: str
    rating: int
    low: bool
    """Rated in the lower third of the scale: not well met."""


def rated_needs(instrument: Instrument, result: Result) -> list[RatedNeed]:
    """An own-items take's needs as the person named and rated them, in their order."""
    if not instrument.own_items:
        return []
    raw = result.answers.get("needs")
    needs = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("rating"), int):
            rating = int(entry["rating"])
            low = not_well_met(instrument.scale, rating)
            needs.append(RatedNeed(str(entry.get("name", "")), rating, low))
    return needs
