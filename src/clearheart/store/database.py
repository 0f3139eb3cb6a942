"""Engines for the two backends: SQLCipher (embedded default) and PostgreSQL.

The SQLCipher engine is opened with the raw 256-bit data key; the passphrase
never reaches the database layer and no key ever appears in a URL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from clearheart.errors import VaultLocked, WrongPassphrase

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 5000",
)


def raw_connection(path: Path, key: bytes) -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=5.0)
    try:
        # SQLCipher otherwise prints its own page errors to stderr, under every message.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = OFF")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise WrongPassphrase() from None
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def sqlcipher_engine(path: Path, key: Callable[[], bytes]) -> sa.Engine:
    """An engine whose every connection is keyed and tuned for durability.

    `key` is asked for at each new connection, so the vault can forget its key
    on lock and no pooled factory keeps a copy.
    """
    import sqlcipher3

    def connect() -> Any:
        current = key()
        if not current:
            raise VaultLocked()
        return raw_connection(path, current)

    engine = sa.create_engine(
        f"sqlite:///{path}",
        creator=connect,
        module=sqlcipher3,
        pool_size=4,
        max_overflow=4,
    )

    # pysqlite's implicit transactions defer BEGIN; take the write lock up front
    # so two writers never deadlock on an upgrade from a read lock.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def postgres_engine(url: str) -> sa.Engine:
    return sa.create_engine(url, pool_pre_ping=True)


def is_sqlite(engine: sa.Engine | sa.Connection) -> bool:
    return engine.dialect.name == "sqlite"
