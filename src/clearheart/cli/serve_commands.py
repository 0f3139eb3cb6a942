"""`clearheart serve` and `clearheart demo`: the web app on this computer only."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from clearheart.cli.numbers import whole
from clearheart.cli.session import settings

if TYPE_CHECKING:
    from clearheart.demo import StoryName
    from clearheart.web.state import AppState

F = TypeVar("F", bound=Callable[..., Any])

DEMO_PASSPHRASE = "demo passphrase"  # noqa: S105 (a demo vault, not a secret)
"""Throwaway vault, made-up story: the passphrase is shown on its unlock page."""
DEMO_STORIES: dict[str, str] = {"calm": "six-month", "unsafe": "eight-week"}
"""clearheart.demo.STORIES and how long each runs, named here so `--help` need not load them."""


def _port_options(command: F) -> F:
    command = click.option("--no-open", is_flag=True,
                           help="Print the address but do not open a browser.")(command)
    return click.option("--port", type=whole(0, 65535), metavar="N",
                        help="Port on 127.0.0.1 (default 8765, or CLEARHEART_PORT; "
                             "0 picks a free one).")(command)


def _run(state: AppState, port: int | None, no_open: bool) -> None:
    from clearheart.web.server import bind, serve

    config = settings()
    chosen = config.port if port is None else port
    try:
        sock = bind(chosen, fallback=port is None)
    except OSError:
        state.lock()
        raise click.ClickException(
            f"Port {chosen} is in use. Try --port 0 to pick a free one.") from None
    serve(state, sock, open_browser=not no_open)


def _idle_override() -> float | None:
    return settings().idle_minutes if os.environ.get("CLEARHEART_IDLE_MINUTES") else None


@click.command()
@_port_options
def serve(port: int | None, no_open: bool) -> None:
    """Open the app in your browser (this computer only).

    The first line printed is a one-time address that signs this browser in.
    With CLEARHEART_PASSPHRASE set the vault opens at once; otherwise the page
    asks for the passphrase (or, the first time, helps you create a vault).
    """
    from clearheart.services import access
    from clearheart.services.workspace import Workspace
    from clearheart.web.state import AppState

    config = settings()
    workspace = None
    if config.passphrase and access.vault_exists(config.home):
        workspace = Workspace.unlock(config.home, config.passphrase)
    state = AppState(home=config.home, workspace=workspace,
                     idle_minutes_override=_idle_override())
    _run(state, port, no_open)


@click.command()
@_port_options
@click.option("--story", type=click.Choice(list(DEMO_STORIES)), default="calm",
              show_default=True,
              help="calm: six months with a partner who often pulls back. unsafe: eight weeks "
                   "in which a partner checks her phone, takes over her money and frightens "
                   "her, so you can see safety mode.")
def demo(port: int | None, no_open: bool, story: StoryName) -> None:
    """Try Clearheart with a made-up story, in a throwaway vault.

    Everything is deleted when you stop it with Ctrl-C.
    """
    from clearheart.demo import build_demo
    from clearheart.web.state import AppState

    with tempfile.TemporaryDirectory(prefix="clearheart-demo-") as folder:
        home = Path(folder) / "vault"
        click.echo(f"Writing a made-up {DEMO_STORIES[story]} story into a throwaway vault…",
                   err=True)
        state = AppState(home=home, workspace=build_demo(home, DEMO_PASSPHRASE, story=story),
                         idle_minutes_override=_idle_override(),
                         demo_passphrase=DEMO_PASSPHRASE)
        _run(state, port, no_open)
