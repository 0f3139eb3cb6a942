"""`clearheart dating note add|edit|delete`: one entry in someone's notebook.

An entry is checked as on the web (services/dating.py): a wrong day, a tag for an item not
on the checklist or a mood out of range is named and nothing is stored. Editing keeps what
is left out; a tag on an item taken off the checklist since stays unless untagged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import click

from clearheart.cli.numbers import ID, Whole
from clearheart.cli.session import open_workspace
from clearheart.domain.dating import ANSWERS, MATCHES, SITUATIONS, NoteDraft, Tag
from clearheart.domain.dating.notebook import MOOD_RANGE
from clearheart.domain.whole_numbers import Bounds
from clearheart.errors import InvalidInput

MOOD = Whole(Bounds(*MOOD_RANGE))


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


_NOTE_OPTIONS = (
    click.option("--on", "on", help="The day, as YYYY-MM-DD."),
    click.option("--seen", multiple=True, metavar="ITEM", help="A checklist item you saw."),
    click.option(
        "--worry", multiple=True, metavar="ITEM", help="A checklist item that worried you."
    ),
    click.option("--not-yet", multiple=True, metavar="ITEM", help="An item not seen yet."),
    click.option("--answer", type=click.Choice(ANSWERS), help="How they met a need you named."),
    click.option("--words", type=click.Choice(MATCHES), help="Did their words and actions match?"),
    click.option("--mood", type=MOOD, help="Your own mood around them, 1 (low) to 5 (good)."),
)


def _note_options(command: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_NOTE_OPTIONS):
        command = option(command)
    return command


def _day(on: str | None, today: date) -> date:
    try:
        return date.fromisoformat(on) if on else today
    except ValueError:
        raise InvalidInput("--on", "write the day as YYYY-MM-DD") from None


@click.group()
def note() -> None:
    """Entries in someone's notebook: add, edit or delete one."""


@note.command("add")
@click.argument("who")
@click.argument("text")
@click.option("--situation", type=click.Choice(SITUATIONS), default="date", show_default=True)
@_note_options
@click.option("--mood-word", default="", help="A word for that mood.")
def note_add(
    who: str,
    text: str,
    situation: str,
    on: str | None,
    seen: tuple[str, ...],
    worry: tuple[str, ...],
    not_yet: tuple[str, ...],
    answer: str | None,
    words: str | None,
    mood: int | None,
    mood_word: str,
) -> None:
    """Add a dated entry to someone's notebook (the day defaults to today)."""
    tags = _tags(seen, worry, not_yet)
    workspace = open_workspace()
    try:
        day = _day(on, workspace.clock.now().date())
        dating_ = workspace.dating
        draft = NoteDraft(day, text, situation, tags, answer, words, mood, mood_word)  # type: ignore[arg-type]
        added = dating_.add_note(dating_.find(who).id, draft)
    finally:
        workspace.close()
    click.echo(f"Saved in the notebook, as entry {added.id}.")


CLEARABLE = ("answer", "words", "mood", "mood-word", "tags")


@note.command("edit")
@click.argument("note_id", type=ID)
@click.option("--text", help="New words for the entry.")
@click.option("--situation", type=click.Choice(SITUATIONS), help="The kind of situation.")
@_note_options
@click.option("--mood-word", help="A word for that mood.")
@click.option("--untag", multiple=True, metavar="ITEM", help="Take a checklist tag off.")
@click.option(
    "--clear",
    type=click.Choice(CLEARABLE),
    multiple=True,
    help="Empty a field (all tags, with `tags`).",
)
def note_edit(
    note_id: int,
    text: str | None,
    situation: str | None,
    on: str | None,
    seen: tuple[str, ...],
    worry: tuple[str, ...],
    not_yet: tuple[str, ...],
    answer: str | None,
    words: str | None,
    mood: int | None,
    mood_word: str | None,
    untag: tuple[str, ...],
    clear: tuple[str, ...],
) -> None:
    """Change one entry (its number is in `person show`); what you leave out stays."""
    given = _tags(seen, worry, not_yet)
    workspace = open_workspace()
    try:
        dating_ = workspace.dating
        old = dating_.note(note_id).draft
        tags = {} if "tags" in clear else dict(old.tags)
        for item_id in untag:
            if item_id not in tags:
                raise InvalidInput("--untag", f"{item_id[:60]!r} is not tagged on this entry")
            del tags[item_id]
        draft = NoteDraft(
            _day(on, old.on),
            old.text if text is None else text,
            situation or old.situation,  # type: ignore[arg-type]
            tags | given,
            None if "answer" in clear else answer or old.answer,  # type: ignore[arg-type]
            None if "words" in clear else words or old.words_actions,  # type: ignore[arg-type]
            None if "mood" in clear else old.mood if mood is None else mood,
            "" if "mood-word" in clear else old.mood_word if mood_word is None else mood_word,
        )
        dating_.edit_note(note_id, draft)
    finally:
        workspace.close()
    click.echo("Saved.")


@note.command("delete")
@click.argument("note_id", type=ID)
@click.option("--yes", is_flag=True, help="Do not ask first.")
def note_delete(note_id: int, yes: bool) -> None:
    """Delete one entry, for good."""
    workspace = open_workspace()
    try:
        workspace.dating.note(note_id)  # a wrong number is named before asking
        if not yes:
            click.confirm("Delete this entry for good?", abort=True)
        workspace.dating.delete_note(note_id)
    finally:
        workspace.close()
    click.echo("Deleted. That entry is gone for good.")
