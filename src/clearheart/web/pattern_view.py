"""The patterns page as the template draws it: every chart, its reading and its ground.

Each chart gets one plain sentence of what it shows (the domain's wording),
the data it rests on, SVG geometry (charts.py) and a table of the same numbers
for anyone who cannot see the drawing. Names are shown as the person chose
them: "You", and the other person's chosen name. Nothing here judges anyone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Literal

from clearheart.domain.patterns.periods import Unit
from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.wording import listing
from clearheart.services.patterns import MoodPoint
from clearheart.web.charts import TimeAxis
from clearheart.web.pattern_parts import Chart, Shown, count, day_text, partial_note
from clearheart.web.pattern_readings import sentences
from clearheart.web.pattern_readings import timeline as timeline_sentence
from clearheart.web.pattern_tallies import effort, loop, silences, unanswered_runs
from clearheart.web.pattern_time import (
    plan_list_heading,
    plans,
    reply_times,
    timeline,
    timeline_unit,
    who_starts,
)

MoodOf = Callable[[date | None, date | None, Literal["week", "month"]], Sequence[MoodPoint]]


def axis_for(report: PatternReport) -> TimeAxis | None:
    first, last = report.basis.first, report.basis.last
    if first is None or last is None:
        return None
    return TimeAxis.spanning(first.date(), last.date())


def left_out(report: PatternReport) -> str:
    """The lines the chat holds beside the messages counted, and why they do not count.

    The chat's own count (at the top of the page) is every line of the export;
    the patterns count only messages someone wrote. Without this the two figures
    differ with no reason given. Empty when nothing was left out.
    """
    basis = report.basis
    kinds = ((basis.notices, "app notice", "an"), (basis.deleted, "deleted message", "a"),
             (basis.calls, "call", "a"))
    total = sum(n for n, _, _ in kinds)
    where = "in these dates" if report.since or report.until else "in this chat"
    if total == 1:
        what = next(f"{article} {one}" for n, one, article in kinds if n)
        return f"One other line {where} is {what}: nobody wrote it, so it is left out. "
    if not total:
        return ""
    parts = [count(n, one) for n, one, _ in kinds if n]
    return (f"The {count(total, 'other line')} {where} are {listing(parts)}: nobody wrote "
            "them, so they are left out. ")


def page(report: PatternReport, shown: Shown, mood_of: MoodOf) -> dict[str, object]:
    """Everything the patterns template draws, in the order it draws it."""
    axis = axis_for(report)
    if axis is None:
        return {"report": report, "empty": True}
    mood = mood_of(axis.start, axis.end - timedelta(days=1), timeline_unit(report))
    silences_chart, silence_rows = silences(report, shown)
    plans_chart, plan_rows = plans(report, shown, axis)
    loop_chart, whiskers, loop_panel = loop(report, shown)
    charts: dict[str, Chart] = {
        "first": who_starts(report, shown, axis),
        "replies": reply_times(report, shown, axis),
        "runs": unanswered_runs(report, shown),
        "silences": silences_chart,
        "effort": effort(report, shown),
        "plans": plans_chart,
        "loop": loop_chart,
        "timeline": timeline(report, shown, axis, mood),
    }
    for key, texts in sentences(report, shown).items():
        charts[key].reading = texts[0]
        charts[key].notes = texts[1:]
    dated: tuple[tuple[str, Unit, str], ...] = (
        ("first", "month", "dot"), ("replies", "month", "dot"), ("plans", "month", "bar"),
        ("timeline", timeline_unit(report), "dot"))
    for key, unit, drawn in dated:
        note = partial_note(report, unit, drawn)
        if note:
            charts[key].notes.append(note)
    checkins = sum(m.checkins for m in mood)
    mean = sum(m.mean * m.checkins for m in mood) / checkins if checkins else None
    charts["timeline"].reading = timeline_sentence(checkins, mean, timeline_unit(report))
    first = report.basis.first
    last = report.basis.last
    return {
        "report": report, "empty": False, **charts,
        "index": list(charts.values()),
        "intro": f"What the {count(report.basis.messages, 'message')} written from "
                 f"{day_text(first or axis.start)} to {day_text(last or axis.end)} show. "
                 + left_out(report)
                 + "Each chart starts with one sentence of what it shows and ends with how "
                 "much it rests on.",
        "silence_rows": silence_rows, "plan_rows": plan_rows,
        "plans_listed": plan_list_heading(len(plan_rows), len(report.plans.hits)),
        "whiskers": whiskers, "loop_panel": loop_panel,
    }
