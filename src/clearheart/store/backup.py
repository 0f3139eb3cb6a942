"""Verified encrypted copies of the SQLCipher database.

The copy is made with sqlcipher_export into a new file keyed with the same
data key, so it is encrypted exactly like the vault, then opened afresh and
checked (integrity, cipher integrity and row counts) before it is trusted.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from clearheart.errors import BackupFailed
from clearheart.store.database import raw_connection
from clearheart.store.files import create_private, fsync_dir, private_dir
from clearheart.store.schema import TABLES


def _counts(conn: object) -> dict[str, int]:
    """Rows per table, for the tables this database has (older schemas have fewer)."""
    present = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")  # type: ignore[attr-defined]
    }
    counts = {}
    for table in TABLES:
        if table.name in present:
            # Table names come from our own schema, never from input.
            query = f"SELECT count(*) FROM {table.name}"  # noqa: S608
            counts[table.name] = int(conn.execute(query).fetchone()[0])  # type: ignore[attr-defined]
    return counts


def backup_database(source: Path, key: bytes, folder: Path, label: str, now: datetime) -> Path:
    """Copy `source` into `folder`, verify the copy, and return its path."""
    private_dir(folder)
    target = folder / f"vault-{now.strftime('%Y%m%d-%H%M%S')}-{label}.db"
    if target.exists():
        raise BackupFailed(f"{target} already exists")
    # 0600 before SQLCipher writes a page into it (its journal files take this mode).
    os.close(create_private(target))
    conn = raw_connection(source, key)
    try:
        conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(target), f"x'{key.hex()}'"))
        conn.execute("SELECT sqlcipher_export('backup')")
        conn.execute("DETACH DATABASE backup")
        expected = _counts(conn)
    except Exception as exc:
        target.unlink(missing_ok=True)
        raise BackupFailed(str(exc)) from exc
    finally:
        conn.close()
    try:
        verify(target, key, expected)
    except BackupFailed:
        target.unlink(missing_ok=True)
        raise
    fsync_dir(folder)
    return target


def verify(path: Path, key: bytes, expected: dict[str, int]) -> None:
    """Open a copy with the key and check it is whole and holds the expected rows."""
    try:
        conn = raw_connection(path, key)
    except Exception as exc:
        raise BackupFailed(f"the copy does not open: {exc}") from exc
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupFailed("the copy fails the integrity check")
        problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if problems:
            raise BackupFailed(f"the copy fails the cipher check: {problems[0][0]}")
        if expected and _counts(conn) != expected:
            raise BackupFailed("the copy does not hold the same rows")
    finally:
        with contextlib.suppress(Exception):
            conn.close()


def integrity_ok(engine: sa.Engine) -> bool:
    """Whether the open database passes SQLite's and SQLCipher's integrity checks."""
    with engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok":
            return False
        return not conn.exec_driver_sql("PRAGMA cipher_integrity_check").all()
