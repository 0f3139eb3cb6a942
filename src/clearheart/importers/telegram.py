"""Telegram Desktop's JSON export ("Export chat history" or "Export Telegram data").

The format, as Telegram Desktop writes it (export_output_json.cpp in
telegramdesktop/tdesktop): `result.json` holds either one chat
(`{"name", "type", "id", "messages": [...]}`) or a whole account
(`{"about", "personal_information", ..., "chats": {"about", "list": [chat...]},
"left_chats": {...}}`), each chat writing name, type and id before its
messages. A message has `type` "message" or "service" (then `action` and
`actor`), `date` as local ISO time and `date_unixtime`, `from`, `edited`,
`text` (a string, or an array of strings and `{"type", "text"}` entities) and
`text_entities`, and media keys (`photo`, `file`, `media_type`,
`sticker_emoji`, `contact_information`, `location_information`, `poll`).
Control characters come out as `\\xHH`, which JSON forbids (tdesktop issue
#27571); we repair those and say so in the warnings.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from clearheart.domain.chat import Kind, Message
from clearheart.domain.whole_numbers import read_whole
from clearheart.errors import InvalidInput
from clearheart.importers.archive import Export, open_zip
from clearheart.importers.base import (
    EPOCH_SECONDS,
    ChatChoiceNeeded,
    ImportProblem,
    Options,
    Source,
    shown,
)
from clearheart.importers.json_stream import JsonReader, open_json

FORMAT = "telegram"
MAIN_FILE = "result.json"

_CHAT_TYPE = re.compile(
    rb'"type":\s*"(personal_chat|bot_chat|private_group|private_supergroup|public_supergroup'
    rb'|private_channel|public_channel|saved_messages|replies)"'
)
_MEDIA_NAMES = {
    "voice_message": "voice message",
    "video_message": "video message",
    "video_file": "video",
    "animation": "GIF",
    "audio_file": "audio",
}
_CALL_ACTIONS = frozenset({"phone_call", "group_call"})
_ACTION_WORDS = {
    "create_group": "created the group",
    "edit_group_title": "renamed the group",
    "edit_group_photo": "changed the group photo",
    "invite_members": "added members",
    "remove_members": "removed members",
    "join_group_by_link": "joined by link",
    "pin_message": "pinned a message",
    "clear_history": "cleared the history",
    "take_screenshot": "took a screenshot",
    "joined_telegram": "joined Telegram",
    "set_messages_ttl": "changed disappearing messages",
    "edit_chat_theme": "changed the chat theme",
}


def sniff(path: Path) -> bool:
    """A Telegram JSON export, a folder holding one, or a zip with a result.json."""
    try:
        if path.is_dir():
            candidates = [path / MAIN_FILE, *sorted(path.glob(f"*/{MAIN_FILE}"))[:2]]
            return any(_looks_like_export(_head(c)) for c in candidates
                       if c.is_file() and not c.is_symlink())
        if zipfile.is_zipfile(path):
            with open_zip(path) as archive:
                return any(PurePosixPath(n).name == MAIN_FILE for n in archive.namelist())
        return path.is_file() and _looks_like_export(_head(path))
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(4096)


def _looks_like_export(head: bytes) -> bool:
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return False
    if b'"date_unixtime"' in head or _CHAT_TYPE.search(head):
        return True
    return b'"about"' in head and (b'"personal_information"' in head or b"Telegram" in head)


def open_source(path: Path, options: Options) -> Source:
    """Find result.json, tell one chat from a whole account, and settle which chat to read."""
    member = _main_file(path, options)
    with open_json(path, member, options.limits, repair_x_escapes=True) as reader:
        if reader.peek() != "{":
            raise reader.problem("is not a Telegram export (it is not a JSON object)")
        header: dict[str, Any] = {}
        for key in reader.iter_object():
            if key == "messages":
                return TelegramSource(path, member, options, _title(header), wanted=None)
            if key == "chats":
                break
            if key in ("name", "type", "id"):
                header[key] = reader.value()
            else:
                reader.skip()
        else:
            raise reader.problem("is not a Telegram export (it has no messages and no chats)")
    if options.chat is not None:
        return TelegramSource(path, member, options, options.chat, wanted=options.chat)
    with open_json(path, member, options.limits, repair_x_escapes=True) as reader:
        chats = list(_list_chats(reader))
        label = reader.label
    if not chats:
        raise ImportProblem(label, "holds no chats")
    if len(chats) == 1:
        return TelegramSource(path, member, options, _title(chats[0]),
                              wanted=str(chats[0].get("id")))
    raise ChatChoiceNeeded(label, "several chats", choices=tuple(map(_choice, chats)))


def _main_file(path: Path, options: Options) -> str:
    """The member to read: the file itself, or the one result.json in a folder or zip."""
    with Export(path, options.limits) as export:
        names = export.names()
        if export.kind == "file":
            return names[0]
    found = [name for name in names if PurePosixPath(name).name == MAIN_FILE]
    if not found:
        raise ImportProblem(path, "holds no result.json; export from Telegram Desktop with "
                            "the format set to JSON")
    if len(found) == 1:
        return found[0]
    folders = [str(PurePosixPath(name).parent) for name in found]
    for name, folder in zip(found, folders, strict=True):
        if options.chat is not None and options.chat in (folder, name):
            return name
    raise ChatChoiceNeeded(path, "several exports", choices=tuple(folders))


def _title(chat: dict[str, Any]) -> str | None:
    if chat.get("type") == "saved_messages":
        return "Saved Messages"
    name = chat.get("name")
    return name if isinstance(name, str) else None


def _choice(chat: dict[str, Any]) -> str:
    return f"{_title(chat) or '(no name)'} (id {chat.get('id')})"


def _list_chats(reader: JsonReader) -> Iterator[dict[str, Any]]:
    for header in _walk_chats(reader):
        yield header
        reader.skip()


def _walk_chats(reader: JsonReader) -> Iterator[dict[str, Any]]:
    """Yield each chat's header just before its messages; the caller consumes them."""
    for key in reader.iter_object():
        if key != "chats":
            reader.skip()
            continue
        for section in reader.iter_object():
            if section != "list":
                reader.skip()
                continue
            for _ in reader.iter_array():
                header: dict[str, Any] = {}
                for field in reader.iter_object():
                    if field == "messages":
                        yield header
                    elif field in ("name", "type", "id"):
                        header[field] = reader.value()
                    else:
                        reader.skip()
    reader.finish()


class TelegramSource:
    """One chat of a Telegram export, streamed message by message."""

    format = FORMAT

    def __init__(
        self, root: Path, member: str, options: Options, title: str | None, wanted: str | None
    ) -> None:
        self.title = title
        self.warnings: list[str] = []
        self._root = root
        self._member = member
        self._options = options
        self._wanted = wanted
        self._skipped = 0

    def messages(self) -> Iterator[Message]:
        with open_json(self._root, self._member, self._options.limits,
                       repair_x_escapes=True) as reader:
            if self._wanted is None:
                for key in reader.iter_object():
                    if key == "messages":
                        yield from self._stream(reader)
                    else:
                        reader.skip()
                reader.finish()
            else:
                yield from self._chosen(reader)
        if reader.repaired:
            self.warnings.append(f"Repaired {reader.repaired} invalid \\x escapes that "
                                 "Telegram Desktop writes for control characters.")
        if self._skipped:
            plural = "" if self._skipped == 1 else "s"
            self.warnings.append(f"Skipped {self._skipped} message{plural} Telegram marks "
                                 "'unsupported' (they carry no date or sender).")

    def _chosen(self, reader: JsonReader) -> Iterator[Message]:
        wanted = self._wanted or ""
        seen: list[dict[str, Any]] = []
        found: dict[str, Any] | None = None
        found_by_id = False
        namesakes: list[dict[str, Any]] = []
        for header in _walk_chats(reader):
            seen.append(header)
            by_id = str(header.get("id")) == wanted
            by_name = (_title(header) or "").casefold() == wanted.casefold()
            if found is None and (by_id or by_name):
                found, found_by_id = header, by_id
                self.title = _title(header)
                yield from self._stream(reader)
                continue
            if found is not None and by_name and not found_by_id:
                namesakes.append(header)
            reader.skip()
        if found is None:
            raise ChatChoiceNeeded(reader.label, f"no chat named {wanted!r}",
                                   choices=tuple(map(_choice, seen)))
        if namesakes:
            raise ChatChoiceNeeded(reader.label, f"several chats named {wanted!r}",
                                   choices=tuple(map(_choice, [found, *namesakes])))

    def _stream(self, reader: JsonReader) -> Iterator[Message]:
        count = 0
        for _ in reader.iter_array():
            record = reader.value()
            message = self._message(record, reader)
            if message is None:
                continue
            count += 1
            if count > self._options.limits.max_messages:
                raise reader.problem(f"holds more than {self._options.limits.max_messages} "
                                     "messages; raise limits.max_messages")
            yield message

    def _message(self, record: Any, reader: JsonReader) -> Message | None:
        if not isinstance(record, dict):
            raise reader.problem("has a message that is not a JSON object")
        kind_of = record.get("type")
        if kind_of == "unsupported":
            self._skipped += 1
            return None
        ts = self._time(record, reader)
        text = _plain(record.get("text_entities", record.get("text")))
        edited = "edited" in record
        if kind_of == "service":
            action = str(record.get("action", ""))
            actor = _name(record, "actor")
            if action in _CALL_ACTIONS:
                return Message(ts, actor, Kind.CALL, _call_text(record), edited)
            return Message(ts, "", Kind.SYSTEM, _service_text(action, record, actor, text),
                           edited)
        sender = _name(record, "from")
        described = _media(record)
        if described is not None:
            return Message(ts, sender, Kind.MEDIA, text if text.strip() else described, edited)
        return Message(ts, sender, Kind.TEXT, text, edited)

    def _time(self, record: dict[str, Any], reader: JsonReader) -> datetime:
        local = record.get("date")
        if isinstance(local, str):
            try:
                return datetime.fromisoformat(local).replace(tzinfo=None)
            except ValueError:
                pass
        epoch = record.get("date_unixtime")
        try:
            seconds = read_whole(str(epoch), "date_unixtime", EPOCH_SECONDS)
            moment = datetime.fromtimestamp(seconds, UTC)
            return moment.astimezone(self._options.tz).replace(tzinfo=None)
        except (InvalidInput, OverflowError, OSError):
            raise reader.problem(f"has a message without a readable date (date {shown(local)}, "
                                 f"date_unixtime {shown(epoch)})") from None


def _plain(value: Any) -> str:
    """Rich text (a string, or strings and entity objects) as plain text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str)
            else str(part.get("text", "")) if isinstance(part, dict) else ""
            for part in value
        )
    return ""


def _name(record: dict[str, Any], field: str) -> str:
    # A deleted account is written as null; its id still tells people apart.
    name = record.get(field)
    if isinstance(name, str) and name:
        return name
    ident = record.get(f"{field}_id")
    return str(ident) if ident is not None else ""


def _media(record: dict[str, Any]) -> str | None:
    """A short description of what was sent, or None for plain text."""
    if "sticker_emoji" in record or record.get("media_type") == "sticker":
        return str(record.get("sticker_emoji") or "sticker")
    media_type = record.get("media_type")
    if isinstance(media_type, str):
        return _MEDIA_NAMES.get(media_type, media_type.replace("_", " "))
    if "photo" in record:
        return "photo"
    if "file" in record:
        return "file"
    if "contact_information" in record:
        return "contact"
    if "location_information" in record or "place_name" in record:
        return "location"
    poll = record.get("poll")
    if isinstance(poll, dict):
        return f"poll: {poll.get('question', '')}"
    for key in ("game_title", "invoice_information"):
        if key in record:
            return key.split("_")[0]
    return None


def _call_text(record: dict[str, Any]) -> str:
    reason = record.get("discard_reason")
    seconds = record.get("duration_seconds", record.get("duration"))
    if reason in ("missed", "busy"):
        return f"Missed call ({reason})" if reason == "busy" else "Missed call"
    if isinstance(seconds, int) and seconds > 0:
        return f"Call, {seconds} s"
    return "Call"


def _service_text(action: str, record: dict[str, Any], actor: str, text: str) -> str:
    info = record.get("information_text")
    if isinstance(info, str) and info:
        return info
    words = _ACTION_WORDS.get(action) or (action.replace("_", " ") if action else "notice")
    title = record.get("title")
    detail = f": {title}" if isinstance(title, str) and title else ""
    line = f"{actor} {words}{detail}" if actor else f"{words}{detail}"
    return f"{line} ({text})" if text.strip() else line
