"""Questions about a vault that do not need it open: does it exist, is this its passphrase."""

from __future__ import annotations

from pathlib import Path

from clearheart.errors import VaultMissing
from clearheart.store import keyfile
from clearheart.store.vault import VaultPaths


def vault_exists(home: Path) -> bool:
    return VaultPaths(home).exists()


def unwrap(home: Path, passphrase: str) -> bytes:
    """The vault's data key, or WrongPassphrase (VaultMissing if there is no vault).

    This is the slow part of an unlock (Argon2), and it opens nothing: the web
    app runs it outside its state lock, so a flood of guesses never holds up
    locking, and, with the vault already open, it proves a passphrase without
    a second engine.
    """
    paths = VaultPaths(home)
    if not paths.exists():
        raise VaultMissing(home)
    return keyfile.read(paths.keyfile).open(passphrase)
