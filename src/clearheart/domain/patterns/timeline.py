"""The columns every pattern reads, built once from a chat's messages (timeline_build.py).

A million messages become a handful of compact arrays (a few bytes a message), so every
pattern works on them with slices, `map` and `bisect` instead of visiting each message again
in Python. Times are kept as wall-clock seconds and read as datetimes (wall-clock, as the
export shows them) only where a figure needs one; gaps stay timedeltas.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import compress, islice
from operator import sub
from typing import overload

from clearheart.domain.chat import from_wall_seconds
from clearheart.domain.patterns.plan_rules import PlanRule

FOREVER = timedelta.max
"""The gap before the first message."""
ZERO = timedelta(0)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class Basis:
    """How much data a figure rests on."""

    messages: int
    conversations: int
    weeks: int
    """Calendar weeks from the first message to the last, both counted."""
    first: datetime | None
    last: datetime | None
    notices: int = 0
    """App notices in the same dates: lines nobody wrote, so not in `messages`."""
    deleted: int = 0
    """Deleted-message markers in the same dates, not in `messages` either."""
    calls: int = 0
    """Call entries in the same dates, not in `messages` either."""


@dataclass(frozen=True, slots=True)
class Timeline:
    """A chat's person messages as columns. Position i is the i-th message a person wrote.

    App notices, calls and deleted-message markers are left out of every column except
    `calls`: they never count as someone writing. Every column is a compact array (a few
    bytes a message): the texts themselves are not kept, only what the patterns read of
    them (lengths, word counts, question marks), the plan messages and the few texts the
    plan rules read.
    """

    names: tuple[str, ...]
    """Participants; names[0] is the user."""
    sender: Sequence[int]
    """Participant number of each message: bytes (up to 255 people), so counting one
    person's messages over a stretch is `sender.count(person, start, stop)`, at C speed."""
    seconds: Sequence[int]
    """Wall-clock seconds of each message (domain.chat.wall_seconds), in time order."""
    chars: Sequence[int]
    """Length of each message's text, in characters."""
    words: Sequence[int]
    """Words in each message's text (split at white space)."""
    asks: bytes
    """1 where the message's text holds a question mark, else 0."""
    plans: Mapping[int, tuple[PlanRule, int, int]]
    """Positions of the messages a standalone plan rule names, with the rule and the span it
    matched (plans.classify), found as the chat streams by."""
    texts: Mapping[int, str]
    """The texts of those messages and of the first messages answering each offer: all that
    the plan rules ever read."""
    media_positions: Sequence[int]
    """Positions of media messages (a photo, a voice note): people, but no words to read."""
    source: Sequence[int]
    """Position of each message in the sequence the caller passed in."""
    turns: Sequence[int]
    """Positions where a different person starts writing (0 included): each turn is a run.
    Four bytes a turn (array "I"): a chat holds far fewer than 2**32 messages."""
    calls: Sequence[datetime]
    """Call entries, answered or missed: exports rarely tell which."""
    notices: int = 0
    """App notices left out (encryption, number changes, group events)."""
    deleted: int = 0
    """"This message was deleted" markers left out."""

    @property
    def size(self) -> int:
        return len(self.seconds)

    @property
    def stamps(self) -> Stamps:
        """The times as datetimes (wall-clock, as the export shows them), made on demand."""
        return Stamps(self.seconds)

    def turn_waits(self, first: int = 0, step: int = 1) -> array[float]:
        """Seconds before each turn but the first: waits[k] belongs to turns[k + 1].

        Only every `step`-th wait from the `first` is made (in a two-person chat one
        person's are every other one). Worked out when asked rather than kept: eight bytes
        a turn would otherwise stay alive for the whole report.
        """
        seconds = self.seconds
        later = self.turns[first + 1 :: step]
        return array("d", map(float, map(sub, map(seconds.__getitem__, later),
                                         map(seconds.__getitem__, map((-1).__add__, later)))))

    def gap(self, position: int) -> timedelta:
        """Time since the previous message; FOREVER for the first."""
        if position == 0:
            return FOREVER
        return timedelta(seconds=self.seconds[position] - self.seconds[position - 1])

    def long_gaps(self, threshold: timedelta) -> list[int]:
        """Positions that follow a gap of at least `threshold`, in time order.

        Any such gap contains a whole empty slot of half its length, so empty half-length
        slots, found by binary search, point to every long gap without visiting each message.
        """
        stamps = self.stamps
        if len(stamps) < 2 or threshold <= ZERO:
            return list(range(1, len(stamps)))
        step = threshold / 2
        if (stamps[-1] - stamps[0]) / step > 4 * len(stamps):
            # Short thresholds over long chats: looking at each gap is cheaper.
            seconds = self.seconds
            gaps = map(sub, islice(seconds, 1, None), seconds)
            limit = -(-(threshold // _MICROSECOND) // 1_000_000)  # whole seconds, rounded up
            return list(compress(range(1, len(seconds)), map(limit.__le__, gaps)))
        found: list[int] = []
        edge = stamps[0]
        last = stamps[-1]
        at = 1
        while edge < last:
            at = bisect_left(stamps, edge, lo=at)
            if at < len(stamps) and stamps[at] >= edge + step:
                if stamps[at] - stamps[at - 1] >= threshold and (not found or found[-1] != at):
                    found.append(at)
                edge = stamps[at]
            else:
                edge += step
        return found

    def person(self, name: str) -> int:
        return self.names.index(name)

    def count(self, person: int, start: int = 0, stop: int | None = None) -> int:
        """Messages by `person` among positions [start, stop)."""
        stop = self.size if stop is None else stop
        if isinstance(self.sender, bytes | bytearray):
            return self.sender.count(person, start, stop)
        return list(self.sender[start:stop]).count(person)


class Stamps(Sequence[datetime]):
    """The times of a timeline as datetimes, each made when it is read.

    A datetime takes 48 bytes and its place in a list 8 more; the seconds it is made from
    take 8. Binary searches (`bisect`) read a few dozen of them, not a million.
    """

    __slots__ = ("_seconds",)

    def __init__(self, seconds: Sequence[int]) -> None:
        self._seconds = seconds

    def __len__(self) -> int:
        return len(self._seconds)

    def __iter__(self) -> Iterator[datetime]:
        return map(from_wall_seconds, self._seconds)

    @overload
    def __getitem__(self, index: int) -> datetime: ...
    @overload
    def __getitem__(self, index: slice) -> list[datetime]: ...
    def __getitem__(self, index: int | slice) -> datetime | list[datetime]:
        if isinstance(index, slice):
            return list(map(from_wall_seconds, self._seconds[index]))
        return from_wall_seconds(self._seconds[index])


class Source(Sequence[int]):
    """Caller positions of the kept messages, worked out on demand from the few dropped ones.

    A million-long list of positions would cost more to build than every lookup ever made.
    """

    def __init__(self, start: int, size: int, dropped: Sequence[int]) -> None:
        self._start = start
        self._size = size
        # The k-th dropped entry sits before every kept message from position d - k on.
        self._shifts = array("q", (d - k for k, d in enumerate(dropped)))

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        return self._start + index + bisect_right(self._shifts, index)
