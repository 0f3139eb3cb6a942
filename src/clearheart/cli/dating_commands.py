"""`clearheart dating ...`: the checklist, a notebook per new person, the commitments.

Suggestions and the commitments coach, so while the safety gate is closed they print a
short line on where help is instead (and are empty in JSON), and accepting a suggestion or
rewording a commitment is refused (services/dating.py). Every read takes --json.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.dating import (
    ANSWERS,
    MATCHES,
    SITUATIONS,
    Checklist,
    Commitments,
    Item,
    NoteDraft,
    Tag,
)
from clearheart.errors import InvalidInput
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


@click.group()
def dating() -> None:
    """Dating again: your checklist, a notebook per new person, your commitments."""


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
    for note in view.notes:
        click.echo(f"{note.draft.on.isoformat()} ({note.draft.situation}): {note.draft.text}")
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


# --- notes and commitments ------------------------------------------------------------


def _tags(
    seen: tuple[str, ...], worry: tuple[str, ...], not_yet: tuple[str, ...]
) -> dict[str, Tag]:
    tags: dict[str, Tag] = {}
    given: tuple[tuple[tuple[str, ...], Tag], ...] = (
        (seen, "seen"),
        (worry, "worry"),
        (not_yet, "not-yet"),
    )
    for ids, tag in given:
        for item_id in ids:
            if item_id in tags:
                raise InvalidInput("tags", f"{item_id[:60]!r} is tagged twice; choose one")
            tags[item_id] = tag
    return tags


@dating.command("note")
@click.argument("who")
@click.argument("text")
@click.option("--on", "on", help="The day, as YYYY-MM-DD (default: today).")
@click.option("--situation", type=click.Choice(SITUATIONS), default="date", show_default=True)
@click.option("--seen", multiple=True, metavar="ITEM", help="A checklist item you saw.")
@click.option("--worry", multiple=True, metavar="ITEM", help="A checklist item that worried you.")
@click.option("--not-yet", multiple=True, metavar="ITEM", help="An item not seen yet.")
@click.option("--answer", type=click.Choice(ANSWERS), help="How they met a need you named.")
@click.option("--words", type=click.Choice(MATCHES), help="Did their words and actions match?")
@click.option("--mood", type=int, help="Your own mood around them, 1 (low) to 5 (good).")
@click.option("--mood-word", default="", help="A word for that mood.")
def note(
    who: str,
    text: str,
    on: str | None,
    situation: str,
    seen: tuple[str, ...],
    worry: tuple[str, ...],
    not_yet: tuple[str, ...],
    answer: str | None,
    words: str | None,
    mood: int | None,
    mood_word: str,
) -> None:
    """Add a dated entry to someone's notebook."""
    tags = _tags(seen, worry, not_yet)
    workspace = open_workspace()
    try:
        try:
            day = date.fromisoformat(on) if on else workspace.clock.now().date()
        except ValueError:
            raise InvalidInput("--on", "write the day as YYYY-MM-DD") from None
        dating_ = workspace.dating
        draft = NoteDraft(day, text, situation, tags, answer, words, mood, mood_word)  # type: ignore[arg-type]
        dating_.add_note(dating_.find(who).id, draft)
    finally:
        workspace.close()
    click.echo("Saved in the notebook.")


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
