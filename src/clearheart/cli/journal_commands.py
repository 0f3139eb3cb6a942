"""`clearheart journal ...` and `clearheart prompts`."""

from __future__ import annotations

import sys

import click

from clearheart.cli.editor import edit_privately
from clearheart.cli.numbers import ANY_COUNT, ID, whole
from clearheart.cli.present import entry_json, entry_text
from clearheart.cli.safety_present import AfterWriting
from clearheart.cli.session import echo_json, open_workspace, settings
from clearheart.errors import InvalidInput


@click.group()
def journal() -> None:
    """Write, list, search, edit and delete journal entries."""


ARGUMENT_WARNING = (
    "clearheart: text typed after the command shows in the process list and stays in your "
    "shell history. Next time you could pipe it in (`journal add -`) or leave TEXT out to "
    "write in your editor."
)


def _read_text(text: str | None) -> str:
    """The entry: from stdin for `-` or piped input, the editor in a terminal, else TEXT.

    TEXT on the command line still works, with a warning: other users can read it
    in `ps`, and the shell keeps it in its history.
    """
    if text == "-":
        return sys.stdin.read()
    if text is not None:
        click.echo(ARGUMENT_WARNING, err=True)
        return text
    if sys.stdin.isatty():
        hint = "\n# Write what is on your mind. Lines starting with # are left out.\n"
        written = edit_privately(settings().home, hint)
        return "\n".join(
            line for line in (written or "").splitlines() if not line.startswith("#")
        )
    return sys.stdin.read()


@journal.command("add")
@click.argument("text", required=False)
@click.option("--prompt", "prompt_id", metavar="ID", help="The prompt this entry answers.")
@click.option("--mood", type=whole(1, 5), metavar="1-5",
              help="How you feel, 1 (very low) to 5 (very good).")
@click.option("--emotion", "emotions", multiple=True, metavar="WORD",
              help="A word for how you feel (repeatable).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="A tag (repeatable).")
@click.option("--json", "as_json", is_flag=True, help='Print {"id": ..., "created": ...}.')
def add(text: str | None, prompt_id: str | None, mood: int | None, emotions: tuple[str, ...],
        tags: tuple[str, ...], as_json: bool) -> None:
    """Add an entry from standard input (`-`, or no TEXT when piped) or, in a terminal,
    written in your editor.

    TEXT on the command line also works, but it shows in the process list and
    stays in your shell history, so a warning is printed.
    """
    body = _read_text(text)
    workspace = open_workspace()
    try:
        entry = workspace.journal.add(body, prompt_id=prompt_id, mood=mood, emotions=emotions,
                                      tags=tags)
        found = AfterWriting.read(workspace, body)
    finally:
        workspace.close()
    if as_json:
        echo_json({"id": entry.id, "created": entry.created.isoformat(timespec="seconds"),
                   "crisis": found.kinds})
        return
    found.echo()
    click.echo(f"Saved entry #{entry.id}.")


@journal.command("list")
@click.option("--limit", type=ANY_COUNT, help="Only the most recent N entries.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of entries.")
def list_(limit: int | None, as_json: bool) -> None:
    """List entries, oldest first."""
    workspace = open_workspace()
    try:
        entries = workspace.journal.all()
    finally:
        workspace.close()
    if limit is not None:
        entries = entries[-limit:]
    if as_json:
        echo_json([entry_json(e) for e in entries])
    elif not entries:
        click.echo("No entries yet. `clearheart journal add` writes the first one.")
    else:
        click.echo("\n\n".join(entry_text(e) for e in entries))


@journal.command("search")
@click.argument("query")
@click.option("--limit", type=whole(1, 500), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, best match first.")
def search(query: str, limit: int, as_json: bool) -> None:
    """Find entries containing every word of QUERY (the last word may be partial)."""
    workspace = open_workspace()
    try:
        hits = workspace.journal.search(query, limit)
    finally:
        workspace.close()
    if as_json:
        echo_json([entry_json(h.entry) for h in hits])
    elif not hits:
        click.echo(f"Nothing found for {query!r}.")
    else:
        click.echo("\n\n".join(entry_text(h.entry) for h in hits))


@journal.command("edit")
@click.argument("entry_id", type=ID)
@click.argument("text", required=False)
@click.option("--mood", type=whole(1, 5), metavar="1-5", help="Replace how you felt.")
@click.option("--emotion", "emotions", multiple=True, metavar="WORD",
              help="Replace the feeling words (repeatable; needs a mood).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Replace the tags (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
def edit(entry_id: int, text: str | None, mood: int | None, emotions: tuple[str, ...],
         tags: tuple[str, ...], as_json: bool) -> None:
    """Change an entry. TEXT, or - for standard input; in a terminal, opens your editor.

    What you do not give stays as it was; the time it was written never changes.
    """
    workspace = open_workspace()
    try:
        entry = workspace.journal.get(entry_id)
        if text is None and sys.stdin.isatty():
            body = edit_privately(settings().home, entry.text)
            if body is None:
                raise click.exceptions.Abort()
        else:
            body = entry.text if text is None else _read_text(text)
        keep_mood = mood is None and not emotions and entry.mood is not None
        updated = workspace.journal.edit(
            entry_id, body, prompt_id=entry.prompt_id,
            mood=entry.mood.score if keep_mood and entry.mood else mood,
            emotions=entry.mood.words if keep_mood and entry.mood else emotions,
            tags=tags or entry.tags,
        )
    finally:
        workspace.close()
    if as_json:
        echo_json(entry_json(updated))
    else:
        click.echo(f"Entry #{updated.id} is updated.")


@journal.command("delete")
@click.argument("entry_id", type=ID)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete(entry_id: int, yes: bool) -> None:
    """Delete an entry for good (its text is overwritten on disk)."""
    if not yes and not click.confirm(f"Delete entry #{entry_id} for good?"):
        raise click.exceptions.Abort()
    workspace = open_workspace()
    try:
        workspace.journal.delete(entry_id)
    finally:
        workspace.close()
    click.echo(f"Entry #{entry_id} is deleted.")


@click.command()
@click.option("--theme", help="Only prompts of this theme.")
@click.option("--json", "as_json", is_flag=True)
def prompts(theme: str | None, as_json: bool) -> None:
    """List journaling prompts with their ids (use one with `journal add --prompt ID`).

    With a vault, while suggestions rest for your safety, prompts that coach are left out.
    """
    from clearheart.cli.session import open_workspace_if_any
    from clearheart.content.loader import load_prompts
    from clearheart.domain.prompts import offered

    themes = sorted({p.theme.value for p in load_prompts()})
    if theme is not None and theme not in themes:
        raise InvalidInput("--theme", f"unknown theme; choose one of {', '.join(themes)}")
    workspace = open_workspace_if_any()
    try:
        coaching = workspace is None or workspace.safety.coaching()
    finally:
        if workspace is not None:
            workspace.close()
    chosen = [p for p in offered(load_prompts(), coaching)
              if theme is None or p.theme.value == theme]
    if as_json:
        echo_json([{"id": p.id, "theme": p.theme.value, "concepts": list(p.concepts),
                    "text": p.text, "coaching": p.coaching} for p in chosen])
        return
    if not chosen:
        click.echo("None of these are offered while suggestions rest. The safety theme is "
                   "written for this time: `clearheart prompts --theme safety`.")
    for p in chosen:
        click.echo(f"{p.id}  [{p.theme.value}]\n    {p.text}")


@journal.command("nudges")
@click.option("--json", "as_json", is_flag=True)
def nudges(as_json: bool) -> None:
    """Questions to sit with, offered because of a few words in your recent entries.

    None is offered while suggestions rest for your safety. `journal set-aside` sets one
    aside for its entry.
    """
    workspace = open_workspace()
    try:
        offered = workspace.nudges.recent()
    finally:
        workspace.close()
    if as_json:
        echo_json([{"entry": o.entry.id, "kind": o.nudge.kind, "concept": o.nudge.concept,
                    "question": o.nudge.question, "hint": o.nudge.hint, "coaching": True}
                   for o in offered])
        return
    if not offered:
        click.echo("No questions waiting.")
    for o in offered:
        click.echo(f"#{o.entry.id} ({o.entry.created:%-d %b %Y})  [{o.nudge.kind}]\n"
                   f"    {o.nudge.question}\n    {o.nudge.hint}")


@journal.command("set-aside")
@click.argument("entry_id", type=ID)
@click.argument("kind")
def set_aside(entry_id: int, kind: str) -> None:
    """Set aside the question of KIND offered for entry ENTRY_ID; it is not offered again."""
    workspace = open_workspace()
    try:
        workspace.nudges.dismiss(entry_id, kind)
    finally:
        workspace.close()
    click.echo(f"Set aside for entry #{entry_id}.")
