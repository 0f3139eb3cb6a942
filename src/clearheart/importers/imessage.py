"""iMessage conversations exported as text by imessage-exporter (ReagentX/imessage-exporter).

`imessage-exporter -f txt` writes one `.txt` per conversation, named after
the contact or group (`orphaned.txt` collects messages without a chat). Its
txt exporter (exporters/txt.rs) renders each message as: a time line
`May 17, 2022  5:29:42 PM`, optionally followed by
` (Read by you after 1 hour, 49 seconds)`; the sender line (`Me` for you);
the message parts, one or more lines each; then a blank line. The time uses
chrono's `%b %d, %Y %l:%M:%S %p`, so single-digit hours have two spaces
before them. Inside a message: `This message was deleted from the
conversation!`; attachments as their file path (or `Attachment missing!`);
stickers as `Sticker from Name: path`; tapbacks under a `Tapbacks:` line
(`Reactions:` in older versions) as `Loved by Me`, each list ending with a
blank line; edited parts as `<time> original` then `Edited 5 seconds later:
new`; unsent parts as `You unsent this message part 1 minute after sending!`;
effects as `Sent with Confetti`. A threaded reply is shown twice (the
tool's docs/features.md): indented by four spaces under the message it
answers, and in its own place in time marked `This message responded to an
earlier message.`; we read only the latter, so nothing counts twice. Group
notices are one line: `<time> You named the conversation X`, `<time> Jane
unsent a message!`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from clearheart.domain.chat import Kind, Message
from clearheart.importers.archive import Export, open_zip
from clearheart.importers.base import (
    ChatChoiceNeeded,
    ImportProblem,
    MemberSource,
    Options,
    Source,
)

FORMAT = "imessage"
ME = "Me"
ORPHANED = "orphaned"

_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
_STAMP = re.compile(
    r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4}) {1,2}"
    r"(\d{1,2}):(\d{2}):(\d{2}) (AM|PM)(?: (.*))?$"
)
_INDENT = "    "
_DELETED_HERE = "This message was deleted from the conversation!"
_REPLY_NOTE = "This message responded to an earlier message."
_TAPBACK_HEADERS = frozenset({"Tapbacks:", "Reactions:"})
_EFFECTS = frozenset(
    f"Sent with {name}" for name in (
        "Confetti", "Echo", "Fireworks", "Balloons", "Heart", "Lasers", "Shooting Star",
        "Shooting Start", "Sparkles", "Spotlight", "Slam", "Loud", "Gentle", "Invisible Ink",
    )
)
_LOCATION = frozenset({"Started sharing location!", "Stopped sharing location!",
                       "Shared location!"})
_EDITED_LATER = re.compile(r"^Edited .+? later: (.*)$")
_UNSENT_PART = re.compile(r"^.+ unsent this message part(?: .+ after sending)?!$")
_UNSENT_ALL = re.compile(r"^(.+?) unsent a message!$")
_STICKER = re.compile(r"^(?:\S+ )?Sticker from .+?(?:: .*| not found!)$")
_PATH = re.compile(r"^(?:~?/|\.\.?/)?(?:[^/\n]+/)+[^/\n]+$")
_ATTACHMENT_DIR = re.compile(r"(?i)(?:^|/)attachments/")
# How SMS and other phones deliver a reaction: as a text quoting the message.
_REACTION_TEXT = re.compile(
    r"^(?:Loved|Liked|Disliked|Laughed at|Emphasized|Questioned|Reacted .+ to) "
    r"[“\"].*[”\"]$", re.DOTALL
)


def sniff(path: Path) -> bool:
    """An imessage-exporter .txt, a folder of them, or a zip of that folder."""
    try:
        if path.is_dir():
            texts = sorted(p for p in path.glob("*.txt") if p.is_file() and not p.is_symlink())
            return any(_starts_like_export(_head(p)) for p in texts[:3])
        if zipfile.is_zipfile(path):
            with open_zip(path) as archive:
                names = [n for n in archive.namelist() if n.endswith(".txt")][:3]
                for name in names:
                    with archive.open(name) as member:
                        if _starts_like_export(member.read(512)):
                            return True
            return False
        return path.is_file() and path.suffix == ".txt" and _starts_like_export(_head(path))
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(512)


def _starts_like_export(head: bytes) -> bool:
    text = head.decode("utf-8", "ignore").lstrip("\ufeff\r\n ")
    return is_message_start(text.split("\n", 1)[0].rstrip("\r"))


def is_message_start(line: str) -> bool:
    """A line that starts a message: `May 15, 2023  2:12:59 PM`, maybe with a read note."""
    return _STAMP.match(line) is not None


def open_source(path: Path, options: Options) -> Source:
    """Pick the conversation's .txt: the file given, or one of a folder or zip of them."""
    with Export(path, options.limits) as export:
        names = export.names()
        if export.kind == "file":
            return IMessageSource(path, names[0], path.stem, options)
    chats = {PurePosixPath(name).stem: name for name in names if name.endswith(".txt")}
    if not chats:
        raise ImportProblem(path, "holds no .txt conversations; export with "
                            "imessage-exporter -f txt")
    if options.chat is not None:
        for stem, name in chats.items():
            if stem.casefold() == options.chat.casefold():
                return IMessageSource(path, name, stem, options)
    choices = sorted(stem for stem in chats if stem != ORPHANED)
    if len(choices) == 1 and options.chat is None:
        return IMessageSource(path, chats[choices[0]], choices[0], options)
    raise ChatChoiceNeeded(path, "several conversations", choices=tuple(choices))


@dataclass
class _Body:
    texts: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    tapbacks: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    edited: bool = False
    unsent: bool = False
    deleted_here: bool = False
    shareplay: bool = False
    location: str = ""


class IMessageSource(MemberSource):
    """One conversation of an imessage-exporter text export."""

    format = FORMAT

    def messages(self) -> Iterator[Message]:
        count = 0
        with Export(self._root, self._options.limits) as export:
            self._label = export.label(self._member)
            lines = export.lines(self._member)
            for start, block in self._blocks(lines):
                for message in self._block(start, block):
                    count += 1
                    if count > self._options.limits.max_messages:
                        raise ImportProblem(self._label, "holds more than "
                                            f"{self._options.limits.max_messages} messages; "
                                            "raise limits.max_messages", start)
                    yield message

    def _blocks(self, lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, list[str]]]:
        """Group lines into messages: a time line after a blank line starts the next one."""
        block: list[str] = []
        start = 0
        size = 0
        after_blank = True
        for number, line in lines:
            if after_blank and _STAMP.match(line):
                if block:
                    yield start, block
                block, start, size = [line], number, 0
            elif not block:
                if line.strip():
                    raise ImportProblem(self._label, "does not start with a time line "
                                        "like 'May 15, 2023  2:12:59 PM'", number)
            else:
                size += len(line)
                if size > self._options.limits.max_line_chars:
                    raise ImportProblem(self._label, "has a message longer than "
                                        f"{self._options.limits.max_line_chars} characters; "
                                        "raise limits.max_line_chars", start)
                block.append(line)
            after_blank = not line.strip()
        if block:
            yield start, block

    def _block(self, start: int, block: list[str]) -> list[Message]:
        head = _STAMP.match(block[0])
        assert head is not None
        ts = self._time(head, start)
        rest = head.group(8)
        if rest and not (rest.startswith("(") and rest.endswith(")")):
            unsent = _UNSENT_ALL.match(rest)
            if unsent is not None:
                return [Message(ts, _person(unsent.group(1)), Kind.DELETED, rest)]
            return [Message(ts, "", Kind.SYSTEM, rest)]
        if len(block) < 2 or not block[1].strip():
            raise ImportProblem(self._label, "has a message without a sender line",
                                start + 1)
        parts = _read_parts(_without_replies(block[2:]))
        messages = [_main_message(ts, block[1], parts)]
        messages += [Message(ts, "", Kind.SYSTEM, line) for line in parts.tapbacks]
        return messages

    def _time(self, head: re.Match[str], number: int) -> datetime:
        hour = int(head.group(4))
        if not 1 <= hour <= 12:
            raise ImportProblem(self._label, f"has an impossible hour in {head.group(0)!r}",
                                number)
        hour = hour % 12 + (12 if head.group(7) == "PM" else 0)
        try:
            return datetime(int(head.group(3)), _MONTHS[head.group(1)], int(head.group(2)),
                            hour, int(head.group(5)), int(head.group(6)))
        except ValueError:
            raise ImportProblem(self._label, f"has an impossible date {head.group(0)!r}",
                                number) from None


def _without_replies(lines: list[str]) -> list[str]:
    """Drop threaded replies (indented, starting with a time): each also appears in place."""
    kept: list[str] = []
    in_reply = False
    for line in lines:
        if line.startswith(_INDENT) and _STAMP.match(line[len(_INDENT):]):
            in_reply = True
        elif in_reply and not (line.startswith(_INDENT) or not line.strip()):
            in_reply = False
        if not in_reply:
            kept.append(line)
    return kept


def _read_parts(lines: list[str]) -> _Body:
    parts = _Body()
    mode = ""
    for line in lines:
        if mode == "tapbacks":
            if line.strip():
                parts.tapbacks.append(line)
                continue
            mode = ""
        if mode == "edited":
            later = _EDITED_LATER.match(line)
            if later is not None:
                parts.versions.append(later.group(1))
                continue
            if line.strip():
                parts.versions[-1] += "\n" + line
                continue
            parts.texts.append(parts.versions[-1])
            mode = ""
        stamp = _STAMP.match(line)
        if line in _TAPBACK_HEADERS:
            mode = "tapbacks"
        elif stamp is not None and stamp.group(8):
            mode, parts.edited, parts.versions = "edited", True, [stamp.group(8)]
        elif line == _DELETED_HERE:
            parts.deleted_here = True
        elif line == "SharePlay Message" or (parts.shareplay and line == "Ended"):
            parts.shareplay = True
        elif line in _LOCATION:
            parts.location = line
        elif _UNSENT_PART.match(line):
            parts.unsent = True
        elif _is_attachment(line):
            parts.media.append(line)
        elif line == _REPLY_NOTE or line in _EFFECTS:
            continue
        else:
            parts.texts.append(line.removeprefix("Transcription: ") if parts.media else line)
    if mode == "edited":
        parts.texts.append(parts.versions[-1])
    return parts


def _is_attachment(line: str) -> bool:
    if line.startswith("Attachment missing") or _STICKER.match(line):
        return True
    if "://" in line or line != line.strip() or not _PATH.match(line):
        return False
    return line.startswith(("/", "~/", "./", "../")) or bool(_ATTACHMENT_DIR.search(line))


def _main_message(ts: datetime, sender: str, parts: _Body) -> Message:
    text = "\n".join(parts.texts).strip("\n")
    edited = parts.edited
    if parts.deleted_here:
        return Message(ts, sender, Kind.DELETED, text, edited)
    if parts.unsent and not text and not parts.media:
        return Message(ts, sender, Kind.DELETED, "unsent", edited)
    if parts.shareplay:
        return Message(ts, sender, Kind.CALL, "SharePlay", edited)
    if parts.media:
        return Message(ts, sender, Kind.MEDIA, text or "\n".join(parts.media), edited)
    if not text or _REACTION_TEXT.match(text):
        return Message(ts, "", Kind.SYSTEM, text or parts.location, edited)
    return Message(ts, sender, Kind.TEXT, text, edited)


def _person(who: str) -> str:
    return ME if who == "You" else who
