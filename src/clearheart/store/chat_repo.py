"""Imported chats in the database: one transaction per import, streamed in blocks.

A long relationship can mean a million messages. They are stored compactly
(times as wall-clock seconds, sender as the participant's index, kind as a
small code) and in blocks of BLOCK messages per row, so an import writes a
few thousand rows instead of a million and reading a chat back is quick.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

import sqlalchemy as sa

from clearheart.domain import chat_merge
from clearheart.domain.chat import Columns, Kind, Message, from_wall_seconds, wall_seconds
from clearheart.domain.chat_merge import Matcher, Survey
from clearheart.domain.journal import utc_stamp
from clearheart.domain.same_chat import Overlap, judge
from clearheart.errors import ChatDamaged, InvalidInput
from clearheart.store import chat_codec
from clearheart.store.database import is_sqlite
from clearheart.store.rows import change_row, fetch_row, remove_row
from clearheart.store.schema import chat_blocks as b
from clearheart.store.schema import chat_participants as p
from clearheart.store.schema import chats as c
from clearheart.store.schema import pattern_reports as reports

KIND_CODES: dict[Kind, int] = {Kind.TEXT: 0, Kind.MEDIA: 1, Kind.CALL: 2, Kind.SYSTEM: 3,
                               Kind.DELETED: 4}
KINDS = {code: kind for kind, code in KIND_CODES.items()}
_KIND_LIST = [KINDS[code] for code in range(len(KINDS))]
BLOCK = 512
"""Messages per stored block."""
READ_BLOCKS = 64
"""Blocks read per query when streaming a chat back: a few hundred kilobytes at a time."""
MAX_PEOPLE = 65_535
"""Participants per chat a block can name (senders are packed as 16-bit numbers)."""
IMPORT_CACHE_KIB = 65_536


@dataclass(frozen=True, slots=True)
class ChatInfo:
    id: int
    format: str
    title: str | None
    source_name: str
    me: str | None
    partner_alias: str | None
    participants: tuple[str, ...]
    messages: int
    first: datetime | None
    last: datetime | None
    imported_at: str
    """When the chat was first imported (UTC, ISO 8601)."""


@dataclass(frozen=True, slots=True)
class NewChat:
    format: str
    title: str | None
    source_name: str


@dataclass(frozen=True, slots=True)
class Stored:
    chat_id: int
    added: int
    skipped: int
    """Messages already in the vault from an earlier import of the same chat."""
    participants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A stored chat that shares days with a new import, and how their messages compare."""

    chat: ChatInfo
    overlap: Overlap


MeChooser = Callable[[tuple[str, ...], str | None], str | None]
"""Given the participants and who the chat already says is the user, name the user (or
None to leave it unset)."""
SameChooser = Callable[[ChatInfo, tuple[Match, ...]], "int | None"]
"""Given the new chat and the stored chats it overlaps (best first), the chat to merge it
into, or None to keep it as a chat of its own. May raise to keep nothing."""


class ChatRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # --- reading -----------------------------------------------------------------

    def list(self) -> tuple[ChatInfo, ...]:
        with self.engine.connect() as conn:
            ids = conn.execute(sa.select(c.c.id).order_by(c.c.id)).scalars().all()
            return tuple(self._info(conn, chat_id) for chat_id in ids)

    def get(self, chat_id: int) -> ChatInfo:
        with self.engine.connect() as conn:
            return self._info(conn, chat_id)

    def _info(self, conn: sa.Connection, chat_id: int) -> ChatInfo:
        row = fetch_row(conn, c, chat_id, "chat")
        names = conn.execute(
            sa.select(p.c.name).where(p.c.chat_id == chat_id, p.c.name != "").order_by(p.c.idx)
        ).scalars().all()
        count, first, last = conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(b.c.count), 0), sa.func.min(b.c.first_ts),
                      sa.func.max(b.c.last_ts)).where(b.c.chat_id == chat_id)
        ).one()
        return ChatInfo(
            id=row.id, format=row.format, title=row.title, source_name=row.source_name,
            me=row.me, partner_alias=row.partner_alias, participants=tuple(names),
            messages=int(count),
            first=from_wall_seconds(first) if first is not None else None,
            last=from_wall_seconds(last) if last is not None else None,
            imported_at=row.imported_at,
        )

    def messages(self, chat_id: int, since: datetime | None = None,
                 until: datetime | None = None) -> Iterator[Message]:
        """The chat's messages in file order, optionally within [since, until)."""
        for batch in self.columns(chat_id, since, until):
            yield from batch.messages()

    def columns(self, chat_id: int, since: datetime | None = None,
                until: datetime | None = None) -> Iterator[Columns]:
        """The chat's messages in file order, one Columns per stored block."""
        self.get(chat_id)
        low = wall_seconds(since) if since is not None else None
        high = wall_seconds(until) if until is not None else None
        with self.engine.connect() as conn:
            yield from _columns(conn, chat_id, low, high)

    # --- writing -----------------------------------------------------------------

    def set_me(self, chat_id: int, me: str | None) -> None:
        self._update(chat_id, me=me)

    def set_alias(self, chat_id: int, alias: str | None) -> None:
        self._update(chat_id, partner_alias=alias)

    def _update(self, chat_id: int, **values: Any) -> None:
        with self.engine.begin() as conn:
            change_row(conn, c, chat_id, "chat", values)

    def delete(self, chat_id: int) -> None:
        """Delete a chat and everything derived from it, in one transaction."""
        with self.engine.begin() as conn:
            _delete(conn, chat_id)

    def store(self, chat: NewChat | int, batches: Iterable[Columns], now: datetime,
              choose_me: MeChooser, same: SameChooser | None = None,
              again: Callable[[], Iterable[Columns]] | None = None) -> Stored:
        """Write a whole import in one transaction; any exception leaves nothing behind.

        `batches` are the messages in file order (domain.chat.in_columns turns
        Message values into them). They stream past every stored chat that may
        share days with them (domain/chat_merge.py): only messages no stored
        chat holds are written, to a chat of their own. Then, given an existing
        chat's id, they are put in their place in it; given a NewChat and `same`,
        each stored chat sharing days with the export is judged by what was said
        (domain/same_chat.py) and `same` chooses where it goes. Last, `choose_me`
        names the user in the chat that is kept.

        A second pass over the export, from `again`, is needed only when the first
        one cannot tell what to write: messages held by a chat that was not chosen,
        or people to be renamed. Without `again`, `batches` must be a collection.
        """
        with self.engine.begin() as conn:
            if is_sqlite(conn):
                # A larger page cache for this one connection: big imports touch
                # the index pages again and again; each miss costs a decryption.
                conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            try:
                only = (chat,) if isinstance(chat, int) else None
                matchers = _matchers(conn, only)
                staged = _Writer(conn, _like(conn, chat) if isinstance(chat, int) else chat, now)
                survey = _stage(staged, batches, matchers, {})
                new = self._surveyed(conn, staged.chat_id, survey)
                matches = tuple(sorted(
                    (Match(self._info(conn, chat_id), judge(matcher.tally))
                     for chat_id, matcher in matchers.items()),
                    key=lambda match: -match.overlap.coverage))
                into = chat if isinstance(chat, int) else (
                    same(new, matches) if same is not None else None)
                renamed = next((m.overlap.renamed for m in matches if m.chat.id == into), {})
                held = {chat_id for chat_id, matcher in matchers.items() if matcher.found}
                if renamed or held - {into}:
                    _clear(conn, staged.chat_id)
                    staged = _Writer(conn, staged.chat_id, now)
                    _stage(staged, _again(batches, again),
                           _matchers(conn, (into,)) if into is not None else {}, renamed)
                kept, added = staged.chat_id, staged.added
                if into is not None:
                    _interleave(conn, staged.chat_id, into, now)
                    _delete(conn, staged.chat_id)
                    kept = into
            finally:
                if is_sqlite(conn):
                    conn.exec_driver_sql("PRAGMA cache_size = -2000")
            info = self._info(conn, kept)
            me = choose_me(info.participants, info.me)
            values: dict[str, Any] = {"updated_at": utc_stamp(now)}
            if me is not None:
                values["me"] = me
            conn.execute(sa.update(c).where(c.c.id == kept).values(**values))
            return Stored(kept, added, survey.count - added, info.participants)

    def merge(self, chat_id: int, into: int, now: datetime) -> Stored:
        """Merge stored chat `chat_id` into chat `into` and delete it, in one transaction.

        As store() with an existing id: only what is new is added. Who the user
        is stays as `into` says; if it says nothing yet, as `chat_id` said.
        """
        if chat_id == into:
            raise InvalidInput("into", "a chat cannot be merged into itself")
        with self.engine.begin() as conn:
            new = self._info(conn, chat_id)
            matcher = _matchers(conn, (into,)).get(into)
            staged = _Writer(conn, _like(conn, chat_id), now)
            _stage(staged, _columns(conn, chat_id), {into: matcher} if matcher else {}, {})
            renamed = judge(matcher.tally).renamed if matcher else {}
            if renamed:
                _clear(conn, staged.chat_id)
                staged = _Writer(conn, staged.chat_id, now)
                _stage(staged, _columns(conn, chat_id), _matchers(conn, (into,)), renamed)
            _interleave(conn, staged.chat_id, into, now)
            _delete(conn, staged.chat_id)
            _delete(conn, chat_id)
            info = self._info(conn, into)
            values: dict[str, Any] = {"updated_at": utc_stamp(now)}
            me = renamed.get(new.me, new.me) if new.me is not None else None
            if info.me is None and me in info.participants:
                values["me"] = me
            conn.execute(sa.update(c).where(c.c.id == into).values(**values))
            return Stored(into, staged.added, new.messages - staged.added, info.participants)

    def _surveyed(self, conn: sa.Connection, chat_id: int, survey: Survey) -> ChatInfo:
        """The new export as a chat, from what streamed past (only the new part is stored)."""
        info = self._info(conn, chat_id)
        return replace(
            info, participants=tuple(name for name in survey.people if name),
            messages=survey.count,
            first=None if survey.first is None else from_wall_seconds(survey.first),
            last=None if survey.last is None else from_wall_seconds(survey.last))


def _matchers(conn: sa.Connection, only: tuple[int, ...] | None) -> dict[int, Matcher]:
    """A Matcher for every stored chat (or just `only`) that has messages."""
    spans = sa.select(b.c.chat_id, sa.func.min(b.c.first_ts), sa.func.max(b.c.last_ts)
                      ).group_by(b.c.chat_id).order_by(b.c.chat_id)
    if only is not None:
        spans = spans.where(b.c.chat_id.in_(only))
    return {chat_id: Matcher(first, last, partial(_from, conn, chat_id))
            for chat_id, first, last in conn.execute(spans).all()}


def _from(conn: sa.Connection, chat_id: int, second: int) -> Iterator[Columns]:
    return _columns(conn, chat_id, low=second)


def _stage(staged: _Writer, batches: Iterable[Columns], matchers: dict[int, Matcher],
           renamed: dict[str, str]) -> Survey:
    """Write what none of `matchers` holds to the staged chat; the survey of the export."""
    survey = Survey(tuple(matchers.values()), renamed)
    for batch in batches:
        staged.write(survey.feed(batch))
    staged.write(survey.finish())
    staged.flush(everything=True)
    return survey


def _again(batches: Iterable[Columns], again: Callable[[], Iterable[Columns]] | None
           ) -> Iterable[Columns]:
    if again is not None:
        return again()
    if iter(batches) is batches:
        raise TypeError("a second pass needs `again` or a collection of batches")
    return batches


def _like(conn: sa.Connection, chat_id: int) -> NewChat:
    """A new chat with the app, name and file of a stored one (NotFound if there is none)."""
    row = fetch_row(conn, c, chat_id, "chat")
    return NewChat(row.format, row.title, row.source_name)


def _clear(conn: sa.Connection, chat_id: int) -> None:
    """Empty a chat of its messages and people, keeping the chat itself."""
    conn.execute(sa.delete(b).where(b.c.chat_id == chat_id))
    conn.execute(sa.delete(p).where(p.c.chat_id == chat_id))


def _delete(conn: sa.Connection, chat_id: int) -> None:
    conn.execute(sa.delete(reports).where(reports.c.chat_id == chat_id))
    _clear(conn, chat_id)
    remove_row(conn, c, chat_id, "chat")


def _interleave(conn: sa.Connection, new_id: int, into: int, now: datetime) -> None:
    """Put chat `new_id`'s messages (none of them stored in `into`) in their place in `into`.

    Only the stored blocks from the first one reaching the first new message are
    written again: a later export rewrites the last block and appends the rest.
    """
    start = conn.execute(sa.select(sa.func.min(b.c.first_ts)).where(b.c.chat_id == new_id)
                         ).scalar()
    if start is None:
        return
    first = conn.execute(sa.select(sa.func.min(b.c.id)).where(
        b.c.chat_id == into, b.c.last_ts >= start)).scalar()
    ids = _block_ids(conn, into, first_id=first) if first is not None else []
    writer = _Writer(conn, into, now)
    for batch in chat_merge.interleaved(_columns(conn, into, ids=ids), _columns(conn, new_id)):
        writer.write(batch)
    writer.flush(everything=True)
    if ids:
        conn.execute(sa.delete(b).where(b.c.chat_id == into, b.c.id >= ids[0],
                                        b.c.id <= ids[-1]))


def check_restored_block(row: Mapping[str, Any], names: dict[int, str]) -> None:
    """Raise InvalidInput unless a restored block reads back as `messages` does, with the
    chat's participants `names` (by idx), and its count and times agree with its messages."""
    try:
        batch = _unpacked(row["chat_id"], row["payload"], names)
    except ChatDamaged:
        raise InvalidInput("payload", "its messages cannot be read back") from None
    if row["count"] != len(batch.seconds):
        raise InvalidInput("count", "does not match the messages in the block")
    if batch.seconds and (row["first_ts"] != min(batch.seconds)
                          or row["last_ts"] != max(batch.seconds)):
        raise InvalidInput("first_ts", "does not match the messages' times")
    try:
        from_wall_seconds(row["first_ts"]), from_wall_seconds(row["last_ts"])
    except OverflowError:
        raise InvalidInput("first_ts", "is not a time that can be shown") from None


def _block_ids(conn: sa.Connection, chat_id: int, low: int | None = None,
               high: int | None = None, first_id: int = 0) -> Sequence[int]:
    """Ids of the chat's blocks that may hold times in [low, high), from `first_id`, in order."""
    query = sa.select(b.c.id).where(b.c.chat_id == chat_id, b.c.id >= first_id)
    if low is not None:
        query = query.where(b.c.last_ts >= low)
    if high is not None:
        query = query.where(b.c.first_ts < high)
    return conn.execute(query.order_by(b.c.id)).scalars().all()


def _columns(conn: sa.Connection, chat_id: int, low: int | None = None,
             high: int | None = None, ids: Sequence[int] | None = None) -> Iterator[Columns]:
    """The chat's messages (in [low, high) seconds when given) from the blocks `ids` (by
    default every block that may hold them), one Columns per block, in file order."""
    query_names = sa.select(p.c.idx, p.c.name).where(p.c.chat_id == chat_id)
    names = {idx: name for idx, name in conn.execute(query_names)}
    # The block ids first, then their payloads a few at a time: asked for in one
    # query ordered by id, SQLite sorts every payload of the chat (the chat_id index
    # gives them in another order) and so holds the whole packed chat at once.
    if ids is None:
        ids = _block_ids(conn, chat_id, low, high)
    for at in range(0, len(ids), READ_BLOCKS):
        chunk = ids[at:at + READ_BLOCKS]
        result = conn.execute(sa.select(b.c.payload).where(b.c.id.in_(chunk)).order_by(b.c.id))
        for (payload,) in result.all():
            batch = _unpacked(chat_id, payload, names)
            if low is not None or high is not None:
                batch = _within(batch, low, high)
            yield batch


def _unpacked(chat_id: int, payload: bytes, names: dict[int, str]) -> Columns:
    try:
        seconds, senders, kinds, edited, texts = chat_codec.unpack(payload)
        return Columns(seconds, list(map(names.__getitem__, senders)),
                       list(map(_KIND_LIST.__getitem__, kinds)), texts, list(map(bool, edited)))
    except chat_codec.PackError as exc:
        raise ChatDamaged(chat_id, str(exc)) from None
    except (KeyError, IndexError):
        raise ChatDamaged(chat_id, "a stored block names a person or kind the chat does not "
                                   "have") from None


def _within(batch: Columns, low: int | None, high: int | None) -> Columns:
    keep = [i for i, ts in enumerate(batch.seconds)
            if (low is None or ts >= low) and (high is None or ts < high)]
    if len(keep) == len(batch):
        return batch
    return Columns([batch.seconds[i] for i in keep], [batch.senders[i] for i in keep],
                   [batch.kinds[i] for i in keep], [batch.texts[i] for i in keep],
                   [batch.edited[i] for i in keep])


class _Writer:
    """Streams one import's rows into the open transaction, block by block.

    Incoming Columns are appended to pending columns and cut into blocks of
    BLOCK messages; every step works on whole lists at once.
    """

    def __init__(self, conn: sa.Connection, chat: NewChat | int, now: datetime) -> None:
        self.conn = conn
        self.added = 0
        self.seconds: list[int] = []
        self.senders: list[int] = []
        self.kinds: list[int] = []
        self.texts: list[str] = []
        self.edited: list[int] = []
        if isinstance(chat, NewChat):
            stamp = utc_stamp(now)
            self.chat_id = int(conn.execute(
                sa.insert(c).values(format=chat.format, title=chat.title,
                                    source_name=chat.source_name, imported_at=stamp,
                                    updated_at=stamp).returning(c.c.id)).scalar_one())
            self.index: dict[str, int] = {}
        else:
            self.chat_id = chat
            self.index = {name: idx for name, idx in conn.execute(
                sa.select(p.c.name, p.c.idx).where(p.c.chat_id == chat))}

    def _add_people(self, senders: list[str]) -> None:
        """Give every new name its number, in order of first appearance."""
        index = self.index
        for name in senders:
            if name not in index:
                if len(index) >= MAX_PEOPLE:
                    raise InvalidInput("file", f"it names more than {MAX_PEOPLE} people")
                idx = index[name] = len(index)
                self.conn.execute(sa.insert(p).values(chat_id=self.chat_id, idx=idx, name=name))

    def write(self, batch: Columns) -> None:
        """Add a batch: numbers for names and kinds, then whole blocks as they fill."""
        if not len(batch):
            return
        index = self.index
        if not index.keys() >= set(batch.senders):
            self._add_people(batch.senders)
        senders = list(map(index.__getitem__, batch.senders))
        kinds = list(map(KIND_CODES.__getitem__, batch.kinds))
        edited = [1 if e else 0 for e in batch.edited] if any(batch.edited) else \
            [0] * len(batch)
        seconds, texts = batch.seconds, batch.texts
        self.seconds += seconds
        self.senders += senders
        self.kinds += kinds
        self.texts += texts
        self.edited += edited
        self.flush()

    def flush(self, everything: bool = False) -> None:
        """Store every full block pending (and, with `everything`, the rest as a last one)."""
        done = 0
        total = len(self.seconds)
        rows: list[dict[str, Any]] = []
        while total - done >= BLOCK or (everything and done < total):
            end = min(done + BLOCK, total)
            seconds = self.seconds[done:end]
            payload = chat_codec.pack(seconds, self.senders[done:end], self.kinds[done:end],
                                      self.texts[done:end], self.edited[done:end])
            rows.append({"chat_id": self.chat_id, "first_ts": min(seconds),
                         "last_ts": max(seconds), "count": end - done, "payload": payload})
            done = end
        if rows:
            self.conn.execute(_INSERT_BLOCK, rows)
            self.added += done
            del self.seconds[:done], self.senders[:done], self.kinds[:done]
            del self.texts[:done], self.edited[:done]


_INSERT_BLOCK = sa.insert(b)
"""One statement for every block, executed for many rows at once."""
