"""The log page's "over time" charts: bids, repairs and pulling back, mood, who reached out.

All share one TimeAxis of whole months, so a week in one chart sits above the
same week in the next, exactly as on the patterns page. Each chart has one
plain sentence of what it shows and a line of what it rests on; nothing here
judges anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from clearheart.domain.behaviour_summary import MIN_BIDS, RESEARCH_NOTE, LogSummary, Week
from clearheart.domain.patterns.periods import PeriodCounts
from clearheart.domain.percent import percent, percent_of
from clearheart.services.patterns import MoodPoint
from clearheart.web.charts import (
    LEFT,
    RIGHT,
    Scale,
    Segment,
    TimeAxis,
    column,
    grid,
    key_labels,
    line,
    pct,
    px,
    tick_labels,
)
from clearheart.web.pattern_parts import (
    Chart,
    Panel,
    Series,
    Table,
    axis_labels,
    count,
    day_text,
    week_mid,
)


@dataclass(frozen=True, slots=True)
class ChatWeeks:
    """One chat's weekly conversation starts: `counts[0]` is the person's own."""

    title: str
    weeks: tuple[PeriodCounts, ...]


def axis_of(summary: LogSummary) -> TimeAxis | None:
    if not summary.weeks:
        return None
    return TimeAxis.spanning(summary.weeks[0].start, summary.weeks[-1].start + timedelta(days=6))


def _share_panel(
    axis: TimeAxis,
    points: list[tuple[float, float | None]],
    css: str,
    label: str,
    ticks: Sequence[str],
) -> Panel:
    scale = Scale.fixed(100, 100, (0, 50, 100)).keyed(1)
    segments, dots = line(points, scale)
    return Panel(
        height=scale.bottom + 26,
        grid=grid(scale),
        ticks=tick_labels(scale, ticks),
        series=(Series(css, segments, dots),),
        labels=key_labels([(css + "-text", label, points)], scale),
        axis=axis_labels(axis, scale.bottom + 20),
        axis_y=scale.bottom,
    )


def toward_chart(summary: LogSummary, axis: TimeAxis) -> Chart:
    figure = summary.figure("toward")
    points = [
        (week_mid(axis, w.start), None if w.ratio is None else w.ratio * 100) for w in summary.weeks
    ]
    weeks = len(summary.weeks)
    return Chart(
        id="toward",
        heading="How your bids were met",
        reading=figure.sentence,
        basis=f"From {count(summary.total.answered, 'bid')} over {count(weeks, 'week')}. "
        f"A week with fewer than {MIN_BIDS} bids shows no point, so a gap is not a zero.",
        description="One line: each week, the share of the bids you logged that were met "
        "by turning toward you.",
        panels=[_share_panel(axis, points, "you", "turned toward", ("none", "half", "all"))],
        notes=[RESEARCH_NOTE],
        table=Table(
            "Bids by week",
            ("Week of", "Bids", "Turned toward", "Share"),
            tuple(
                (
                    day_text(w.start),
                    str(w.answered),
                    str(w.toward),
                    "–" if w.ratio is None else percent(w.ratio),
                )
                for w in summary.weeks
                if w.answered
            ),
        ),
    )


def _bars(
    axis: TimeAxis, weeks: Sequence[Week], values: Sequence[int], scale: Scale, title: str
) -> Panel:
    rects = tuple(
        ("plan", column(axis, w.start, w.start + timedelta(days=7), 0, v, scale))
        for w, v in zip(weeks, values, strict=True)
        if v
    )
    # Tick labels give the bars the same gutter as the lines: the weeks line up. The
    # room under the baseline keeps the "0" level with it inside the drawing.
    return Panel(
        height=scale.bottom + 8,
        rects=rects,
        grid=(Segment(pct(LEFT), px(scale.bottom), pct(RIGHT), px(scale.bottom)),),
        ticks=tick_labels(scale, [f"{t:g}" for t in scale.ticks]),
        title=title,
    )


def repairs_chart(summary: LogSummary, axis: TimeAxis) -> Chart:
    weeks = summary.weeks
    repairs = [w.repairs for w in weeks]
    pulled = [w.withdrawals for w in weeks]
    scale = Scale.nice(max([*repairs, *pulled], default=0), 40, count=1)
    total = summary.total
    panels = [
        _bars(
            axis,
            weeks,
            repairs,
            scale,
            f"Repair attempts: {total.repairs:,} ({total.repairs_accepted:,} taken up)",
        ),
        _bars(axis, weeks, pulled, scale, f"Times they pulled back: {total.withdrawals:,}"),
    ]
    panels[-1].axis = axis_labels(axis, panels[-1].height + 16)
    panels[-1].height += 22
    return Chart(
        id="repairs",
        heading="Repairs and pulling back",
        reading=summary.figure("repairs").sentence,
        notes=[summary.figure("withdrawals").sentence],
        basis=f"From {count(total.repairs + total.withdrawals, 'entry', 'entries')} "
        f"over {count(len(weeks), 'week')}, counted by the week they happened.",
        description="Two rows of weekly bars on one scale: repair attempts by either of "
        "you, and times they pulled back.",
        panels=panels,
        table=Table(
            "Repairs and pulling back by week",
            ("Week of", "Repair attempts", "Taken up", "Pulled back"),
            tuple(
                (day_text(w.start), str(w.repairs), str(w.repairs_accepted), str(w.withdrawals))
                for w in weeks
                if w.repairs or w.withdrawals
            ),
        ),
    )


def mood_chart(mood: Sequence[MoodPoint], axis: TimeAxis) -> Chart:
    scale = Scale.fixed(4, 64, (0, 2, 4))
    segments, dots = line([(week_mid(axis, m.start), m.mean - 1) for m in mood], scale)
    checkins = sum(m.checkins for m in mood)
    mean = sum(m.mean * m.checkins for m in mood) / checkins if checkins else None
    return Chart(
        id="mood",
        heading="Your mood, week by week",
        reading=(
            f"Your check-ins in these weeks average {mean:.1f} of 5."
            if mean is not None
            else "No mood check-ins in these weeks yet. When you note how you feel in "
            "the journal, it shows here."
        ),
        basis=(
            f"From {count(checkins, 'mood check-in')} in your journal, in "
            f"{count(len(mood), 'week')} of these."
            if checkins
            else "From your journal: no mood check-ins in these weeks."
        ),
        description="One line: the average of your journal's mood check-ins each week.",
        panels=[
            Panel(
                height=scale.bottom + 26,
                grid=grid(scale),
                ticks=tick_labels(scale, ("low", "okay", "good")),
                series=(Series("mood", segments, dots),),
                axis=axis_labels(axis, scale.bottom + 20),
                axis_y=scale.bottom,
            )
        ],
        table=Table(
            "Mood by week",
            ("Week of", "Average", "Check-ins"),
            tuple((day_text(m.start), f"{m.mean:.1f} of 5", str(m.checkins)) for m in mood),
        ),
    )


def first_chart(chat: ChatWeeks, axis: TimeAxis, first: date, last: date) -> Chart:
    weeks = [w for w in chat.weeks if first <= w.start <= last]
    points = [
        (week_mid(axis, w.start), None if not w.total else 100 * w.counts[0] / w.total)
        for w in weeks
    ]
    total = sum(w.total for w in weeks)
    mine = sum(w.counts[0] for w in weeks if w.counts)
    reading = (
        f"In these weeks you started {mine:,} of the {count(total, 'conversation')} "
        f"({percent_of(mine, total)})."
        if total
        else "No conversations in this chat during these weeks."
    )
    return Chart(
        id="first",
        heading="Who reached out first",
        reading=reading,
        basis=f"From {count(total, 'conversation')} in the chat “{chat.title}” over "
        f"{count(len(weeks), 'week')}. A week without conversations shows no point.",
        description="One line: each week, the share of the chat's conversations that you started.",
        panels=[_share_panel(axis, points, "you", "You", ("none", "half", "all"))],
        table=Table(
            "Conversations by week",
            ("Week of", "Conversations", "You started"),
            tuple((day_text(w.start), str(w.total), str(w.counts[0])) for w in weeks if w.total),
        ),
    )


def charts(summary: LogSummary, mood: Sequence[MoodPoint], chat: ChatWeeks | None) -> list[Chart]:
    axis = axis_of(summary)
    if axis is None or not summary.entries:
        return []
    found = [toward_chart(summary, axis), repairs_chart(summary, axis), mood_chart(mood, axis)]
    if chat is not None:
        found.append(first_chart(chat, axis, summary.weeks[0].start, summary.weeks[-1].start))
    return found
