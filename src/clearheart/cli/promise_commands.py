"""`clearheart promise …`: the promise and what happened, from the terminal.

Like the web page it rests while the safety gate is closed: `show` prints who can help
instead (its JSON has `resting: true` and no parts) and every write is refused.
"""

from __future__ import annotations

import sys

import click

from clearheart.cli.decide_present import echo_resting
from clearheart.cli.numbers import ID
from clearheart.cli.pattern_commands import jsonable
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.promise import STARTERS, Part, check_key
from clearheart.services.promise import PromiseView

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


@click.group()
def promise() -> None:
    """What you hoped for, beside what your own records show."""


def _view_json(view: PromiseView | None) -> dict[str, object]:
    if view is None:
        return {"resting": True, "versions": 0, "parts": []}
    return {
        "resting": False,
        "versions": view.versions,
        "parts": [
            {
                "key": b.part.key,
                "heading": b.part.heading,
                "text": b.part.text,
                "looks_at": list(b.part.looks_at),
                "items": jsonable(b.items),
                "pinned": [
                    {"id": i, "created": jsonable(view.entries[i].created)} for i in b.pinned
                ],
                "thin": b.thin,
            }
            for b in view.parts
        ],
    }


def _echo(view: PromiseView) -> None:
    written = [b for b in view.parts if b.part.text]
    if not written:
        click.echo("Nothing written yet. `clearheart promise edit us -` reads a part from stdin.")
    for b in written:
        click.echo(f"\n{b.part.heading}  [{b.part.key}]")
        click.echo(f"  What you hoped: {b.part.text}")
        click.echo("  What your records show:")
        for item in b.items:
            period = f"{item.since:%-d %b %Y} to {item.until:%-d %b %Y}"
            click.echo(f"    {item.title} ({item.n:,} {item.unit}, {period})")
            click.echo(f"      {item.text}")
        for entry_id in b.pinned:
            click.echo(f"    Journal entry #{entry_id}, {view.entries[entry_id].created:%-d %b %Y}")
        if not b.items and not b.pinned:
            click.echo("    Nothing recorded yet bears on this part.")
        elif b.thin:
            click.echo("    This rests on little so far.")
    click.echo(f"\n{view.versions} version(s) saved; earlier ones are kept.")


@promise.command("show")
@_JSON
def show(as_json: bool) -> None:
    """Each part you wrote, with what your log, chats and pinned entries show beside it."""
    workspace = open_workspace()
    try:
        resting = workspace.promise.resting()
        view = None if resting else workspace.promise.view()
        if resting and not as_json:
            echo_resting(workspace.help.country(), workspace.help.directory())
    finally:
        workspace.close()
    if as_json:
        echo_json(_view_json(view))
    elif view is not None:
        _echo(view)


@promise.command("edit")
@click.argument("part")
@click.argument("text")
@click.option("--heading", help="A heading of your own for this part.")
@click.option(
    "--looks-at",
    "looks_at",
    multiple=True,
    metavar="QUESTION",
    help="A decision question to set beside an own part (repeatable), e.g. needs_unmet.",
)
@_JSON
def edit(
    part: str, text: str, heading: str | None, looks_at: tuple[str, ...], as_json: bool
) -> None:
    """Write PART (us, hard-times, me, or own-1 …) as TEXT (`-` reads standard input); saves
    a new version and keeps the earlier ones. An own part left empty is removed."""
    words = sys.stdin.read() if text == "-" else text
    workspace = open_workspace()
    try:
        service = workspace.promise
        key = check_key(part)
        parts = list(service.parts())
        old = next((p for p in parts if p.key == key), None)
        starter = STARTERS.get(key)
        new = Part(
            key,
            heading or (old.heading if old else starter.heading if starter else ""),
            words,
            looks_at or (old.looks_at if old else starter.looks_at if starter else ()),
        )
        parts = [new if p.key == key else p for p in parts] if old else [*parts, new]
        version = service.save(parts)
    finally:
        workspace.close()
    if as_json:
        echo_json({"version": version.id, "saved": jsonable(version.saved_at)})
    else:
        click.echo(f"Saved as version {version.id}. Earlier versions are kept.")


@promise.command("pin")
@click.argument("part")
@click.argument("entry_id", type=ID)
def pin(part: str, entry_id: int) -> None:
    """Pin journal entry ENTRY_ID beside PART."""
    workspace = open_workspace()
    try:
        added = workspace.promise.pin(part, entry_id)
    finally:
        workspace.close()
    click.echo(
        f"Entry #{entry_id} is pinned beside {part}."
        if added
        else f"Entry #{entry_id} was already pinned beside {part}."
    )


@promise.command("unpin")
@click.argument("part")
@click.argument("entry_id", type=ID)
def unpin(part: str, entry_id: int) -> None:
    """Unpin journal entry ENTRY_ID from PART (the entry stays in your journal)."""
    workspace = open_workspace()
    try:
        workspace.promise.unpin(part, entry_id)
    finally:
        workspace.close()
    click.echo(f"Entry #{entry_id} is unpinned from {part}; it stays in your journal.")
