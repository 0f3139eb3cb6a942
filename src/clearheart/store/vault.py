"""The vault: a folder with a key file and a SQLCipher database.

    $CLEARHEART_HOME/
        vault.key        the data key wrapped under the passphrase (keyfile.py)
        vault.db         SQLCipher database (+ -wal, -shm while open)
        backups/         verified encrypted copies taken before migrations
        scratch/         short-lived private working folders (files.scratch_dir)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from clearheart.errors import (
    VaultDamaged,
    VaultDatabaseMissing,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from clearheart.store import keyfile
from clearheart.store.damage import damage_is_reported
from clearheart.store.database import sqlcipher_engine
from clearheart.store.files import clean_stale_scratch, create_private, fsync_dir, private_dir
from clearheart.store.kdf import KdfParams


@dataclass(frozen=True, slots=True)
class VaultPaths:
    home: Path

    @property
    def keyfile(self) -> Path:
        return self.home / "vault.key"

    @property
    def database(self) -> Path:
        return self.home / "vault.db"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    def exists(self) -> bool:
        return self.keyfile.exists()

    def database_missing(self) -> bool:
        """Whether vault.db is absent or empty with no write-ahead log holding its pages.

        Next to a key file that means the database was lost or moved, never that
        the vault is new: `create` writes both before it returns.
        """
        wal = self.database.with_name(self.database.name + "-wal")
        return not _has_bytes(self.database) and not _has_bytes(wal)


def _make_private(paths: VaultPaths) -> None:
    """The home folder 0700, and vault.db (and any -wal, -shm) 0600 before SQLite opens it.

    SQLite gives the -wal and -shm files it creates the mode of vault.db, so a
    database created 0600 from its first byte keeps all three private, whatever
    the umask; files and folders made by earlier versions are tightened here, and
    working files left by a killed command (an entry being edited) are removed.
    """
    private_dir(paths.home)
    clean_stale_scratch(paths.home)
    if not paths.database.exists():
        os.close(create_private(paths.database))
    for suffix in ("", "-wal", "-shm"):
        companion = paths.database.with_name(paths.database.name + suffix)
        if companion.exists() and companion.stat().st_mode & 0o077:
            companion.chmod(0o600)


def _has_bytes(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


class Vault:
    """An unlocked vault. Holds the data key in one mutable buffer, zeroed on close.

    Python cannot clear every copy: the bytes the key file decrypted, the
    short-lived copy and hex text handed to each new SQLCipher connection, and
    SQLCipher's own buffers (docs/security.md says what remains). The buffer
    owned here is the long-lived one, and `close` overwrites it in place.
    """

    def __init__(self, paths: VaultPaths, key: bytes) -> None:
        self.paths = paths
        self._key = bytearray(key)
        self.engine: sa.Engine = sqlcipher_engine(paths.database, self._current_key)

    def _current_key(self) -> bytes:
        return bytes(self._key)

    @classmethod
    def create(cls, home: Path, passphrase: str, params: KdfParams | None = None) -> Vault:
        """Make a new vault; refuses to touch a folder that already has one."""
        paths = VaultPaths(home)
        if paths.exists() or paths.database.exists():
            raise VaultExists(home)
        keyfile.check_new_passphrase(passphrase)
        private_dir(home)
        key = keyfile.new_data_key()
        sealed = keyfile.KeyFile.seal(key, passphrase, params or KdfParams())
        # Key file first: a crash after it leaves a key without its database,
        # which unlock refuses plainly, never a database that no key can open.
        keyfile.write_atomically(paths.keyfile, sealed)
        return cls._open(paths, key, now=None)

    @classmethod
    def unlock(cls, home: Path, passphrase: str, now: datetime | None = None) -> Vault:
        """Open an existing vault, upgrading its schema (after a backup) if needed."""
        paths = VaultPaths(home)
        if not paths.exists():
            raise VaultMissing(home)
        return cls.open_unwrapped(home, keyfile.read(paths.keyfile).open(passphrase), now)

    @classmethod
    def open_unwrapped(cls, home: Path, key: bytes, now: datetime | None = None) -> Vault:
        """Open with the data key its key file just gave (access.unwrap), as unlock does;
        VaultDatabaseMissing when the key has no database beside it."""
        if VaultPaths(home).database_missing():
            raise VaultDatabaseMissing(home)
        try:
            return cls._open(VaultPaths(home), key, now=now)
        except WrongPassphrase:
            # The key file accepted the passphrase, so the database is at fault.
            raise VaultDamaged(home) from None

    @classmethod
    def open_with_key(cls, home: Path, key: bytes) -> Vault:
        """Open with an already unwrapped data key (crash tests, restore)."""
        return cls._open(VaultPaths(home), key, now=None)

    @classmethod
    def _open(cls, paths: VaultPaths, key: bytes, now: datetime | None) -> Vault:
        from clearheart.store import migrate

        _make_private(paths)
        vault = cls(paths, key)
        try:
            with damage_is_reported(paths.home):
                migrate.upgrade(vault.engine, vault._backup_before(now))
        except BaseException:
            vault.close()
            raise
        fsync_dir(paths.home)
        return vault

    def _backup_before(self, now: datetime | None) -> Callable[[str], Path]:
        def make(revision: str) -> Path:
            from clearheart.store.backup import backup_database

            moment = now or datetime.now().astimezone()
            return backup_database(
                self.paths.database, self._current_key(), self.paths.backups,
                f"schema-{revision}", moment
            )

        return make

    def backup(self, now: datetime, label: str = "manual") -> Path:
        from clearheart.store.backup import backup_database

        return backup_database(self.paths.database, self._current_key(), self.paths.backups,
                               label, now)

    def change_passphrase(self, new_passphrase: str, params: KdfParams | None = None) -> None:
        """Re-wrap the same data key under a new passphrase; the database is untouched."""
        keyfile.check_new_passphrase(new_passphrase)
        current = keyfile.read(self.paths.keyfile)
        sealed = keyfile.KeyFile.seal(self._current_key(), new_passphrase,
                                      params or current.params)
        keyfile.write_atomically(self.paths.keyfile, sealed)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before copying the folder, say)."""
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()

    def close(self) -> None:
        """Lock: zero the key first, so no new connection can open, then close the pool."""
        self._key[:] = bytes(len(self._key))
        self._key = bytearray()
        self.engine.dispose()
