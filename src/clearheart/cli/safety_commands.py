"""`clearheart safety ...`: the gate (status, unsafe, safe, history), who can help, your plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from clearheart.cli.numbers import ID
from clearheart.cli.safety_present import (
    QUIET,
    country_json,
    gate_json,
    help_lines,
    plan_text,
    wrap,
)
from clearheart.cli.session import echo_json, open_workspace
from clearheart.errors import InvalidInput


@click.group()
def safety() -> None:
    """Whether suggestions may show, who can help, and your own plan."""


def _echo_gate(as_json: bool, said: str | None = None) -> None:
    workspace = open_workspace()
    try:
        gate = workspace.safety.gate()
        if said == "unsafe":
            gate = workspace.safety.unsafe()
        elif said == "safe":
            gate = workspace.safety.safe()
        country, directory = workspace.help.country(), workspace.help.directory()
    finally:
        workspace.close()
    if as_json:
        echo_json(gate_json(gate))
        return
    if said == "safe":
        click.echo(wrap("Noted: suggestions can show again. `clearheart safety help` is here "
                        "whenever you need it."))
        return
    if gate.coaching:
        click.echo(wrap("Suggestions are on. If you ever do not feel safe, "
                        "`clearheart safety unsafe` rests them, and `clearheart safety help` "
                        "shows who can help."))
        return
    if said == "unsafe":
        click.echo(wrap("Noted. Your safety comes first."))
    since = f" since {gate.since:%a %d %b %Y, %H:%M}" if gate.since else ""
    click.echo(wrap(f"Suggestions are resting{since}.") + "\n")
    for line in help_lines(country, directory, ("abuse", "crisis")):
        click.echo(line)
    click.echo("\n" + wrap(QUIET))


@safety.command("status")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"coaching": bool, "since", "reasons": [...]}.')
def status(as_json: bool) -> None:
    """Whether suggestions (coaching) may show, since when they rest, and why."""
    _echo_gate(as_json)


@safety.command("unsafe")
@click.option("--json", "as_json", is_flag=True)
def unsafe(as_json: bool) -> None:
    """You don't feel safe: rest suggestions about your partner, and show who can help."""
    _echo_gate(as_json, "unsafe")


@safety.command("safe")
@click.option("--json", "as_json", is_flag=True)
def safe(as_json: bool) -> None:
    """You feel safe now: suggestions may show again."""
    _echo_gate(as_json, "safe")


@safety.command("history")
@click.option("--json", "as_json", is_flag=True)
def history(as_json: bool) -> None:
    """Every change: what rested suggestions and when, and when you said you were safe."""
    workspace = open_workspace()
    try:
        events = workspace.safety.history()
    finally:
        workspace.close()
    if as_json:
        echo_json([{"at": e.at.isoformat(), "unsafe": e.unsafe, "source": e.source.value,
                    "signs": list(e.signs)} for e in events])
        return
    if not events:
        click.echo("Nothing yet.")
    for e in events:
        what = "resting" if e.unsafe else "you said you were safe"
        signs = f" ({', '.join(e.signs)})" if e.signs else ""
        click.echo(f"{e.at:%a %d %b %Y, %H:%M}  {what}: {e.source.value}{signs}")


@safety.command("help")
@click.option("--json", "as_json", is_flag=True)
def help_(as_json: bool) -> None:
    """Who can help in your country, and your own people from your plan."""
    workspace = open_workspace()
    try:
        country, directory = workspace.help.country(), workspace.help.directory()
        people = workspace.help.plan().people
    finally:
        workspace.close()
    if as_json:
        echo_json({
            "country": country_json(country) if country else None,
            "emergency": {c.code: c.emergency for c in directory.countries if c.emergency},
            "people": [{"name": p.name, "how": p.how, "note": p.note} for p in people],
        })
        return
    for line in help_lines(country, directory, ("abuse", "crisis")):
        click.echo(line)
    if people:
        click.echo("\nYour own people:")
        for p in people:
            click.echo(f"  • {p.name}{': ' + p.how if p.how else ''}")
    click.echo("\n" + wrap("If you look for help online, a device the other person cannot "
                           "check (a friend's phone, a library computer) is safer."))


@safety.command("country")
@click.argument("code", required=False)
@click.option("--json", "as_json", is_flag=True)
def country(code: str | None, as_json: bool) -> None:
    """Show your country, or choose it by its code (GB, US, …; "" forgets it)."""
    workspace = open_workspace()
    try:
        chosen = workspace.help.country() if code is None else workspace.help.choose_country(code)
        codes = workspace.help.directory().codes
    finally:
        workspace.close()
    if as_json:
        echo_json(country_json(chosen) if chosen else None)
    elif chosen is None:
        click.echo(f"No country chosen. Choose one of: {', '.join(codes)}.")
    else:
        click.echo(f"{chosen.name} ({chosen.code}).")


@safety.group("plan")
def plan() -> None:
    """Your safety plan: show it, load it from JSON, add someone from your people, or clear it."""


@plan.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON (what `load` reads).")
def plan_show(as_json: bool) -> None:
    """Print your plan (plain text, with no name of this app in it)."""
    workspace = open_workspace()
    try:
        kept, chosen = workspace.help.plan(), workspace.help.country()
    finally:
        workspace.close()
    if as_json:
        echo_json(kept.to_json())
    elif kept.empty:
        click.echo(wrap("Nothing written yet. Every part is optional; write it in the app, or "
                        "edit the JSON from `clearheart safety plan show --json` and load it "
                        "with `clearheart safety plan load FILE`."))
    else:
        click.echo("\n".join(plan_text(kept, chosen)))


@plan.command("load")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
def plan_load(source: str) -> None:
    """Replace your plan with SOURCE (JSON as `show --json` prints; - for standard input).
    Nothing changes if any part needs fixing."""
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput("plan", f"not valid JSON ({exc.msg}, line {exc.lineno})") from None
    workspace = open_workspace()
    try:
        workspace.help.save_plan(data)
    finally:
        workspace.close()
    click.echo("Saved.")


@plan.command("add")
@click.argument("supporter_id", type=ID, metavar="ID")
def plan_add(supporter_id: int) -> None:
    """Copy someone from your people (`clearheart support list`) into the plan's people:
    their name and how to reach them, so the plan stays whole on paper."""
    workspace = open_workspace()
    try:
        workspace.support.add_to_plan(supporter_id)
        name = workspace.support.get(supporter_id).name
    finally:
        workspace.close()
    click.echo(f"Added {name} to the people on your plan.")


@plan.command("clear")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def plan_clear(yes: bool) -> None:
    """Delete your plan for good."""
    if not yes and not click.confirm("Delete your plan for good?"):
        click.echo("Kept it.")
        return
    workspace = open_workspace()
    try:
        workspace.help.clear_plan()
    finally:
        workspace.close()
    click.echo("Your plan is deleted.")
