"""`clearheart patterns CHAT_ID`: the texting patterns of one chat, as sentences or JSON."""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, datetime
from typing import Any

import click

from clearheart.cli.numbers import ID
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.before_after.compare import Comparison
from clearheart.domain.before_after.compare import sentence as comparison_sentence


def jsonable(value: Any) -> Any:
    """A report as plain JSON values: dataclasses to objects, times to ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    return value


@click.command()
@click.argument("chat_id", type=ID)
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="From this day (YYYY-MM-DD).")
@click.option(
    "--until", type=click.DateTime(["%Y-%m-%d"]), help="Up to and including this day (YYYY-MM-DD)."
)
@click.option(
    "--split",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Also compare before and after this day (YYYY-MM-DD), and list where "
    "the weekly figures shifted.",
)
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
def patterns(
    chat_id: int,
    since: datetime | None,
    until: datetime | None,
    split: datetime | None,
    as_json: bool,
) -> None:
    """The patterns in a chat: who reaches out, reply times, unanswered runs, plans, the loop.

    Every figure says how much it rests on. Nothing here judges anyone.
    """
    from clearheart.domain.letting_go.since_start import sentence as since_sentence
    from clearheart.domain.patterns.sentence import them
    from clearheart.domain.patterns.sentences import describe
    from clearheart.services import before_after
    from clearheart.services.patterns import PatternService

    workspace = open_workspace()
    extra: dict[str, Any] = {}
    try:
        service = PatternService(workspace.chats, workspace.journal)
        report = service.report(
            chat_id, since.date() if since else None, until.date() if until else None
        )
        sentences = list(describe(report))
        # Whole chat from the start day, whatever --since and --until say.
        since_start = workspace.nocontact.in_chat(chat_id)
        said = since_sentence(since_start, them(report)) if since_start else None
        if said is not None:
            sentences.append(said)
        if split is not None:
            compared = before_after.compare(workspace, split.date(), chat_id, patterns=service)
            found = before_after.shifts(workspace, chat_id, patterns=service)
            sentences += [*compared.sentences(), *before_after.shift_sentences(found)]
            extra = {
                "before_after": {
                    "split": compared.split.isoformat(),
                    "chat_id": chat_id,
                    "comparisons": [_comparison(c) for c in compared.comparisons],
                },
                "shifts": [_comparison(c) for c in found],
            }
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                **jsonable(report),
                **extra,
                "since_no_contact": jsonable(since_start),
                "sentences": [
                    {
                        "topic": s.topic,
                        "text": s.text,
                        "claims_change": s.claims_change,
                        "n": s.rests_on,
                    }
                    for s in sentences
                ],
            }
        )
        return
    topic = None
    for sentence in sentences:
        if sentence.topic != topic:
            topic = sentence.topic
            click.echo(f"\n{TOPICS[topic]}")
        click.echo(f"  {sentence.text}")


def _comparison(comparison: Comparison) -> dict[str, Any]:
    """Both sides' figures and counts, the step's interval, the claim and its sentence."""
    return {
        **jsonable(comparison),
        "claims_change": comparison.claims_change,
        "text": comparison_sentence(comparison),
    }


TOPICS = {
    "conversations": "Who reaches out first",
    "latency": "How long replies take",
    "unanswered": "Messages in a row without a reply",
    "silences": "Long silences",
    "effort": "Message length and share",
    "plans": "Plans",
    "loop": "The loop",
    "since_no_contact": "Since you began keeping distance",
    "before_after": "Before and after",
    "shifts": "Where the weekly figures shifted",
}
