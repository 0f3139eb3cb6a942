"""Export everything to one archive, and restore it into an empty vault exactly.

An archive is JSON Lines: a header line, then one line per row as stored (ids
and timestamps included), table by table in dependency order, so a restore
reproduces the vault row for row and neither side ever holds the whole vault
in memory. Encrypted archives compress the lines with zlib and seal them in
the store's chunked envelope; `--plain` archives are the lines themselves.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from clearheart.errors import ArchiveInvalid, InvalidInput, VaultNotEmpty, WrongPassphrase
from clearheart.services.archive_rules import RowChecker
from clearheart.store import chat_codec, envelope
from clearheart.store.database import is_sqlite
from clearheart.store.files import create_private, fsync_dir
from clearheart.store.schema import HEAD, TABLES

FORMAT = "archive"
"""The header's `format`: neutral, so a plain export's first line names no app."""
LEGACY_FORMATS = frozenset({"clearheart-archive"})
"""What earlier versions wrote there; such archives still restore."""
VERSION = 2
REPLACED_ON_RESTORE = frozenset({"settings"})
"""Tables a new vault fills by itself; the archive's rows replace them."""
BATCH = 5_000
_KNOWN = {table.name: table for table in TABLES}

_BINARY = {table.name: frozenset(col.name for col in table.columns
                                  if isinstance(col.type, sa.LargeBinary))
           for table in TABLES}
"""Columns holding bytes: written to the archive as base64 text."""

Row = dict[str, Any]


def _packed_json_block(table: str, row: Row) -> Row:
    """0002 → 0003: a chat block's JSON `data` becomes the packed `payload`."""
    if table != "chat_blocks" or not isinstance(row.get("data"), str):
        return row
    try:
        rows = json.loads(row["data"])
        payload = chat_codec.pack(*(list(field) for field in zip(*rows, strict=True))) \
            if rows else chat_codec.pack([], [], [], [], [])
    except (ValueError, TypeError, OverflowError):
        return row  # left as it is: the column check then reports the line
    upgraded = {key: value for key, value in row.items() if key != "data"}
    upgraded["payload"] = base64.b64encode(payload).decode("ascii")
    return upgraded


UPGRADES: dict[str, tuple[str, Callable[[str, Row], Row]]] = {
    "0001": ("0002", lambda table, row: row),
    "0002": ("0003", _packed_json_block),
    "0003": ("0004", lambda table, row: row),
    "0004": ("0005", lambda table, row: row),
    "0005": ("0006", lambda table, row: row),
    "0006": ("0007", lambda table, row: row),
    "0007": ("0008", lambda table, row: row),
    "0008": ("0009", lambda table, row: row),
    "0009": ("0010", lambda table, row: row),
    "0010": ("0011", lambda table, row: row),
}
"""How a row written at one schema revision reads at the next, so archives
from every earlier revision keep restoring. 0001 → 0002 only added tables."""


def upgrade_row(revision: str, table: str, row: Row) -> Row:
    """`row` of `table` as written at `revision`, carried forward to HEAD."""
    while revision != HEAD:
        revision, step = UPGRADES[revision]
        row = step(table, row)
    return row


def _rows(conn: sa.Connection, table: sa.Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
        sa.select(table).order_by(*order))
    for row in result.mappings():
        yield dict(row)


def lines(engine: sa.Engine, exported_at: datetime) -> Iterator[bytes]:
    """The archive's lines: a header with each table's row count, then every row."""
    with engine.connect() as conn:
        counts = {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                  for t in TABLES}
        header = {"format": FORMAT, "version": VERSION, "schema": HEAD,
                  "exported_at": exported_at.isoformat(), "tables": counts}
        yield _encode(header)
        for table in TABLES:
            binary = _BINARY[table.name]
            for row in _rows(conn, table):
                for name in binary:
                    row[name] = base64.b64encode(row[name]).decode("ascii")
                yield _encode({"table": table.name, "row": row})


def _encode(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def export(engine: sa.Engine, out: Path, passphrase: str | None, exported_at: datetime) -> int:
    """Write the archive (encrypted under `passphrase`, or plain when None); returns rows.

    Written beside the target and renamed into place, so a crash never leaves
    half an archive under the chosen name.
    """
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    rows = -1
    try:
        # 0600 from the first byte: a killed --plain export leaves a partial file,
        # which must never have been readable by others.
        with os.fdopen(create_private(tmp), "wb") as handle:
            if passphrase is None:
                for line in lines(engine, exported_at):
                    handle.write(line)
                    rows += 1
            else:
                sealer = envelope.SealWriter(handle, passphrase)
                squeeze = zlib.compressobj(6)
                for line in lines(engine, exported_at):
                    sealer.write(squeeze.compress(line))
                    rows += 1
                sealer.write(squeeze.flush())
                sealer.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(out.parent)
    return rows


@dataclass
class Archive:
    """An archive on disk, checked from end to end when opened; rows can be read again."""

    path: Path
    header: dict[str, Any]
    _reader: envelope.SealReader | None
    _handle: IO[bytes]

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(table, row) pairs in file order, each row checked by the rules of normal writes
        (services/archive_rules.py); ArchiveInvalid names the line, table, row and field."""
        seen = 0
        rules = RowChecker()
        per_table: dict[str, int] = {}
        for number, raw in enumerate(self._lines(), 1):
            if number == 1:
                continue
            record = _parse_line(self.path, number, raw)
            table, row = _check_record(self.path, number, record, self.header["schema"])
            per_table[table] = per_table.get(table, 0) + 1
            try:
                rules.check(table, row)
            except InvalidInput as problem:
                raise ArchiveInvalid(
                    self.path, f"line {number} (row {per_table[table]} of {table}): "
                               f"{problem.field} {problem.reason}") from None
            seen += 1
            yield table, row
        if seen != sum(self.header["tables"].values()):
            raise ArchiveInvalid(self.path, "it holds fewer rows than its header says; "
                                            "it may be cut short")

    def _lines(self) -> Iterator[bytes]:
        if self._reader is None:
            self._handle.seek(0)
            # A plain loop, not `yield from`: closing this generator must not close the file.
            for line in self._handle:  # noqa: UP028
                yield line
            return
        unsqueeze = zlib.decompressobj()
        pending = b""
        try:
            for chunk in self._reader.chunks():
                pending += unsqueeze.decompress(chunk)
                *complete, pending = pending.split(b"\n")
                yield from complete
            pending += unsqueeze.flush()
        except envelope.EnvelopeError as exc:
            raise ArchiveInvalid(self.path, str(exc)) from None
        except zlib.error:
            raise ArchiveInvalid(self.path, "its contents are damaged") from None
        if pending:
            yield pending

    def close(self) -> None:
        self._handle.close()


def open_archive(path: Path, passphrase: str | None) -> Archive:
    """Open and check an archive completely (every line), before anything is restored."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 (owned by the Archive, closed by it)
    except OSError as exc:
        raise ArchiveInvalid(path, exc.strerror or "it cannot be read") from None
    try:
        reader = None
        if envelope.is_envelope(handle.read(4)):
            if passphrase is None:
                raise WrongPassphrase()
            handle.seek(0)
            try:
                reader = envelope.SealReader(handle, passphrase)
                first = next(iter(reader.chunks()))
            except envelope.EnvelopeError as exc:
                if "passphrase" in str(exc):
                    raise WrongPassphrase() from None
                raise ArchiveInvalid(path, str(exc)) from None
            del first
        archive = Archive(path, {}, reader, handle)
        archive.header = _check_header(path, next(archive._lines(), b""))
        for _ in archive.records():
            pass
        return archive
    except BaseException:
        handle.close()
        raise


def _parse_line(path: Path, number: int, raw: bytes) -> Any:
    """One line's JSON; nesting too deep for the parser is refused like any broken line."""
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArchiveInvalid(path, f"line {number} is not valid JSON ({exc})") from None
    except RecursionError:
        raise ArchiveInvalid(path, f"line {number} nests too deeply to be read") from None


def _check_header(path: Path, raw: bytes) -> dict[str, Any]:
    header = _parse_line(path, 1, raw)
    if not isinstance(header, dict) or header.get("format") not in (FORMAT, *LEGACY_FORMATS):
        raise ArchiveInvalid(path, "it is not a Clearheart archive")
    if header.get("version") != VERSION:
        raise ArchiveInvalid(path, f"archive version {header.get('version')} is not supported")
    if header.get("schema") != HEAD and header.get("schema") not in UPGRADES:
        raise ArchiveInvalid(
            path, f"it was made by a vault at schema {header.get('schema')}, which this version "
                  f"of Clearheart does not know (it reads {', '.join([*UPGRADES, HEAD])})")
    tables = header.get("tables")
    if (not isinstance(tables, dict) or set(tables) - set(_KNOWN)
            or not all(isinstance(n, int) and n >= 0 for n in tables.values())):
        raise ArchiveInvalid(path, "its header lists tables this version does not know")
    return header


def _check_record(path: Path, number: int, record: Any, revision: str) -> tuple[str, Row]:
    if not isinstance(record, dict) or set(record) != {"table", "row"}:
        raise ArchiveInvalid(path, f"line {number} is not a table row")
    table = _KNOWN.get(record["table"])
    if table is None:
        raise ArchiveInvalid(path, f"line {number} names an unknown table")
    row = record["row"]
    if isinstance(row, dict):
        row = upgrade_row(revision, table.name, row)
    if not isinstance(row, dict) or set(row) != set(table.columns.keys()):
        raise ArchiveInvalid(path, f"line {number} has the wrong columns for {table.name}")
    for name in _BINARY[table.name]:
        try:
            row[name] = base64.b64decode(row[name], validate=True)
        except (TypeError, ValueError, binascii.Error):
            raise ArchiveInvalid(path, f"line {number}: {table.name}.{name} is not base64 "
                                       "data") from None
    return table.name, row


def is_empty(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        for table in TABLES:
            if table.name in REPLACED_ON_RESTORE:
                continue
            if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                return False
    return True


def restore(engine: sa.Engine, archive: Archive, home: Path) -> int:
    """Load a checked archive into an empty vault in one transaction; returns rows restored."""
    if not is_empty(engine):
        raise VaultNotEmpty(home)
    count = 0
    try:
        with engine.begin() as conn:
            count = _insert_all(conn, archive)
    except sa.exc.DBAPIError:
        # Every row was checked first; should the database still refuse one, say so without
        # the statement (it holds the row's words) and keep the vault as it was.
        raise ArchiveInvalid(archive.path, "the database refused one of its rows") from None
    return count


def _insert_all(conn: sa.Connection, archive: Archive) -> int:
    count = 0
    for name in REPLACED_ON_RESTORE:
        conn.execute(sa.delete(_KNOWN[name]))
    batch: list[dict[str, Any]] = []
    current: str | None = None
    for table, row in archive.records():
        if table != current or len(batch) >= BATCH:
            if batch and current is not None:
                conn.execute(sa.insert(_KNOWN[current]), batch)
            batch, current = [], table
        batch.append(row)
        count += 1
    if batch and current is not None:
        conn.execute(sa.insert(_KNOWN[current]), batch)
    if not is_sqlite(conn):
        _reset_sequences(conn)
    return count


def snapshot(engine: sa.Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table in primary-key order (for comparing vaults in tests)."""
    with engine.connect() as conn:
        return {table.name: list(_rows(conn, table)) for table in TABLES}


def _reset_sequences(conn: sa.Connection) -> None:
    for table in TABLES:
        key = list(table.primary_key.columns)
        for column in key:
            if len(key) == 1 and isinstance(column.type, sa.Integer) and column.autoincrement:
                # Names come from our own schema, never from input.
                name, col = table.name, column.name
                top = f"COALESCE((SELECT max({col}) FROM {name}), 0) + 1"  # noqa: S608
                sequence = f"pg_get_serial_sequence('{name}', '{col}')"
                conn.execute(sa.text(f"SELECT setval({sequence}, {top}, false)"))
