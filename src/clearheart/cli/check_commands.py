"""`clearheart check`: read a draft before it is sent. Needs no vault and stores nothing."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from clearheart.domain import rewrite as rewrite_rules
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
    from clearheart.domain.draftcheck.engine import HELP_FIRST

    legend = [
        f"  ({number}) "
        f"{'your safety' if flag.why in HELP_FIRST else flag.kind.replace('_', ' ')}: {flag.why}"
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
@click.option("--happened", metavar="TEXT", help="For the rewrite: what happened, plainly.")
@click.option("--felt", metavar="TEXT", help="For the rewrite: what you felt.")
@click.option("--need", metavar="TEXT", help="For the rewrite: what you need.")
@click.option("--request", metavar="TEXT", help="For the rewrite: one thing they could do.")
@click.option("--json", "as_json", is_flag=True, help="Print the reading as JSON.")
def check(
    text: str | None,
    happened: str | None,
    felt: str | None,
    need: str | None,
    request: str | None,
    as_json: bool,
) -> None:
    """Check a message before you send it: what may land badly, and why.

    TEXT is the draft; `-` (or nothing, when piped) reads it from standard input.
    With all four of --happened, --felt, --need and --request it also builds a calmer
    version in your own words: "When …, I felt …. I'd like …. Would you be willing to …?"
    Works without your vault and stores nothing.
    """
    from clearheart.services.draftcheck import DraftChecker

    given = {"happened": happened, "felt": felt, "need": need, "request": request}
    answers = _answers(given)
    draft = read_draft(text)
    reading = DraftChecker().check(draft)
    # Where the draft shows fear or coercion, no coaching toward calmer words.
    made = None if answers is None or reading.safety else rewrite_rules.build(answers, draft)
    if as_json:
        after = made.after if made is not None else None
        click.echo(json.dumps(reading_json(reading, after), ensure_ascii=False))
        return
    _show(draft, reading)
    if made is not None:
        click.echo()
        click.echo("Your words, said as a request (edit them as you like):")
        click.echo(f"  {made.after}")
    elif answers is not None:
        click.echo()
        click.echo("No calmer version this time: when you may not be safe, the words matter less")
        click.echo("than getting help.")


def _answers(given: dict[str, str | None]) -> rewrite_rules.Answers | None:
    """The four answers, None when none was given; a clear error when some are missing or
    one needs a change (checked before the draft is read, so nothing is typed in vain)."""
    if all(value is None for value in given.values()):
        return None
    missing = [f"--{name}" for name, value in given.items() if value is None]
    if missing:
        raise InvalidInput(
            "rewrite", f"the calmer version needs all four answers; add {', '.join(missing)}"
        )
    answers = rewrite_rules.Answers(**{name: str(value) for name, value in given.items()})
    for name, reason in rewrite_rules.problems(answers).items():
        raise InvalidInput(f"--{name}", reason)
    return answers


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
