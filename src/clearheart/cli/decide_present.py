"""How the CLI shows the decision aid: the JSON shapes scripts rely on, and plain text.

While the aid rests (the safety gate is closed) the options are never printed: the JSON
`options` list is empty, and the text says where help is instead.
"""

from __future__ import annotations

from typing import Any

import click

from clearheart.cli.safety_present import help_lines, wrap
from clearheart.content.decide_copy import DecideCopy, progress_sentence
from clearheart.domain.decide import TOP, Aid, ConflictTake, Option, PlanVersion, Progress
from clearheart.domain.safety.resources import Country, Directory

RESTING = (
    "This space for weighing up what comes next rests while you may not be safe; your "
    "answers are kept. `clearheart safety plan show` shows your own plan, and "
    "`clearheart safety safe` brings this back when that feels true for you."
)


def take_json(take: ConflictTake | None) -> dict[str, Any] | None:
    if take is None:
        return None
    return {
        "taken_at": take.at.isoformat(timespec="seconds"),
        "yes": take.score,
        "of": TOP,
        "answers": dict(take.answers),
    }


def version_json(version: PlanVersion | None) -> dict[str, Any] | None:
    if version is None:
        return None
    return {
        "id": version.id,
        "option": version.plan.option.value,
        "made_at": version.made_at.isoformat(timespec="seconds"),
        "review_on": version.plan.review_on.isoformat(),
        "parts": version.plan.parts(),
    }


def options_json(copy: DecideCopy, order: tuple[Option, ...]) -> list[dict[str, str]]:
    return [
        {
            "id": o.value,
            "title": copy.options[o].title,
            "involves": copy.options[o].involves,
            "experience": copy.options[o].experience,
            "asks": copy.options[o].asks,
        }
        for o in order
    ]


def values_json(copy: DecideCopy, aid: Aid) -> list[dict[str, Any]]:
    return [
        {"id": v.id, "label": copy.values.get(v.id, v.words), "words": v.words, "weight": v.weight}
        for v in aid.values
    ]


def status_json(
    copy: DecideCopy, aid: Aid, progress: Progress, plan: PlanVersion | None, *, resting: bool
) -> dict[str, Any]:
    """Exactly: stage, options, values, conflict {before, after}, plan, review_on."""
    return {
        "stage": aid.stage.value,
        "options": [] if resting else options_json(copy, aid.order()),
        "values": values_json(copy, aid),
        "conflict": {"before": take_json(progress.before), "after": take_json(progress.after)},
        "plan": version_json(plan),
        "review_on": plan.plan.review_on.isoformat() if plan else None,
    }


def echo_resting(country: Country | None, directory: Directory) -> None:
    for line in help_lines(country, directory, ("abuse", "crisis")):
        click.echo(line)
    click.echo()
    click.echo(wrap(RESTING))


def echo_status(copy: DecideCopy, aid: Aid, progress: Progress, plan: PlanVersion | None) -> None:
    click.echo(wrap(f"The decision: {copy.page['decision']}"))
    click.echo(wrap(copy.page["choice"]))
    click.echo()
    if not aid.started:
        click.echo(wrap(copy.page["not_started"]))
        click.echo("`clearheart decide start` begins.")
        return
    click.echo(f"Where you are: {copy.stages[aid.stage]}")
    if aid.values:
        named = [
            f"{copy.values.get(v.id, v.words) if not v.words else v.words} "
            f"(matters: {copy.weights[v.weight].lower()})"
            for v in aid.values
        ]
        click.echo(wrap("Your values: " + "; ".join(named) + "."))
    else:
        click.echo("Your values: none chosen yet (`clearheart decide values`).")
    click.echo(wrap(f"How settled: {progress_sentence(progress)}"))
    if plan is None:
        click.echo("Your plan: none yet (`clearheart decide plan`).")
    else:
        click.echo(
            wrap(
                f"Your plan: {copy.options[plan.plan.option].title}, saved "
                f"{plan.made_at:%d %B %Y}; to look at again on "
                f"{plan.plan.review_on.isoformat()}."
            )
        )


def echo_options(copy: DecideCopy, order: tuple[Option, ...]) -> None:
    click.echo(wrap(copy.page["even"]))
    for option in order:
        text = copy.options[option]
        click.echo(f"\n{text.title}  [{option.value}]")
        click.echo(wrap(f"What it involves: {text.involves}", "  "))
        click.echo(wrap(f"What people often go through: {text.experience}", "  "))
        click.echo(wrap(f"What it asks of you: {text.asks}", "  "))
    click.echo()
    for key in ("expectations", "attachment"):
        click.echo(wrap(copy.page[key]))


def echo_plan(copy: DecideCopy, version: PlanVersion) -> None:
    plan = version.plan
    click.echo(
        f"{copy.options[plan.option].title} (version {version.id}, saved "
        f"{version.made_at:%d %B %Y, %H:%M})"
    )
    for name, value in plan.parts().items():
        click.echo(f"  {copy.parts[name]}:")
        for item in value if isinstance(value, list) else [value]:
            click.echo(wrap(f"- {item}", "    "))
    click.echo(f"  A day to look at it again: {plan.review_on.isoformat()}")
