"""Imported chats in the database: one transaction per import, streamed in blocks.

A long relationship can mean a million messages. They are stored compactly
(times as wall-clock seconds, sender as the participant's index, kind as a
small code) and in blocks of BLOCK messages per row, so an import writes a
few thousand rows instead of a million and reading a chat back is quick.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from clearheart.domain.chat import Kind, Message
from clearheart.domain.journal import utc_stamp
from clearheart.errors import NotFound
from clearheart.store.database import is_sqlite
from clearheart.store.schema import chat_blocks as b
from clearheart.store.schema import chat_participants as p
from clearheart.store.schema import chats as c

KIND_CODES: dict[Kind, int] = {Kind.TEXT: 0, Kind.MEDIA: 1, Kind.CALL: 2, Kind.SYSTEM: 3,
                               Kind.DELETED: 4}
KINDS = {code: kind for kind, code in KIND_CODES.items()}
_EPOCH = datetime(1970, 1, 1)
BLOCK = 512
"""Messages per stored block."""
IMPORT_CACHE_KIB = 65_536


def to_seconds(moment: datetime) -> int:
    """Wall-clock seconds since 1970-01-01 00:00 of the same (zone-less) clock."""
    delta = moment - _EPOCH
    return delta.days * 86_400 + delta.seconds


def from_seconds(seconds: int) -> datetime:
    return _EPOCH + timedelta(seconds=seconds)


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


MeChooser = Callable[[tuple[str, ...]], str | None]
"""Given the participants, name the one who is the user (or None to leave it unset)."""


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

    def find(self, fmt: str, title: str | None) -> ChatInfo | None:
        """An earlier import of the same chat: same app and same chat name."""
        if title is None:
            return None
        with self.engine.connect() as conn:
            chat_id = conn.execute(
                sa.select(c.c.id).where(c.c.format == fmt, c.c.title == title).order_by(c.c.id)
            ).scalar()
            return None if chat_id is None else self._info(conn, chat_id)

    def _info(self, conn: sa.Connection, chat_id: int) -> ChatInfo:
        row = conn.execute(sa.select(c).where(c.c.id == chat_id)).first()
        if row is None:
            raise NotFound("chat", str(chat_id))
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
            first=from_seconds(first) if first is not None else None,
            last=from_seconds(last) if last is not None else None,
        )

    def messages(self, chat_id: int, since: datetime | None = None,
                 until: datetime | None = None) -> Iterator[Message]:
        """The chat's messages in file order, optionally within [since, until)."""
        self.get(chat_id)
        low = to_seconds(since) if since is not None else None
        high = to_seconds(until) if until is not None else None
        query = sa.select(b.c.data).where(b.c.chat_id == chat_id)
        if low is not None:
            query = query.where(b.c.last_ts >= low)
        if high is not None:
            query = query.where(b.c.first_ts < high)
        with self.engine.connect() as conn:
            query_names = sa.select(p.c.idx, p.c.name).where(p.c.chat_id == chat_id)
            names = {idx: name for idx, name in conn.execute(query_names)}
            result = conn.execution_options(stream_results=True, yield_per=64).execute(
                query.order_by(b.c.id))
            epoch, second, kinds = _EPOCH, timedelta(seconds=1), KINDS
            for (data,) in result:
                for ts, sender, kind, text, edited in json.loads(data):
                    if (low is None or ts >= low) and (high is None or ts < high):
                        yield Message(epoch + ts * second, names[sender], kinds[kind], text,
                                      bool(edited))

    # --- writing -----------------------------------------------------------------

    def set_me(self, chat_id: int, me: str | None) -> None:
        self._update(chat_id, me=me)

    def set_alias(self, chat_id: int, alias: str | None) -> None:
        self._update(chat_id, partner_alias=alias)

    def _update(self, chat_id: int, **values: Any) -> None:
        with self.engine.begin() as conn:
            if conn.execute(sa.update(c).where(c.c.id == chat_id).values(**values)).rowcount == 0:
                raise NotFound("chat", str(chat_id))

    def delete(self, chat_id: int) -> None:
        """Delete a chat and everything derived from it, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(b).where(b.c.chat_id == chat_id))
            conn.execute(sa.delete(p).where(p.c.chat_id == chat_id))
            if conn.execute(sa.delete(c).where(c.c.id == chat_id)).rowcount == 0:
                raise NotFound("chat", str(chat_id))

    def store(self, chat: NewChat | int, messages: Iterable[Message], now: datetime,
              choose_me: MeChooser) -> Stored:
        """Write a whole import in one transaction; any exception leaves nothing behind.

        With an existing chat id, only messages newer than what is stored are
        added: at the newest stored second, stored messages are matched one
        for one, so an overlapping newer export adds exactly what is new.
        """
        with self.engine.begin() as conn:
            if is_sqlite(conn):
                # A larger page cache for this one connection: big imports touch
                # the index pages again and again; each miss costs a decryption.
                conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            writer = _Writer(conn, chat, now)
            try:
                writer.write_all(messages)
            finally:
                if is_sqlite(conn):
                    conn.exec_driver_sql("PRAGMA cache_size = -2000")
            participants = tuple(writer.names)
            me = choose_me(participants)
            values: dict[str, Any] = {"updated_at": utc_stamp(now)}
            if me is not None:
                values["me"] = me
            conn.execute(sa.update(c).where(c.c.id == writer.chat_id).values(**values))
            return Stored(writer.chat_id, writer.added, writer.skipped, participants)


class _Writer:
    """Streams one import's rows into the open transaction, batch by batch."""

    def __init__(self, conn: sa.Connection, chat: NewChat | int, now: datetime) -> None:
        self.conn = conn
        self.added = 0
        self.skipped = 0
        self.rows: list[tuple[int, int, int, str, int]] = []
        self.boundary: Counter[tuple[int, int, int, str]] = Counter()
        self.last_ts = -(1 << 62)
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
            last = conn.execute(
                sa.select(sa.func.max(b.c.last_ts)).where(b.c.chat_id == chat)).scalar()
            if last is not None:
                self.last_ts = int(last)
                self.boundary = Counter(
                    (ts, sender, kind, text)
                    for (data,) in conn.execute(
                        sa.select(b.c.data).where(b.c.chat_id == chat, b.c.last_ts == last))
                    for ts, sender, kind, text, _ in json.loads(data) if ts == last)

    @property
    def names(self) -> list[str]:
        """People in the chat, in order of first appearance (app notices have no name)."""
        return [name for name in sorted(self.index, key=self.index.__getitem__) if name]

    def _sender(self, name: str) -> int:
        idx = self.index.get(name)
        if idx is None:
            idx = self.index[name] = len(self.index)
            self.conn.execute(sa.insert(p).values(chat_id=self.chat_id, idx=idx, name=name))
        return idx

    def write_all(self, messages: Iterable[Message]) -> None:
        """The hot loop of a big import: locals only, one cached time conversion."""
        rows, append = self.rows, self.rows.append
        index, kinds, last_ts = self.index, KIND_CODES, self.last_ts
        moment: datetime | None = None
        ts = 0
        for message in messages:
            if message.ts != moment:
                moment = message.ts
                delta = moment - _EPOCH
                ts = delta.days * 86_400 + delta.seconds
            if ts <= last_ts and self._already_stored(ts, message):
                continue
            sender = index.get(message.sender)
            if sender is None:
                sender = self._sender(message.sender)
            append((ts, sender, kinds[message.kind], message.text, 1 if message.edited else 0))
            if len(rows) >= BLOCK:
                self.flush()
        self.flush()

    def _already_stored(self, ts: int, message: Message) -> bool:
        """At or before the newest stored second: is this message one we have?"""
        if ts < self.last_ts:
            self.skipped += 1
            return True
        key = (ts, self._sender(message.sender), KIND_CODES[message.kind], message.text)
        if self.boundary[key] > 0:
            self.boundary[key] -= 1
            self.skipped += 1
            return True
        return False

    def flush(self) -> None:
        """Store the pending messages as one block."""
        rows = self.rows
        if rows:
            data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
            self.conn.execute(sa.insert(b).values(
                chat_id=self.chat_id, first_ts=min(r[0] for r in rows),
                last_ts=max(r[0] for r in rows), count=len(rows), data=data))
            self.added += len(rows)
            rows.clear()
