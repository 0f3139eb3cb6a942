"""`clearheart check`: read a draft before it is sent. Stores no words.

With a vault at home it asks the safety gate first (services/safety.py): while coaching
rests there are no flags, tips or rewrite, only who can help; danger words from a partner
in the draft rest coaching (the kinds are recorded, never the words). Without a vault it
reads the draft alone. Crisis words show help before anything else, either way.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from clearheart.domain import rewrite as rewrite_rules
from clearheart.domain.safety.crisis import NONE as NO_CRISIS
from clearheart.domain.safety.crisis import Crisis
from clearheart.errors import InvalidInput

if TYPE_CHECKING:
    from clearheart.domain.draftcheck import Flag, Reading
    from clearheart.domain.safety.resources import Country, Directory


def reading_json(
    reading: Reading, rewrite: str | None = None, *, coaching: bool = True,
    crisis: Crisis = NO_CRISIS,
) -> dict[str, Any]:
    """The JSON shape scripts rely on (exactly these keys). While coaching rests, the
    coaching fields (flags, tips, rewrite) are empty."""
    return {
        "pause": reading.pause,
        "flags": [
            {"kind": f.kind, "start": f.start, "end": f.end, "why": f.why} for f in reading.flags
        ] if coaching else [],
        "rewrite": rewrite if coaching else None,
        "tips": list(reading.tips) if coaching else [],
        "coaching": coaching,
        "crisis": list(crisis.kinds),
        "checked": reading.unread is None,
        "language": reading.unread.name if reading.unread else None,
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


DRAFT_SAFETY = (
    "If you feel afraid, your safety comes first. Ideas about attachment can explain why "
    "someone pulls away; they never excuse being frightened, controlled or hurt."
)


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
    With a vault, while suggestions rest for your safety, it shows who can help instead.
    Stores no words.
    """
    from clearheart.cli.session import open_workspace_if_any
    from clearheart.content.resource_list import load_resources
    from clearheart.domain.safety import Source
    from clearheart.services.draftcheck import shared_checker

    given = {"happened": happened, "felt": felt, "need": need, "request": request}
    answers = _answers(given)
    draft = read_draft(text)
    reading = shared_checker().check(draft)
    from clearheart.services.safety import crisis_in

    crisis = crisis_in(draft)
    workspace = open_workspace_if_any()
    country: Country | None = None
    directory: Directory = load_resources()
    if workspace is None:
        coaching = True
        # Where the draft shows fear, coercion or a crisis, no coaching toward calmer words.
        made = (None if answers is None or reading.safety or crisis
                else rewrite_rules.build(answers, draft))
    else:
        try:
            workspace.safety.notice(draft, Source.DRAFT)
            coaching = workspace.safety.coaching()
            made = None if answers is None else workspace.pause.rewrite(answers, draft)
            country = workspace.help.country()
        finally:
            workspace.close()
    if as_json:
        after = made.after if made is not None else None
        click.echo(json.dumps(reading_json(reading, after, coaching=coaching, crisis=crisis),
                              ensure_ascii=False))
        return
    if crisis:
        from clearheart.cli.safety_present import echo_crisis

        echo_crisis(crisis, country, directory)
    if not coaching:
        _show_resting(country, directory, crisis=bool(crisis))
        return
    _show(draft, reading, shown_help=bool(crisis))
    if made is not None:
        click.echo()
        click.echo("Your words, said as a request (edit them as you like):")
        click.echo(f"  {made.after}")
    elif answers is not None:
        click.echo()
        click.echo("No calmer version this time: when you may not be safe, the words matter less")
        click.echo("than getting help.")


def _show_resting(country: Country | None, directory: Directory, *, crisis: bool) -> None:
    """While coaching rests: who can help (unless the crisis help above said it), and why."""
    from clearheart.cli.safety_present import QUIET, help_lines, wrap

    if not crisis:
        for line in help_lines(country, directory, ("abuse", "crisis")):
            click.echo(line)
        click.echo()
    click.echo(wrap(QUIET))


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


def _show(draft: str, reading: Reading, *, shown_help: bool) -> None:
    if reading.safety and not shown_help:
        from clearheart.cli.safety_present import help_lines, wrap
        from clearheart.content.resource_list import load_resources

        click.echo(wrap(DRAFT_SAFETY))
        for line in help_lines(None, load_resources(), ("abuse", "crisis")):
            click.echo(line)
        click.echo()
    if reading.unread is not None:
        from clearheart.cli.safety_present import wrap

        click.echo(wrap(f"Not checked. This looks like it is written in {reading.unread.name}, "
                        "and the check reads English only for now, so it has not judged this "
                        "message either way."))
        return
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
