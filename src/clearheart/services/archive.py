"""Export everything to one archive, and restore it into an empty vault exactly.

The archive is a JSON document of every table's rows as stored (ids and
timestamps included), so a restore reproduces the vault row for row.
Encrypted archives wrap it, compressed, in the store's envelope.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from clearheart.errors import ArchiveInvalid, VaultNotEmpty, WrongPassphrase
from clearheart.store import envelope
from clearheart.store.database import is_sqlite
from clearheart.store.files import atomic_write
from clearheart.store.schema import HEAD, TABLES

FORMAT = "clearheart-archive"
VERSION = 1
REPLACED_ON_RESTORE = frozenset({"settings"})
"""Tables a new vault fills by itself; the archive's rows replace them."""


def snapshot(engine: sa.Engine, exported_at: datetime) -> dict[str, Any]:
    """Every row of every table, in primary-key order."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in TABLES:
            order = list(table.primary_key.columns)
            rows = conn.execute(sa.select(table).order_by(*order)).mappings()
            tables[table.name] = [dict(row) for row in rows]
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": HEAD,
        "exported_at": exported_at.isoformat(),
        "tables": tables,
    }


def export(engine: sa.Engine, out: Path, passphrase: str | None, exported_at: datetime) -> int:
    """Write the archive; encrypted under `passphrase`, or plain JSON when it is None.

    Returns the number of rows written.
    """
    document = snapshot(engine, exported_at)
    rows = sum(len(v) for v in document["tables"].values())
    if passphrase is None:
        data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    else:
        compact = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        data = envelope.seal(zlib.compress(compact, 6), passphrase)
    atomic_write(out, data)
    return rows


def read(path: Path, passphrase: str | None) -> dict[str, Any]:
    """Load and check an archive. Plain JSON needs no passphrase."""
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise ArchiveInvalid(path, exc.strerror or "it cannot be read") from None
    if envelope.is_envelope(blob):
        if passphrase is None:
            raise WrongPassphrase()
        try:
            raw = zlib.decompress(envelope.open_sealed(blob, passphrase))
        except envelope.EnvelopeError as exc:
            if "passphrase" in str(exc):
                raise WrongPassphrase() from None
            raise ArchiveInvalid(path, str(exc)) from None
        except zlib.error:
            raise ArchiveInvalid(path, "its contents are damaged") from None
    else:
        raw = blob
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArchiveInvalid(path, f"it is not valid JSON ({exc})") from None
    _check(path, document)
    return dict(document)


def _check(path: Path, document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ArchiveInvalid(path, "it is not a Clearheart archive")
    if document.get("version") != VERSION:
        raise ArchiveInvalid(path, f"archive version {document.get('version')} is not supported")
    if document.get("schema") != HEAD:
        raise ArchiveInvalid(
            path, f"it was made by a vault at schema {document.get('schema')}, this one is {HEAD}"
        )
    tables = document.get("tables")
    known = {t.name: t for t in TABLES}
    if not isinstance(tables, dict) or set(tables) - set(known):
        raise ArchiveInvalid(path, "it lists tables this version does not know")
    for name, rows in tables.items():
        columns = set(known[name].columns.keys())
        if not isinstance(rows, list):
            raise ArchiveInvalid(path, f"table {name} is not a list of rows")
        for number, row in enumerate(rows, 1):
            if not isinstance(row, dict) or set(row) != columns:
                raise ArchiveInvalid(path, f"row {number} of {name} has the wrong columns")


def is_empty(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        for table in TABLES:
            if table.name in REPLACED_ON_RESTORE:
                continue
            if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                return False
    return True


def restore(engine: sa.Engine, document: dict[str, Any], home: Path) -> int:
    """Load an archive into an empty vault in one transaction; returns rows restored."""
    if not is_empty(engine):
        raise VaultNotEmpty(home)
    count = 0
    with engine.begin() as conn:
        for table in TABLES:
            rows = document["tables"].get(table.name, [])
            if table.name in REPLACED_ON_RESTORE:
                conn.execute(sa.delete(table))
            if rows:
                conn.execute(sa.insert(table), rows)
                count += len(rows)
        if not is_sqlite(conn):
            _reset_sequences(conn)
    return count


def _reset_sequences(conn: sa.Connection) -> None:
    for table in TABLES:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and isinstance(column.type, sa.Integer)
            ):
                # Names come from our own schema, never from input.
                name, col = table.name, column.name
                top = f"COALESCE((SELECT max({col}) FROM {name}), 0) + 1"  # noqa: S608
                sequence = f"pg_get_serial_sequence('{name}', '{col}')"
                conn.execute(sa.text(f"SELECT setval({sequence}, {top}, false)"))
