"""`clearheart export` and `clearheart restore`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clearheart.cli.session import ask_passphrase, echo_json, open_workspace, settings
from clearheart.errors import WrongPassphrase

PLAIN_WARNING = (
    "A plain export is readable by anyone who gets the file: every entry, in clear text. "
    "Keep it somewhere private and delete it when you are done."
)


@click.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The archive file to write.")
@click.option("--plain", is_flag=True, help="Write readable, unencrypted JSON (asks first).")
@click.option("--yes", is_flag=True, help="With --plain: skip the question (for scripts).")
def export(out: Path, plain: bool, yes: bool) -> None:
    """Write everything to one archive, encrypted with your passphrase."""
    from clearheart.services import archive

    if plain:
        click.echo(PLAIN_WARNING, err=True)
        if not yes and not click.confirm("Write the plain file?", err=True):
            raise click.exceptions.Abort()
    config = settings()
    passphrase = ask_passphrase(env=config.passphrase)
    from clearheart.services.workspace import Workspace

    workspace = Workspace.unlock(config.home, passphrase)
    try:
        rows = archive.export(workspace.vault.engine, out, None if plain else passphrase,
                              workspace.clock.now())
    finally:
        workspace.close()
    kind = "plain JSON" if plain else "an encrypted archive (same passphrase as your vault)"
    click.echo(f"Wrote {rows} records to {out} as {kind}.")


@click.command()
@click.argument("archive_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def restore(archive_file: Path) -> None:
    """Load an archive into an empty vault (a new one is created if none exists)."""
    from clearheart.services import archive
    from clearheart.services.workspace import Workspace
    from clearheart.store.vault import VaultPaths

    config = settings()
    fresh = not VaultPaths(config.home).exists()
    passphrase = ask_passphrase("Passphrase" if not fresh else "Choose a passphrase for the vault",
                                confirm=fresh, env=config.passphrase)
    try:
        opened = archive.open_archive(archive_file, passphrase)
    except WrongPassphrase:
        if not sys.stdin.isatty():
            raise
        # The archive may come from a vault with another passphrase.
        opened = archive.open_archive(archive_file, ask_passphrase("Passphrase of the archive"))
    try:
        workspace = Workspace.create(config.home, passphrase) if fresh else open_workspace(config)
        try:
            rows = archive.restore(workspace.vault.engine, opened, config.home)
        finally:
            workspace.close()
    finally:
        opened.close()
    click.echo(f"Restored {rows} records from {archive_file}.")


@click.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The archive file to write.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the report as JSON: saved and lost rows by table.")
def salvage(out: Path, as_json: bool) -> None:
    """Save every row a damaged vault can still read to an encrypted archive.

    The vault's own files are only read, never changed. The archive restores
    with `clearheart restore` into a new vault; the report says, table by
    table, how many rows were saved and how many were lost.
    """
    from clearheart.services.clock import SystemClock
    from clearheart.services.salvage import salvage as save_readable

    config = settings()
    report = save_readable(config.home, ask_passphrase(env=config.passphrase), out,
                           SystemClock().now())
    if as_json:
        echo_json({"out": str(out), "integrity": report.integrity,
                   "tables": {t.table: {"saved": t.saved, "lost": t.lost}
                              for t in report.tables}})
        return
    click.echo(f"Saved {report.saved} rows to {out}, encrypted with your passphrase.")
    for t in report.tables:
        if t.saved or t.lost != 0:
            lost = "an unknown number" if t.lost is None else str(t.lost)
            click.echo(f"  {t.table}: {t.saved} saved, {lost} lost")
    if report.complete:
        click.echo("Nothing was lost.")
    click.echo("You could restore it into a new vault: set CLEARHEART_HOME to a new folder "
               f"and run `clearheart restore {out}`.")
