"""`clearheart nocontact ...` and `clearheart urge ...`: the no-contact tracker, urges,
unsent letters. Reads take --json; nothing here coaches, so nothing rests while unsafe."""

from __future__ import annotations

import sys
import textwrap
from datetime import date, datetime
from typing import Any

import click

from clearheart.cli.numbers import ID, Whole
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.letting_go import (
    DID,
    MODES,
    TRIGGERS,
    WAYS,
    Contact,
    ContactDraft,
    Letter,
    RulesVersion,
    Urge,
    UrgeDraft,
)
from clearheart.domain.letting_go.urges import MAX_MINUTES, MAX_STRENGTH
from clearheart.domain.whole_numbers import Bounds
from clearheart.errors import InvalidInput
from clearheart.services.nocontact import Status

NOT_STARTED = (
    "The tracker has not started. `clearheart nocontact start` begins it on a day "
    "you choose, with your own rules."
)


def _day(text: str | None, field: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(field, "write the date as year-month-day, like 2026-03-31") from None


def _moment(text: str | None, now: datetime) -> datetime:
    """--at as a local date and time (2026-03-31T21:30), in the zone of `now`; else now."""
    if text is None:
        return now
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("--at", "write it as 2026-03-31T21:30") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=now.tzinfo)


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def rules_json(version: RulesVersion) -> dict[str, Any]:
    rules = version.rules
    return {
        "id": version.id,
        "saved": version.saved_at.isoformat(timespec="seconds"),
        "mode": rules.mode.value,
        "started_on": rules.started_on.isoformat(),
        "counts": list(rules.counts),
        "exceptions": list(rules.exceptions),
    }


def contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "at": contact.at.isoformat(timespec="seconds"),
        "way": contact.way,
        "started_by": contact.started_by,
        "exception": contact.exception,
        "counts": contact.counts,
        "note": contact.note,
    }


def status_json(status: Status) -> dict[str, Any]:
    found = status.count
    return {
        "rules": rules_json(status.rules),
        "today": found.today.isoformat(),
        "days_since": found.days_since,
        "last_contact": found.last_contact.isoformat() if found.last_contact else None,
        "windows": [
            {"days": w.days, "covered": w.covered, "without": w.without} for w in found.windows
        ],
        "stretches": [
            {
                "first": s.first.isoformat(),
                "last": s.last.isoformat(),
                "days": s.days,
                "ongoing": s.ongoing,
            }
            for s in found.stretches
        ],
        "contacts": [contact_json(c) for c in status.counted],
        "within_exceptions": [contact_json(c) for c in status.excepted],
    }


@click.group()
def nocontact() -> None:
    """The no-contact (or low-contact) tracker, in your own rules, and unsent letters."""


def _lines(values: tuple[str, ...]) -> list[str]:
    return [line for value in values for line in value.split(";")]


@nocontact.command("start")
@click.option(
    "--mode",
    type=click.Choice([m.value for m in MODES]),
    default="no-contact",
    show_default=True,
    help="low-contact is for co-parents and shared matters.",
)
@click.option("--on", "on", metavar="DATE", help="The day it began (default today).")
@click.option(
    "--counts",
    multiple=True,
    metavar="TEXT",
    help="What counts as contact, in your words (repeat, or separate with ;).",
)
@click.option(
    "--exception",
    "exceptions",
    multiple=True,
    metavar="TEXT",
    help="What never counts, such as the children (repeat, or separate with ;).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the rules as JSON.")
def start(
    mode: str, on: str | None, counts: tuple[str, ...], exceptions: tuple[str, ...], as_json: bool
) -> None:
    """Start the tracker (starting again from a new day keeps the earlier versions)."""
    workspace = open_workspace()
    try:
        version = workspace.nocontact.start(
            mode, _day(on, "--on"), _lines(counts), _lines(exceptions)
        )
    finally:
        workspace.close()
    if as_json:
        echo_json(rules_json(version))
    else:
        click.echo(f"Started on {version.rules.started_on:%a %d %b %Y}. Your rules are saved.")


@nocontact.command("rules")
@click.option("--mode", type=click.Choice([m.value for m in MODES]), help="Change the mode.")
@click.option("--counts", multiple=True, metavar="TEXT", help="Replace what counts.")
@click.option(
    "--exception", "exceptions", multiple=True, metavar="TEXT", help="Replace the exceptions."
)
@click.option("--json", "as_json", is_flag=True, help="Print the rules as JSON.")
def rules(
    mode: str | None, counts: tuple[str, ...], exceptions: tuple[str, ...], as_json: bool
) -> None:
    """Show your rules; with options, save a new version (earlier ones are kept)."""
    workspace = open_workspace()
    try:
        if mode or counts or exceptions:
            version: RulesVersion | None = workspace.nocontact.change_rules(
                mode=mode,
                counts=_lines(counts) if counts else None,
                exceptions=_lines(exceptions) if exceptions else None,
            )
        else:
            version = workspace.nocontact.rules()
    finally:
        workspace.close()
    if version is None:
        click.echo("null" if as_json else NOT_STARTED)
    elif as_json:
        echo_json(rules_json(version))
    else:
        click.echo(_rules_text(version))


def _rules_text(version: RulesVersion) -> str:
    rules = version.rules
    lines = [
        f"{MODES[rules.mode]}, since {rules.started_on:%a %d %b %Y}",
        "What counts as contact:",
        *(f"  - {c}" for c in rules.counts or ("(not written)",)),
        "Exceptions:",
        *(f"  - {e}" for e in rules.exceptions or ("(none)",)),
    ]
    return "\n".join(lines)


@nocontact.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the count as JSON.")
def status(as_json: bool) -> None:
    """Days since the last contact that counts, the last 30 and 90 days, the stretches."""
    workspace = open_workspace()
    try:
        found = workspace.nocontact.status()
    finally:
        workspace.close()
    if found is None:
        click.echo("null" if as_json else NOT_STARTED)
        return
    if as_json:
        echo_json(status_json(found))
        return
    count = found.count
    since = "your last contact" if count.last_contact else "the start"
    lines = [f"{_days(count.days_since)} since {since}."]
    lines += [
        f"Last {w.days} days: {w.without} of {w.covered} without contact"
        + ("" if w.covered == w.days else f" (the {_days(w.covered)} since the start)")
        for w in count.windows
    ]
    lines.append(
        "Stretches so far: "
        + ", ".join(
            f"{_days(s.days)}{' (still going)' if s.ongoing else ''}" for s in count.stretches
        )
    )
    if found.excepted:
        lines.append(
            f"Within your exceptions: {len(found.excepted)} contacts (they never "
            "start the count again)."
        )
    click.echo("\n".join(lines))


@nocontact.command("contact")
@click.option("--way", type=click.Choice(list(WAYS)), default="message", show_default=True)
@click.option(
    "--by",
    "started_by",
    type=click.Choice(["me", "them"]),
    default="me",
    show_default=True,
    help="Who started it.",
)
@click.option("--exception", metavar="TEXT", help="The exception it fell under, if any.")
@click.option("--at", metavar="DATETIME", help="When (default now), like 2026-03-31T21:30.")
@click.option("--note", metavar="TEXT")
@click.option("--json", "as_json", is_flag=True, help="Print the contact as JSON.")
def contact(
    way: str,
    started_by: str,
    exception: str | None,
    at: str | None,
    note: str | None,
    as_json: bool,
) -> None:
    """Note a contact. It is a fact, not a failure; an exception never starts the count."""
    workspace = open_workspace()
    try:
        moment = _moment(at, workspace.clock.now())
        logged = workspace.nocontact.log_contact(
            ContactDraft(moment, way, started_by, exception, note)
        )
    finally:
        workspace.close()
    if as_json:
        echo_json(contact_json(logged))
    elif logged.counts:
        click.echo("Noted. The count starts again from today; the days before are still yours.")
    else:
        click.echo(f"Noted, under “{logged.exception}”. The count goes on.")


@nocontact.command("history")
@click.option("--json", "as_json", is_flag=True, help="Print rules versions and contacts.")
def history(as_json: bool) -> None:
    """Every version of your rules and every contact noted, oldest first."""
    workspace = open_workspace()
    try:
        versions = workspace.nocontact.history()
        contacts = workspace.nocontact.contacts()
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                "rules": [rules_json(v) for v in versions],
                "contacts": [contact_json(c) for c in contacts],
            }
        )
        return
    if not versions:
        click.echo(NOT_STARTED)
        return
    for version in versions:
        click.echo(f"Rules saved {version.saved_at:%a %d %b %Y, %H:%M}")
        click.echo(textwrap.indent(_rules_text(version), "  "))
    for c in contacts:
        under = f", under “{c.exception}”" if c.exception else ""
        click.echo(
            f"#{c.id}  {c.at:%a %d %b %Y, %H:%M}  {WAYS[c.way]}, "
            f"{'you' if c.started_by == 'me' else 'they'} started it{under}"
        )


# --- letters -------------------------------------------------------------------


def letter_json(letter: Letter) -> dict[str, Any]:
    return {
        "id": letter.id,
        "written": letter.written_at.isoformat(timespec="seconds"),
        "changed": letter.changed_at.isoformat(timespec="seconds"),
        "heading": letter.heading,
        "body": letter.body,
    }


@nocontact.group("letter")
def letter_group() -> None:
    """Unsent letters: kept private and encrypted, never sent, printed or shared."""


@letter_group.command("add")
@click.argument("body", required=False, default="", metavar="[TEXT | -]")
@click.option("--heading", default="", help="A heading (default “What I wanted to say”).")
@click.option("--json", "as_json", is_flag=True, help="Print the letter as JSON.")
def letter_add(body: str, heading: str, as_json: bool) -> None:
    """Write a letter you will not send. `-` reads it from standard input."""
    text = sys.stdin.read() if body == "-" else body
    workspace = open_workspace()
    try:
        written = workspace.letters.write(heading, text)
    finally:
        workspace.close()
    if as_json:
        echo_json(letter_json(written))
    else:
        click.echo(f"Letter #{written.id} is kept here, and only here. Nothing was sent.")


@letter_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, newest first.")
def letter_list(as_json: bool) -> None:
    """Your letters, newest first."""
    workspace = open_workspace()
    try:
        letters = workspace.letters.letters()
    finally:
        workspace.close()
    if as_json:
        echo_json([letter_json(item) for item in letters])
    elif not letters:
        click.echo("No letters yet. `clearheart nocontact letter add` begins one.")
    else:
        click.echo(
            "\n".join(
                f"#{item.id}  {item.written_at:%a %d %b %Y}  {item.heading}" for item in letters
            )
        )


@letter_group.command("show")
@click.argument("letter_id", type=ID, metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the letter as JSON.")
def letter_show(letter_id: int, as_json: bool) -> None:
    """Show one letter."""
    workspace = open_workspace()
    try:
        found = workspace.letters.get(letter_id)
    finally:
        workspace.close()
    if as_json:
        echo_json(letter_json(found))
    else:
        click.echo(f"{found.heading}\n{found.written_at:%a %d %b %Y, %H:%M}\n\n{found.body}")


@letter_group.command("delete")
@click.argument("letter_id", type=ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def letter_delete(letter_id: int, yes: bool) -> None:
    """Delete a letter for good."""
    if not yes and not click.confirm(f"Delete letter #{letter_id} for good?"):
        raise click.exceptions.Abort()
    workspace = open_workspace()
    try:
        workspace.letters.delete(letter_id)
    finally:
        workspace.close()
    click.echo(f"Letter #{letter_id} is deleted. It is gone for good.")


# --- urges ---------------------------------------------------------------------


def urge_json(item: Urge) -> dict[str, Any]:
    return {
        "id": item.id,
        "at": item.at.isoformat(timespec="seconds"),
        "strength": item.strength,
        "triggers": list(item.triggers),
        "own_trigger": item.own_trigger,
        "minutes": item.minutes,
        "did": item.did,
        "note": item.note,
    }


@click.group()
def urge() -> None:
    """Urges to reach out: log one instead of acting on it, and see them over weeks."""


@urge.command("log")
@click.argument(
    "strength", type=Whole(Bounds(0, MAX_STRENGTH, "choose from 0 to 10")), metavar="0-10"
)
@click.option(
    "--trigger",
    "triggers",
    multiple=True,
    type=click.Choice(list(TRIGGERS)),
    help="What set it off (repeat for more).",
)
@click.option("--own", metavar="TEXT", help="What set it off, in your own words.")
@click.option(
    "--minutes",
    type=Whole(Bounds(0, MAX_MINUTES, "choose from 0 to 1440")),
    help="How long it lasted.",
)
@click.option(
    "--did",
    type=click.Choice(list(DID)),
    default="rode-it-out",
    show_default=True,
    help="What you did.",
)
@click.option("--at", metavar="DATETIME", help="When (default now), like 2026-03-31T21:30.")
@click.option("--note", metavar="TEXT")
@click.option("--json", "as_json", is_flag=True, help="Print the urge as JSON.")
def urge_log(
    strength: int,
    triggers: tuple[str, ...],
    own: str | None,
    minutes: int | None,
    did: str,
    at: str | None,
    note: str | None,
    as_json: bool,
) -> None:
    """Log an urge to reach out: how strong, what set it off, what you did."""
    workspace = open_workspace()
    try:
        moment = _moment(at, workspace.clock.now())
        logged = workspace.urges.log(UrgeDraft(moment, strength, triggers, own, minutes, did, note))
    finally:
        workspace.close()
    if as_json:
        echo_json(urge_json(logged))
    else:
        click.echo(f"Noted: {DID[logged.did].lower()}. Whatever you did, noticing it counts.")


@urge.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, oldest first.")
def urge_list(as_json: bool) -> None:
    """Every urge logged, newest first."""
    workspace = open_workspace()
    try:
        urges = workspace.urges.urges()
    finally:
        workspace.close()
    if as_json:
        echo_json([urge_json(u) for u in urges])
    elif not urges:
        click.echo("No urges logged yet.")
    else:
        for u in reversed(urges):
            lasted = f", {u.minutes} min" if u.minutes is not None else ""
            click.echo(f"#{u.id}  {u.at:%a %d %b %Y, %H:%M}  {u.strength}/10{lasted}  {DID[u.did]}")


@urge.command("summary")
@click.option("--json", "as_json", is_flag=True, help="Print the weeks as JSON.")
def urge_summary(as_json: bool) -> None:
    """The last eight weeks: urges per week, what set them off, how long, your mood."""
    workspace = open_workspace()
    try:
        found = workspace.urges.weeks()
    finally:
        workspace.close()
    if as_json:
        echo_json(
            {
                "first": found.first.isoformat(),
                "last": found.last.isoformat(),
                "total": found.total,
                "enough": found.enough,
                "weeks": [
                    {
                        "monday": w.monday.isoformat(),
                        "urges": w.urges,
                        "mood": w.mood,
                        "moods": w.moods,
                    }
                    for w in found.weeks
                ],
                "triggers": [{"label": t.label, "urges": t.urges} for t in found.triggers],
                "median_minutes": found.median_minutes,
                "timed": found.timed,
            }
        )
        return
    click.echo(f"{found.total} urges from {found.first:%d %b} to {found.last:%d %b %Y}.")
    for w in found.weeks:
        mood = f"  mood {w.mood}/5 ({w.moods})" if w.mood is not None else ""
        click.echo(f"  week of {w.monday:%d %b}: {w.urges}{mood}")
    if not found.enough:
        click.echo("Not enough yet to say what sets them off or how long they last.")
        return
    click.echo("What set them off: " + ", ".join(f"{t.label} ({t.urges})" for t in found.triggers))
    if found.median_minutes is not None:
        click.echo(
            f"Half lasted under {found.median_minutes:g} minutes "
            f"(of {found.timed} with a length noted)."
        )
