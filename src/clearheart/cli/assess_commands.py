"""`clearheart assess ...`: list, take, results, load, remove, delete."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from clearheart.cli.assess_present import (
    change_json,
    echo_safety,
    echo_taken,
    history_lines,
    instrument_json,
    sentences_json,
    taken_json,
    when,
)
from clearheart.cli.numbers import ID
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.assess import Instrument, Item, Scale
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import ContentInvalid, InvalidInput


@click.group()
def assess() -> None:
    """Questionnaires: reflection tools, results over time, and your own loaded instruments."""


@assess.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of questionnaires.")
def list_(as_json: bool) -> None:
    """The questionnaires you can take: built-in first, then ones you loaded."""
    workspace = open_workspace()
    try:
        instruments, counts = workspace.assess.instruments(), workspace.assess.counts()
    finally:
        workspace.close()
    if as_json:
        echo_json([instrument_json(i, counts.get(i.id, 0)) for i in instruments])
        return
    for i in instruments:
        takes = counts.get(i.id, 0)
        done = f", taken {takes} time{'s' if takes != 1 else ''}" if takes else ""
        loaded = " (loaded by you)" if i.kind == "instrument" or i.group == "loaded" else ""
        click.echo(f"{i.id}  {i.title}{loaded}: about {i.minutes} min{done}")


def _read_answers(path: str) -> dict[str, Any]:
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            "--answers", f"{path} is not valid JSON ({exc.msg}, line {exc.lineno})"
        ) from None
    if not isinstance(data, dict):
        raise InvalidInput(
            "--answers", f'{path} must hold one JSON object, like {{"q01": 5, "q02": 3}}'
        )
    return data


def _anchors(scale: Scale) -> str:
    return " · ".join(f"{point} {label}" for point, label in scale.labels.items())


def _ask_point(scale: Scale, prompt: str, *, optional: bool) -> int | None:
    while True:
        raw: str = click.prompt(prompt, default="" if optional else None, show_default=False)
        if optional and not raw.strip():
            return None
        try:
            return read_whole(raw, "answer", Bounds(scale.min, scale.max))
        except InvalidInput:
            click.echo(f"Choose a whole number from {scale.min} to {scale.max}.")


def _ask_items(instrument: Instrument) -> dict[str, Any]:
    click.echo(
        f"{instrument.title}: {len(instrument.items)} questions, about "
        f"{instrument.minutes} min. Press Enter to skip one.\n"
    )
    answers: dict[str, Any] = {}
    last: Scale | None = None
    for n, item in enumerate(instrument.items, 1):
        if item.scale != last:
            click.echo(f"Answer {item.scale.min} to {item.scale.max}: {_anchors(item.scale)}\n")
            last = item.scale
        answers[item.id] = _ask_point(
            item.scale, _item_prompt(n, len(instrument.items), item), optional=True
        )
    return answers


def _item_prompt(n: int, total: int, item: Item) -> str:
    return f"{n} of {total}. {item.text}\n   ({item.scale.min}–{item.scale.max})"


def _ask_needs(instrument: Instrument) -> dict[str, Any]:
    click.echo(
        f"{instrument.title}: name what you need, one at a time, then rate how well "
        "each is met. An empty line finishes."
    )
    if instrument.examples:
        click.echo("For example: " + "; ".join(instrument.examples[:5]) + ".")
    click.echo(f"Ratings: {_anchors(instrument.scale)}\n")
    needs: list[dict[str, Any]] = []
    while len(needs) < 20:
        name: str = click.prompt(f"Need {len(needs) + 1}", default="", show_default=False)
        if not name.strip():
            break
        rating = _ask_point(instrument.scale, "   How well is it met?", optional=False)
        needs.append({"name": name.strip(), "rating": rating})
    return {"needs": needs}


@assess.command("take")
@click.argument("instrument_id", metavar="ID")
@click.option(
    "--answers",
    "answers_file",
    metavar="FILE",
    help='A JSON answer sheet ({"q01": 5, ...}); - reads standard input.',
)
@click.option("--subject", metavar="NAME", help="Who it is about (per-person checklists).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def take(instrument_id: str, answers_file: str | None, subject: str | None, as_json: bool) -> None:
    """Take a questionnaire: asked item by item, or from an answer sheet."""
    answers = _read_answers(answers_file) if answers_file else None
    workspace = open_workspace()
    try:
        instrument = workspace.assess.instrument(instrument_id)
        if answers is None:
            if instrument.per_person and not subject:
                subject = click.prompt("Who is this about? (a first name is enough)")
            answers = _ask_needs(instrument) if instrument.own_items else _ask_items(instrument)
        taken = workspace.assess.take(instrument.id, answers, subject=subject)
        country, directory = workspace.help.country(), workspace.help.directory()
    finally:
        workspace.close()
    if as_json:
        echo_json(taken_json(instrument, taken, country))
    elif taken.danger:
        echo_safety(country, directory)
    else:
        echo_taken(instrument, taken)


@assess.command("results")
@click.argument("instrument_id", metavar="ID")
@click.option("--subject", metavar="NAME", help="Who it is about (per-person checklists).")
@click.option("--json", "as_json", is_flag=True, help="Print the takes as JSON.")
def results(instrument_id: str, subject: str | None, as_json: bool) -> None:
    """Your takes of one questionnaire over time, each with its change from the one before."""
    workspace = open_workspace()
    try:
        instrument = workspace.assess.instrument(instrument_id)
        if instrument.per_person and not subject:
            people = workspace.assess.subjects(instrument.id)
            raise InvalidInput(
                "--subject", "say who: " + (", ".join(people) if people else "no one yet")
            )
        history = workspace.assess.history(instrument.id, subject)
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                "instrument": instrument.id,
                "subject": subject,
                "results": [
                    {
                        "id": r.id,
                        "taken_at": when(r),
                        "version": r.instrument_version,
                        "scores": r.scores,
                        "changes": [change_json(c) for c in changes],
                    }
                    for r, changes in history
                ],
                "sentences": sentences_json(history[-1][1] if history else ()),
            }
        )
        return
    if not history:
        click.echo(
            f'No takes of "{instrument.title}" yet. Whenever you are ready: '
            f"clearheart assess take {instrument.id}"
        )
        return
    for line in history_lines(instrument, history):
        click.echo(line)


@assess.command("load")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print what was loaded as JSON.")
def load(file: Path, as_json: bool) -> None:
    """Load a questionnaire file (TOML) you are licensed to use; it stays in your vault."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentInvalid(str(file), "it is not UTF-8 text") from None
    workspace = open_workspace()
    try:
        instrument = workspace.assess.load(text, str(file))
    finally:
        workspace.close()
    if as_json:
        echo_json(instrument_json(instrument, 0))
        return
    click.echo(
        f'Loaded "{instrument.title}" ({instrument.id}, version {instrument.version}): '
        f"{len(instrument.items)} items, {len(instrument.subscales)} scores. "
        "It is kept in your vault only."
    )


@assess.command("remove")
@click.argument("instrument_id", metavar="ID")
def remove(instrument_id: str) -> None:
    """Remove a questionnaire you loaded. Its past results stay in your vault."""
    workspace = open_workspace()
    try:
        workspace.assess.remove_loaded(instrument_id)
    finally:
        workspace.close()
    click.echo(
        f"Removed {instrument_id}. Its past results stay in your vault and show again "
        "if you load it once more."
    )


@assess.command("delete")
@click.argument("result_id", metavar="RESULT", type=ID)
def delete(result_id: int) -> None:
    """Delete one take (its number is in `assess results`)."""
    workspace = open_workspace()
    try:
        workspace.assess.delete_result(result_id)
    finally:
        workspace.close()
    click.echo(f"Deleted take #{result_id}.")
