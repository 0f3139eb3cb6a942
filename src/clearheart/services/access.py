"""Questions about a vault that do not need it open: does it exist, is this its passphrase."""

from __future__ import annotations

from pathlib import Path

from clearheart.store import keyfile
from clearheart.store.vault import VaultPaths


def vault_exists(home: Path) -> bool:
    return VaultPaths(home).exists()


def check_passphrase(home: Path, passphrase: str) -> None:
    """Raise WrongPassphrase unless `passphrase` unwraps the vault's key; opens nothing.

    The web app uses this when the vault is already open and another browser
    asks to come in: it must prove the passphrase without a second engine.
    """
    key = keyfile.read(VaultPaths(home).keyfile).open(passphrase)
    del key
