"""The charts drawn over time: who starts, reply times, plans, and the weeks with mood.

All four share one TimeAxis, so a month in one chart sits exactly above the
same month in the next, and the mood line lines up with the messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from clearheart.domain.patterns.plan_figures import PlanFigures, plan_figures
from clearheart.domain.patterns.plan_rules import BY_ID, PlanKind
from clearheart.domain.patterns.plans import Outcome
from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.percent import percent_of
from clearheart.services.patterns import MoodPoint
from clearheart.web.charts import (
    DURATION_STEPS,
    LEFT,
    RIGHT,
    Scale,
    Segment,
    TimeAxis,
    column,
    duration,
    grid,
    line,
    pct,
    px,
    tick_labels,
)
from clearheart.web.pattern_parts import (
    Chart,
    Panel,
    Series,
    Shown,
    Table,
    axis_labels,
    count,
    day_text,
    heading,
    month_mid,
    next_month,
    pair_lines,
    partial_periods,
    period_name,
    since_text,
    two_sides,
    week_mid,
)

PLAN_LIST_MOST = 200
"""The plan messages listed on the page: the newest, so the page stays light."""
KIND_WORDS = {
    PlanKind.PROPOSAL: "suggested a plan", PlanKind.CONFIRMATION: "agreed",
    PlanKind.CANCELLATION: "called a plan off", PlanKind.RESCHEDULE: "moved a plan",
    PlanKind.DECLINE: "said no to a plan",
}


def who_starts(report: PatternReport, shown: Shown, axis: TimeAxis) -> Chart:
    names = two_sides(report, shown)
    partial = partial_periods(report, "month")
    rows = []
    table = []
    for month in report.conversations.by_month:
        total = month.total
        mine = month.counts[0] / total * 100 if total else None
        rows.append((month.start, mine, None if mine is None else 100 - mine))
        table.append((period_name(month.start, "month", partial), str(total),
                      percent_of(month.counts[0], total) if total else "–",
                      percent_of(total - month.counts[0], total) if total else "–"))
    scale = Scale.fixed(100, 120, (0, 50, 100))
    panel = pair_lines(axis, rows, scale, names, ("none", "half", "all"), month_mid, partial)
    return Chart(
        id="first", heading="Who reaches out first",
        basis=f"In {count(report.conversations.count, 'conversation')} "
              f"{since_text(report)}. A new conversation starts after "
              f"{report.conversations.gap_hours:g} hours without messages.",
        description=f"Two lines, one per person: the share of each month's conversations "
                    f"that you and {names[1]} started.",
        panels=[panel],
        table=Table("Conversations started, by month",
                    ("Month", "Conversations", names[0], heading(names[1])), tuple(table)),
    )


def reply_times(report: PatternReport, shown: Shown, axis: TimeAxis) -> Chart:
    names = two_sides(report, shown)
    people = report.latency.people
    mine = people[0]
    theirs = people[1] if len(people) == 2 else None
    partial = partial_periods(report, "month")
    rows = []
    table = []
    for i, month in enumerate(mine.by_month):
        other = theirs.by_month[i].stats if theirs else None
        rows.append((month.start, month.stats.median, other.median if other else None))
        table.append((period_name(month.start, "month", partial), duration(month.stats.median),
                      duration(month.stats.p90), duration(other.median if other else None),
                      duration(other.p90 if other else None)))
    highest = max([v for _, a, b in rows for v in (a, b) if v is not None], default=3600.0)
    scale = Scale.of_steps(max(highest, 600.0), 120, DURATION_STEPS)
    panel = pair_lines(axis, rows, scale, names,
                       [duration(t) if t else "0" for t in scale.ticks], month_mid, partial)
    replies = sum(p.overall.replies for p in people)
    return Chart(
        id="replies", heading="How long replies take",
        basis=f"From {count(replies, 'reply', 'replies')} {since_text(report)}. A wait of "
              f"{report.latency.cap_hours:g} hours or more counts as a silence, not a reply.",
        description="Two lines, one per person: the typical (median) time each took to "
                    "reply, month by month.",
        panels=[panel],
        table=Table("Typical reply time by month, and the time 9 in 10 replies came within",
                    ("Month", names[0], f"{names[0]}, 9 in 10", heading(names[1]),
                     f"{heading(names[1])}, 9 in 10"), tuple(table)),
    )


@dataclass(frozen=True, slots=True)
class PlanRow:
    day: str
    who: str
    what: str
    words: str
    rule: str


PLAN_TILES: tuple[tuple[str, Callable[[PlanFigures], int]], ...] = (
    ("Suggested", lambda f: f.suggested),
    ("Confirmed", lambda f: f.outcome(Outcome.CONFIRMED)),
    ("Moved", lambda f: f.outcome(Outcome.RESCHEDULED)),
    ("Turned down", lambda f: f.outcome(Outcome.DECLINED)),
    ("Called off later", lambda f: f.outcome(Outcome.CANCELLED)),
)
"""The plans' rows of bars: suggestions, and what came of them in the sentences' words."""


def plans(report: PatternReport, shown: Shown, axis: TimeAxis) -> tuple[Chart, list[PlanRow]]:
    found = report.plans
    partial = partial_periods(report, "month")
    monthly = [plan_figures(month.people) for month in found.by_month]
    overall = plan_figures(found.overall)
    totals = {title: [pick(f) for f in monthly] for title, pick in PLAN_TILES}
    # One scale for the four rows, so a tall bar means the same in each.
    scale = Scale.nice(max((max(v, default=0) for v in totals.values()), default=0), 34,
                       count=1)
    panels = []
    for (title, pick), values in zip(PLAN_TILES, totals.values(), strict=True):
        rects = tuple(("plan partial" if month.start in partial else "plan",
                       column(axis, month.start, next_month(month.start), 0, value, scale))
                      for month, value in zip(found.by_month, values, strict=True) if value)
        panels.append(Panel(height=scale.bottom + 2, rects=rects,
                            grid=(Segment(pct(LEFT), px(scale.bottom), pct(RIGHT),
                                          px(scale.bottom)),),
                            title=f"{title}: {pick(overall):,}"))
    panels[-1].axis = axis_labels(axis, panels[-1].height + 16)
    panels[-1].height += 22
    rows = tuple((period_name(m.start, "month", partial),
                  *(str(totals[t][i]) for t, _ in PLAN_TILES))
                 for i, m in enumerate(found.by_month))
    listed = [PlanRow(day_text(h.at), shown(h.sender), KIND_WORDS.get(h.kind, h.kind.value),
                      h.matched, BY_ID[h.rule].description if h.rule in BY_ID else h.rule)
              for h in reversed(found.hits[-PLAN_LIST_MOST:])]
    chart = Chart(
        id="plans", heading="Plans",
        basis=f"{count(len(found.hits), 'message')} counted {since_text(report)}: "
              f"{count(overall.suggested, 'plan')} suggested, "
              f"{overall.outcome(Outcome.CONFIRMED):,} of them confirmed within "
              f"{found.window_hours:g} hours. Plain rules look for phrases such as “are you "
              "free” and “can’t make it”; they would rather miss a plan than invent one.",
        description="Five rows of monthly bars on one scale: plans suggested, and of "
                    "those, the ones confirmed, moved, turned down and called off later.",
        panels=panels,
        table=Table("Plans by month", ("Month", *(t for t, _ in PLAN_TILES)), rows),
    )
    return chart, listed


def plan_list_heading(listed: int, counted: int) -> str:
    """The list's own heading, with the same count as the chart's ground.

    "The 97 messages that counted, and why"; when only the newest are listed,
    "The newest 200 of the 291 messages that counted, and why".
    """
    if listed < counted:
        return f"The newest {listed:,} of the {count(counted, 'message')} that counted, and why"
    return f"The {count(counted, 'message')} that counted, and why"


WEEKLY_MOST = 160
"""Beyond about three years of weeks, the timeline counts by month so it stays readable."""


def timeline_unit(report: PatternReport) -> Literal["week", "month"]:
    return "week" if report.basis.weeks <= WEEKLY_MOST else "month"


def timeline(report: PatternReport, shown: Shown, axis: TimeAxis,
             mood: Sequence[MoodPoint]) -> Chart:
    names = two_sides(report, shown)
    weekly = timeline_unit(report) == "week"
    if weekly:
        rows = [(w.start, float(w.counts[0]), float(sum(w.counts[1:])))
                for w in report.effort.by_week]
        mid = week_mid
    else:
        rows = [(m.start, float(m.people[0].messages),
                 float(sum(p.messages for p in m.people[1:]))) for m in report.effort.by_month]
        mid = month_mid
    each = timeline_unit(report)
    partial = partial_periods(report, each)
    scale = Scale.nice(max([max(a, b) for _, a, b in rows], default=1.0), 110)
    messages = pair_lines(axis, rows, scale, names, [f"{t:,.0f}" for t in scale.ticks], mid,
                          partial)
    messages.title = f"Messages each {each}"
    mood_scale = Scale.fixed(4, 64, (0, 2, 4))
    segments, dots = line([(mid(axis, m.start), m.mean - 1) for m in mood], mood_scale)
    mood_panel = Panel(
        height=mood_scale.bottom + 26, grid=grid(mood_scale),
        ticks=tick_labels(mood_scale, ("low", "okay", "good")),
        series=(Series("mood", segments, dots),),
        axis=axis_labels(axis, mood_scale.bottom + 20), axis_y=mood_scale.bottom,
        title=f"Your mood: the {each}’s average check-in from your journal",
    )
    by_start = {m.start: m for m in mood}
    table = tuple(
        (period_name(start, each, partial), f"{a:,.0f}", f"{b:,.0f}",
         f"{by_start[start].mean:.1f} of 5" if start in by_start else "–")
        for start, a, b in rows)
    checkins = sum(m.checkins for m in mood)
    spans = count(report.basis.weeks, "week") if weekly else \
        count(len(report.effort.by_month), "month")
    return Chart(
        id="timeline", heading=f"{each.capitalize()} by {each}, with your mood",
        basis=f"{spans} of messages; "
              + (f"{count(checkins, 'mood check-in')} from your journal in the same {each}s."
                 if checkins else f"no mood check-ins in your journal for these {each}s yet. "
                 "When you note how you feel in the journal, it shows here."),
        description=f"Two lines of messages per {each}, one per person, and below them, on "
                    "the same dates, your average mood from journal check-ins.",
        panels=[messages, mood_panel],
        table=Table(f"Messages and mood, {each} by {each}",
                    ("Week of" if weekly else "Month", names[0], heading(names[1]), "Your mood"),
                    table),
    )
