"""Facebook Messenger and Instagram direct messages, from Meta's JSON download.

Both write one folder per thread (`messages/inbox/<name>_<id>/`, under
`your_facebook_activity/`, `your_activity_across_facebook/` or
`your_instagram_activity/` in newer downloads) holding `message_1.json`,
`message_2.json`…: `message_1` is the newest file and each file lists its
messages newest first. A file is `{"participants": [{"name"}], "messages":
[...], "title", "is_still_participant", "thread_path", ...}`; a message has
`sender_name`, `timestamp_ms`, `content`, media lists (`photos`, `videos`,
`audio_files`, `gifs`, `files`, `sticker`), `share`, `call_duration`,
`is_unsent`, `reactions`, and in older files `type` (Generic, Share, Call,
Subscribe, Unsubscribe). Every string is UTF-8 written as if each byte were
a Latin-1 character ("Ã©" for "é"); we undo that where it round-trips.

We yield oldest first: the files from the highest number down, and the
messages of each file sorted by time. A file is held in memory while it is
sorted, so one file may hold at most `MAX_PER_FILE` messages (Meta writes
10,000).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from clearheart.domain.chat import Kind, Message
from clearheart.importers.archive import Export, open_zip
from clearheart.importers.base import ChatChoiceNeeded, ImportProblem, Options, Source, shown
from clearheart.importers.json_stream import JsonReader, open_json

FORMAT = "messenger"
FORMATS = ("messenger", "instagram")
MAX_PER_FILE = 100_000

_FILE = re.compile(r"(?:^|/)message_(\d+)\.json$")
_MEDIA = {
    "photos": "photo",
    "videos": "video",
    "audio_files": "voice message",
    "gifs": "GIF",
    "files": "file",
    "sticker": "sticker",
}
# English only: Meta writes these notices into `content` as if someone said them.
_NOTICE = re.compile(
    r"^(?:.+ )?[Rr]eacted .+ to (?:your|a|their|his|her) message ?$"
    r"|^Liked a message$"
    r"|^.+ (?:named the group|changed the group photo|set the nickname for|set (?:your|his|her|"
    r"their|the) (?:own )?nickname|cleared (?:the|your|their) nickname|changed the (?:chat )?"
    r"theme|set the emoji to|set the quick reaction|added .+ to the group|removed .+ from the "
    r"group|left the group|pinned a message|unpinned a message)"
    r"|^You are now connected on Messenger|^Say hi to your new Facebook friend"
    r"|^You can now message and call each other|^You're now friends on Facebook"
    # Polls and things that have gone: Meta records them under the name of whoever acted.
    r"|^.+'s poll has (?:multiple|\d+) updates\.?$"
    r"|^.+ (?:created a poll|voted for \".*\" in the poll|changed (?:your|their|his|her) vote "
    r"to \".*\" in the poll|removed (?:your|their|his|her) vote for \".*\" in the poll): "
    r"|^This (?:poll|message|content|story|post|reel|video|photo|attachment) is "
    r"(?:no longer available|unavailable)\.?$"
)
_CALL_NOTICE = re.compile(
    r"^(?:Audio call ended|Video chat ended|Missed (?:audio|video) call|The video chat ended\."
    r"|.+ started (?:an audio call|a video chat|a call)\.?|.+ missed (?:your|a) (?:video )?call"
    r"\.?|You missed a (?:video )?call from .+|You called .+)$"
)
_ATTACHMENT_NOTICE = re.compile(r"sent an attachment\.$")


def sniff(path: Path) -> bool:
    """A message_N.json, a thread folder, a download folder, or a zip of the download."""
    try:
        if path.is_file() and _FILE.search(path.name):
            return True
        if path.is_dir():
            if any(_FILE.search(p.name) for p in path.glob("message_*.json")):
                return True
            return any((path / prefix / "messages" / "inbox").is_dir()
                       for prefix in ("", "your_facebook_activity",
                                      "your_activity_across_facebook", "your_instagram_activity"))
        if zipfile.is_zipfile(path):
            with open_zip(path) as archive:
                return any(_FILE.search(name) for name in archive.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    return False


def open_source(path: Path, options: Options, *, as_format: str | None = None) -> Source:
    """Find the thread's files (choosing among threads if needed) and read its title."""
    files = _thread_files(path, options)
    fmt = as_format if as_format in FORMATS else _format_of(path, files)
    source = MessengerSource(files, options, fmt)
    source.title = source.read_title()
    return source


_File = tuple[Path, str]
"""Where one message file is: the root given to `archive.Export`, and the name inside it."""


def _thread_files(path: Path, options: Options) -> list[_File]:
    if path.is_file() and not zipfile.is_zipfile(path):
        if not _FILE.search(path.name):
            return [(path, path.name)]
        # Only the folder itself: a message_1.json picked out of Downloads must
        # not make us walk all of Downloads.
        siblings = sorted(p for p in path.parent.glob("message_*.json")
                          if _FILE.search(p.name) and p.is_file() and not p.is_symlink())
        return _numbered([(p, p.name) for p in siblings])
    with Export(path, options.limits) as export:
        names = export.names()
    threads: dict[str, list[_File]] = {}
    for name in names:
        if _FILE.search(name):
            threads.setdefault(str(PurePosixPath(name).parent), []).append((path, name))
    if not threads:
        raise ImportProblem(path, "holds no message_1.json; download your messages from Meta "
                            "in JSON format")
    if len(threads) == 1:
        return _numbered(next(iter(threads.values())))
    if options.chat is not None:
        wanted = options.chat.casefold()
        for folder, files in threads.items():
            name = PurePosixPath(folder).name.casefold()
            if wanted in (folder.casefold(), name, name.rsplit("_", 1)[0]):
                return _numbered(files)
    choices = tuple("/".join(PurePosixPath(f).parts[-2:]) for f in sorted(threads))
    raise ChatChoiceNeeded(path, "several threads", choices=choices)


def _numbered(files: list[_File]) -> list[_File]:
    """Oldest file first: message_N.json down to message_1.json."""
    def number(file: _File) -> int:
        found = _FILE.search(file[1])
        return int(found.group(1)) if found else 0
    return sorted(files, key=number, reverse=True)


def _format_of(path: Path, files: list[_File]) -> str:
    names = [str(path).lower(), *(name.lower() for _, name in files)]
    return "instagram" if any("instagram" in name for name in names) else "messenger"


def content_kind(content: str) -> Kind | None:
    """SYSTEM or CALL for the English notices Meta writes as `content`, else None."""
    if _NOTICE.match(content):
        return Kind.SYSTEM
    if _CALL_NOTICE.match(content):
        return Kind.CALL
    return None


def repair(text: str) -> str:
    """Undo Meta's mojibake (UTF-8 bytes written as Latin-1 characters) when it round-trips."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


class MessengerSource:
    """One Messenger or Instagram thread, streamed oldest first."""

    def __init__(self, files: list[_File], options: Options, fmt: str) -> None:
        self.format = fmt
        self.title: str | None = None
        self.warnings: list[str] = []
        self._files = files
        self._options = options
        self._repaired = 0

    def read_title(self) -> str | None:
        """The thread's title from its newest file (it follows the messages there)."""
        root, name = self._files[-1]
        with open_json(root, name, self._options.limits) as reader:
            title: str | None = None
            for key in _keys(reader):
                if key != "title":
                    reader.skip()
                    continue
                value = reader.value()
                title = repair(value) if isinstance(value, str) else None
            reader.finish()
        return title

    def messages(self) -> Iterator[Message]:
        count = 0
        for file in self._files:
            batch = self._read(*file)
            count += len(batch)
            if count > self._options.limits.max_messages:
                raise ImportProblem(file[0], "the thread holds more than "
                                    f"{self._options.limits.max_messages} messages; raise "
                                    "limits.max_messages")
            yield from batch
        if self._repaired:
            plural = "" if self._repaired == 1 else "s"
            self.warnings.append(f"Repaired {self._repaired} text{plural} that the download "
                                 "wrote as mis-decoded UTF-8 (like 'Ã©' for 'é').")

    def _read(self, root: Path, name: str) -> list[Message]:
        batch: list[Message] = []
        with open_json(root, name, self._options.limits) as reader:
            for key in _keys(reader):
                if key != "messages":
                    reader.skip()
                    continue
                for _ in reader.iter_array():
                    batch.append(self._message(reader.value(), reader))
                    if len(batch) > MAX_PER_FILE:
                        raise reader.problem(f"holds more than {MAX_PER_FILE} messages in one "
                                             "file; Meta writes at most 10,000 per file")
            reader.finish()
        batch.reverse()  # newest first in the file; reversing keeps ties in sending order
        batch.sort(key=lambda message: message.ts)
        return batch

    def _text(self, value: Any) -> str:
        if not isinstance(value, str):
            return ""
        fixed = repair(value)
        if fixed != value:
            self._repaired += 1
        return fixed

    def _message(self, record: Any, reader: JsonReader) -> Message:
        if not isinstance(record, dict):
            raise reader.problem("has a message that is not a JSON object")
        ts = self._time(record, reader)
        sender = self._text(record.get("sender_name"))
        content = self._text(record.get("content"))
        if record.get("is_unsent"):
            return Message(ts, sender, Kind.DELETED, content or "unsent")
        kind_of = record.get("type")
        noticed = content_kind(content)
        if kind_of in ("Subscribe", "Unsubscribe") or noticed is Kind.SYSTEM:
            return Message(ts, "", Kind.SYSTEM, content)
        if kind_of == "Call" or "call_duration" in record or noticed is Kind.CALL:
            return Message(ts, sender, Kind.CALL, content or _call_text(record))
        for key, label in _MEDIA.items():
            if record.get(key):
                return Message(ts, sender, Kind.MEDIA, content or label)
        share = record.get("share")
        if isinstance(share, dict) and _ATTACHMENT_NOTICE.search(content):
            return Message(ts, sender, Kind.MEDIA, content)
        if not content and isinstance(share, dict):
            return Message(ts, sender, Kind.TEXT, self._text(share.get("link")))
        return Message(ts, sender, Kind.TEXT, content)

    def _time(self, record: dict[str, Any], reader: JsonReader) -> datetime:
        millis = record.get("timestamp_ms")
        if millis is None and isinstance(record.get("timestamp"), int):
            millis = record["timestamp"] * 1000  # the oldest downloads counted seconds
        if not isinstance(millis, int) or isinstance(millis, bool):
            raise reader.problem(
                f"has a message without a readable timestamp_ms ({shown(millis)})")
        try:
            moment = datetime.fromtimestamp(millis // 1000, UTC) + timedelta(
                milliseconds=millis % 1000)
            return moment.astimezone(self._options.tz).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            raise reader.problem(
                f"has a message with an impossible time ({shown(millis)})") from None


def _keys(reader: JsonReader) -> Iterator[str]:
    if reader.peek() != "{":
        raise reader.problem("is not a Messenger or Instagram message file (not a JSON object)")
    yield from reader.iter_object()


def _call_text(record: dict[str, Any]) -> str:
    seconds = record.get("call_duration")
    if isinstance(seconds, int) and seconds > 0:
        return f"Call, {seconds} s"
    return "Missed call" if seconds == 0 else "Call"
