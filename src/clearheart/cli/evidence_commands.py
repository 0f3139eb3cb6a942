"""`clearheart evidence`: what your own records show for each question of the decision."""

from __future__ import annotations

from datetime import datetime

import click

from clearheart.cli.pattern_commands import jsonable
from clearheart.cli.session import echo_json, open_workspace


@click.command()
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="From this day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of every item.")
def evidence(since: datetime | None, as_json: bool) -> None:
    """What the log, chats, questionnaires and mood check-ins show, by question.

    Every item says how much it rests on, over which dates, and where it came from.
    Nothing here weighs it up for you or says what to do.
    """
    workspace = open_workspace()
    try:
        digest = workspace.evidence.digest(since.date() if since else None)
    finally:
        workspace.close()
    if as_json:
        echo_json(jsonable(digest.items))
        return
    for section in digest.sections:
        click.echo(f"\n{section.question.title}")
        if not section.items:
            click.echo("  Nothing here yet.")
            for line in section.adds:
                click.echo(f"  {line}")
        for item in section.items:
            period = f"{item.since:%-d %b %Y} to {item.until:%-d %b %Y}"
            click.echo(f"  {item.title} ({item.n:,} {item.unit}, {period})")
            click.echo(f"    {item.text}")
            if item.months:
                months = "; ".join(f"{p.start:%b %Y} {p.shown}" for p in item.months)
                click.echo(f"    By month: {months}")
