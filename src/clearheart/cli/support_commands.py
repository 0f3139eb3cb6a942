"""`clearheart support ...`: the people and places that help, and times in touch.

The list shows whatever the safety gate says; only the nudge sentences (`due`) are
coaching, so they are empty ("nudge": "") while suggestions rest.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from clearheart.cli.numbers import ID
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.support import KINDS, Due, Kind, Supporter, every_words, read_day, read_every

KIND_CHOICE = click.Choice([k.value for k in Kind], case_sensitive=False)


@click.group()
def support() -> None:
    """The people and places that help: who, what for, and when you were last in touch."""


def supporter_json(s: Supporter, on_plan: frozenset[int]) -> dict[str, Any]:
    """The JSON shape scripts rely on."""
    return {
        "id": s.id,
        "name": s.name,
        "good_for": sorted(k.value for k in s.details.good_for),
        "words": s.details.words,
        "how": s.details.how,
        "every_days": s.details.every_days,
        "added": s.added.isoformat(timespec="seconds"),
        "last": s.last.isoformat() if s.last else None,
        "on_safety_plan": s.id in on_plan,
        "contacts": [{"id": c.id, "on": c.on.isoformat(), "note": c.note} for c in s.contacts],
    }


def _line(s: Supporter, today: date, on_plan: frozenset[int]) -> str:
    kinds = ", ".join(KINDS[k] for k in Kind if k in s.details.good_for)
    parts = [f"#{s.id}  {s.name}"]
    if kinds:
        parts.append(f"good for {kinds}")
    if s.last:
        ago = (today - s.last).days
        parts.append(
            f"last in touch {s.last:%d %b %Y} ({ago} days ago)" if ago else "last in touch today"
        )
    else:
        parts.append("no time in touch noted yet")
    if s.details.every_days:
        parts.append(f"you'd like {every_words(s.details.every_days)}")
    if s.id in on_plan:
        parts.append("also on your safety plan")
    return "  ·  ".join(parts)


def _every(text: str | None) -> int | None:
    return read_every(text) if text is not None else None


@support.command("add")
@click.argument("name")
@click.option(
    "--for",
    "good_for",
    multiple=True,
    type=KIND_CHOICE,
    help="What they are good for (repeat): talk, company, practical, fun, advice.",
)
@click.option("--words", default="", help="What they are good for, in your own words.")
@click.option("--how", default="", help="How to reach them.")
@click.option(
    "--every",
    default=None,
    metavar="DAYS",
    help="How often you'd like to be in touch: 10d, 3w. Without it, no nudges.",
)
@click.option("--json", "as_json", is_flag=True)
def add(
    name: str, good_for: tuple[str, ...], words: str, how: str, every: str | None, as_json: bool
) -> None:
    """Add someone (or somewhere) who helps."""
    workspace = open_workspace()
    try:
        added = workspace.support.add(name, good_for, words, how, _every(every))
        plan = workspace.support.on_plan()
    finally:
        workspace.close()
    if as_json:
        echo_json(supporter_json(added, plan))
    else:
        click.echo(f"Added {added.name} (#{added.id}).")


@support.command("list")
@click.option("--json", "as_json", is_flag=True)
def list_(as_json: bool) -> None:
    """Everyone, with when you were last in touch, and a count of the last 30 days."""
    workspace = open_workspace()
    try:
        people, summary = workspace.support.supporters(), workspace.support.summary()
        plan, today = workspace.support.on_plan(), workspace.support.today()
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                "people": [supporter_json(s, plan) for s in people],
                "summary": {
                    "people": summary.people,
                    "reached": summary.reached,
                    "times": summary.times,
                    "since": summary.since.isoformat(),
                    "until": summary.until.isoformat(),
                },
            }
        )
        return
    if not people:
        click.echo(
            "No one is on your list yet. A friend, a sibling, a group, a helpline: "
            "add one with `clearheart support add NAME`."
        )
        return
    click.echo(
        f"{summary.people} people and places. In the last 30 days "
        f"({summary.since:%d %b} to {summary.until:%d %b}), you were in touch with "
        f"{summary.reached} of them, {summary.times} times."
    )
    for s in people:
        click.echo(_line(s, today, plan))


@support.command("show")
@click.argument("supporter_id", type=ID, metavar="ID")
@click.option("--json", "as_json", is_flag=True)
def show(supporter_id: int, as_json: bool) -> None:
    """One person or place, with every time in touch."""
    workspace = open_workspace()
    try:
        s, plan = workspace.support.get(supporter_id), workspace.support.on_plan()
        today = workspace.support.today()
    finally:
        workspace.close()
    if as_json:
        echo_json(supporter_json(s, plan))
        return
    click.echo(_line(s, today, plan))
    for text, label in ((s.details.words, "In your words"), (s.details.how, "How to reach")):
        if text:
            click.echo(f"    {label}: {text}")
    for c in s.contacts:
        click.echo(f"    {c.on:%a %d %b %Y}" + (f"  {c.note}" if c.note else ""))


@support.command("edit")
@click.argument("supporter_id", type=ID, metavar="ID")
@click.option("--name", default=None)
@click.option(
    "--for",
    "good_for",
    multiple=True,
    type=KIND_CHOICE,
    help="Replaces what they are good for (repeat).",
)
@click.option("--words", default=None)
@click.option("--how", default=None)
@click.option("--every", default=None, metavar="DAYS", help='10d, 3w, or "" for no nudges.')
def edit(
    supporter_id: int,
    name: str | None,
    good_for: tuple[str, ...],
    words: str | None,
    how: str | None,
    every: str | None,
) -> None:
    """Change what you said about someone; what you leave out stays as it is."""
    workspace = open_workspace()
    try:
        d = workspace.support.get(supporter_id).details
        changed = workspace.support.edit(
            supporter_id,
            d.name if name is None else name,
            good_for or [k.value for k in d.good_for],
            d.words if words is None else words,
            d.how if how is None else how,
            d.every_days if every is None else read_every(every),
        )
    finally:
        workspace.close()
    click.echo(f"Saved {changed.name} (#{changed.id}).")


@support.command("remove")
@click.argument("supporter_id", type=ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def remove(supporter_id: int, yes: bool) -> None:
    """Remove someone and the times in touch noted with them (your safety plan keeps its copy)."""
    workspace = open_workspace()
    try:
        name = workspace.support.get(supporter_id).name
        if not yes and not click.confirm(f"Remove {name} and the times noted with them?"):
            raise click.exceptions.Abort
        workspace.support.remove(supporter_id)
    finally:
        workspace.close()
    click.echo(f"Removed {name}.")


@support.command("reached")
@click.argument("supporter_id", type=ID, metavar="ID")
@click.option("--on", "on_day", default="", metavar="YYYY-MM-DD", help="Default: today.")
@click.option("--note", default="", help="One line, if you like.")
def reached(supporter_id: int, on_day: str, note: str) -> None:
    """Note a time you reached out or spent time with someone."""
    workspace = open_workspace()
    try:
        day = read_day(on_day, workspace.support.today())
        contact = workspace.support.reached(supporter_id, day, note)
        name = workspace.support.get(supporter_id).name
    finally:
        workspace.close()
    click.echo(f"Noted: {name}, {contact.on:%a %d %b %Y}.")


def _due_json(d: Due, nudged: set[int]) -> dict[str, Any]:
    return {
        "id": d.supporter.id,
        "name": d.supporter.name,
        "days": d.days,
        "every_days": d.supporter.details.every_days,
        "since_added": d.since_added,
        "nudge": d.sentence if d.supporter.id in nudged else "",
    }


@support.command("due")
@click.option("--json", "as_json", is_flag=True)
def due(as_json: bool) -> None:
    """Those past how often you said you'd like to be in touch."""
    workspace = open_workspace()
    try:
        found = workspace.support.due()
        nudged = {d.supporter.id for d in workspace.support.nudges()}
        coaching = workspace.safety.coaching()
    finally:
        workspace.close()
    if as_json:
        echo_json({"coaching": coaching, "due": [_due_json(d, nudged) for d in found]})
        return
    if not found:
        click.echo("No one is past the time you chose.")
        return
    for d in found:
        every = d.supporter.details.every_days or 0
        click.echo(
            f"#{d.supporter.id}  {d.supporter.name}: {d.days} days "
            f"(you'd like {every_words(every)})"
        )
        if d.supporter.id in nudged:
            click.echo(f"    {d.sentence}")
