"""Reading the passphrase and opening the vault for a command."""

from __future__ import annotations

import sys

import click

from clearheart.config import Settings
from clearheart.errors import ClearheartError, PassphraseRejected
from clearheart.services.workspace import Workspace


def settings() -> Settings:
    return Settings.from_env()


def ask_passphrase(label: str = "Passphrase", *, confirm: bool = False,
                   env: str | None = None) -> str:
    """From the environment when set (scripts, tests), else a hidden prompt."""
    if env:
        return env
    if not sys.stdin.isatty():
        raise PassphraseRejected(
            "No passphrase: set CLEARHEART_PASSPHRASE or run this in a terminal."
        )
    value: str = click.prompt(label, hide_input=True,
                              confirmation_prompt="Once more, to be sure" if confirm else False)
    return value


def open_workspace(config: Settings | None = None) -> Workspace:
    config = config or settings()
    from clearheart.store.vault import VaultPaths

    if not VaultPaths(config.home).exists():
        from clearheart.errors import VaultMissing

        raise VaultMissing(config.home)
    return Workspace.unlock(config.home, ask_passphrase(env=config.passphrase))


def open_workspace_if_any(config: Settings | None = None) -> Workspace | None:
    """The vault, when one exists at home (it may ask for the passphrase); else None, for
    commands such as `check` that also work without one."""
    config = config or settings()
    from clearheart.store.vault import VaultPaths

    if not VaultPaths(config.home).exists():
        return None
    return Workspace.unlock(config.home, ask_passphrase(env=config.passphrase))


def gate_if_any() -> tuple[bool, Workspace | None]:
    """Whether coaching may show, and the open vault, for a command that also works
    without one (None then, and coaching shows: there is no record of danger to heed).
    The caller closes the vault."""
    workspace = open_workspace_if_any()
    if workspace is None:
        return True, None
    try:
        return workspace.safety.coaching(), workspace
    except BaseException:
        workspace.close()
        raise


def echo_json(value: object) -> None:
    import json

    click.echo(json.dumps(value, ensure_ascii=False))


__all__ = [
    "ClearheartError", "ask_passphrase", "echo_json", "gate_if_any", "open_workspace",
    "open_workspace_if_any", "settings",
]
