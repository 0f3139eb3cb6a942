"""Chats as CSV with a header row: a time, a sender and the text, for any app we do not know.

Header names are matched loosely (`timestamp`, `date`, `sent_at`…; `sender`,
`from`, `author`…; `text`, `message`, `body`…), the delimiter (comma,
semicolon or tab) is read off the header line, and an optional `kind` column
may say `text`, `media`, `call`, `system` or `deleted`. Times are ISO 8601 or
`YYYY-MM-DD HH:MM[:SS]`; a time with a zone is turned into local wall-clock
time in `Options.tz` (this computer's zone when unset).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from clearheart.domain.chat import Kind, Message
from clearheart.importers.archive import Export, is_zip
from clearheart.importers.base import ImportProblem, Options, shown

FORMAT = "csv"
DEFAULT_OPTIONS = Options()
TIME_NAMES = ("timestamp", "time", "date", "datetime", "date_time", "sent_at", "sent", "ts",
              "created_at")
SENDER_NAMES = ("sender", "from", "author", "name", "sender_name", "user", "who")
TEXT_NAMES = ("text", "message", "content", "body", "msg")
KIND_NAMES = ("kind", "type")
DELIMITERS = (",", ";", "\t")


def _norm(name: str) -> str:
    return name.strip().strip("\ufeff\"'").lower().replace(" ", "_").replace("-", "_")


def _columns(header: list[str]) -> dict[str, int] | None:
    """Where each field is, or None when the header lacks a time, a sender or a text column."""
    names = [_norm(cell) for cell in header]
    found: dict[str, int] = {}
    for field, accepted in (("ts", TIME_NAMES), ("sender", SENDER_NAMES), ("text", TEXT_NAMES),
                            ("kind", KIND_NAMES)):
        for candidate in accepted:
            if candidate in names:
                found[field] = names.index(candidate)
                break
    return found if {"ts", "sender", "text"} <= found.keys() else None


def header_delimiter(first_line: str) -> str | None:
    """The delimiter that makes this line a header we understand, or None."""
    for delimiter in sorted(DELIMITERS, key=first_line.count, reverse=True):
        if delimiter in first_line:
            header = next(csv.reader([first_line], delimiter=delimiter))
            if _columns(header) is not None:
                return delimiter
    return None


def sniff(path: Path) -> bool:
    """A .csv or .tsv file whose first line is a header we understand."""
    if path.suffix.lower() not in (".csv", ".tsv") or path.is_dir() or is_zip(path):
        return False
    try:
        with path.open("rb") as raw:
            head = raw.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return False
    return header_delimiter(head.split("\n", 1)[0].rstrip("\r")) is not None


def open_source(path: Path, options: Options = DEFAULT_OPTIONS) -> CsvSource:
    """Check the header now, so a wrong file stops before anything is read."""
    with Export(path, options.limits) as export:
        if export.kind != "file":
            raise ImportProblem(path, "a CSV chat must be a single .csv file")
        first = next(export.lines(export.names()[0]), None)
    if first is None or not first[1].strip():
        raise ImportProblem(path, "the first line must be a header (timestamp, sender, text)",
                            line=1)
    delimiter = header_delimiter(first[1])
    if delimiter is None:
        raise ImportProblem(
            path,
            "the header needs a time column (timestamp, date, …), a sender column (sender, "
            "from, …) and a text column (text, message, …)",
            line=1,
        )
    return CsvSource(path, delimiter, options)


def parse_time(value: str, options: Options) -> datetime:
    """ISO 8601 or "YYYY-MM-DD HH:MM[:SS]"; an aware time becomes local wall-clock time."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    stamp = datetime.fromisoformat(text)
    if len(text) <= 10:
        raise ValueError("a date without a time")
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(options.tz).replace(tzinfo=None)
    return stamp


class CsvSource:
    """One chat in a CSV file."""

    format = FORMAT

    def __init__(self, path: Path, delimiter: str, options: Options) -> None:
        self.path = path
        self.title: str | None = None
        self.warnings: list[str] = []
        self._delimiter = delimiter
        self._options = options
        self._width = 0

    def messages(self) -> Iterator[Message]:
        self.warnings.clear()
        limits = self._options.limits
        csv.field_size_limit(max(limits.max_line_chars, 1))
        with Export(self.path, limits) as export:
            lines = (line for _, line in export.lines(export.names()[0], keepends=True))
            reader = csv.reader(lines, delimiter=self._delimiter, strict=True)
            try:
                header = next(reader)
                columns = _columns(header)
                assert columns is not None  # checked by open_source
                self._width = len(header)
                count = 0
                for row in reader:
                    message = self._message(row, columns, reader.line_num)
                    if message is not None:
                        count += 1
                        if count > limits.max_messages:
                            raise ImportProblem(self.path, f"more than {limits.max_messages} "
                                                "messages, the limit")
                        yield message
            except csv.Error as error:
                raise ImportProblem(self.path, f"this is not valid CSV ({error})",
                                    line=reader.line_num) from None
            if count == 0:
                raise ImportProblem(self.path, "there are no messages under the header")

    def _message(self, row: list[str], columns: dict[str, int], line: int) -> Message | None:
        if not any(cell.strip() for cell in row):
            return None
        width = max(columns.values()) + 1
        if len(row) < width:
            raise ImportProblem(self.path, f"the row has {len(row)} fields; the header asks for "
                                f"at least {width}", line=line)
        if len(row) > self._width:
            if columns["text"] != self._width - 1:
                raise ImportProblem(self.path, f"the row has {len(row)} fields; the header has "
                                    f"{self._width} (quote text that holds a "
                                    f"{self._delimiter!r})", line=line)
            row = [*row[: self._width - 1], self._delimiter.join(row[self._width - 1 :])]
            self.warnings.append(f"line {line}: the text held an unquoted {self._delimiter!r}; "
                                 "it was kept as text")
        cell = row[columns["ts"]]
        try:
            ts = parse_time(cell, self._options)
        except (ValueError, OverflowError):
            raise ImportProblem(self.path, f"{shown(cell)} is not a time we can read (use ISO "
                                "8601, like 2024-05-01T19:30:00)", line=line) from None
        sender = row[columns["sender"]].strip()
        text = row[columns["text"]]
        kind = Kind.TEXT if sender else Kind.SYSTEM
        if "kind" in columns and row[columns["kind"]].strip():
            value = row[columns["kind"]].strip().lower()
            try:
                kind = Kind(value)
            except ValueError:
                raise ImportProblem(self.path, f"{value!r} is not a kind (text, media, call, "
                                    "system, deleted)", line=line) from None
        if not sender and not text.strip():
            self.warnings.append(f"line {line}: no sender and no text; skipped")
            return None
        return Message(ts, sender, kind, text)
