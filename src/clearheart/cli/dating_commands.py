"""`clearheart dating ...`: the checklist, a notebook per new person, the commitments.

Suggestions and the commitments coach, so while the safety gate is closed they print a
short line on where help is instead (and are empty in JSON), and accepting a suggestion or
rewording a commitment is refused (services/dating.py). Every read takes --json.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from clearheart.cli.dating_note_commands import note
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.dating import Checklist, Commitments, Item
from clearheart.services.dating import PersonView

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
RESTING = (
    "This rests while you may not be safe. `clearheart safety help` shows who can help right now."
)


def _item_json(item: Item) -> dict[str, str]:
    return {"id": item.id, "text": item.text, "kind": item.kind, "source": item.source}


def _echo_checklist(checklist: Checklist, as_json: bool) -> None:
    if as_json:
        echo_json({"version": checklist.version, "items": [_item_json(i) for i in checklist.items]})
        return
    if not checklist.items:
        click.echo(
            "Your checklist is empty. `clearheart dating checklist suggest` offers ideas "
            "from your own history; `add` takes your own words."
        )
    for item in checklist.items:
        click.echo(f"{item.id}: {item.text}" + (f"  ({item.source})" if item.source else ""))


def _saved(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at else "at an unknown time"


@click.group()
def dating() -> None:
    """Dating again: your checklist, a notebook per new person, your commitments."""


dating.add_command(note)


@dating.group(invoke_without_command=True)
@_JSON
@click.pass_context
def checklist(ctx: click.Context, as_json: bool) -> None:
    """Show your checklist (or change it with a subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    workspace = open_workspace()
    try:
        shown = workspace.dating.checklist()
    finally:
        workspace.close()
    _echo_checklist(shown, as_json)


@checklist.command("suggest")
@_JSON
def suggest(as_json: bool) -> None:
    """Items offered from your log, chats and values, and ideas worth looking for."""
    workspace = open_workspace()
    try:
        resting = workspace.dating.resting()
        offered = workspace.dating.suggestions()
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                "coaching": not resting,
                "suggestions": [_item_json(s.item) | {"concept": s.concept} for s in offered],
            }
        )
        return
    if resting:
        click.echo(RESTING)
    for found in offered:
        click.echo(f"{found.item.id}: {found.item.text}\n    ({found.item.source})")


def _changed(action: str, *args: str) -> None:
    workspace = open_workspace()
    try:
        getattr(workspace.dating, action)(*args)
    finally:
        workspace.close()
    click.echo("Saved. Earlier versions of your checklist are kept.")


@checklist.command("accept")
@click.argument("item_id")
@click.option("--text", help="Keep it in your own words instead.")
def accept_(item_id: str, text: str | None) -> None:
    """Put a suggestion on your checklist."""
    _changed("accept", item_id, *((text,) if text else ()))


@checklist.command("edit")
@click.argument("item_id")
@click.argument("text")
def edit_(item_id: str, text: str) -> None:
    """Reword an item."""
    _changed("edit", item_id, text)


@checklist.command("remove")
@click.argument("item_id")
def remove_(item_id: str) -> None:
    """Take an item off your checklist."""
    _changed("remove", item_id)


@checklist.command("add")
@click.argument("text")
def add_(text: str) -> None:
    """Add an item in your own words."""
    _changed("add", text)


@checklist.command("history")
@_JSON
def checklist_history(as_json: bool) -> None:
    """Every saved version of your checklist, newest first."""
    workspace = open_workspace()
    try:
        versions = workspace.dating.checklist_versions()
    finally:
        workspace.close()
    rows = [
        {
            "version": v.version,
            "saved_at": v.saved_at.isoformat() if v.saved_at else None,
            "items": [_item_json(i) for i in v.items],
        }
        for v in reversed(versions)
    ]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No versions yet: your checklist has not been saved.")
    for version in reversed(versions):
        click.echo(f"Version {version.version}, saved {_saved(version.saved_at)}:")
        for item in version.items:
            click.echo(f"  - {item.text}")
        if not version.items:
            click.echo("  (empty)")


# --- people ---------------------------------------------------------------------------


@dating.group()
def person() -> None:
    """The people you keep a notebook about."""


@person.command("add")
@click.argument("name")
def person_add(name: str) -> None:
    """Start a notebook about someone new (a first name or nickname is enough)."""
    workspace = open_workspace()
    try:
        added = workspace.dating.add_person(name)
    finally:
        workspace.close()
    click.echo(f"Started a notebook, number {added.id}.")


@person.command("list")
@_JSON
def person_list(as_json: bool) -> None:
    """Everyone with a notebook, and how many entries each has."""
    workspace = open_workspace()
    try:
        people, counts = workspace.dating.people(), workspace.dating.note_counts()
    finally:
        workspace.close()
    rows = [{"id": p.id, "name": p.name, "entries": counts.get(p.id, 0)} for p in people]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No notebooks yet. `clearheart dating person add NAME` starts one.")
    for row in rows:
        click.echo(f"{row['id']}: {row['name']} ({row['entries']} entries)")


def _view_json(view: PersonView, commitments: Commitments | None) -> dict[str, Any]:
    return {
        "id": view.person.id,
        "name": view.person.name,
        "basis": view.overview.basis,
        "early": view.overview.early,
        "items": [
            {
                "id": s.item.id,
                "text": s.item.text,
                "seen": s.seen,
                "worry": s.worry,
                "not_yet": s.not_yet,
                "sentence": s.sentence,
            }
            for s in view.overview.items
        ],
        "answers": view.overview.answers,
        "words_actions": view.overview.words_actions,
        "moods": view.overview.moods,
        "notes": [
            {
                "id": n.id,
                "on": n.draft.on.isoformat(),
                "situation": n.draft.situation,
                "text": n.draft.text,
                "tags": dict(n.draft.tags),
                "answer": n.draft.answer,
                "words_actions": n.draft.words_actions,
                "mood": n.draft.mood,
                "mood_word": n.draft.mood_word,
            }
            for n in view.notes
        ],
        "takes": [
            {
                "taken_at": r.taken_at.isoformat(),
                "scores": dict(r.scores),
                "changes": [c.sentence for c in changes],
            }
            for r, changes in view.takes
        ],
        "commitments": list(commitments.texts) if commitments else [],
    }


@person.command("show")
@click.argument("who")
@_JSON
def person_show(who: str, as_json: bool) -> None:
    """What you have noted about someone, per checklist item, and how much it rests on."""
    workspace = open_workspace()
    try:
        dating_ = workspace.dating
        view = dating_.view(dating_.find(who).id)
        commitments = dating_.commitments()
    finally:
        workspace.close()
    shown = _view_json(view, commitments)
    if as_json:
        echo_json(shown)
        return
    click.echo(f"{view.person.name}: {view.overview.basis}")
    for item in view.overview.items:
        click.echo(f"- {item.item.text}\n    {item.sentence}")
    for line in (view.overview.answers, view.overview.words_actions, view.overview.moods):
        if line:
            click.echo(line)
    for entry in view.notes:
        click.echo(
            f"entry {entry.id}, {entry.draft.on.isoformat()} ({entry.draft.situation}): "
            f"{entry.draft.text}"
        )
    click.echo(f"Questionnaire takes about them: {len(view.takes)}.")
    if commitments:
        click.echo("Your commitments: " + " / ".join(commitments.texts))


@person.command("rename")
@click.argument("who")
@click.argument("name")
def person_rename(who: str, name: str) -> None:
    """Rename a notebook (its questionnaire takes follow the new name)."""
    workspace = open_workspace()
    try:
        workspace.dating.rename(workspace.dating.find(who).id, name)
    finally:
        workspace.close()
    click.echo("Renamed.")


@person.command("delete")
@click.argument("who")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def person_delete(who: str, yes: bool) -> None:
    """Delete a notebook and every entry in it, for good."""
    if not yes:
        click.confirm("Delete this notebook and all its entries for good?", abort=True)
    workspace = open_workspace()
    try:
        workspace.dating.delete_person(workspace.dating.find(who).id)
    finally:
        workspace.close()
    click.echo(
        "Deleted. Questionnaire takes about them stay until you delete them "
        "(`clearheart assess delete`)."
    )


# --- commitments ----------------------------------------------------------------------


@dating.group(invoke_without_command=True)
@_JSON
@click.pass_context
def commitments(ctx: click.Context, as_json: bool) -> None:
    """Show your three commitments (or reword them with `edit`)."""
    if ctx.invoked_subcommand is not None:
        return
    workspace = open_workspace()
    try:
        shown = workspace.dating.commitments()
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                "coaching": shown is not None,
                "texts": list(shown.texts) if shown else [],
                "own": list(shown.own) if shown else [],
                "version": shown.version if shown else 0,
            }
        )
    elif shown is None:
        click.echo(RESTING)
    else:
        for n, text in enumerate(shown.texts, 1):
            click.echo(f"{n}. {text}")


@commitments.command("history")
@_JSON
def commitments_history(as_json: bool) -> None:
    """Every saved wording of your commitments, newest first."""
    workspace = open_workspace()
    try:
        resting = workspace.dating.resting()
        versions = workspace.dating.commitment_versions()
    finally:
        workspace.close()
    rows = [
        {
            "version": v.version,
            "saved_at": v.saved_at.isoformat() if v.saved_at else None,
            "texts": list(v.texts),
            "own": list(v.own),
        }
        for v in reversed(versions)
    ]
    if as_json:
        echo_json({"coaching": not resting, "versions": rows})
        return
    if resting:
        click.echo(RESTING)
    elif not rows:
        click.echo("No versions yet: the commitments are still in our first wording.")
    for version in reversed(versions):
        click.echo(f"Version {version.version}, saved {_saved(version.saved_at)}:")
        for n, text in enumerate(version.texts, 1):
            click.echo(f"  {n}. {text}")


@commitments.command("edit")
@click.argument("texts", nargs=3)
def commitments_edit(texts: tuple[str, str, str]) -> None:
    """Reword all three ("" keeps our wording for that one); earlier versions are kept."""
    workspace = open_workspace()
    try:
        workspace.dating.reword(list(texts))
    finally:
        workspace.close()
    click.echo("Saved. Earlier versions are kept.")
