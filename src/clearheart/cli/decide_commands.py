"""`clearheart decide ...`: the decision aid, with --json for scripts.

Reading commands print help instead of the aid while the safety gate is closed; writing
commands are refused then with a plain reason (services/decide.py). Every write checks
all it was given first and stores nothing when any of it is wrong.
"""

from __future__ import annotations

from datetime import date

import click

from clearheart.cli.decide_present import (
    echo_options,
    echo_plan,
    echo_resting,
    echo_status,
    options_json,
    status_json,
    take_json,
    values_json,
    version_json,
)
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.decide import ITEMS, Plan, Value, read_option
from clearheart.domain.decide.plan import MAX_PAUSE_DAYS
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import InvalidInput
from clearheart.services.workspace import Workspace

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group()
def decide() -> None:
    """Weigh up the relationship at your own pace; the choice stays yours."""


def _resting(workspace: Workspace, as_json: bool) -> bool:
    """While the aid rests: say where help is (text only) and return True."""
    if not workspace.decide.resting():
        return False
    if not as_json:
        echo_resting(workspace.help.country(), workspace.help.directory())
    return True


@decide.command("status")
@_JSON
def status(as_json: bool) -> None:
    """Where you are: stage, values, how settled it feels, your plan and its review day."""
    workspace = open_workspace()
    try:
        service = workspace.decide
        aid, progress, plan = service.aid(), service.progress(), service.plan()
        resting = _resting(workspace, as_json)
    finally:
        workspace.close()
    if as_json:
        echo_json(status_json(service.copy(), aid, progress, plan, resting=resting))
    elif not resting:
        echo_status(service.copy(), aid, progress, plan)


@decide.command("start")
@_JSON
def start(as_json: bool) -> None:
    """Begin (at the values step); running it again changes nothing."""
    workspace = open_workspace()
    try:
        aid = workspace.decide.start()
    finally:
        workspace.close()
    if as_json:
        echo_json({"stage": aid.stage.value})
    else:
        click.echo("Begun. Next: `clearheart decide values` to choose what matters to you.")


@decide.command("go")
@click.argument("stage", type=click.Choice(["values", "evidence", "options", "plan"]))
def go(stage: str) -> None:
    """Move to a step; you can go to any step at any time."""
    workspace = open_workspace()
    try:
        workspace.decide.go(stage)
    finally:
        workspace.close()
    click.echo(f"You are at the {stage} step.")


def _weight(text: str, what: str) -> int:
    return read_whole(text, "weight", Bounds(0, 3, f"weigh {what[:40]} from 0 to 3"))


@decide.command("values")
@click.argument("weights", nargs=-1, metavar="[ID=WEIGHT]...")
@click.option(
    "--own",
    multiple=True,
    metavar="WORDS=WEIGHT",
    help="A value in your own words, with its weight (repeatable).",
)
@_JSON
def values(weights: tuple[str, ...], own: tuple[str, ...], as_json: bool) -> None:
    """Show your values, or replace them: ID=WEIGHT for offered ones (0 not for me, 3
    matters most), --own "WORDS=WEIGHT" for your own. Ids: being-seen, steadiness,
    shared-future, family, own-growth, freedom, honesty, ease."""
    chosen: list[Value] = []
    for pair in weights:
        key, sep, weight = pair.partition("=")
        if not sep:
            raise InvalidInput(
                "value", f"write it as ID=WEIGHT, such as steadiness=2 ({pair[:40]})"
            )
        chosen.append(Value(key.strip(), _weight(weight, key)))
    for number, pair in enumerate(own, 1):
        words, sep, weight = pair.rpartition("=")
        if not sep:
            raise InvalidInput("--own", 'write it as WORDS=WEIGHT, such as "time outdoors=2"')
        chosen.append(Value(f"own-{number}", _weight(weight, words), words))
    workspace = open_workspace()
    try:
        service = workspace.decide
        aid = service.save_values(chosen) if chosen else service.aid()
        resting = _resting(workspace, as_json)
    finally:
        workspace.close()
    shown = values_json(service.copy(), aid)
    if as_json:
        echo_json(shown)
    elif not resting:
        weights_text = service.copy().weights
        for value in shown:
            click.echo(f"{value['words'] or value['label']}: {weights_text[value['weight']]}")
        if not shown:
            click.echo(
                "No values chosen yet. For example: clearheart decide values "
                'being-seen=3 steadiness=2 --own "time with friends=2"'
            )


@decide.command("rate")
@click.argument("answers", nargs=-1, metavar="[KEY=ANSWER]...")
@_JSON
def rate(answers: tuple[str, ...], as_json: bool) -> None:
    """Show or give your own ratings of what healing tends to need and what often comes
    before letting go. ANSWER is not-at-all, a-little, mostly, very-much or not-sure."""
    given: dict[str, str] = {}
    for pair in answers:
        key, sep, answer = pair.partition("=")
        if not sep:
            raise InvalidInput("rating", "write it as KEY=ANSWER, such as safe_space=mostly")
        given[key.strip()] = answer.strip()
    workspace = open_workspace()
    try:
        service = workspace.decide
        aid = service.rate(given) if given else service.aid()
        resting = _resting(workspace, as_json)
    finally:
        workspace.close()
    if as_json:
        echo_json({key: rating.value for key, rating in aid.ratings.items()})
        return
    if resting:
        return
    copy = service.copy()
    for item in copy.ratings:
        chosen = aid.ratings.get(item.key)
        click.echo(f"{item.key}: {copy.scale[chosen] if chosen else 'not rated yet'}")
        click.echo(f"  {item.text}")


@decide.command("sure")
@click.option(
    "--sure",
    "sure_",
    required=True,
    type=click.Choice(["yes", "no"]),
    help="Do you feel you know which path is best for you?",
)
@click.option(
    "--understand",
    required=True,
    type=click.Choice(["yes", "no"]),
    help="Do you understand what each path would involve?",
)
@click.option(
    "--values",
    "values_",
    required=True,
    type=click.Choice(["yes", "no"]),
    help="Are you clear which gains and losses matter most to you?",
)
@click.option(
    "--support",
    required=True,
    type=click.Choice(["yes", "no"]),
    help="Do you have enough support and input to choose?",
)
@_JSON
def sure(sure_: str, understand: str, values_: str, support: str, as_json: bool) -> None:
    """Answer the four yes-or-no questions on how settled the decision feels."""
    answers = dict(zip(ITEMS, (sure_, understand, values_, support), strict=True))
    workspace = open_workspace()
    try:
        take = workspace.decide.take_sure(answers)
        progress = workspace.decide.progress()
    finally:
        workspace.close()
    if as_json:
        echo_json(take_json(take))
        return
    from clearheart.cli.safety_present import wrap
    from clearheart.content.decide_copy import progress_sentence

    click.echo(wrap(f"Saved. {progress_sentence(progress)}"))


@decide.command("options")
@click.option(
    "--order",
    metavar="A,B,C",
    help="Your own order, e.g. pause,together,let-go; 'usual' goes back to the usual order.",
)
@_JSON
def options(order: str | None, as_json: bool) -> None:
    """The three paths, described evenly, in your order or the usual one."""
    workspace = open_workspace()
    try:
        service = workspace.decide
        if order is not None:
            service.set_order([] if order.strip() == "usual" else order.split(","))
        shown = service.order()
        resting = _resting(workspace, as_json)
    finally:
        workspace.close()
    if as_json:
        echo_json([] if resting else options_json(service.copy(), shown))
    elif not resting:
        echo_options(service.copy(), shown)


@decide.command("plan")
@click.argument("option", required=False, metavar="[together|pause|let-go]")
@click.option(
    "--review",
    "review_on",
    metavar="YYYY-MM-DD",
    help="A day to look at it again (today or later).",
)
@click.option("--experiment", multiple=True, help="Working on it: a small experiment.")
@click.option("--check-in", default="", help="Working on it: how and when you check in.")
@click.option("--days", default=None, help="A pause: how many days it lasts.")
@click.option("--boundary", multiple=True, help="A pause: a boundary during it.")
@click.option("--support", multiple=True, help="Letting go: someone you can lean on.")
@click.option("--no-contact", default="", help="Letting go: your plan for contact.")
@click.option("--self-care", multiple=True, help="Letting go: a way to look after yourself.")
@click.option("--note", default="", help="Anything else, in your own words.")
@_JSON
def plan(
    option: str | None,
    review_on: str | None,
    experiment: tuple[str, ...],
    check_in: str,
    days: str | None,
    boundary: tuple[str, ...],
    support: tuple[str, ...],
    no_contact: str,
    self_care: tuple[str, ...],
    note: str,
    as_json: bool,
) -> None:
    """Show your plan, or save a new version for OPTION; earlier versions are kept."""
    made = None
    if option is not None:
        if not review_on:
            raise InvalidInput("--review", "choose a day to look at it again (YYYY-MM-DD)")
        try:
            review = date.fromisoformat(review_on)
        except ValueError:
            raise InvalidInput("--review", "write the day as YYYY-MM-DD") from None
        made = Plan(
            read_option(option),
            review,
            experiments=experiment,
            check_in=check_in,
            pause_days=read_whole(days, "--days", Bounds(1, MAX_PAUSE_DAYS)) if days else None,
            boundaries=boundary,
            support=support,
            no_contact=no_contact,
            self_care=self_care,
            note=note,
        )
    workspace = open_workspace()
    try:
        service = workspace.decide
        latest = service.choose(made) if made is not None else service.plan()
        resting = _resting(workspace, as_json)
    finally:
        workspace.close()
    if as_json:
        echo_json(version_json(latest))
    elif not resting:
        if latest is None:
            click.echo(
                "No plan yet. For example: clearheart decide plan pause --days 30 "
                '--boundary "texts on Sundays only" --review 2026-09-01'
            )
        else:
            echo_plan(service.copy(), latest)


@decide.command("history")
@_JSON
def history(as_json: bool) -> None:
    """Every version of your choice and plan, oldest first."""
    workspace = open_workspace()
    try:
        service = workspace.decide
        versions = service.history()
        resting = _resting(workspace, as_json)
    finally:
        workspace.close()
    if as_json:
        echo_json([version_json(v) for v in versions])
    elif not resting:
        if not versions:
            click.echo("No plan saved yet.")
        for version in versions:
            echo_plan(service.copy(), version)


@decide.command("questions")
@click.argument("questions", nargs=-1)
@_JSON
def questions(questions: tuple[str, ...], as_json: bool) -> None:
    """Show, or replace, the questions you want to bring to a therapist or coach."""
    workspace = open_workspace()
    try:
        service = workspace.decide
        aid = service.save_questions(questions) if questions else service.aid()
        resting = _resting(workspace, as_json)
    finally:
        workspace.close()
    if as_json:
        echo_json(list(aid.questions))
    elif not resting:
        for question in aid.questions or ("No questions yet.",):
            click.echo(question)
