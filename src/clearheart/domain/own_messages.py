"""The user's own messages over time: how often they carried criticism, intensity or
reassurance-seeking, week by week and hour by hour, and the late-night bursts.

This is for the person's self-awareness, never a score of them. Every figure carries what
it rests on: how many of their messages were read in that week or hour. The check itself
(the draft check in the service layer) comes in as a function, so this stays pure.

Times are wall-clock seconds as chats are stored (domain.chat.wall_seconds): the hour of
day is the hour the export shows. A late-night burst is BURST_AT or more of the user's
messages in one night (23:00 to 04:59, as on the patterns page) with no message from the
other side in between.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clearheart.domain.chat import from_wall_seconds
from clearheart.domain.patterns.loop import LATE_END_HOUR, LATE_START_HOUR

WATCHED: tuple[str, ...] = ("criticism", "intensity", "reassurance_seeking")
"""The kinds this view counts: the ones a person waiting for a reply most often slips into."""
BURST_AT = 3
"""Messages in one night, with no reply between them, that make a late-night burst."""
MIN_SHARE_MESSAGES = 5
"""A week or an hour with fewer of the user's messages gives no share: one message would
read as 0% or 100%."""

Check = Callable[[str], Collection[str] | None]
"""The kinds the draft check flags in one message; None when it could not read it."""

_DAY = 86_400
_HOUR = 3_600
_EPOCH_DAY = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Tally:
    """Messages read, and how many carried each watched kind (in the order of WATCHED)."""

    messages: int
    kinds: tuple[int, ...]
    flagged: int
    """Messages with at least one watched kind (a message with two counts once here)."""

    def count(self, kind: str) -> int:
        return self.kinds[WATCHED.index(kind)]

    def share(self, kind: str | None = None) -> float | None:
        """The share (0 to 1) of messages with `kind` (any watched kind for None).

        None below MIN_SHARE_MESSAGES messages: too few to say anything.
        """
        if self.messages < MIN_SHARE_MESSAGES:
            return None
        found = self.flagged if kind is None else self.count(kind)
        return found / self.messages


@dataclass(frozen=True, slots=True)
class Week:
    start: date
    """The Monday the week begins on."""
    label: str
    """ISO week, like "2024-W07"."""
    tally: Tally
    bursts: int
    """Late-night bursts in the nights that began this week."""


@dataclass(frozen=True, slots=True)
class Hour:
    hour: int
    tally: Tally


@dataclass(frozen=True, slots=True)
class Burst:
    night: date
    """The evening the night began (a burst at 01:00 on a Tuesday belongs to Monday)."""
    messages: int
    flagged: int


@dataclass(frozen=True, slots=True)
class OwnReport:
    total: Tally
    weeks: tuple[Week, ...]
    """Every week from the first message read to the last, quiet weeks included."""
    hours: tuple[Hour, ...]
    """Hours 0 to 23."""
    bursts: tuple[Burst, ...]
    late: Tally
    """Messages sent from 23:00 to 04:59."""
    unread: int
    """Messages the check could not read (empty, or too long to be a message)."""
    first: datetime | None
    last: datetime | None

    @property
    def day_tally(self) -> Tally:
        """Messages sent from 05:00 to 22:59: what the late hours compare with."""
        return _minus(self.total, self.late)


def is_late(seconds: int) -> bool:
    hour = seconds // _HOUR % 24
    return hour >= LATE_START_HOUR or hour < LATE_END_HOUR


def night_of(seconds: int) -> date:
    """The evening a late moment's night began."""
    return _EPOCH_DAY + timedelta(days=(seconds - LATE_END_HOUR * _HOUR) // _DAY)


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_label(start: date) -> str:
    year, week, _ = start.isocalendar()
    return f"{year:04d}-W{week:02d}"


class _Counter:
    __slots__ = ("flagged", "kinds", "messages")

    def __init__(self) -> None:
        self.messages = 0
        self.flagged = 0
        self.kinds = [0] * len(WATCHED)

    def add(self, found: tuple[int, ...]) -> None:
        self.messages += 1
        if found:
            self.flagged += 1
            for index in found:
                self.kinds[index] += 1

    def tally(self) -> Tally:
        return Tally(self.messages, tuple(self.kinds), self.flagged)


def _minus(a: Tally, b: Tally) -> Tally:
    return Tally(
        a.messages - b.messages,
        tuple(x - y for x, y in zip(a.kinds, b.kinds, strict=True)),
        a.flagged - b.flagged,
    )


def read_own(
    mine: Sequence[int], texts: Sequence[str], theirs: Sequence[int], check: Check
) -> OwnReport:
    """Count the user's messages (times `mine`, words `texts`, both in time order) by week
    and hour; `theirs` are the other side's message times (in order), for the bursts.

    Identical texts are checked once ("ok", "night x"): long chats repeat a lot.
    """
    if len(mine) != len(texts):
        raise ValueError("every message needs both its time and its words")
    seen: dict[str, tuple[int, ...] | None] = {}
    index = {kind: i for i, kind in enumerate(WATCHED)}
    total, late = _Counter(), _Counter()
    weeks: dict[date, _Counter] = {}
    hours = [_Counter() for _ in range(24)]
    bursts: list[Burst] = []
    run_night: date | None = None
    run_size = run_flagged = 0
    other = 0
    unread = 0
    read_first = read_last = None

    def close() -> None:
        if run_night is not None and run_size >= BURST_AT:
            bursts.append(Burst(run_night, run_size, run_flagged))

    for seconds, text in zip(mine, texts, strict=True):
        found = seen.get(text, ())
        if text not in seen:
            kinds = check(text)
            found = seen[text] = (
                None if kinds is None else tuple(sorted(index[k] for k in set(kinds) if k in index))
            )
        # A reply from the other side since the last message ends any run.
        replied = False
        while other < len(theirs) and theirs[other] <= seconds:
            other += 1
            replied = True
        night = night_of(seconds) if is_late(seconds) else None
        if replied or night != run_night:
            close()
            run_night, run_size, run_flagged = night, 0, 0
        if found is None:
            unread += 1
            continue
        if read_first is None:
            read_first = seconds
        read_last = seconds
        if night is not None:
            run_size += 1
            run_flagged += bool(found)
            late.add(found)
        total.add(found)
        hours[seconds // _HOUR % 24].add(found)
        start = week_of(_EPOCH_DAY + timedelta(days=seconds // _DAY))
        counter = weeks.get(start)
        if counter is None:
            counter = weeks[start] = _Counter()
        counter.add(found)
    close()
    return OwnReport(
        total=total.tally(),
        weeks=_every_week(weeks, bursts),
        hours=tuple(Hour(h, c.tally()) for h, c in enumerate(hours)),
        bursts=tuple(bursts),
        late=late.tally(),
        unread=unread,
        first=None if read_first is None else from_wall_seconds(read_first),
        last=None if read_last is None else from_wall_seconds(read_last),
    )


def _every_week(weeks: dict[date, _Counter], bursts: Sequence[Burst]) -> tuple[Week, ...]:
    if not weeks:
        return ()
    per_week: dict[date, int] = {}
    for burst in bursts:
        start = week_of(burst.night)
        per_week[start] = per_week.get(start, 0) + 1
    empty = Tally(0, (0,) * len(WATCHED), 0)
    first = min(min(weeks), min(per_week, default=max(weeks)))
    last = max(weeks)
    found = []
    start = first
    while start <= last:
        counter = weeks.get(start)
        found.append(
            Week(
                start,
                week_label(start),
                counter.tally() if counter else empty,
                per_week.get(start, 0),
            )
        )
        start += timedelta(days=7)
    return tuple(found)
