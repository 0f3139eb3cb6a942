"""`clearheart pen ...`: the holding pen. Keep a draft for a while, then decide."""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import Any

import click

from clearheart.cli.check_commands import read_draft
from clearheart.cli.numbers import ID, Whole, whole
from clearheart.cli.safety_present import AfterWriting
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.holding import (
    DEFAULT_MINUTES,
    HOLD_MINUTES,
    MAX_LIST,
    STATUSES,
    HeldDraft,
    Status,
    check_decision,
)
from clearheart.errors import InvalidInput

PREVIEW = 72
DECIDED: dict[str, str] = {
    "sent": "Noted: you sent it. Whatever comes back, you gave yourself time first.",
    "let-go": "Noted: you let it go. It stays in the pen until you delete it.",
    "journaled": "It is in your journal now, word for word, tagged #pause. Nothing was sent.",
}
NONE_WITH: dict[str, str] = {
    "holding": "Nothing is waiting in the pen.",
    "sent": "No held drafts that you sent.",
    "let-go": "No held drafts that you let go.",
    "journaled": "No held drafts that went into your journal.",
}


@click.group()
def pen() -> None:
    """The holding pen: keep a draft for a while before deciding what to do with it."""


def _minutes(count: int) -> str:
    return f"{count} minute{'s' if count != 1 else ''}"


def minutes_left(held: HeldDraft, now: datetime) -> int | None:
    """Whole minutes (rounded up) until the wait is over; None once decided."""
    if held.status != "holding":
        return None
    return -(-held.seconds_left(now) // 60)


def time_left(held: HeldDraft, now: datetime) -> str:
    """ "12 minutes left", "under a minute left" or "ready to decide"."""
    seconds = held.seconds_left(now)
    if seconds <= 0:
        return "ready to decide"
    if seconds < 60:
        return "under a minute left"
    return f"{_minutes(-(-seconds // 60))} left"


def _stamp(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def held_json(held: HeldDraft, now: datetime) -> dict[str, Any]:
    """The JSON shape scripts rely on."""
    return {
        "id": held.id,
        "text": held.text,
        "rewrite": held.rewrite,
        "status": held.status,
        "created": _stamp(held.created),
        "hold_until": _stamp(held.hold_until),
        "minutes": held.minutes,
        "decided_at": _stamp(held.decided_at),
        "minutes_left": minutes_left(held, now),
    }


def _state(held: HeldDraft, now: datetime) -> str:
    return f"{held.label}, {time_left(held, now)}" if held.status == "holding" else held.label


def _day_time(moment: datetime) -> str:
    return f"{moment:%a %d %b %Y, %H:%M}"


def _preview(text: str) -> str:
    """The draft on one line, cut at PREVIEW characters."""
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW else line[: PREVIEW - 1].rstrip() + "…"


def held_line(held: HeldDraft, now: datetime) -> str:
    extra = "  (with a calmer version)" if held.rewrite else ""
    return (f"#{held.id}  {_day_time(held.created)}  {_state(held, now)}{extra}\n"
            f"    {_preview(held.text)}")


def _until(held: HeldDraft, now: datetime) -> str:
    local = held.hold_until.astimezone(now.tzinfo)
    return f"{local:%H:%M}" if local.date() == now.date() else f"{local:%a %d %b, %H:%M}"


def _status(text: str | None) -> Status | None:
    if text is None:
        return None
    value = text.strip().lower().replace("_", "-")
    for known in STATUSES:
        if value == known:
            return known
    raise InvalidInput("--status", f"{text!r} is not a status; choose one of: "
                                   f"{', '.join(STATUSES)}")


def _decision(text: str) -> Status:
    try:
        return check_decision(text)
    except InvalidInput:
        raise InvalidInput(
            "status", f"{text!r} is not a decision; choose sent, let-go or journaled"
        ) from None


@pen.command("hold")
@click.argument("text", required=False, metavar="[TEXT | -]")
@click.option("--minutes", type=Whole(HOLD_MINUTES), default=DEFAULT_MINUTES, show_default=True,
              help="How long to wait before deciding (1 to 1440).")
@click.option("--rewrite", metavar="TEXT", help="Your calmer version, kept beside the draft.")
@click.option("--json", "as_json", is_flag=True, help="Print the held draft as JSON.")
def hold(text: str | None, minutes: int, rewrite: str | None, as_json: bool) -> None:
    """Keep a draft in the pen for a while; nothing is sent.

    TEXT is the draft; `-` (or nothing, when piped) reads it from standard input.
    """
    draft = read_draft(text, "hold")
    workspace = open_workspace()
    try:
        held = workspace.pause.hold(draft, minutes, rewrite)
        now = workspace.clock.now()
        found = AfterWriting.read(workspace, draft)
    finally:
        workspace.close()
    if as_json:
        echo_json(held_json(held, now))
        return
    found.echo()
    click.echo(f"Held #{held.id} until {_until(held, now)}. Nothing was sent.")
    click.echo(f"Decide whenever you are ready: `clearheart pen decide {held.id} sent`, "
               "`let-go` or `journaled`.")


@pen.command("list")
@click.option("--status", "status_text", metavar="STATUS",
              help="Only drafts with this status: holding, sent, let-go or journaled.")
@click.option("--limit", type=whole(1, MAX_LIST, f"choose from 1 to {MAX_LIST}"), default=50,
              show_default=True,
              help=f"At most N drafts (1 to {MAX_LIST}).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, newest first.")
def list_(status_text: str | None, limit: int, as_json: bool) -> None:
    """List held drafts, newest first, with the time left for those still waiting."""
    status = _status(status_text)
    workspace = open_workspace()
    try:
        drafts = workspace.pause.list(status=status, limit=limit)
        total = workspace.pause.count() if status is None else len(drafts)
        now = workspace.clock.now()
    finally:
        workspace.close()
    if as_json:
        echo_json([held_json(h, now) for h in drafts])
    elif not drafts:
        click.echo(NONE_WITH[status] if status else
                   "The pen is empty. `clearheart pen hold TEXT` keeps a draft for a while.")
    else:
        click.echo("\n".join(held_line(h, now) for h in drafts))
        if total > len(drafts):
            click.echo(f"… and {total - len(drafts):,} older (use --limit).")


@pen.command("show")
@click.argument("draft_id", type=ID, metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the held draft as JSON.")
def show(draft_id: int, as_json: bool) -> None:
    """Show one held draft: its words, your calmer version, status and times."""
    workspace = open_workspace()
    try:
        held = workspace.pause.get(draft_id)
        now = workspace.clock.now()
    finally:
        workspace.close()
    if as_json:
        echo_json(held_json(held, now))
        return
    lines = [
        f"Held draft #{held.id}: {_state(held, now)}",
        f"Held     {_day_time(held.created)} (for {_minutes(held.minutes)})",
        f"Until    {_day_time(held.hold_until.astimezone(now.tzinfo))}",
    ]
    if held.decided_at:
        lines.append(f"Decided  {_day_time(held.decided_at.astimezone(now.tzinfo))}")
    lines += ["", "The draft:", textwrap.indent(held.text, "    ")]
    if held.rewrite:
        lines += ["", "Your calmer version:", textwrap.indent(held.rewrite, "    ")]
    if held.status == "holding":
        lines += ["", f"Decide whenever you are ready: `clearheart pen decide {held.id} sent`, "
                      "`let-go` or `journaled`."]
    click.echo("\n".join(lines))


@pen.command("decide")
@click.argument("draft_id", type=ID, metavar="ID")
@click.argument("status_text", metavar="sent|let-go|journaled")
@click.option("--json", "as_json", is_flag=True, help="Print the held draft as JSON.")
def decide(draft_id: int, status_text: str, as_json: bool) -> None:
    """Say what happened: you sent it, let it go, or put it in your journal.

    `journaled` also writes the draft (and your calmer version) as a journal entry.
    Deciding before the time is up is fine.
    """
    decision = _decision(status_text)
    workspace = open_workspace()
    try:
        held = workspace.pause.decide(draft_id, decision)
        now = workspace.clock.now()
    finally:
        workspace.close()
    if as_json:
        echo_json(held_json(held, now))
    else:
        click.echo(DECIDED[held.status])


@pen.command("delete")
@click.argument("draft_id", type=ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete(draft_id: int, yes: bool) -> None:
    """Delete a held draft for good."""
    if not yes and not click.confirm(f"Delete held draft #{draft_id} for good?"):
        raise click.exceptions.Abort()
    workspace = open_workspace()
    try:
        workspace.pause.forget(draft_id)
    finally:
        workspace.close()
    click.echo(f"Held draft #{draft_id} is deleted. It is gone for good.")
