"""Building a Timeline from a chat streamed block by block, keeping a few bytes a message.

A block's texts are measured (length, words, question mark) and checked against the plan
rules as it arrives, then let go: of the texts, only those of the plan messages found are
kept (a few in a thousand). The first messages answering each offer are known only once the
turns are (a reply is the next person's first messages, possibly many blocks later), so
their few texts are read in a second pass over the blocks. The finished timeline so holds
about 26 bytes a message, not the 200 and more that a list of texts and a list of
datetimes would.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, compress, islice, repeat
from operator import contains, le, ne
from typing import Any

from clearheart.domain.chat import PERSON_KINDS, Columns, Kind, Message, from_wall_seconds
from clearheart.domain.patterns.plan_rules import PlanRule
from clearheart.domain.patterns.plan_scan import candidates
from clearheart.domain.patterns.plans import OFFERS, REPLY_MESSAGES, classify
from clearheart.domain.patterns.timeline import Source, Timeline

Blocks = Callable[[], Iterable[Columns]]
"""A chat's messages in order, as blocks, readable again: each call streams them anew."""

_NOT_PEOPLE = tuple(kind for kind in Kind if kind not in PERSON_KINDS)
_BYTE_NAMES = 256
"""Participant numbers fit a byte below this many people."""
_SHORT = 1 << 16
"""Text lengths and word counts below this fit two bytes (array "H"); a longer text widens
its column to four bytes, once, for the whole chat."""


def _extend_counts(column: array[int], values: Iterable[int]) -> array[int]:
    """`column` with `values` appended, widened from two bytes to four if one needs it."""
    block = array("i", values)
    if column.typecode == "H" and block and max(block) >= _SHORT:
        column = array("i", column)
    column.extend(block if column.typecode == "i" else array("H", block))
    return column


def find_all(values: Sequence[Any], wanted: Any) -> list[int]:
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


class _Builder:
    """The timeline's columns, grown one block at a time."""

    def __init__(self, me: str, others: Sequence[str]) -> None:
        self.names = [me, *(o for o in others if o != me)]
        self.fixed = len(self.names)
        self.number = {name: i for i, name in enumerate(self.names)}
        self.seconds = array("q")
        self.sender: bytearray | list[int] = bytearray()
        self.chars = array("H")
        self.words = array("H")
        self.asks = bytearray()
        self.media = array("q")
        self.dropped = array("q")
        self.calls: list[int] = []
        self.notices = 0
        self.deleted = 0
        self.plans: dict[int, tuple[PlanRule, int, int]] = {}
        self.texts: dict[int, str] = {}
        self.read = 0
        """Messages received so far, people or not: the caller's position of the next."""

    def add(self, batch: Columns) -> None:
        kinds, seconds, senders, texts = batch.kinds, batch.seconds, batch.senders, batch.texts
        dropped = sorted(chain.from_iterable(find_all(kinds, kind) for kind in _NOT_PEOPLE))
        if dropped:
            self.calls += [seconds[i] for i in dropped if kinds[i] is Kind.CALL]
            self.notices += sum(1 for i in dropped if kinds[i] is Kind.SYSTEM)
            self.deleted += sum(1 for i in dropped if kinds[i] is Kind.DELETED)
            self.dropped.extend(self.read + i for i in dropped)
            keep = bytearray(b"\x01") * len(kinds)
            for i in dropped:
                keep[i] = 0
            seconds, senders = list(compress(seconds, keep)), list(compress(senders, keep))
            kinds, texts = list(compress(kinds, keep)), list(compress(texts, keep))
        self.read += len(batch)
        at = len(self.seconds)
        self.seconds.extend(seconds)
        for name in dict.fromkeys(senders):
            if name not in self.number:
                self.number[name] = len(self.names)
                self.names.append(name)
        if isinstance(self.sender, bytearray) and len(self.names) >= _BYTE_NAMES:
            self.sender = list(self.sender)
        self.sender.extend(map(self.number.__getitem__, senders))
        self.media.extend(at + i for i in find_all(kinds, Kind.MEDIA))
        self.chars = _extend_counts(self.chars, map(len, texts))
        self.words = _extend_counts(self.words, map(len, map(str.split, texts)))
        self.asks.extend(map(contains, texts, repeat("?")))
        for position, rules in candidates(texts).items():
            found = classify(texts[position], rules)
            if found is not None:
                self.plans[at + position] = found
                self.texts[at + position] = texts[position]

    def sort(self) -> list[int] | None:
        """Put the messages in time order (stably) if they are not; the order taken, if so.

        Clock changes put a few messages out of order. The rare remedy copies every column.
        """
        seconds = self.seconds
        if all(map(le, seconds, islice(seconds, 1, None))):
            return None
        order = sorted(range(len(seconds)), key=seconds.__getitem__)
        self.seconds = array("q", map(seconds.__getitem__, order))
        self.chars = array(self.chars.typecode, map(self.chars.__getitem__, order))
        self.words = array(self.words.typecode, map(self.words.__getitem__, order))
        self.asks = bytearray(map(self.asks.__getitem__, order))
        sender = map(self.sender.__getitem__, order)
        self.sender = bytearray(sender) if isinstance(self.sender, bytearray) else list(sender)
        moved = array("q", bytes(8 * len(order)))
        for new, old in enumerate(order):
            moved[old] = new
        self.media = array("q", sorted(map(moved.__getitem__, self.media)))
        self.plans = {moved[p]: found for p, found in self.plans.items()}
        self.texts = {moved[p]: text for p, text in self.texts.items()}
        self._renumber()
        return order

    def _renumber(self) -> None:
        """Name the participants found along the way in order of their first message."""
        seen = [p for p in dict.fromkeys(self.sender) if p >= self.fixed]
        if seen == sorted(seen):
            return
        new = list(range(len(self.names)))
        for number, old in enumerate(seen, start=self.fixed):
            new[old] = number
        self.names = [self.names[p] for p in sorted(range(len(new)), key=new.__getitem__)]
        if isinstance(self.sender, bytearray):
            self.sender = self.sender.translate(bytes(new + [0] * (256 - len(new))))
        else:
            self.sender = list(map(new.__getitem__, self.sender))


def _answers(turns: Sequence[int], size: int, at: Iterable[int]) -> set[int]:
    """The first messages (up to REPLY_MESSAGES) of the turn after each position in `at`."""
    found: set[int] = set()
    for position in at:
        turn = bisect_right(turns, position)
        if turn < len(turns):
            first = turns[turn]
            end = turns[turn + 1] if turn + 1 < len(turns) else size
            found.update(range(first, min(end, first + REPLY_MESSAGES)))
    return found


def _texts_at(blocks: Blocks, wanted: dict[int, int]) -> dict[int, str]:
    """Texts by timeline position, read again from the blocks; `wanted` maps caller
    positions (counted over every message streamed, people or not) to timeline positions."""
    found: dict[int, str] = {}
    order = sorted(wanted)
    read = 0
    for batch in blocks():
        if len(found) == len(order):
            break
        start = bisect_right(order, read - 1)
        end = bisect_right(order, read + len(batch) - 1)
        for caller in order[start:end]:
            found[wanted[caller]] = batch.texts[caller - read]
        read += len(batch)
    return found


def stream_timeline(blocks: Blocks, me: str, others: Sequence[str] = (), first: int = 0
                    ) -> Timeline:
    """The timeline of every message `blocks` yields; `first` numbers the first of them.

    `others` fixes the order of the other participants; senders not named there are added
    in order of their first message. Messages are expected in time order; if some are not
    (clock changes do this), they are sorted stably.
    """
    built = _Builder(me, others)
    for batch in blocks():
        built.add(batch)
    order = built.sort()
    size = len(built.seconds)
    source: Sequence[int] = (Source(first, size, built.dropped) if built.dropped
                             else range(first, first + size))
    if order is not None:
        source = array("q", map(source.__getitem__, order))
    sender = built.sender
    turns = array("I", chain((0,), compress(range(1, size),
                                            map(ne, islice(sender, 1, None), sender))))
    if not size:
        turns = array("I")
    texts = built.texts
    offers = (p for p, (rule, _, _) in built.plans.items() if rule.kind in OFFERS)
    missing = _answers(turns, size, offers) - texts.keys()
    texts.update(_texts_at(blocks, {source[p] - first: p for p in missing}))
    return Timeline(
        names=tuple(built.names),
        sender=bytes(sender) if isinstance(sender, bytearray) else sender,
        seconds=built.seconds,
        chars=built.chars,
        words=built.words,
        asks=bytes(built.asks),
        plans=built.plans,
        texts=texts,
        media_positions=built.media,
        source=source,
        turns=turns,
        calls=sorted(map(from_wall_seconds, built.calls)),
        notices=built.notices,
        deleted=built.deleted,
    )


def build_timeline(
    messages: Columns | Sequence[Message],
    me: str,
    others: Sequence[str] = (),
    start: int = 0,
    stop: int | None = None,
) -> Timeline:
    """The timeline of messages[start:stop], read as one block (see stream_timeline).

    Given Message values, times count in whole seconds, as the store keeps them.
    """
    batch = messages if isinstance(messages, Columns) else Columns.of(messages)
    stop = len(batch) if stop is None else stop
    if start or stop != len(batch):
        batch = Columns(batch.seconds[start:stop], batch.senders[start:stop],
                        batch.kinds[start:stop], batch.texts[start:stop], [])
    return stream_timeline(lambda: (batch,), me, others, start)
