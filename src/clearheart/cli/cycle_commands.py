"""`clearheart cycle ...`: show, set, svg and delete your cycle map."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from clearheart.cli.session import echo_json, gate_if_any, open_workspace
from clearheart.errors import InvalidInput

_NO_MAP = ("No cycle map yet. `clearheart cycle set --example` starts from an example, "
           "and `clearheart cycle set FILE` from steps of your own. "
           "`clearheart cycle explain` says what the loop is.")


@click.group()
def cycle() -> None:
    """Your cycle map: the loop you and your partner get caught in, in your own words."""


def _need_map() -> InvalidInput:
    return InvalidInput("cycle map", "there is none yet; `clearheart cycle set --example` "
                        "starts one from an example")


@cycle.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print the map as JSON (null if none).")
def show(as_json: bool) -> None:
    """Show your map, step by step, with how many log entries point to each step."""
    workspace = open_workspace()
    try:
        current = workspace.cycle.current()
        counts = workspace.cycle.step_counts(current.id) if current and current.id else {}
        linked = workspace.cycle.linked_count(current.id) if current and current.id else 0
        labels = workspace.cycle.copy().labels
    finally:
        workspace.close()
    if current is None:
        if as_json:
            echo_json(None)
        else:
            click.echo(_NO_MAP)
        return
    if as_json:
        data: dict[str, Any] = {
            "id": current.id,
            "title": current.title,
            "created": current.created_at.isoformat(timespec="seconds")
            if current.created_at else None,
            "updated": current.updated_at.isoformat(timespec="seconds")
            if current.updated_at else None,
            "steps": [{"id": s.id, "role": s.role, "label": labels[s.role], "text": s.text,
                       "log_entries": counts.get(s.id, 0)} for s in current.steps],
            "log_entries": linked,
        }
        echo_json(data)
        return
    click.echo(current.title)
    for number, step in enumerate(current.steps, 1):
        n = counts.get(step.id, 0)
        logged = f"  ({n} log entr{'y' if n == 1 else 'ies'})" if n else ""
        click.echo(f"\n{number}. {labels[step.role]}{logged}\n   {step.text}")
    click.echo("\n... and round again to 1.")
    if linked:
        click.echo(f"{linked} log entr{'y points' if linked == 1 else 'ies point'} to this map.")
    click.echo("\n`clearheart cycle explain` says what the loop is and how it keeps going.")


@cycle.command("explain")
@click.option("--json", "as_json", is_flag=True)
def explain(as_json: bool) -> None:
    """What the loop is and how it keeps going: the map page's explainer, and its lesson.

    Works without a vault. With one, it asks the safety gate first: while coaching rests,
    the words shown instead are the map page's own quiet ones.
    """
    from clearheart.cli.safety_present import wrap
    from clearheart.content.cycle_copy import load_cycle_copy
    from clearheart.content.lesson_copy import load_lessons
    from clearheart.domain.lessons import MOMENTS

    coaching, workspace = gate_if_any()
    if workspace is not None:
        workspace.close()
    copy = load_cycle_copy()
    heading, paragraphs = (
        (copy.heading, copy.paragraphs) if coaching else (copy.quiet_heading, copy.quiet_paragraphs)
    )
    lesson = load_lessons().lesson(MOMENTS["cycle"])
    if as_json:
        echo_json({"coaching": coaching, "heading": heading, "paragraphs": list(paragraphs),
                   "lesson": {"id": lesson.id, "title": lesson.title,
                              "minutes": lesson.minutes}})
        return
    click.echo(f"{heading}\n")
    for paragraph in paragraphs:
        click.echo(wrap(paragraph) + "\n")
    click.echo(wrap(f"The longer read: {lesson.title} ({lesson.minutes} min)."))
    click.echo(f"  clearheart learn show {lesson.id}")


def _format(path: str, given: str | None, text: str) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in (".json", ".toml"):
        return suffix[1:]
    return "json" if text.lstrip().startswith(("{", "[")) else "toml"


@cycle.command("set")
@click.argument("file", required=False, metavar="FILE")
@click.option("--example", is_flag=True, help="Start from the built-in example instead.")
@click.option("--format", "fmt", type=click.Choice(["json", "toml"]),
              help="The file's format (default: from its name, else guessed).")
@click.option("--json", "as_json", is_flag=True, help="Print the saved map's id and step ids.")
def set_(file: str | None, example: bool, fmt: str | None, as_json: bool) -> None:
    """Set your map's steps from FILE (JSON or TOML; - reads standard input).

    A step given without an id keeps the id of an unchanged step, so log
    entries stay linked. If anything in the file is wrong, nothing changes.
    """
    from clearheart.domain.cycle import parse_map_text

    if example == (file is not None):
        raise InvalidInput("FILE", "give either a file of steps or --example")
    parsed = None
    if file is not None:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        parsed = parse_map_text(text, _format(file, fmt, text))
    workspace = open_workspace()
    try:
        if parsed is None:
            saved = workspace.cycle.start_from_example()
        else:
            saved = workspace.cycle.save_current(*parsed)
    finally:
        workspace.close()
    if as_json:
        echo_json({"id": saved.id, "steps": [s.id for s in saved.steps]})
    else:
        count = len(saved.steps)
        click.echo(f"Saved \u201c{saved.title}\u201d ({count} step{'s' if count != 1 else ''}).")


@cycle.command("svg")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the SVG to this file instead of standard output.")
@click.option("--no-counts", is_flag=True,
              help="Leave out how many log entries point to each step.")
def svg(output: str | None, no_counts: bool) -> None:
    """Draw your map as a print-ready SVG file."""
    from clearheart.domain.cycle_diagram import FILE_ID_PREFIX

    workspace = open_workspace()
    try:
        current = workspace.cycle.current()
        if current is None or current.id is None:
            raise _need_map()
        drawing = workspace.cycle.svg(current.id, counts=not no_counts, id_prefix=FILE_ID_PREFIX)
    finally:
        workspace.close()
    if output is None:
        click.echo(drawing, nl=False)
        return
    Path(output).write_text(drawing, encoding="utf-8")
    click.echo(f"Saved the diagram to {output}.", err=True)


@cycle.command("delete")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete(yes: bool) -> None:
    """Delete your map for good. Log entries stay; they just no longer point to it."""
    workspace = open_workspace()
    try:
        current = workspace.cycle.current()
        if current is None or current.id is None:
            raise _need_map()
        if not yes and not click.confirm(f"Delete \u201c{current.title}\u201d for good?"):
            raise click.exceptions.Abort()
        workspace.cycle.delete(current.id)
    finally:
        workspace.close()
    click.echo("Your cycle map is deleted.")
