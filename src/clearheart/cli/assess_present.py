"""How questionnaires, results and changes look on the terminal and in JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from clearheart.cli.safety_present import QUIET, country_json, help_lines
from clearheart.domain.assess import (
    Change,
    Instrument,
    Result,
    Score,
    describe,
    fmt,
    ground,
)

if TYPE_CHECKING:
    from clearheart.domain.safety.resources import Country, Directory
    from clearheart.services.assess import Taken

SAFETY_FIRST = (
    "Some of what you answered describes things that can be dangerous. That deserves to be "
    "taken seriously, and you deserve to feel safe. Ideas about attachment can explain why "
    "someone pulls away; they never excuse being frightened, controlled or hurt."
)


def when(result: Result) -> str:
    return result.taken_at.isoformat(timespec="seconds")


def day(result: Result) -> str:
    return result.taken_at.strftime("%a %d %b %Y")


def instrument_json(instrument: Instrument, takes: int) -> dict[str, Any]:
    return {
        "id": instrument.id,
        "version": instrument.version,
        "title": instrument.title,
        "kind": instrument.kind,
        "group": instrument.group,
        "minutes": instrument.minutes,
        "items": len(instrument.items),
        "per_person": instrument.per_person,
        "own_items": instrument.own_items,
        "subscales": [s.id for s in instrument.subscales],
        "takes": takes,
    }


def score_json(score: Score) -> dict[str, Any]:
    return {
        "subscale": score.subscale,
        "value": score.value,
        "answered": score.answered,
        "of": score.of,
        "note": score.note,
    }


def change_json(change: Change) -> dict[str, Any]:
    return {
        "subscale": change.subscale,
        "before": change.before,
        "after": change.after,
        "delta": change.delta,
        "noticeable": change.noticeable,
        "sentence": change.sentence,
        "basis": change.basis,
    }


TAKES_COMPARED = 2
"""A change sentence rests on the two takes it compares."""


def sentences_json(changes: tuple[Change, ...]) -> list[dict[str, Any]]:
    """Every sentence that reads a change, so each claim can be counted from outside.

    `claims_change` is true only when the change as shown passes the smallest detectable
    change; `n` is what the sentence rests on (the two takes compared).
    """
    return [
        {
            "topic": change.subscale,
            "text": change.sentence,
            "claims_change": change.noticeable,
            "n": TAKES_COMPARED,
        }
        for change in changes
    ]


def taken_json(
    instrument: Instrument, taken: Taken, country: Country | None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": taken.result.id,
        "instrument": instrument.id,
        "version": instrument.version,
        "taken_at": when(taken.result),
        "subject": taken.result.subject,
        "danger": list(taken.danger),
        "safety": taken.gate.to_json(),
        "scores": [score_json(s) for s in taken.scores],
        "changes": [change_json(c) for c in taken.changes],
    }
    if taken.danger:
        out["message"] = SAFETY_FIRST
        out["help"] = country_json(country) if country else None
    return out


def echo_safety(country: Country | None, directory: Directory) -> None:
    """After a take that showed danger: the safety words and who can help, before any score."""
    click.echo(_wrap(SAFETY_FIRST))
    click.echo("")
    for line in help_lines(country, directory, ("abuse", "crisis")):
        click.echo(line)
    click.echo("")
    click.echo(_wrap("Your answers are saved privately. " + QUIET))


def _wrap(text: str, indent: str = "") -> str:
    return click.wrap_text(text, 78, initial_indent=indent, subsequent_indent=indent)


def score_lines(instrument: Instrument, scores: tuple[Score, ...]) -> list[str]:
    lines: list[str] = []
    for s in scores:
        sub = instrument.subscale(s.subscale)
        if sub is None:
            continue
        lines.append(_wrap(describe(instrument, s)))
        if s.value is not None:
            lines.append(_wrap(ground(instrument, s), "    "))
    return lines


def echo_taken(instrument: Instrument, taken: Taken) -> None:
    where = f" about {taken.result.subject}" if taken.result.subject else ""
    click.echo(
        f'Saved your answers to "{instrument.title}"{where} '
        f"(take #{taken.result.id}, {day(taken.result)})."
    )
    click.echo("")
    for line in score_lines(instrument, taken.scores):
        click.echo(line)
    if taken.changes:
        click.echo("")
        click.echo("Since last time:")
        for line in change_lines(instrument, taken.changes):
            click.echo(line)
    click.echo("")
    click.echo(_wrap(f"What this tells you: {instrument.does}"))
    click.echo(_wrap(f"What it does not: {instrument.does_not}"))
    if not taken.gate.coaching:
        click.echo("")
        click.echo(_wrap(QUIET))


def history_lines(
    instrument: Instrument, history: list[tuple[Result, tuple[Change, ...]]]
) -> list[str]:
    first, last = history[0][0], history[-1][0]
    takes = f"{len(history)} take{'s' if len(history) != 1 else ''}"
    span = f"on {day(first)}" if day(first) == day(last) else f"{day(first)} to {day(last)}"
    lines = [_wrap(f"{instrument.title}: {takes}, {span}.")]
    titles = {s.id: s.title for s in instrument.subscales}
    for result, changes in history:
        delta = {c.subscale: c.delta for c in changes}
        parts = []
        for key, value in result.scores.items():
            text = "not enough answers" if value is None else fmt(value)
            if key in delta and abs(delta[key]) >= 0.05:
                text += f" ({'+' if delta[key] > 0 else '−'}{fmt(abs(delta[key]))})"
            parts.append(f"{titles.get(key, key)} {text}")
        lines.append(f"#{result.id}  {day(result)}")
        lines.append(_wrap(" · ".join(parts), "    "))
    if history[-1][1]:
        lines.append("")
        lines.append("Latest change:")
        lines.extend(change_lines(instrument, history[-1][1]))
    return lines


def change_lines(instrument: Instrument, changes: tuple[Change, ...]) -> list[str]:
    """Each change in words; what each threshold rests on once, not per score."""
    notes: dict[str, None] = {}
    lines: list[str] = []
    for change in changes:
        lines.append(_wrap(change.sentence.removesuffix(" " + change.basis), "    "))
        notes[change.basis] = None
    lines.extend(_wrap(note, "    ") for note in notes)
    return lines
