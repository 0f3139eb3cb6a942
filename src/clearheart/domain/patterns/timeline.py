"""The columns every pattern reads, built once from a chat's messages.

A chat arrives as Columns (domain.chat), the way the store reads it back, so a million
messages become these lists in a handful of C-level passes, without an object per message;
every pattern then works on those lists with slices, `map` and `bisect` instead of visiting
each message again in Python. Times stay datetimes (wall-clock, as the export shows them) and
gaps stay timedeltas: converting a million of them to numbers would cost more than all the
comparisons they are used for.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import MutableSequence, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain, compress, islice, pairwise
from operator import le, ne, sub
from typing import Any, TypeVar, overload

from clearheart.domain.chat import PERSON_KINDS, Columns, Kind, Message

FOREVER = timedelta.max
"""The gap before the first message."""
ZERO = timedelta(0)

_T = TypeVar("_T")
_NOT_PEOPLE = tuple(kind for kind in Kind if kind not in PERSON_KINDS)


@dataclass(frozen=True, slots=True)
class Basis:
    """How much data a figure rests on."""

    messages: int
    conversations: int
    weeks: int
    """Calendar weeks from the first message to the last, both counted."""
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True, slots=True)
class Timeline:
    """A chat's person messages as columns. Position i is the i-th message a person wrote.

    App notices, calls and deleted-message markers are left out of every column except
    `calls`: they never count as someone writing.
    """

    names: tuple[str, ...]
    """Participants; names[0] is the user."""
    sender: Sequence[int]
    """Participant number of each message: bytes (up to 255 people), so counting one
    person's messages over a stretch is `sender.count(person, start, stop)`, at C speed."""
    stamps: Sequence[datetime]
    texts: Sequence[str]
    media_positions: Sequence[int]
    """Positions of media messages (a photo, a voice note): people, but no words to read."""
    source: Sequence[int]
    """Position of each message in the sequence the caller passed in."""
    turns: Sequence[int]
    """Positions where a different person starts writing (0 included): each turn is a run."""
    turn_waits: Sequence[float]
    """Seconds before each turn but the first: turn_waits[k] belongs to turns[k + 1]."""
    calls: Sequence[datetime]
    """Call entries, answered or missed: exports rarely tell which."""

    @property
    def size(self) -> int:
        return len(self.stamps)

    def gap(self, position: int) -> timedelta:
        """Time since the previous message; FOREVER for the first."""
        if position == 0:
            return FOREVER
        return self.stamps[position] - self.stamps[position - 1]

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
            gaps = map(sub, islice(stamps, 1, None), stamps)
            return list(compress(range(1, len(stamps)), map(threshold.__le__, gaps)))
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
        if isinstance(self.sender, bytes):
            return self.sender.count(person, start, stop)
        return list(self.sender[start:stop]).count(person)

    def positions(self) -> list[list[int]]:
        """Positions of each participant's messages, in time order."""
        everyone = range(self.size)
        return [
            list(compress(everyone, map(person.__eq__, self.sender)))
            for person in range(len(self.names))
        ]


class _Source(Sequence[int]):
    """Caller positions of the kept messages, worked out on demand from the few dropped ones.

    A million-long list of positions would cost more to build than every lookup ever made.
    """

    def __init__(self, start: int, size: int, dropped: list[int]) -> None:
        self._start = start
        self._size = size
        # The k-th dropped entry sits before every kept message from position d - k on.
        self._shifts = [d - k for k, d in enumerate(dropped)]

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


def _find_all(values: list[Kind], wanted: Kind) -> list[int]:
    """Positions of a rare value, found by C-level searches rather than a Python loop."""
    found: list[int] = []
    if not values.count(wanted):
        return found
    at = -1
    try:
        while True:
            at = values.index(wanted, at + 1)
            found.append(at)
    except ValueError:
        return found


def build_timeline(
    messages: Columns | Sequence[Message],
    me: str,
    others: Sequence[str] = (),
    start: int = 0,
    stop: int | None = None,
) -> Timeline:
    """Columns for messages[start:stop]; `others` fixes the order of the other participants.

    Senders not named in `others` are added in order of their first message. Messages are
    expected in time order; if some are not (clock changes do this), they are sorted stably.
    Given Message values, times count in whole seconds, as the store keeps them.
    """
    batch = messages if isinstance(messages, Columns) else Columns.of(messages)
    stop = len(batch) if stop is None else stop
    whole = start == 0 and stop == len(batch)

    def cut(values: list[_T]) -> list[_T]:
        return values if whole else values[start:stop]

    kinds = cut(batch.kinds)
    seconds: MutableSequence[int] = batch.seconds if whole else batch.seconds[start:stop]
    senders, texts = cut(batch.senders), cut(batch.texts)
    dropped = sorted(chain.from_iterable(_find_all(kinds, kind) for kind in _NOT_PEOPLE))
    calls: list[datetime] = []
    source: Sequence[int] = range(start, stop)
    if dropped:
        # Notices are few: copying the stretches between them beats filtering every entry.
        calls = Columns([seconds[i] for i in dropped if kinds[i] == Kind.CALL], [], [], [],
                        []).stamps()
        # Times stay 8 bytes each (an array), whatever the caller passed.
        kept: tuple[MutableSequence[Any], ...] = (array("q"), [], [], [])
        for before, after in pairwise([-1, *dropped, len(kinds)]):
            columns: tuple[Sequence[Any], ...] = (seconds, senders, texts, kinds)
            for column, values in zip(kept, columns, strict=True):
                column.extend(values[before + 1 : after])
        seconds, senders, texts, kinds = kept  # type: ignore[assignment]
        source = _Source(start, len(seconds), dropped)
    if not all(map(le, seconds, islice(seconds, 1, None))):
        order = sorted(range(len(seconds)), key=seconds.__getitem__)
        seconds = [seconds[i] for i in order]
        senders = [senders[i] for i in order]
        texts = [texts[i] for i in order]
        kinds = [kinds[i] for i in order]
        source = [source[i] for i in order]  # rare: unsorted input keeps a plain list
    stamps = Columns(seconds, [], [], [], []).stamps()
    names = [me, *(o for o in others if o != me)]
    names += [name for name in dict.fromkeys(senders) if name not in names]
    number = {name: i for i, name in enumerate(names)}
    ids = map(number.__getitem__, senders)
    sender: Sequence[int] = bytes(ids) if len(names) < 256 else list(ids)
    media_positions = _find_all(kinds, Kind.MEDIA)
    turns = [0, *compress(range(1, len(sender)), map(ne, islice(sender, 1, None), sender))]
    later = islice(turns, 1, None)
    previous = map((-1).__add__, islice(turns, 1, None))
    waits = map(sub, map(seconds.__getitem__, later), map(seconds.__getitem__, previous))
    return Timeline(
        names=tuple(names),
        sender=sender,
        stamps=stamps,
        texts=texts,
        media_positions=media_positions,
        source=source,
        turns=turns if sender else [],
        turn_waits=list(map(float, waits)),
        calls=sorted(calls),
    )
