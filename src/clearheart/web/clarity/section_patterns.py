"""The chat section: the patterns page's own sentences and charts, for one chat.

Two charts are drawn (who starts conversations, how long replies take), as they read
best on paper; every other chart of the patterns page comes as its one-sentence reading
with what it rests on. The wording is the patterns page's own (web/pattern_view.py), so
the report never says more than the page does.
"""

from __future__ import annotations

from dataclasses import replace

from clearheart.web.chat_view import ChatView
from clearheart.web.clarity.model import Figure, Section
from clearheart.web.clarity.sources import Sources
from clearheart.web.pattern_parts import Chart, two_sides
from clearheart.web.pattern_view import page

DRAWN = ("first", "replies")
"""The charts drawn in the report, in order; the others are read out in one sentence each."""
READ = ("runs", "silences", "effort", "plans", "loop", "timeline")


def _keyed(chart: Chart, you: str, other: str) -> Chart:
    """A drawn chart with a line saying which line is whose, so that on paper, in black and
    white, the key rests on line style as well as on the names at the lines' ends."""
    key = f"Solid line: {you.lower() if you == 'You' else you}; dashed line: {other}."
    return replace(chart, notes=[key, *chart.notes])


def _reading(chart: Chart) -> Figure:
    """A chart not drawn: its one-sentence reading and what it rests on (the page's notes,
    on ranges and partial months, stay with the page)."""
    return Figure(chart.heading, "", f"{chart.reading} {chart.basis}")


def patterns(sources: Sources) -> Section | None:
    """The chosen chat's patterns from `since` on; None without a chat, or without
    messages in those dates."""
    info = sources.chat
    if info is None or info.me is None:
        return None
    view = ChatView(info)
    report = sources.patterns.report(info.id, sources.since, info=info)
    shown = page(report, view.shown, sources.patterns.mood)
    if shown["empty"]:
        return None
    charts = {key: value for key, value in shown.items() if isinstance(value, Chart)}
    return Section(
        id="patterns",
        heading=f"Messages: {view.label}",
        basis=f"{view.summary}.",
        lead=str(shown["intro"]),
        charts=tuple(_keyed(charts[key], *two_sides(report, view.shown)) for key in DRAWN),
        figures=tuple(_reading(charts[key]) for key in READ if charts[key].reading),
    )
