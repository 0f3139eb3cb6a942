"""Saving what can still be read from a damaged vault into an encrypted archive.

The damaged files are never written to: they are copied into a private scratch
folder inside the vault home, read from there row by row into a fresh vault
(encrypted with the same data key), and that vault is exported like any other.
The archive restores with `clearheart restore`, and the report says, table by
table, how many rows were saved and how many were lost.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from clearheart.errors import NothingToSalvage, VaultMissing
from clearheart.services import archive
from clearheart.store import keyfile
from clearheart.store.files import copy_private, scratch_dir
from clearheart.store.salvage import SalvageReport, copy_readable
from clearheart.store.vault import Vault, VaultPaths


def salvage(home: Path, passphrase: str, out: Path, now: datetime) -> SalvageReport:
    """Write every readable row of the vault at `home` to `out`, sealed with `passphrase`."""
    paths = VaultPaths(home)
    if not paths.exists():
        raise VaultMissing(home)
    key = keyfile.read(paths.keyfile).open(passphrase)
    work = scratch_dir(home)
    try:
        source = work / "damaged" / paths.database.name
        source.parent.mkdir(mode=0o700)
        for suffix in ("", "-wal"):
            original = paths.database.with_name(paths.database.name + suffix)
            if original.exists():
                copy_private(original, source.with_name(source.name + suffix))
        (work / "saved").mkdir(mode=0o700)
        fresh = Vault.open_with_key(work / "saved", key)
        try:
            try:
                report = copy_readable(source, key, fresh.engine)
            except NothingToSalvage:
                raise NothingToSalvage(home) from None  # name the vault, not the copy
            archive.export(fresh.engine, out, passphrase, now)
        finally:
            fresh.close()
    finally:
        shutil.rmtree(work)
    return report
