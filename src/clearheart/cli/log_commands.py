"""`clearheart log ...`: note what happened, list it, see the kinds."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from clearheart.cli.numbers import ID, whole
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.behaviour import LogEntry, parse_when
from clearheart.errors import InvalidInput
from clearheart.services.behaviour import MAX_PAGE


@click.group()
def log() -> None:
    """Note what happened (a bid, a repair, what you did), list it, see the kinds."""


def _day(text: str | None, name: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(name, "write the date as year-month-day, like 2025-03-31") from None


def entry_json(entry: LogEntry) -> dict[str, Any]:
    """The JSON shape scripts rely on."""
    return {
        "id": entry.id,
        "at": entry.at.isoformat(timespec="seconds"),
        "kind": entry.kind,
        "label": entry.label,
        "note": entry.note,
        "cycle_map": entry.cycle_map_id,
        "cycle_step": entry.cycle_step,
        "created": entry.created_at.isoformat(timespec="seconds"),
    }


def entry_line(entry: LogEntry) -> str:
    head = f"#{entry.id}  {entry.at:%a %d %b %Y, %H:%M}  {entry.label}"
    if entry.cycle_step:
        head += f"  [step {entry.cycle_step}]"
    return head + (f"\n    {entry.note}" if entry.note else "")


@log.command("add")
@click.argument("kind")
@click.option("--note", metavar="TEXT", help="A few words about what happened.")
@click.option(
    "--at",
    "at_text",
    metavar="DATETIME",
    help="When it happened: HH:MM today, or 2025-03-04T21:30 (local time).",
)
@click.option("--step", metavar="STEP_ID", help="The step of your cycle map this belongs to.")
@click.option(
    "--map",
    "map_id",
    type=ID,
    metavar="ID",
    help="The cycle map of --step (default: the newest map with that step).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
def add(
    kind: str,
    note: str | None,
    at_text: str | None,
    step: str | None,
    map_id: int | None,
    as_json: bool,
) -> None:
    """Log what happened just now (or --at). KIND is from `clearheart log kinds`."""
    workspace = open_workspace()
    try:
        at = parse_when(at_text, workspace.clock.now(), "--at")
        entry = workspace.log.add(kind, note=note, at=at, step=step, map_id=map_id)
    finally:
        workspace.close()
    if as_json:
        echo_json(entry_json(entry))
    else:
        click.echo(f"Logged #{entry.id}: {entry.label}, {entry.at:%a %d %b, %H:%M}.")


@log.command("list")
@click.option("--since", metavar="DATE", help="From this day (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Through this day (YYYY-MM-DD).")
@click.option("--kind", metavar="KIND", help="Only this kind.")
@click.option("--limit", type=whole(1, MAX_PAGE), default=100, show_default=True,
              help="At most N entries.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, newest first.")
def list_(
    since: str | None, until: str | None, kind: str | None, limit: int, as_json: bool
) -> None:
    """List log entries, newest first."""
    workspace = open_workspace()
    try:
        page = workspace.log.list(
            since=_day(since, "--since"), until=_day(until, "--until"), kind=kind, limit=limit
        )
    finally:
        workspace.close()
    if as_json:
        echo_json([entry_json(e) for e in page.entries])
    elif not page.entries:
        click.echo("Nothing logged here yet. `clearheart log add KIND` notes the first.")
    else:
        click.echo("\n".join(entry_line(e) for e in page.entries))
        if page.has_more:
            click.echo(f"… and {page.total - len(page.entries):,} older (use --limit).")


@log.command("kinds")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of kinds.")
def kinds(as_json: bool) -> None:
    """The kinds of entry, by group, with their ids."""
    from clearheart.domain.behaviour import GROUPS, kinds_in

    if as_json:
        echo_json(
            [
                {"id": k.id, "label": k.label, "description": k.description, "group": g.id}
                for g in GROUPS
                for k in kinds_in(g.id)
            ]
        )
        return
    for g in GROUPS:
        click.echo(f"{g.title}")
        for k in kinds_in(g.id):
            click.echo(f"  {k.id:<24}{k.label}")


@log.command("delete")
@click.argument("entry_id", type=ID)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete(entry_id: int, yes: bool) -> None:
    """Delete a log entry for good."""
    if not yes and not click.confirm(f"Delete log entry #{entry_id} for good?"):
        raise click.exceptions.Abort()
    workspace = open_workspace()
    try:
        workspace.log.delete(entry_id)
    finally:
        workspace.close()
    click.echo(f"Log entry #{entry_id} is deleted.")


@log.command("summary")
@click.option("--json", "as_json", is_flag=True, help="Print the weeks and figures as JSON.")
def summary(as_json: bool) -> None:
    """Week by week: bids met by turning toward, repairs, pulling back, what you did."""
    workspace = open_workspace()
    try:
        found = workspace.log.weekly()
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                "figures": [
                    {"id": f.id, "label": f.label, "value": f.value, "sentence": f.sentence}
                    for f in found.figures
                ],
                "weeks": [
                    {
                        "week": w.start.isoformat(),
                        "entries": w.entries,
                        "bids": w.answered,
                        "toward": w.toward,
                        "ratio": w.ratio,
                        "repairs": w.repairs,
                        "repairs_accepted": w.repairs_accepted,
                        "withdrawals": w.withdrawals,
                        "did": w.did,
                    }
                    for w in found.weeks
                ],
            }
        )
        return
    for f in found.figures:
        click.echo(f"{f.label}: {f.value}\n    {f.sentence}")
