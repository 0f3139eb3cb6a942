"""`clearheart check`: read a draft before it is sent. Needs no vault and stores nothing."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from clearheart.errors import InvalidInput

if TYPE_CHECKING:
    from clearheart.domain.draftcheck import Flag, Reading


def reading_json(reading: Reading, rewrite: str | None = None) -> dict[str, Any]:
    """The JSON shape scripts rely on (exactly these keys)."""
    return {
        "pause": reading.pause,
        "flags": [
            {"kind": f.kind, "start": f.start, "end": f.end, "why": f.why} for f in reading.flags
        ],
        "rewrite": rewrite,
        "tips": list(reading.tips),
    }


def marked(text: str, flags: Sequence[Flag]) -> tuple[str, list[str]]:
    """The draft with each flagged stretch in [brackets] and its numbers, and the legend.

    Overlapping flags share one pair of brackets: "[you never listen](1,2)".
    """
    legend = [
        f"  ({number}) {flag.kind.replace('_', ' ')}: {flag.why}"
        for number, flag in enumerate(flags, start=1)
    ]
    regions: list[tuple[int, int, list[int]]] = []
    numbered = sorted(enumerate(flags, start=1), key=lambda item: (item[1].start, item[1].end))
    for number, flag in numbered:
        if regions and flag.start < regions[-1][1]:
            start, end, numbers = regions[-1]
            regions[-1] = (start, max(end, flag.end), [*numbers, number])
        else:
            regions.append((flag.start, flag.end, [number]))
    out, at = [], 0
    for start, end, numbers in regions:
        out.append(text[at:start])
        out.append(f"[{text[start:end]}]({','.join(map(str, sorted(numbers)))})")
        at = end
    out.append(text[at:])
    return "".join(out), legend


def read_draft(text: str | None, verb: str = "check") -> str:
    """TEXT as given, or standard input for `-` (or for nothing, when input is piped).

    Shared by `check` and `pen hold`; `verb` says what the empty-draft error is about.
    """
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            raise InvalidInput("draft", "give the message as TEXT, or pipe it in with `-`")
        text = sys.stdin.read()
    if not text.strip():
        raise InvalidInput("draft", f"there is no text to {verb}; type or paste a message")
    return text


@click.command()
@click.argument("text", required=False, metavar="[TEXT | -]")
@click.option("--json", "as_json", is_flag=True, help="Print the reading as JSON.")
def check(text: str | None, as_json: bool) -> None:
    """Check a message before you send it: what may land badly, and why.

    TEXT is the draft; `-` (or nothing, when piped) reads it from standard input.
    Works without your vault and stores nothing.
    """
    from clearheart.services.draftcheck import DraftChecker

    draft = read_draft(text)
    reading = DraftChecker().check(draft)
    if as_json:
        click.echo(json.dumps(reading_json(reading), ensure_ascii=False))
        return
    _show(draft, reading)


def _show(draft: str, reading: Reading) -> None:
    if reading.safety:
        from clearheart.domain.assess.safety import SAFETY_MESSAGE, SAFETY_RESOURCES

        click.echo(SAFETY_MESSAGE)
        for line in SAFETY_RESOURCES:
            click.echo(f"  • {line}")
        click.echo()
    if not reading.flags:
        click.echo("This reads as calm and clear. Nothing here looks likely to land badly.")
        return
    if reading.safety:
        click.echo("What the check noticed:")
    elif reading.pause:
        click.echo("This might land harder than you mean. It could help to pause before sending.")
    else:
        click.echo("This mostly reads well. One thing you might look at:")
    text, legend = marked(draft, reading.flags)
    click.echo()
    for line in text.splitlines() or [""]:
        click.echo(f"  {line}")
    click.echo()
    for line in legend:
        click.echo(line)
    from clearheart.domain.draftcheck.tips import SAFETY_TIP

    # The safety resources above already say what SAFETY_TIP says.
    tips = [tip for tip in reading.tips if tip != SAFETY_TIP]
    if tips:
        click.echo()
        click.echo("Some ideas:" if not reading.safety else "Please:")
        for tip in tips:
            click.echo(f"  • {tip}")
