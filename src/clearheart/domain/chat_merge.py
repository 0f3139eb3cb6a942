"""A new export walked beside the stored chats as it streams in: what is new, and how alike.

Nothing is written before it is known to be new. Each stored chat that may
share days with the export gets a `Matcher`, which reads that chat from the
export's first minute on, in time order, next to the export (`Survey` feeds
them all the same messages). Within a minute, a new message is already stored
when a stored message of that minute has the same sender (after `renamed`,
the new export's names mapped to the stored chat's) and the same `match_text`
(notices, calls and deleted messages: the same kind, whoever they are filed
under); each stored message answers for one new message only, so a word said
twice in a minute is kept twice. The same walk counts, for same_chat.judge,
the person messages of both sides inside the window they share and those
found on both sides by minute and words alone (the senders paired apart).

Fast path: where the export repeats the stored chat message for message (the
same file again, or the part a longer export shares with a shorter one), whole
runs are compared at once; only where they differ is a minute matched message
by message. The last minute seen is held back until the next batch, since its
messages may continue there.

`interleaved` then puts the new messages among the stored ones by their
seconds, stored ones first when the seconds are equal (an Android export has
no seconds, so its messages sort at the minute's start). This holds wherever
the new messages fall: after the stored chat (a later export), before it (an
earlier export that reaches further back), or in gaps inside it. Nothing stored
is ever dropped or changed.

Memory is a batch and a minute from each side (and at most HOLD stored
messages). Exports are in time order, but not always: a message written after
a later one is still found where both sides hold it in the same file order; one
out of order on one side only is compared within its own run of that minute,
and could be taken for new.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress

from clearheart.domain.chat import Columns, Kind
from clearheart.domain.same_chat import Tally, match_text

Row = tuple[int, str, Kind, str, bool]
"""One message: wall-clock seconds, sender, kind, text, edited."""
BATCH = 4096
HOLD = 8192
"""Stored messages held back at most, waiting for the export to reach them."""
Opener = Callable[[int], Iterable[Columns]]
"""A stored chat's messages from a wall-clock second on, in time order."""


class Matcher:
    """One stored chat walked beside a new export (see module)."""

    def __init__(self, first: int, last: int, opener: Opener) -> None:
        self.low, self.high = first // 60, last // 60
        """The stored chat's first and last minute."""
        self.opener = opener
        self.tally = Tally()
        self.found = 0
        """New messages (of any kind) that are already stored."""
        self._stored: Iterator[Columns] | None = None
        self._theirs: list[Row] = []
        self._ended = False

    def settle(self, ours: list[Row], limit: int) -> list[bool]:
        """For each of `ours` (every message before minute `limit`), whether it is new."""
        if self._stored is None:
            self._stored = iter(self.opener(min(row[0] for row in ours) // 60 * 60))
        theirs = self._theirs
        while not self._ended and (not theirs or theirs[-1][0] // 60 < limit):
            batch = next(self._stored, None)
            if batch is None:
                self._ended = True
            else:
                theirs += rows(batch)
        stop = _cut(theirs, limit)
        fresh = self._walk(ours, theirs[:stop])
        del theirs[:stop]
        return fresh

    def _walk(self, ours: list[Row], theirs: list[Row]) -> list[bool]:
        fresh: list[bool] = []
        i = j = 0
        while i < len(ours):
            if j >= len(theirs):
                rest = ours[i:]
                self.tally.new += sum(1 for row in rest if _person(row) and self._inside(row))
                fresh += [True] * len(rest)
                i = len(ours)
                break
            same = _common(ours, theirs, i, j)
            if same:
                self._repeated(ours[i:i + same])
                fresh += [False] * same
                i, j = i + same, j + same
                continue
            minute = min(ours[i][0] // 60, theirs[j][0] // 60)
            i_end, j_end = _run(ours, i, minute), _run(theirs, j, minute)
            fresh += self._minute(minute, ours[i:i_end], theirs[j:j_end])
            i, j = i_end, j_end
        self.tally.stored += sum(map(_person, theirs[j:]))
        return fresh

    def _repeated(self, same: list[Row]) -> None:
        """A run both sides hold message for message."""
        people = [row[1] for row in same if _person(row)]
        self.tally.new += len(people)
        self.tally.stored += len(people)
        self.tally.matched += len(people)
        self.tally.pairs.update(zip(people, people, strict=True))
        self.found += len(same)

    def _minute(self, minute: int, ours: list[Row], theirs: list[Row]) -> list[bool]:
        """One minute matched message by message: which of ours are new."""
        tally = self.tally
        tally.stored += sum(map(_person, theirs))
        said: dict[str, list[str]] = {}
        for row in theirs:
            if _person(row):
                said.setdefault(match_text(row[2], row[3]), []).append(row[1])
        have = Counter(map(_key, theirs))
        fresh: list[bool] = []
        for row in ours:
            if _person(row):
                tally.new += self.low <= minute <= self.high
                names = said.get(match_text(row[2], row[3]))
                if names:
                    tally.matched += 1
                    tally.pairs[row[1], names.pop()] += 1
            key = _key(row)
            new = have[key] <= 0
            if not new:
                have[key] -= 1
                self.found += 1
            fresh.append(new)
        return fresh

    def _inside(self, row: Row) -> bool:
        return self.low <= row[0] // 60 <= self.high


class Survey:
    """A new export fed to every Matcher at once; gives back what none of them holds.

    With `renamed`, the export's names are mapped to the stored chat's before
    anything is compared or given back. It also counts the export: its messages,
    its people (in order of first appearance) and its first and last second.
    """

    def __init__(self, matchers: Sequence[Matcher], renamed: dict[str, str]) -> None:
        self.matchers = matchers
        self.renamed = renamed
        self.count = 0
        self.people: dict[str, None] = {}
        self.first: int | None = None
        self.last: int | None = None
        self._pending: list[Row] = []
        self._top = 0

    def feed(self, batch: Columns) -> Columns:
        """Take a batch; the settled messages no stored chat holds, in file order."""
        if not len(batch):
            return Columns()
        if self.renamed:
            batch = Columns(batch.seconds, [self.renamed.get(name, name) for name in
                                            batch.senders], batch.kinds, batch.texts,
                            batch.edited)
        self.count += len(batch)
        self.people.update(dict.fromkeys(batch.senders))
        low, high = min(batch.seconds), max(batch.seconds)
        self.first = low if self.first is None else min(self.first, low)
        self.last = high if self.last is None else max(self.last, high)
        if not self.matchers:
            return batch
        pending = self._pending
        pending += rows(batch)
        self._top = max(self._top, high // 60)
        limit = pending[-1][0] // 60
        end = len(pending)
        while end and pending[end - 1][0] // 60 >= limit:
            end -= 1
        return self._settle(end, limit)

    def finish(self) -> Columns:
        """The messages held back for the last minute, settled."""
        if not self._pending:
            return Columns()
        return self._settle(len(self._pending), self._top + 1)

    def _settle(self, end: int, limit: int) -> Columns:
        if not end:
            return Columns()
        ours = self._pending[:end]
        del self._pending[:end]
        flags = [matcher.settle(ours, limit) for matcher in self.matchers]
        fresh = flags[0] if len(flags) == 1 else [all(new) for new in zip(*flags, strict=True)]
        return columns(compress(ours, fresh))


def interleaved(stored: Iterable[Columns], new: Iterable[Columns]) -> Iterator[Columns]:
    """The stored messages with the new ones put in their place by their seconds (see module)."""
    merged = heapq.merge(_stream(stored), _stream(new), key=_seconds)
    while batch := columns(row for _, row in zip(range(BATCH), merged, strict=False)):
        yield batch


def rows(batch: Columns) -> list[Row]:
    return list(zip(batch.seconds, batch.senders, batch.kinds, batch.texts, batch.edited,
                    strict=True))


def columns(found: Iterable[Row]) -> Columns:
    batch = Columns()
    for seconds, sender, kind, text, edited in found:
        batch.seconds.append(seconds)
        batch.senders.append(sender)
        batch.kinds.append(kind)
        batch.texts.append(text)
        batch.edited.append(edited)
    return batch


def _stream(batches: Iterable[Columns]) -> Iterator[Row]:
    for batch in batches:
        yield from rows(batch)


def _common(ours: list[Row], theirs: list[Row], i: int, j: int) -> int:
    """How many messages from ours[i] and theirs[j] on are the same, one for one."""
    n = min(len(ours) - i, len(theirs) - j)
    if ours[i] != theirs[j]:
        return 0
    if ours[i:i + n] == theirs[j:j + n]:
        return n
    low, high = 1, n - 1  # the answer is in [low, high]: a prefix that long is equal
    while low < high:
        mid = (low + high + 1) // 2
        if ours[i:i + mid] == theirs[j:j + mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _cut(theirs: list[Row], limit: int) -> int:
    """How many stored messages to settle now: those before the first of minute `limit` or
    later, so one stored out of order (after a later one) waits for its twin in the export.
    Past HOLD waiting, every stored message before `limit` after the last later one."""
    stop = next((at for at, row in enumerate(theirs) if row[0] // 60 >= limit), len(theirs))
    if len(theirs) - stop > HOLD:
        stop = len(theirs)
        while stop and theirs[stop - 1][0] // 60 >= limit:
            stop -= 1
    return stop


def _run(found: list[Row], start: int, minute: int) -> int:
    """Where the run of messages of `minute` from `start` ends."""
    end = start
    while end < len(found) and found[end][0] // 60 == minute:
        end += 1
    return end


def _person(row: Row) -> bool:
    return row[2] is Kind.TEXT or row[2] is Kind.MEDIA


def _key(row: Row) -> tuple[str, str]:
    """What makes two messages one: sender and words; for notices, calls and deleted
    messages only the kind (one phone files a notice under a name, the other under none)."""
    sender = row[1] if _person(row) else ""
    return sender, match_text(row[2], row[3])


def _seconds(row: Row) -> int:
    return row[0]
