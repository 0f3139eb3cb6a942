"""`clearheart report`: the clarity report as a PDF or one HTML file (web/clarity)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import cast

import click

from clearheart.cli.numbers import ID
from clearheart.cli.session import open_workspace
from clearheart.web.clarity.model import FORMATS, PAPERS, Format, Options, Paper


@click.command()
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (default: notes-YYYY-MM-DD.pdf here). "
    "It is written whole or not at all.",
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Only what you recorded from this day on (YYYY-MM-DD).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="pdf",
    show_default=True,
    help="A PDF, or one self-contained HTML file.",
)
@click.option(
    "--chat",
    "chat_id",
    type=ID,
    help="The chat whose patterns to show (default: your longest chat).",
)
@click.option(
    "--paper",
    type=click.Choice(PAPERS),
    default="a4",
    show_default=True,
    help="The PDF's paper size.",
)
def report(
    out: Path | None, since: datetime | None, fmt: str, chat_id: int | None, paper: str
) -> None:
    """A few pages of what you recorded, to keep or to bring to a therapist or coach.

    Patterns in a chat, your log, your needs, questionnaires, your cycle map and where you
    are in weighing things up, each figure with what it rests on. No verdicts and no
    forecasts. The file names nothing about what it is for.
    """
    from clearheart.web.clarity.report import check_writable, file_name, write_report

    workspace = open_workspace()
    try:
        today = workspace.clock.now().date()
        # click.Choice has checked both against the same lists.
        options = Options(
            since.date() if since else None, chat_id, cast(Format, fmt), cast(Paper, paper)
        )
        target = out or Path(file_name(today, options.fmt))
        check_writable(target)
        made = write_report(workspace, target, options, today)
    finally:
        workspace.close()
    parts = len(made.sections)
    click.echo(f"Wrote {target} ({parts} part{'s' if parts != 1 else ''}, {made.period}).")
