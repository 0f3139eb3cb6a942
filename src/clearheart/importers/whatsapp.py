"""WhatsApp chat exports (`.txt`, or `.zip` with or without media), from Android and iPhone.

The chat is the single `_chat.txt` (iPhone) or `WhatsApp Chat with Sam.txt`
(Android) in the export. Reading takes two steps: `open_source` checks the
file, learns how its message lines look (see whatsapp_format) and, unless
told, which of day and month comes first; `messages()` then streams the
messages. Text is read in chunks of whole lines and split at message starts by
one regular expression per chunk, so the work per message is a few dictionary
look-ups, which keeps a million-message chat at a second or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from clearheart.domain.chat import Columns, Kind, Message, from_columns, wall_seconds
from clearheart.importers.archive import Chunk, Export, is_zip
from clearheart.importers.base import (
    AmbiguousDateOrder,
    ChatChoiceNeeded,
    DateOrder,
    ImportProblem,
    Options,
)
from clearheart.importers.whatsapp_format import (
    LOOSE,
    BadStamp,
    LineFormat,
    is_message_start,
    order_evidence,
    to_date,
    to_time,
)
from clearheart.importers.whatsapp_kinds import SPECIAL, classify, classify_notice, clean_sender

FORMAT = "whatsapp"
DEFAULT_OPTIONS = Options()
_TRAILING_BLANK = re.compile(r"(?:\n[^\S\n]*)+\Z")
"""Blank lines at the very end of the file: the export's last newline, not the message's."""
DETECT_LINES = 200
"""Message lines are looked for among this many first lines before we give up."""

_TITLE = re.compile(
    r"^(?:WhatsApp Chat with|WhatsApp Chat -|WhatsApp-Chat mit|Chat de WhatsApp con"
    r"|Discussion WhatsApp avec|Conversa do WhatsApp com|Chat WhatsApp con|Chat di WhatsApp con"
    r"|WhatsApp-chat met)\s+(.+?)(?:\s*\(\d+\))?$",
    re.IGNORECASE,
)


def chat_title(name: str) -> str | None:
    """"WhatsApp Chat with Sam.txt" → "Sam"; a name WhatsApp did not give → None."""
    match = _TITLE.match(PurePosixPath(name).stem.strip())
    return match[1].strip() if match else None


def is_chat_name(name: str) -> bool:
    base = PurePosixPath(name)
    if _hidden(base):
        return False
    if base.name == "_chat.txt":
        return True
    return base.suffix.lower() == ".txt" and chat_title(name) is not None


def _hidden(base: PurePosixPath) -> bool:
    return base.name.startswith("._") or "__MACOSX" in base.parts


def _is_text(name: str) -> bool:
    base = PurePosixPath(name)
    return base.suffix.lower() == ".txt" and not _hidden(base)


def starts_like_a_chat(head: str) -> bool:
    """Whether the first non-blank line of `head` is a WhatsApp message start."""
    first = next((line for line in head.lstrip("\ufeff").splitlines() if line.strip()), "")
    return is_message_start(first)


def _member_head(export: Export, member: str) -> str:
    """The first non-blank line of a member; "" when there is none or it cannot be read."""
    try:
        for _number, line in export.lines(member):
            if line.strip():
                return line
    except ImportProblem:
        pass  # not UTF-8, or over a limit: then it is not the chat
    return ""


def _chats_by_content(export: Export) -> tuple[list[str], list[str]]:
    """A folder or zip without a chat WhatsApp named: its text files, and those that read as one.

    Some people, and some tools, rename the chat inside (`sample.txt`); its
    first line still tells.
    """
    texts = [name for name in export.names() if _is_text(name)]
    return texts, [name for name in texts if starts_like_a_chat(_member_head(export, name))]


def sniff(path: Path) -> bool:
    """A WhatsApp export by its name, or a .txt whose first line is a WhatsApp message start."""
    try:
        if path.is_dir() or is_zip(path):
            with Export(path) as export:
                if any(is_chat_name(name) for name in export.names()):
                    return True
                return bool(_chats_by_content(export)[1])
        if path.suffix.lower() != ".txt":
            return False
        if is_chat_name(path.name):
            return True
        with path.open("rb") as raw:
            head = raw.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    return starts_like_a_chat(head)


def open_source(path: Path, options: Options = DEFAULT_OPTIONS) -> WhatsAppSource:
    """Find the chat, learn its line format and date order: reads only as far as that needs."""
    with Export(path, options.limits) as export:
        member = _chat_member(export, options)
        title = chat_title(member) or (chat_title(path.name) if export.kind != "file" else None)
        source = WhatsAppSource(path, member, title, options)
        source.fmt = _learn_format(export, member)
        source.order = _learn_order(export, member, source.fmt, options)
    return source


def _chat_member(export: Export, options: Options) -> str:
    names = export.names()
    if export.kind == "file":
        return names[0]
    chats = [name for name in names if is_chat_name(name)]
    if not chats:
        texts, chats = _chats_by_content(export)
        if not chats:
            listed = f" ({', '.join(texts[:10])}: not a chat)" if texts else ""
            raise ImportProblem(export.path, "there is no WhatsApp chat (_chat.txt or "
                                             f"'WhatsApp Chat with … .txt') inside{listed}")
    if len(chats) == 1:
        return chats[0]
    if options.chat is not None:
        for name in chats:
            if options.chat in (name, chat_title(name), PurePosixPath(name).name):
                return name
    raise ChatChoiceNeeded(export.path, "several chats", choices=tuple(chats))


def _learn_format(export: Export, member: str) -> LineFormat:
    seen = 0
    for _number, line in export.lines(member):
        match = LOOSE.match(line)
        if match is not None:
            try:
                return LineFormat.of(match)
            except ValueError:
                pass
        seen += 1
        if seen >= DETECT_LINES:
            break
    if seen == 0:
        raise ImportProblem(export.label(member), "the file is empty")
    raise ImportProblem(
        export.label(member),
        f"no WhatsApp message lines in its first {seen} lines (is this a WhatsApp export?)",
    )


def _learn_order(export: Export, member: str, fmt: LineFormat, options: Options) -> DateOrder:
    """The first date that proves an order decides it; a file that proves none stops the import."""
    if options.date_order is not None:
        return options.date_order
    split = fmt.splitter().split
    seen: set[str] = set()
    first = ""
    for chunk in export.chunks(member):
        dates = split("\n" + chunk.text[:-1])[1::4]
        first = first or next(iter(dates), "")
        for shown in set(dates) - seen:
            evidence = order_evidence(shown)
            if evidence is not None:
                return evidence
            seen.add(shown)
    raise AmbiguousDateOrder(
        export.label(member),
        f"every date in this chat fits both day/month and month/day order ({min(seen)} could be "
        "either)",
        example=first,
    )


class WhatsAppSource:
    """One WhatsApp chat, ready to stream."""

    format = FORMAT
    fmt: LineFormat
    order: DateOrder

    def __init__(self, path: Path, member: str, title: str | None, options: Options) -> None:
        self.path = path
        self.member = member
        self.title = title
        self.options = options
        self.warnings: list[str] = []

    def messages(self) -> Iterator[Message]:
        return from_columns(self.columns())

    def columns(self) -> Iterator[Columns]:
        """The messages as Columns, one batch per chunk of the file."""
        self.warnings.clear()
        with Export(self.path, self.options.limits) as export:
            yield from self._parse(export)

    def _parse(self, export: Export) -> Iterator[Columns]:
        label = export.label(self.member)
        limits = self.options.limits
        max_text = 4 * limits.max_line_chars
        split = self.fmt.splitter().split
        order = self.order
        days: dict[str, int] = {}
        times: dict[str, int] = {}
        names: dict[str | None, str] = {None: ""}
        special = SPECIAL.get
        text_kind = Kind.TEXT
        count = 0
        skipped = ""
        start: Chunk | None = None
        pending: tuple[int, str | None, str] | None = None
        for chunk in export.chunks(self.member):
            parts = split("\n" + chunk.text[:-1])
            head = parts[0]
            if pending is None:
                skipped += head
            elif head:
                pending = (pending[0], pending[1], pending[2] + head)
                if len(pending[2]) > max_text:
                    raise ImportProblem(label, f"a message is longer than {max_text} "
                                        "characters", line=self._last_start(start))
            if len(parts) == 1:
                continue
            batch = Columns()
            seconds, senders, kinds, texts = batch.seconds, batch.senders, batch.kinds, batch.texts
            add_second, add_sender, add_kind, add_text = (seconds.append, senders.append,
                                                          kinds.append, texts.append)
            if pending is not None:
                self._add(batch, *pending, names)
            last = len(parts) - 4
            it = iter(parts[1:last])
            try:
                # The hot loop: every message of the chunk but the last, whose text may go on
                # in the next chunk. Most messages take the last branch: four appends.
                for shown_date, shown_time, raw_sender, body in zip(it, it, it, it, strict=True):
                    try:
                        ts = days[shown_date] + times[shown_time]
                    except KeyError:
                        ts = self._stamp(days, times, shown_date, shown_time, order)
                    sender = names.get(raw_sender)
                    if sender is None:
                        # A name's first message takes the slow way: a group's notice
                        # is written under the group's name ("Hiking Club: Messages
                        # and calls are end-to-end encrypted"), often only once.
                        self._add(batch, ts, raw_sender, body, names)
                        continue
                    if (special(body) is not None or not sender or "\u200e" in body
                            or "<" in body or "(" in body or "://" in body or "\u200f" in body):
                        self._add(batch, ts, raw_sender, body, names)
                    else:
                        add_second(ts)
                        add_sender(sender)
                        add_kind(text_kind)
                        add_text(body)
                ts = self._stamp(days, times, parts[last], parts[last + 1], order)
            except BadStamp as bad:
                raise self._stamp_problem(label, chunk, bad) from None
            if len(batch.edited) < len(seconds):
                batch.edited.extend([False] * (len(seconds) - len(batch.edited)))
            pending = (ts, parts[last + 2], parts[last + 3])
            start = chunk
            count += len(parts) // 4
            if count > limits.max_messages:
                raise ImportProblem(label, f"the chat holds more than {limits.max_messages} "
                                    "messages, the limit")
            yield batch
        if pending is None:
            raise ImportProblem(label, "there are no WhatsApp messages in this file")
        batch = Columns()
        ts, raw_sender, body = pending
        self._add(batch, ts, raw_sender, _TRAILING_BLANK.sub("", body), names)
        yield batch
        if skipped.strip():
            lines = skipped.strip("\n").count("\n") + 1
            self.warnings.append(f"{lines} line(s) before the first message were skipped")

    @staticmethod
    def _stamp(days: dict[str, int], times: dict[str, int], shown_date: str,
               shown_time: str, order: DateOrder) -> int:
        """Wall-clock seconds of a shown date and time, each conversion remembered."""
        day = days.get(shown_date)
        if day is None:
            day = days[shown_date] = wall_seconds(to_date(shown_date, order))
        moment = times.get(shown_time)
        if moment is None:
            shown = to_time(shown_time)
            moment = times[shown_time] = shown.days * 86_400 + shown.seconds
        return day + moment

    def _add(self, batch: Columns, ts: int, raw_sender: str | None, body: str,
             names: dict[str | None, str]) -> None:
        """Any message, the slow way: notices, placeholders, edits, the last of a chunk.

        The hot loop leaves `edited` short (it appends no False per message);
        the list is filled up to here first, so every column stays aligned.
        """
        edited_column = batch.edited
        if len(edited_column) < len(batch.seconds):
            edited_column.extend([False] * (len(batch.seconds) - len(edited_column)))
        sender = names.get(raw_sender)
        if sender is None:
            sender = names[raw_sender] = clean_sender(raw_sender or "") or ""
        if not sender:
            if raw_sender is not None:
                body = f"{raw_sender}: {body}"
            text = body.lstrip("\u200e\u200f")
            kind, edited = classify_notice(text), False
        else:
            kind, text, edited = classify(body)
            if kind is Kind.SYSTEM:
                sender = ""
        batch.seconds.append(ts)
        batch.senders.append(sender)
        batch.kinds.append(kind)
        batch.texts.append(text)
        edited_column.append(edited)

    def _stamp_problem(self, label: Path, chunk: Chunk, bad: BadStamp) -> ImportProblem:
        line_start = self.fmt.line()
        for offset, line in enumerate(chunk.text.split("\n")):
            match = line_start.match(line)
            if match is not None and bad.shown in match.groups():
                return ImportProblem(label, bad.reason, line=chunk.line + offset)
        return ImportProblem(label, bad.reason)

    def _last_start(self, chunk: Chunk | None) -> int | None:
        """The line of the last message start in `chunk`: where an over-long message began."""
        if chunk is None:
            return None
        line_start = self.fmt.line()
        lines = chunk.text.split("\n")
        for offset in range(len(lines) - 1, -1, -1):
            if line_start.match(lines[offset]):
                return chunk.line + offset
        return None
