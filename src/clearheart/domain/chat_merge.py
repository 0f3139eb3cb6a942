"""Merging a new export into a stored chat: add what is new, in its place; double nothing.

Both chats are walked minute by minute in time order. Within a minute, a new
message is already stored when a stored message of that minute has the same
sender (after `renamed`, the new export's names mapped to the stored chat's)
and the same `match_text` (notices, calls and deleted messages: the same kind,
whoever they are filed under); each stored message answers for one new message
only, so a word said twice in a minute is kept twice. What is left of the new
minute is added, and the minute's messages are put in order of their seconds,
stored ones first when the seconds are equal (an Android export has no
seconds, so its messages sort at the minute's start).

This holds wherever the new messages fall: after the stored chat (a later
export), before it (an earlier export that reaches further back than a later
one), or in gaps inside it. Nothing stored is ever dropped or changed.

Memory is one minute of messages from each side; time is one pass over both.
Exports are in time order; a message out of order is compared within its own
run of that minute, and could be added once more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from clearheart.domain.chat import Columns, Kind
from clearheart.domain.same_chat import match_text

Row = tuple[int, str, Kind, str, bool]
"""One message: wall-clock seconds, sender, kind, text, edited."""
Minute = tuple[int, list[Row], list[Row], int]
"""A minute, its stored messages, the new ones not stored, how many new ones were."""
BATCH = 4096


@dataclass(frozen=True, slots=True)
class MergePlan:
    added: int
    """New messages not already stored."""
    skipped: int
    """New messages that were already stored."""
    since: int | None
    """The first minute that gains a message (None: nothing to add)."""


def plan(stored: Iterable[Columns], new: Iterable[Columns], renamed: dict[str, str]) -> MergePlan:
    """Count what a merge would add, without building it."""
    added = skipped = 0
    since: int | None = None
    for minute, _, fresh, matched in joined(stored, new, renamed):
        skipped += matched
        if fresh:
            added += len(fresh)
            if since is None:
                since = minute
    return MergePlan(added, skipped, since)


def merged(
    stored: Iterable[Columns], new: Iterable[Columns], renamed: dict[str, str], since: int
) -> Iterator[Columns]:
    """The stored messages with the new ones in their place, from the minute `since`.

    `stored` may start before `since` (a whole stored block); its messages pass
    through. New messages before `since` are left out: `plan` found them stored.
    """
    batch = Columns()
    for _, kept, fresh, _ in joined(stored, new, renamed, since):
        rows = sorted(kept + fresh, key=_seconds) if fresh else kept
        for seconds, sender, kind, text, edited in rows:
            batch.seconds.append(seconds)
            batch.senders.append(sender)
            batch.kinds.append(kind)
            batch.texts.append(text)
            batch.edited.append(edited)
        if len(batch) >= BATCH:
            yield batch
            batch = Columns()
    if len(batch):
        yield batch


def joined(
    stored: Iterable[Columns],
    new: Iterable[Columns],
    renamed: dict[str, str],
    since: int | None = None,
) -> Iterator[Minute]:
    """Both chats minute by minute, in time order, the new messages matched (see module)."""
    ours = _minutes(_rows(stored, {}))
    theirs = (
        group for group in _minutes(_rows(new, renamed)) if since is None or group[0] >= since
    )
    mine, other = next(ours, None), next(theirs, None)
    while mine is not None or other is not None:
        if other is None or (mine is not None and mine[0] < other[0]):
            assert mine is not None
            yield mine[0], mine[1], [], 0
            mine = next(ours, None)
        elif mine is None or other[0] < mine[0]:
            yield other[0], [], other[1], 0
            other = next(theirs, None)
        else:
            fresh, matched = _unmatched(mine[1], other[1])
            yield mine[0], mine[1], fresh, matched
            mine, other = next(ours, None), next(theirs, None)


def _unmatched(kept: list[Row], new: list[Row]) -> tuple[list[Row], int]:
    have = Counter(map(_key, kept))
    fresh: list[Row] = []
    for row in new:
        key = _key(row)
        if have[key] > 0:
            have[key] -= 1
        else:
            fresh.append(row)
    return fresh, len(new) - len(fresh)


def _key(row: Row) -> tuple[str, str]:
    """What makes two messages one: sender and words; for notices, calls and deleted
    messages only the kind (one phone files a notice under a name, the other under none)."""
    kind = row[2]
    sender = row[1] if kind is Kind.TEXT or kind is Kind.MEDIA else ""
    return sender, match_text(kind, row[3])


def _rows(batches: Iterable[Columns], renamed: dict[str, str]) -> Iterator[Row]:
    for batch in batches:
        senders = [renamed.get(name, name) for name in batch.senders] if renamed else batch.senders
        yield from zip(batch.seconds, senders, batch.kinds, batch.texts, batch.edited, strict=True)


def _minutes(rows: Iterator[Row]) -> Iterator[tuple[int, list[Row]]]:
    for minute, group in groupby(rows, key=_minute):
        yield minute, list(group)


def _minute(row: Row) -> int:
    return row[0] // 60


def _seconds(row: Row) -> int:
    return row[0]
