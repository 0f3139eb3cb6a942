"""Signal Desktop chats exported with signal-export (carderne/signal-export).

The tool writes one folder per chat, `<Chat>/chat.md` (plus `data.json`,
`index.html` and `media/`). In `chat.md` each message starts a line
`[YYYY-MM-DD HH:MM:SS] Sender: body` (older versions: `[YYYY-MM-DD, HH:MM]`
or without seconds) and is followed by a blank line; bodies keep their
newlines and end in two spaces (Markdown line breaks). Your own messages are
from `Me`. A reply starts with the quoted text as `> ` lines, reactions
follow as `(- Name: emoji -)`, stickers as `(( emoji ))` or a link, and
attachments as `![name](./media/…)` or `[name](./media/…)`. Deleted messages
read `(This message was deleted)`, calls are written as their description
(`Incoming voice call (accepted, 2m 3s)`, `Missed video call`,
`Outgoing call`…), and group notices have an empty body. `data.json` holds
the same messages as JSON Lines (`date`, `sender`, `body`, `quote`,
`sticker`, `reactions`, `attachments`…); we read it only when there is no
chat.md, because the tool's `--old` merge updates chat.md but not data.json.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import Any

from clearheart.domain.chat import Kind, Message
from clearheart.importers.archive import Export, open_zip
from clearheart.importers.base import (
    ChatChoiceNeeded,
    ImportProblem,
    MemberSource,
    Options,
    Source,
)
from clearheart.importers.json_stream import loads_record

FORMAT = "signal"
CHAT_FILE = "chat.md"
JSON_FILE = "data.json"

_HEADER = re.compile(
    r"^\[(\d{4}-\d{2}-\d{2}),? (\d{1,2}:\d{2}(?::\d{2})?)\] (.+?): ?(.*)$"
)
_DELETED = "(This message was deleted)"
_CALL = re.compile(
    r"^(?:(?:Incoming|Outgoing) (?:(?:voice|video) )?call(?: \(.*\))?"
    r"|Missed (?:(?:voice|video) )?call)$"
)
_ATTACHMENT = re.compile(r"!?\[([^\]\n]*)\]\((\.\.?/[^)\n]*)\)")
_REACTIONS = re.compile(r"^\(- .* -\)$")
_STICKER = re.compile(r"^\(\( (.*) \)\)$")


def sniff(path: Path) -> bool:
    """A chat.md or data.json from signal-export, a chat folder, an export folder or a zip."""
    try:
        if path.is_dir():
            folders = [path, *sorted(p for p in path.iterdir() if p.is_dir())[:20]]
            return any(_sniff_file(folder / CHAT_FILE) or _sniff_file(folder / JSON_FILE)
                       for folder in folders)
        if zipfile.is_zipfile(path):
            with open_zip(path) as archive:
                names = [n for n in archive.namelist() if PurePosixPath(n).name == CHAT_FILE]
                if not names:
                    return False
                with archive.open(names[0]) as member:
                    return _looks_like_chat(member.read(512))
        return _sniff_file(path)
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _sniff_file(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as handle:
        head = handle.read(512)
    if path.name == JSON_FILE:
        return head.lstrip().startswith(b'{"date"')
    return path.suffix == ".md" and _looks_like_chat(head)


def _looks_like_chat(head: bytes) -> bool:
    first = head.decode("utf-8", "ignore").lstrip("\ufeff").split("\n", 1)[0]
    return is_message_start(first)


def is_message_start(line: str) -> bool:
    """A chat.md line that starts a message: `[2021-08-01 09:01] Name: text`."""
    return _HEADER.match(line) is not None


def open_source(path: Path, options: Options) -> Source:
    """Find the chat's chat.md (or data.json), choosing among chats if the export has many."""
    with Export(path, options.limits) as export:
        names = export.names()
        if export.kind == "file":
            return SignalSource(path, names[0], path.parent.name or None, options)
    chats: dict[str, dict[str, str]] = {}
    for name in names:
        posix = PurePosixPath(name)
        if posix.name in (CHAT_FILE, JSON_FILE):
            chats.setdefault(str(posix.parent), {})[posix.name] = name
    if not chats:
        raise ImportProblem(path, "holds no chat.md; export your chats with signal-export")
    folder = next(iter(chats)) if len(chats) == 1 else _choose(chats, options)
    if folder is None:
        raise ChatChoiceNeeded(path, "several chats",
                               choices=tuple(PurePosixPath(f).name for f in sorted(chats)))
    found = chats[folder]
    title = PurePosixPath(folder).name if folder != "." else path.name
    return SignalSource(path, found.get(CHAT_FILE) or found[JSON_FILE], title or None, options)


def _choose(chats: dict[str, dict[str, str]], options: Options) -> str | None:
    if options.chat is None:
        return None
    wanted = options.chat.casefold()
    for folder in chats:
        if wanted in (folder.casefold(), PurePosixPath(folder).name.casefold()):
            return folder
    return None


class SignalSource(MemberSource):
    """One Signal chat, streamed in file order."""

    format = FORMAT

    def messages(self) -> Iterator[Message]:
        with Export(self._root, self._options.limits) as export:
            self._label = export.label(self._member)
            lines = export.lines(self._member)
            first = next(lines, None)
            if first is not None:
                lines = chain([first], lines)
            # data.json however it was renamed: a chat.md never starts with "{".
            if PurePosixPath(self._member).name == JSON_FILE or (
                    first is not None and first[1].lstrip("\ufeff ").startswith("{")):
                produced = self._from_json(lines)
            else:
                produced = self._from_markdown(lines)
            for count, message in enumerate(produced, 1):
                if count > self._options.limits.max_messages:
                    raise ImportProblem(self._label, "holds more than "
                                        f"{self._options.limits.max_messages} messages; raise "
                                        "limits.max_messages")
                yield message

    def _from_markdown(self, lines: Iterator[tuple[int, str]]) -> Iterator[Message]:
        head: re.Match[str] | None = None
        start = 0
        body: list[str] = []
        size = 0
        for number, line in lines:
            found = _HEADER.match(line)
            if found is not None:
                if head is not None:
                    yield self._markdown_message(head, body, start)
                head, start, body, size = found, number, [found.group(4)], len(line)
            elif head is None:
                if line.strip():
                    raise ImportProblem(self._label, "does not start with a message "
                                        "line like '[2021-08-01 09:01] Name: text'", number)
            else:
                size += len(line)
                if size > self._options.limits.max_line_chars:
                    raise ImportProblem(self._label, "has a message longer than "
                                        f"{self._options.limits.max_line_chars} characters; "
                                        "raise limits.max_line_chars", start)
                body.append(line)
        if head is not None:
            yield self._markdown_message(head, body, start)

    def _markdown_message(self, head: re.Match[str], body: list[str], number: int) -> Message:
        ts = self._parse_time(f"{head.group(1)} {head.group(2)}", number)
        sender = head.group(3)
        lines = [line.rstrip() for line in body]
        if lines and lines[0] == "":
            # A reply: the quoted message comes first, as `> ` lines between blanks.
            while lines and (lines[0] == "" or lines[0].startswith(">")):
                lines.pop(0)
        media: list[str] = []
        kept: list[str] = []
        for line in lines:
            if _REACTIONS.match(line):
                continue
            sticker = _STICKER.match(line)
            if sticker is not None:
                media.append(sticker.group(1))
                continue
            media += [name or "attachment" for name, _ in _ATTACHMENT.findall(line)]
            kept.append(_ATTACHMENT.sub("", line).rstrip())
        text = "\n".join(kept).strip("\n")
        return _classify(ts, sender, text, media, deleted=False, call=False)

    def _from_json(self, lines: Iterator[tuple[int, str]]) -> Iterator[Message]:
        for number, line in lines:
            if not line.strip():
                continue
            record = loads_record(line, self._label, number, self._options.limits)
            if not isinstance(record, dict):
                raise ImportProblem(self._label, "has a line that is not a JSON object",
                                    number)
            ts = self._parse_time(str(record.get("date", "")), number)
            media = [str(a.get("name") or "attachment") for a in record.get("attachments") or []
                     if isinstance(a, dict)]
            sticker = record.get("sticker")
            if sticker:
                media.append(_sticker_label(sticker))
            text = "\n".join(part.rstrip() for part in str(record.get("body") or "").split("\n"))
            yield _classify(ts, str(record.get("sender") or ""), text.strip("\n"), media,
                            deleted=bool(record.get("deleted")), call=bool(record.get("call")))

    def _parse_time(self, text: str, number: int) -> datetime:
        try:
            moment = datetime.fromisoformat(text.replace(", ", " "))
        except ValueError:
            raise ImportProblem(self._label, f"has an unreadable date {text!r}",
                                number) from None
        if moment.tzinfo is not None:
            try:
                moment = moment.astimezone(self._options.tz).replace(tzinfo=None)
            except OverflowError:
                raise ImportProblem(self._label, f"has an impossible date {text!r}",
                                    number) from None
        return moment


def _sticker_label(sticker: Any) -> str:
    if isinstance(sticker, dict):
        emoji = sticker.get("emoji") or (sticker.get("data") or {}).get("emoji")
        return str(emoji or "sticker")
    return str(sticker) if isinstance(sticker, str) and sticker else "sticker"


def _classify(
    ts: datetime, sender: str, text: str, media: list[str], *, deleted: bool, call: bool
) -> Message:
    if deleted or text == _DELETED:
        return Message(ts, sender, Kind.DELETED, text or _DELETED)
    if call or _CALL.match(text):
        return Message(ts, sender, Kind.CALL, text)
    if media:
        return Message(ts, sender, Kind.MEDIA, text or ", ".join(media))
    if not text:
        return Message(ts, "", Kind.SYSTEM, "")
    return Message(ts, sender, Kind.TEXT, text)
