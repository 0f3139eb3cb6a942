"""`clearheart import chat`, `clearheart chats` and `clearheart messages`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, get_args

import click

from clearheart.cli.numbers import ID, Whole
from clearheart.cli.session import echo_json, open_workspace
from clearheart.domain.whole_numbers import Bounds
from clearheart.importers.base import FORMATS, DateOrder, Options
from clearheart.store.chat_repo import ChatInfo


def _stamp(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


@click.group("import")
def import_group() -> None:
    """Bring your own exports into the vault."""


@import_group.command("chat")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *FORMATS]), default="auto",
              show_default=True, help="Which app the export comes from.")
@click.option("--me", metavar="NAME", help="Which participant is you, as the export names you.")
@click.option("--date-order", type=click.Choice(list(get_args(DateOrder))),
              help="WhatsApp: day/month order when the dates leave it open.")
@click.option("--chat", "chat_name", metavar="NAME_OR_ID",
              help="For exports holding many chats (Telegram): which one.")
@click.option("--merge-into", type=ID, metavar="CHAT_ID",
              help="Add what is new to this chat: it is the same conversation.")
@click.option("--new-chat", is_flag=True,
              help="Keep it as a chat of its own, even if it looks like one already here.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def import_chat(path: Path, fmt: str, me: str | None, date_order: DateOrder | None,
                chat_name: str | None, merge_into: int | None, new_chat: bool,
                as_json: bool) -> None:
    """Import a chat export (a file, a .zip or a folder). Re-importing adds only what is new."""
    if merge_into is not None and new_chat:
        raise click.UsageError("choose one of --merge-into and --new-chat")
    workspace = open_workspace()
    ask = _ask_me if sys.stdin.isatty() and not as_json else None
    try:
        summary = workspace.chats.import_chat(
            path, fmt=fmt, me=me, options=Options(date_order=date_order, chat=chat_name), ask=ask,
            merge_into=merge_into, new_chat=new_chat)
    finally:
        workspace.close()
    if as_json:
        echo_json({
            "chat_id": summary.chat_id, "format": summary.format,
            "participants": list(summary.participants), "messages": summary.messages,
            "already_here": summary.skipped,
            "first": _stamp(summary.first), "last": _stamp(summary.last),
            "warnings": list(summary.warnings),
        })
        return
    from clearheart.services.chats import counted

    click.echo(f"Imported {counted(summary)} into chat #{summary.chat_id}.")
    for warning in summary.warnings:
        click.echo(f"Note: {warning}", err=True)


def _ask_me(participants: tuple[str, ...]) -> str:
    click.echo("Which of these people is you?")
    for number, name in enumerate(participants, 1):
        click.echo(f"  {number}. {name}")
    choice: int = click.prompt("Number", type=Whole(Bounds(1, len(participants)), again=True))
    return participants[choice - 1]


def chat_json(info: ChatInfo) -> dict[str, Any]:
    return {
        "id": info.id, "format": info.format, "title": info.title,
        "participants": list(info.participants), "me": info.me, "alias": info.partner_alias,
        "messages": info.messages, "first": _stamp(info.first), "last": _stamp(info.last),
        "source_name": info.source_name, "imported_at": info.imported_at,
    }


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def chats(as_json: bool) -> None:
    """List imported chats."""
    workspace = open_workspace()
    try:
        found = workspace.chats.chats()
    finally:
        workspace.close()
    if as_json:
        echo_json([chat_json(info) for info in found])
        return
    if not found:
        click.echo("No chats yet. `clearheart import chat PATH` brings one in.")
    from clearheart.services.chats import described

    for info in found:
        click.echo(f"{described(info)}  [{info.format}, imported {info.imported_at[:10]}]")


@click.command()
@click.argument("chat_id", type=ID)
@click.option("--jsonl", is_flag=True, help="One JSON object per line: ts, sender, kind, text.")
def messages(chat_id: int, jsonl: bool) -> None:
    """Print a chat's messages in time order."""
    workspace = open_workspace()
    out = sys.stdout
    try:
        for message in workspace.chats.messages(chat_id):
            stamp = message.ts.isoformat(timespec="seconds")
            if jsonl:
                out.write(json.dumps({"ts": stamp, "sender": message.sender,
                                      "kind": message.kind.value, "text": message.text},
                                     ensure_ascii=False) + "\n")
            else:
                out.write(f"{stamp}  {message.sender or '-'} ({message.kind.value}): "
                          f"{message.text}\n")
    finally:
        workspace.close()


@click.group("chat")
def chat_group() -> None:
    """Change an imported chat: say which person is you, rename the other, delete it."""


@chat_group.command("me")
@click.argument("chat_id", type=ID)
@click.argument("name")
def chat_me(chat_id: int, name: str) -> None:
    """Say which participant is you, by the name the export uses."""
    workspace = open_workspace()
    try:
        workspace.chats.set_me(chat_id, name)
    finally:
        workspace.close()
    click.echo(f"Chat #{chat_id}: you are {name}.")


@chat_group.command("alias")
@click.argument("chat_id", type=ID)
@click.argument("name")
def chat_alias(chat_id: int, name: str) -> None:
    """Show NAME for the other person instead of the export's name ("" to undo)."""
    workspace = open_workspace()
    try:
        workspace.chats.set_alias(chat_id, name)
    finally:
        workspace.close()
    click.echo(f"Chat #{chat_id}: the other person shows as {name or 'in the export'}.")


@chat_group.command("delete")
@click.argument("chat_id", type=ID)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def chat_delete(chat_id: int, yes: bool) -> None:
    """Delete a chat and everything worked out from it, for good."""
    if not yes and not click.confirm(f"Delete chat #{chat_id} and all its messages for good?"):
        raise click.exceptions.Abort()
    workspace = open_workspace()
    try:
        workspace.chats.delete(chat_id)
    finally:
        workspace.close()
    click.echo(f"Chat #{chat_id} is deleted.")
