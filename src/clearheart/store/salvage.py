"""Copying every row that can still be read out of a damaged SQLCipher database.

SQLCipher authenticates each page, so one flipped bit makes exactly one page
unreadable; whatever query touches it fails. A table is therefore read in
rowid order, and when the read fails the damaged stretch is stepped over:
probes at growing distances find where range reads work again, and every
rowid in between is then tried on its own, so rows on intact pages next to the
damage are kept. Each row read is inserted into a fresh database on its own;
a row whose parent was lost (a foreign key) is counted as lost, so the copy
always restores.

The source is only ever read. Rows are copied as stored (SQLite's own values,
no decoding), so a salvaged row is byte for byte the row that was written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from clearheart.errors import NothingToSalvage, WrongPassphrase
from clearheart.store.database import raw_connection
from clearheart.store.schema import TABLES

POINT_READS = 100_000
"""The most rowids tried one by one past one damaged stretch; wider gaps are lost whole."""
_FIRST_ROWID = 1


@dataclass(frozen=True, slots=True)
class TableSalvage:
    """One table's outcome. `lost` is None when the damaged table cannot even count its rows."""

    table: str
    saved: int
    lost: int | None


@dataclass(frozen=True, slots=True)
class SalvageReport:
    integrity: str
    """"ok", or the first problem SQLite's integrity check names."""
    tables: tuple[TableSalvage, ...]

    @property
    def saved(self) -> int:
        return sum(t.saved for t in self.tables)

    @property
    def complete(self) -> bool:
        """Nothing was lost, as far as the damaged file can tell."""
        return all(t.lost == 0 for t in self.tables)


def _damaged_page_error() -> type[Exception]:
    import sqlcipher3

    error: type[Exception] = sqlcipher3.DatabaseError
    return error


def integrity(source: Path, key: bytes) -> str:
    """SQLite's verdict on the whole file: "ok" or its first complaint.

    On a connection of its own: after the check meets a damaged page, reads on
    the same connection fail far beyond that page.
    """
    conn = raw_connection(source, key)
    try:
        row = conn.execute("PRAGMA integrity_check(1)").fetchone()
    except _damaged_page_error() as exc:
        return str(exc)
    finally:
        conn.close()
    return " ".join(str(row[0]).split()) if row else "no answer"


class _Source:
    """A read connection to the damaged file, opened afresh after every failed read.

    SQLCipher's failed page check sticks to the connection: after it, every page
    not already cached fails too. A new connection reads intact pages again.
    """

    def __init__(self, path: Path, key: bytes) -> None:
        self.path, self.key = path, key
        self.conn = raw_connection(path, key)

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self.conn.execute(sql, params)

    def renew(self) -> None:
        self.conn.close()
        self.conn = raw_connection(self.path, self.key)

    def close(self) -> None:
        self.conn.close()


def readable_rows(source: _Source, table: str, columns: list[str]
                  ) -> Iterator[tuple[Any, ...]]:
    """Every row of `table` (as `columns`) that can still be read, in rowid order."""
    error = _damaged_page_error()
    # Names come from our own schema, never from input.
    select = f"SELECT rowid, {', '.join(columns)} FROM {table}"  # noqa: S608
    start: int | None = -(2**63)
    while start is not None:
        try:
            for row in source.execute(f"{select} WHERE rowid >= ? ORDER BY rowid", (start,)):
                start = int(row[0]) + 1
                yield tuple(row[1:])
            return
        except error:
            source.renew()
            start = max(start, _FIRST_ROWID)
        resume = _past_damage(source, table, start)
        if resume is None:
            return  # every path from the table's root fails: its root page is lost
        for rowid in range(start, min(resume, start + POINT_READS)):
            try:
                found = source.execute(f"{select} WHERE rowid = ?", (rowid,)).fetchone()
            except error:
                source.renew()
                continue
            if found is not None:
                yield tuple(found[1:])
        start = resume


def _past_damage(source: _Source, table: str, start: int) -> int | None:
    """The first rowid from which a range read works again, after a failure at `start`.

    Probes at start+1, +2, +4, ... until one answers; the rowids before it hold
    the damaged stretch (the caller tries them one by one). None when no probe
    answers: then every lookup passes through a damaged page.
    """
    error = _damaged_page_error()
    probe = f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1"  # noqa: S608
    step = 1
    while step < 2**62:
        try:
            source.execute(probe, (start + step,)).fetchone()
        except error:
            source.renew()
            step *= 2
            continue
        return start + step
    return None


def _count(source: _Source, table: str) -> int | None:
    try:
        return int(source.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
    except _damaged_page_error():
        source.renew()
        return None


def _columns(source: _Source, table: str) -> list[str]:
    return [str(row[1]) for row in source.execute(f"PRAGMA table_info({table})")]


def copy_readable(source: Path, key: bytes, target: sa.Engine) -> SalvageReport:
    """Copy what `source` still holds into `target` (a new, empty vault at HEAD).

    Raises NothingToSalvage when not even the schema page opens.
    """
    try:
        verdict = integrity(source, key)
        reader = _Source(source, key)
    except WrongPassphrase:
        raise NothingToSalvage(source.parent) from None
    try:
        outcomes = []
        with target.begin() as out:
            for table in TABLES:
                out.execute(sa.delete(table))
            for table in TABLES:
                present = set(_columns(reader, table.name))
                wanted = [c.name for c in table.columns if c.name in present]
                saved = _copy_table(reader, out, table, wanted) if wanted else 0
                total = _count(reader, table.name) if wanted else 0
                lost = None if total is None else max(total - saved, 0)
                outcomes.append(TableSalvage(table.name, saved, lost))
    finally:
        reader.close()
    return SalvageReport(verdict, tuple(outcomes))


def _copy_table(source: _Source, out: sa.Connection, table: sa.Table, columns: list[str]
                ) -> int:
    insert = (f"INSERT INTO {table.name} ({', '.join(columns)}) "  # noqa: S608
              f"VALUES ({', '.join('?' for _ in columns)})")
    saved = 0
    for row in readable_rows(source, table.name, columns):
        try:
            with out.begin_nested():
                out.exec_driver_sql(insert, row)
        except sa.exc.IntegrityError:
            continue  # its parent row was lost, or it breaks the schema: it would not restore
        saved += 1
    return saved
