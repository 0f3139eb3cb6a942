"""What every importer shares: options, limits, the Source it returns, its errors.

An importer never loads a whole export into memory: `Source.messages()` yields
messages one by one, so memory stays flat whatever the file's size. Any
problem raises ImportProblem naming the file and, where it helps, the line;
the service stores nothing unless the whole stream was read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from clearheart.domain.chat import Columns, Message, in_columns
from clearheart.domain.whole_numbers import Bounds
from clearheart.errors import ClearheartError

DateOrder = Literal["dmy", "mdy", "ymd"]
EPOCH_SECONDS = Bounds(-62_135_596_800, 253_402_300_799)
"""Seconds since 1970 that a datetime can hold: 0001-01-01 to 9999-12-31 23:59:59 UTC."""
SHOWN_CHARS = 24
"""How much of a bad value an error message quotes."""
FORMATS = ("whatsapp", "telegram", "messenger", "instagram", "signal", "imessage", "csv")
"""Every `--format` value besides `auto`."""
APP_NAMES = {"whatsapp": "WhatsApp", "telegram": "Telegram", "messenger": "Messenger",
             "instagram": "Instagram", "signal": "Signal", "imessage": "iMessage", "csv": "CSV"}
"""Each format as a person names the app, for messages."""


def shown(value: object) -> str:
    """A value from an export as an error message quotes it: short, however long it is."""
    text = repr(value)
    if len(text) <= SHOWN_CHARS:
        return text
    return f"{text[:SHOWN_CHARS]}… ({len(text):,} characters)"


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that protect against hostile or broken files; each can be raised."""

    max_file_bytes: int = 4 << 30
    max_line_chars: int = 1 << 20
    max_zip_members: int = 100_000
    max_zip_directory_bytes: int = 64 << 20
    """Largest central directory read: room for the member cap with long names."""
    max_zip_unpacked_bytes: int = 8 << 30
    max_zip_ratio: int = 250
    """Largest allowed unpacked/packed size ratio of one member (zip bombs)."""
    max_json_depth: int = 64
    max_messages: int = 20_000_000


@dataclass(frozen=True, slots=True)
class Options:
    date_order: DateOrder | None = None
    """For WhatsApp when the data leaves day/month order ambiguous."""
    chat: str | None = None
    """For exports holding many chats (Telegram): which one, by name or id."""
    tz: tzinfo | None = None
    """Zone for sources that store epoch times; None means this computer's zone."""
    limits: Limits = field(default_factory=Limits)


class Source(Protocol):
    """One chat found in an export, ready to stream."""

    format: str
    title: str | None
    """The chat's name as the export gives it (often the other person's name)."""
    warnings: list[str]
    """Filled while streaming: lines skipped on purpose, repairs made."""

    def messages(self) -> Iterator[Message]:
        """Yield messages in file order; raise ImportProblem on anything unreadable."""
        ...


class MemberSource:
    """A chat kept in one member (file) of an export: a folder, a zip or a single file.

    `_label` names the member in errors once the export is open; until then, the export.
    """

    format: str

    def __init__(self, root: Path, member: str, title: str | None, options: Options) -> None:
        self.title = title
        self.warnings: list[str] = []
        self._root = root
        self._member = member
        self._label = root
        self._options = options


@runtime_checkable
class ColumnSource(Source, Protocol):
    """A source that can also stream its messages as Columns: the fast path of big imports."""

    def columns(self) -> Iterator[Columns]:
        """The same messages as `messages()`, in batches of columns."""
        ...


def batches(source: Source) -> Iterator[Columns]:
    """A source's messages as Columns, however it streams them."""
    if isinstance(source, ColumnSource):
        return source.columns()
    return in_columns(source.messages())


@dataclass(eq=False)
class ImportProblem(ClearheartError):
    """The export cannot be read as it is; nothing was imported."""

    path: Path
    reason: str
    line: int | None = None

    @property
    def message(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.reason}. Nothing was imported."


@dataclass(eq=False)
class AmbiguousDateOrder(ImportProblem):
    """Every date fits both day-first and month-first order: the person must say which.

    `example` is the file's first date as written (like "03/04/2021"); the
    message offers its two readings so the person can pick the one that
    matches when the chat happened.
    """

    example: str = ""

    @property
    def readings(self) -> tuple[tuple[DateOrder, date], ...]:
        """The example read day first and month first: ("dmy", 3 April), ("mdy", 4 March)."""
        from clearheart.importers.whatsapp_format import BadStamp, to_date

        found: list[tuple[DateOrder, date]] = []
        for order in ("dmy", "mdy"):
            try:
                found.append((order, to_date(self.example, order).date()))
            except (BadStamp, ValueError):
                continue  # no example, or one that is a real date only one way round
        return tuple(found)

    @property
    def choice(self) -> str:
        """Both readings of the example in words, or "" when there is no usable example."""
        readings = self.readings
        if len(readings) < 2:
            return ""
        return (f"The first date in your file, {self.example}, can be read as "
                f"{long_date(readings[0][1])} or {long_date(readings[1][1])}, and no date in "
                "it settles which")

    @property
    def message(self) -> str:
        if not self.choice:
            return (
                f"{self.path}: {self.reason}. Nothing was imported; run the import again with "
                "--date-order dmy (day first), mdy (month first) or ymd (year first)."
            )
        flags = " or ".join(f"--date-order {order} for {long_date(day)}"
                            for order, day in self.readings)
        return (f"{self.path}: {self.choice}. Pick the one that matches when it was written. "
                f"Nothing was imported; run the import again with {flags}.")


def long_date(day: date) -> str:
    """A date as people say it, whatever the computer's language: "3 April 2021"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(eq=False)
class FormatChoiceNeeded(ImportProblem):
    """A file whose first lines fit more than one app's export, and whose name does not say."""

    choices: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        apps = " or ".join(f"a {APP_NAMES[fmt]} export" for fmt in self.choices)
        flags = " or ".join(f"--format {fmt}" for fmt in self.choices)
        return (f"{self.path} reads like {apps}, and nothing in it settles which. Nothing was "
                f"imported; run the import again with {flags}.")


@dataclass(eq=False)
class ChatChoiceNeeded(ImportProblem):
    """An export with several chats: the person must say which one."""

    choices: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        listed = "; ".join(self.choices[:20]) + ("; …" if len(self.choices) > 20 else "")
        return (
            f"{self.path} holds {len(self.choices)} chats. Choose one with --chat NAME_OR_ID: "
            f"{listed}"
        )
