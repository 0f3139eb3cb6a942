"""`clearheart init` and `clearheart passphrase`."""

from __future__ import annotations

import click

from clearheart.cli.session import ask_passphrase, settings
from clearheart.errors import VaultExists, VaultMissing
from clearheart.store.vault import Vault, VaultPaths


@click.command()
def init() -> None:
    """Create a new encrypted vault in CLEARHEART_HOME."""
    config = settings()
    if VaultPaths(config.home).exists():
        raise VaultExists(config.home)
    passphrase = ask_passphrase("Choose a passphrase", confirm=True, env=config.passphrase)
    from clearheart.services.workspace import Workspace

    Workspace.create(config.home, passphrase).close()
    click.echo(f"Your vault is ready in {config.home}.")
    click.echo("Keep your passphrase somewhere safe: without it, nobody can open the vault, "
               "not even us.")


@click.command()
def passphrase() -> None:
    """Change the passphrase. Only the key file changes; your entries stay as they are."""
    config = settings()
    if not VaultPaths(config.home).exists():
        raise VaultMissing(config.home)
    current = ask_passphrase("Current passphrase", env=config.passphrase)
    vault = Vault.unlock(config.home, current)
    try:
        new = ask_passphrase("New passphrase", confirm=True, env=config.new_passphrase)
        vault.change_passphrase(new)
    finally:
        vault.close()
    click.echo("Passphrase changed. Use the new one from now on.")
