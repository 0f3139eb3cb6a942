"""`clearheart practices ...`: today, done, history, ics."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clearheart.cli.numbers import whole
from clearheart.cli.safety_present import AfterWriting
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.journal import Practice

_NAMES = {"morning": Practice.MORNING_INTENTION, "evening": Practice.EVENING_REFLECTION,
          "weekly": Practice.WEEKLY_APPRECIATION}


@click.group()
def practices() -> None:
    """The daily practices: a morning intention, an evening reflection, a weekly appreciation."""


@practices.command("today")
@click.option("--json", "as_json", is_flag=True)
def today(as_json: bool) -> None:
    """What is open today."""
    workspace = open_workspace()
    try:
        view = workspace.practices.today()
    finally:
        workspace.close()
    if as_json:
        echo_json([{"practice": i.due.practice.value, "state": i.due.state.value,
                    "entry": i.due.entry_id, "prompt": i.prompt.id} for i in view.items])
        return
    if view.welcome_back:
        click.echo("Welcome back. Today is a fine day to start again.\n")
    for item in view.items:
        state = {"done": "done", "open": "open now", "later": "later today"}[item.due.state.value]
        click.echo(f"{item.copy.title}: {state}\n    {item.prompt.text}")


@practices.command("done")
@click.argument("practice", type=click.Choice(list(_NAMES)))
@click.argument("text")
@click.option("--moment", type=click.Choice(["connection", "self-care"]),
              help="For the evening reflection: what kind of moment it was.")
@click.option("--json", "as_json", is_flag=True)
def done(practice: str, text: str, moment: str | None, as_json: bool) -> None:
    """Record a practice. TEXT, or - to read it from standard input."""
    body = sys.stdin.read() if text == "-" else text
    workspace = open_workspace()
    try:
        entry = workspace.practices.complete(_NAMES[practice], body, moment)
        found = AfterWriting.read(workspace, body)
    finally:
        workspace.close()
    if as_json:
        echo_json({"id": entry.id, "created": entry.created.isoformat(timespec="seconds"),
                   "crisis": found.kinds})
        return
    found.echo()
    click.echo(f"Saved as entry #{entry.id}.")


@practices.command("history")
@click.option("--days", type=whole(1, 3660), default=84, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def history(days: int, as_json: bool) -> None:
    """The days on which you did a practice."""
    workspace = open_workspace()
    try:
        records = workspace.practices.history(days)
    finally:
        workspace.close()
    if as_json:
        echo_json([{"day": r.day.isoformat(), "practices": sorted(p.value for p in r.practices)}
                   for r in records])
        return
    if not records:
        click.echo("Nothing here yet. Whenever you are ready is a good time.")
    for record in records:
        names = ", ".join(sorted(p.value.replace("_", " ") for p in record.practices))
        click.echo(f"{record.day:%a %d %b}: {names}")


@practices.command("ics")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the .ics file (default: standard output).")
def ics(out: Path | None) -> None:
    """Write the schedule as an iCalendar file for your own calendar app."""
    workspace = open_workspace()
    try:
        text = workspace.practices.calendar(workspace.vault_id())
    finally:
        workspace.close()
    if out is None:
        sys.stdout.write(text)
        return
    out.write_text(text, encoding="utf-8", newline="")
    click.echo(f"Wrote {out}. Import it into your calendar; reminders show only neutral words.")
