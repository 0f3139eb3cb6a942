"""Every texting pattern of one chat in one value, for a chosen stretch of time."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import partial

from clearheart.domain.chat import Columns, Message, wall_seconds
from clearheart.domain.patterns.conversations import (
    DEFAULT_GAP_HOURS,
    Conversations,
    conversation_starts,
    summarise_conversations,
)
from clearheart.domain.patterns.effort import Effort, measure_effort
from clearheart.domain.patterns.latency import (
    Latency,
    by_period,
    find_replies,
    measure_latency,
    shorter_than,
)
from clearheart.domain.patterns.loop import (
    DEFAULT_MIN_WEEKS,
    Loop,
    WeekSignals,
    late_night_counts,
    measure_loop,
    week_counts,
)
from clearheart.domain.patterns.periods import Periods, periods
from clearheart.domain.patterns.plans import DEFAULT_WINDOW_HOURS, Plans, find_plans
from clearheart.domain.patterns.silences import (
    DEFAULT_SILENCE_HOURS,
    Silences,
    find_silences,
    silence_positions,
    silences_among,
)
from clearheart.domain.patterns.timeline import Basis, Timeline
from clearheart.domain.patterns.timeline_build import Blocks, build_timeline, stream_timeline
from clearheart.domain.patterns.unanswered import Unanswered, find_runs
from clearheart.errors import InvalidInput

REPORT_VERSION = 5
"""Bump when any figure is worked out differently: reports kept from before are then
worked out again (a change of the report's shape is noticed without this)."""


@dataclass(frozen=True, slots=True)
class Settings:
    conversation_gap_hours: float = DEFAULT_GAP_HOURS
    silence_hours: float = DEFAULT_SILENCE_HOURS
    reply_cap_hours: float | None = None
    """Longest wait that still counts as a reply; None means the silence threshold."""
    plan_window_hours: float = DEFAULT_WINDOW_HOURS
    loop_min_weeks: int = DEFAULT_MIN_WEEKS

    def __post_init__(self) -> None:
        hours = {
            "conversation_gap_hours": self.conversation_gap_hours,
            "silence_hours": self.silence_hours,
            "plan_window_hours": self.plan_window_hours,
            "reply_cap_hours": self.reply_cap,
        }
        for field, value in hours.items():
            if not value > 0:
                raise InvalidInput(field, "must be more than zero hours")
        if self.loop_min_weeks < 3:
            raise InvalidInput("loop_min_weeks", "must be at least 3")

    @property
    def reply_cap(self) -> float:
        return self.silence_hours if self.reply_cap_hours is None else self.reply_cap_hours


@dataclass(frozen=True, slots=True)
class PatternReport:
    me: str
    names: tuple[str, ...]
    """Participants, the user first."""
    since: datetime | None
    until: datetime | None
    """Messages from `since` (inclusive) to `until` (exclusive)."""
    settings: Settings
    basis: Basis
    conversations: Conversations
    latency: Latency
    unanswered: Unanswered
    silences: Silences
    effort: Effort
    plans: Plans
    loop: Loop


def _moment(value: date | datetime | None, end: bool) -> datetime | None:
    """A date means its whole day: `since` from its midnight, `until` through its end."""
    if value is None or isinstance(value, datetime):
        return value
    moment = datetime.combine(value, time())
    return moment + timedelta(days=1) if end else moment


def window(
    messages: Columns, since: datetime | None, until: datetime | None
) -> tuple[int, int]:
    """Positions [start, stop) of messages (in time order) from `since` to before `until`."""
    seconds = messages.seconds
    start = 0 if since is None else bisect_left(seconds, wall_seconds(since))
    stop = len(seconds) if until is None else bisect_left(seconds, wall_seconds(until))
    return start, max(start, stop)


def build_report(
    messages: Columns | Sequence[Message] | Blocks,
    me: str,
    *,
    others: Sequence[str] = (),
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    settings: Settings | None = None,
) -> PatternReport:
    """All patterns of a chat whose messages are in time order.

    Messages come as Columns, as Message values (whose times then count in whole seconds,
    as stored), or as Blocks streamed from the store: those must already be the messages
    from `since` to before `until` (the store picks them by time), and are read block by
    block without ever holding the whole chat.
    """
    begin, end = _moment(since, False), _moment(until, True)
    if callable(messages):
        make = partial(stream_timeline, messages, me, others)
    else:
        batch = messages if isinstance(messages, Columns) else Columns.of(messages)
        start, stop = window(batch, begin, end)
        make = partial(build_timeline, batch, me, others, start, stop)
    return _build(make, me, begin, end, settings or Settings())


def _build(
    make_timeline: Callable[[], Timeline],
    me: str,
    begin: datetime | None,
    end: datetime | None,
    settings: Settings,
) -> PatternReport:
    # Made here, not passed in, so that nothing but this frame holds it: the timeline
    # (most of the memory, a few bytes a message) is let go before the loop's test.
    timeline = make_timeline()
    weeks = periods(timeline, "week")
    months = periods(timeline, "month")
    starts = conversation_starts(timeline, settings.conversation_gap_hours)
    stamps = timeline.stamps
    basis = Basis(
        messages=timeline.size,
        conversations=len(starts),
        weeks=len(weeks),
        first=stamps[0] if stamps else None,
        last=stamps[-1] if stamps else None,
        notices=timeline.notices,
        deleted=timeline.deleted,
        calls=len(timeline.calls),
    )
    # The effort is the only reader of the text lengths, word counts, question marks and
    # media: worked out first, so those columns (five bytes a message) can go at once.
    effort = measure_effort(timeline, weeks, months, basis)
    timeline = replace(timeline, chars=(), words=(), asks=b"", media_positions=())
    people = len(timeline.names)
    groups = [frozenset((p,)) for p in range(people)]
    if people != 2:
        groups.append(frozenset(range(1, people)))
    replies = find_replies(timeline, settings.reply_cap, groups)
    if settings.silence_hours >= settings.conversation_gap_hours:
        # Every long silence also starts a conversation: look only at those starts.
        ends = silences_among(timeline, starts, settings.silence_hours)
    else:
        ends = silence_positions(timeline, settings.silence_hours)
    conversations = summarise_conversations(
        timeline, starts, weeks, months, basis, settings.conversation_gap_hours
    )
    latency = measure_latency(timeline, replies[:people], months, basis, settings.reply_cap)
    # The loop's distance: replies inside a conversation only (module notes of loop.py).
    inside = shorter_than(replies[-1], settings.conversation_gap_hours * 3600.0)
    their_latency = [row.stats.median for row in by_period(weeks, inside)]
    del replies  # A few bytes a reply: gone before the runs take their share.
    unanswered = find_runs(timeline, weeks, months, basis)
    silences = find_silences(timeline, months, basis, settings.silence_hours, ends)
    plans = find_plans(timeline, months, basis, settings.plan_window_hours)
    signals = _signals(timeline, weeks, their_latency, conversations, effort)
    names = timeline.names
    del timeline, stamps
    loop = measure_loop(signals, basis, settings.loop_min_weeks,
                        whole_chat=begin is None and end is None)
    return PatternReport(
        me=me,
        names=names,
        since=begin,
        until=end,
        settings=settings,
        basis=basis,
        conversations=conversations,
        latency=latency,
        unanswered=unanswered,
        silences=silences,
        effort=effort,
        plans=plans,
        loop=loop,
    )


def _signals(
    timeline: Timeline,
    weeks: Periods,
    their_latency: Sequence[float | None],
    conversations: Conversations,
    effort: Effort,
) -> list[WeekSignals]:
    """The raw weekly parts of the loop's indices: the user against everyone else.

    `their_latency` is everyone else's median reply time each week (seconds, or None).
    """
    others = range(1, len(timeline.names))
    late = late_night_counts(timeline, 0, weeks)
    their_messages = week_counts(effort.by_week, others)
    signals = []
    for i, start in enumerate(weeks.starts):
        mine = effort.by_week[i].counts[0]
        signals.append(
            WeekSignals(
                start=start,
                messages=mine + their_messages[i],
                my_starts=conversations.by_week[i].counts[0],
                my_late_night=late[i],
                their_median_latency=their_latency[i],
                their_messages=their_messages[i],
            )
        )
    return signals
