"""A chat's figures week by week, for comparing before and after a date.

Built beside the pattern report, never inside it (the report and its stored form stay as
they are): the weekly counts the report already holds (conversations, runs, silences,
plans) are read from it, and the weekly reply times, which the report keeps by month
only, come from the chat's replies cut into weeks.

Which weeks count: whole weeks only (periods.whole: the chat's first and last week are
usually partial), and for each figure only the weeks where it has a value: a week with no
conversation has no share of conversations started, and a weekly median reply time needs
`MIN_WEEK_REPLIES` replies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

from clearheart.domain.before_after.series import Series, Week
from clearheart.domain.patterns.latency import PeriodLatency, by_period, find_replies
from clearheart.domain.patterns.periods import period_of, periods, whole
from clearheart.domain.patterns.plans import Outcome
from clearheart.domain.patterns.report import PatternReport, Settings
from clearheart.domain.patterns.sentence import them, whose
from clearheart.domain.patterns.timeline import Timeline

MIN_WEEK_REPLIES = 3
"""Replies a week needs before its median reply time counts as that week's value."""


def weekly_replies(
    timeline: Timeline, settings: Settings
) -> tuple[tuple[PeriodLatency, ...], tuple[PeriodLatency, ...]]:
    """The user's and everyone else's reply times, week by week (every week listed)."""
    others = frozenset(range(1, len(timeline.names)))
    mine, theirs = find_replies(timeline, settings.reply_cap, [frozenset((0,)), others])
    weeks = periods(timeline, "week")
    return by_period(weeks, mine), by_period(weeks, theirs)


def chat_series(
    report: PatternReport,
    my_replies: Sequence[PeriodLatency],
    their_replies: Sequence[PeriodLatency],
) -> tuple[Series, ...]:
    """Every chat figure the comparison covers, as whole-week series (empty for no data)."""
    first, last = report.basis.first, report.basis.last
    if first is None or last is None:
        return ()

    def is_whole(start: date) -> bool:
        return whole("week", start, first.date(), last.date())

    other = them(report)
    starts = tuple(
        Week(row.start, row.counts[0] / row.total, row.total, row.counts[0])
        for row in report.conversations.by_week
        if row.total and is_whole(row.start)
    )
    mine = report.unanswered.people[0].by_week
    runs = tuple(
        Week(row.start, row.messages / row.runs, row.runs)
        for row in mine
        if row.runs and is_whole(row.start)
    )
    broken = Counter(period_of("week", s.end.date()) for s in report.silences.items)
    weeks = [row.start for row in report.conversations.by_week if is_whole(row.start)]
    silences = tuple(Week(start, float(broken[start]), 1) for start in weeks)
    offered: Counter[date] = Counter()
    kept: Counter[date] = Counter()
    for link in report.plans.links:
        start = period_of("week", link.offer.at.date())
        offered[start] += 1
        kept[start] += link.outcome == Outcome.CONFIRMED
    plans = tuple(
        Week(start, kept[start] / offered[start], offered[start], kept[start])
        for start in weeks
        if offered[start]
    )
    return (
        Series("starts", "the share of conversations you started", "share", "conversation", starts),
        Series(
            "my_reply",
            "your typical reply time",
            "seconds",
            "reply",
            _replies(my_replies, is_whole),
        ),
        Series(
            "their_reply",
            f"{whose(report, 1) if other != 'the others' else 'their'} typical reply time",
            "seconds",
            "reply",
            _replies(their_replies, is_whole),
        ),
        Series("runs", "how many messages you sent in a row before a reply", "mean", "run", runs),
        Series("silences", "long silences a week", "mean", "week", silences),
        Series("plans", "the share of suggested plans that were confirmed", "share", "plan", plans),
    )


def _replies(rows: Sequence[PeriodLatency], is_whole: Callable[[date], bool]) -> tuple[Week, ...]:
    return tuple(
        Week(row.start, row.stats.median, row.stats.replies)
        for row in rows
        if row.stats.median is not None
        and row.stats.replies >= MIN_WEEK_REPLIES
        and is_whole(row.start)
    )
