"""Importing chat exports, and reading them back: the use cases behind CLI and web."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import sqlalchemy as sa

from clearheart.domain.chat import Columns, Message
from clearheart.domain.percent import percent
from clearheart.domain.same_chat import Verdict
from clearheart.errors import ClearheartError, InvalidInput
from clearheart.importers.base import Options, batches
from clearheart.services.clock import Clock
from clearheart.store.chat_repo import ChatInfo, ChatRepo, Match, NewChat

MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class ImportSummary:
    chat_id: int
    format: str
    participants: tuple[str, ...]
    messages: int
    """Messages added by this import (an overlapping re-import adds only new ones)."""
    skipped: int
    first: datetime | None
    last: datetime | None
    warnings: tuple[str, ...]
    me: str | None
    alike: ChatInfo | None = None
    """A stored chat this one may be the same as: kept apart until the person says."""


Unsure = Literal["refuse", "keep"]
"""When a new export may be a stored chat: refuse and ask (CLI), or keep it apart and
report the stored chat in `ImportSummary.alike` for a page to ask about (web)."""


def _day(moment: datetime | None) -> str:
    return "no messages" if moment is None else f"{moment:%d %b %Y}"


def counted(summary: ImportSummary) -> str:
    """What an import added, said the same way by the CLI and the web: "12 messages", or after
    a re-import "0 new messages (19 were already here)"."""
    noun = "message" if summary.messages == 1 else "messages"
    if not summary.skipped:
        return f"{summary.messages:,} {noun}"
    return f"{summary.messages:,} new {noun} ({summary.skipped:,} were already here)"


def described(info: ChatInfo) -> str:
    """A chat told apart from others: "#3 WhatsApp Chat with Sam.txt: Alex, Sam, 19
    messages, 14 Jan 2024 to 20 Jan 2024"."""
    people = ", ".join(info.participants) or "nobody yet"
    noun = "message" if info.messages == 1 else "messages"
    return (f"#{info.id} {info.source_name}: {people}, {info.messages:,} {noun}, "
            f"{_day(info.first)} to {_day(info.last)}")


@dataclass(eq=False)
class MaybeSameChat(ClearheartError):
    """A new export looks like a stored chat, but not surely: the person chooses."""

    path: Path
    new: ChatInfo
    match: Match

    @property
    def why(self) -> str:
        renamed = self.match.overlap.renamed
        if renamed:
            pairs = ", ".join(f"{new} for {old}" for new, old in sorted(renamed.items()))
            return f"the people in it are named differently ({pairs})"
        share = self.match.overlap.coverage
        return f"only {percent(share)} of the messages from the days they share are in both"

    @property
    def message(self) -> str:
        chat = self.match.chat.id
        return (f"{self.path.name} looks like chat {described(self.match.chat)}; but "
                f"{self.why}. Nothing was imported. To add what is new to chat #{chat}, "
                f"import it again with --merge-into {chat}; to keep it as a chat of its own, "
                "with --new-chat.")


Chooser = Callable[[tuple[str, ...]], str]
"""Asks the person which participant they are (a CLI prompt)."""


class ChatService:
    def __init__(self, engine: sa.Engine, clock: Clock) -> None:
        self.repo = ChatRepo(engine)
        self.clock = clock

    def import_chat(self, path: Path, *, fmt: str = "auto", me: str | None = None,
                    options: Options | None = None, ask: Chooser | None = None,
                    require_me: bool = True, merge_into: int | None = None,
                    new_chat: bool = False, unsure: Unsure = "refuse") -> ImportSummary:
        """Read an export and store it in one transaction; nothing is kept on any error.

        The same conversation imported again (under any file name, from either
        phone) is recognised by what was said and merged: only what is new is
        added (store/chat_repo.py, domain/same_chat.py). When the match is not
        sure, `unsure` decides (see Unsure); `merge_into` (a chat id) and
        `new_chat` are the person's answer.

        Who the user is comes from `me`, else from the chat it was merged into,
        else from the chat's name (a two-person chat named after the other person),
        else from `ask`. With none of these, `require_me` decides: refuse (CLI) or
        leave it for the person to pick (web).
        """
        from clearheart.importers.detect import open_chat

        source = open_chat(path, fmt, options or Options())
        alike: list[ChatInfo] = []

        def same(new: ChatInfo, matches: tuple[Match, ...]) -> int | None:
            if new_chat:
                return None
            for match in matches:
                if match.overlap.verdict is Verdict.SAME:
                    return match.chat.id
            doubt = next((m for m in matches if m.overlap.verdict is Verdict.UNSURE), None)
            if doubt is not None:
                if unsure == "refuse":
                    raise MaybeSameChat(path, new, doubt)
                alike.append(doubt.chat)
            return None

        def choose(participants: tuple[str, ...], current: str | None) -> str | None:
            return self._choose_me(participants, current, me, source.title, ask, require_me)

        target: NewChat | int = merge_into if merge_into is not None else NewChat(
            source.format, source.title, path.name[:255])
        stored = self.repo.store(
            target, batches(source), self.clock.now(), choose, same,
            again=lambda: batches(open_chat(path, fmt, options or Options())))
        info = self.repo.get(stored.chat_id)
        return ImportSummary(
            chat_id=info.id, format=source.format, participants=info.participants,
            messages=stored.added, skipped=stored.skipped, first=info.first, last=info.last,
            warnings=tuple(source.warnings), me=info.me, alike=alike[0] if alike else None,
        )

    @staticmethod
    def _choose_me(participants: tuple[str, ...], current: str | None, me: str | None,
                   title: str | None, ask: Chooser | None, require_me: bool) -> str | None:
        if not participants:
            raise InvalidInput("file", "no messages from any person were found in it")
        listed = ", ".join(participants)
        if me is not None and me in participants:
            return me
        if current is not None and current in participants:
            return current
        if me is not None:
            raise InvalidInput("--me", f"{me!r} is not in this chat; the people in it are "
                                       f"{listed}")
        if title is not None and len(participants) == 2 and title in participants:
            return next(name for name in participants if name != title)
        if ask is not None:
            return ask(participants)
        if require_me:
            raise InvalidInput("--me", f"say which of these people is you: {listed}")
        return None

    def merge(self, chat_id: int, into: int) -> int:
        """Merge a stored chat into another (the person said they are one); only what is
        new is added to `into`, and `chat_id` is gone. Returns how many were added."""
        return self.repo.merge(chat_id, into, self.clock.now()).added

    def chats(self) -> tuple[ChatInfo, ...]:
        return self.repo.list()

    def get(self, chat_id: int) -> ChatInfo:
        return self.repo.get(chat_id)

    def messages(self, chat_id: int, since: datetime | None = None,
                 until: datetime | None = None) -> Iterator[Message]:
        return self.repo.messages(chat_id, since, until)

    def columns(self, chat_id: int, since: datetime | None = None,
                until: datetime | None = None) -> Columns:
        """The chat's messages (optionally within [since, until)) as one batch of columns.

        Times are gathered in an array of 64-bit numbers: a long chat's times are the
        largest column after its texts. (The patterns do not hold a chat whole: they
        stream its blocks from the repository, see services/patterns.py.)
        """
        whole = Columns(seconds=array("q"))
        for batch in self.repo.columns(chat_id, since, until):
            whole.extend(batch)
        return whole

    def set_me(self, chat_id: int, me: str) -> None:
        info = self.repo.get(chat_id)
        if me not in info.participants:
            raise InvalidInput("me", f"choose one of {', '.join(info.participants)}")
        self.repo.set_me(chat_id, me)

    def set_alias(self, chat_id: int, alias: str) -> None:
        """A name to show for the other person instead of the one in the export."""
        cleaned = " ".join(alias.split())
        if len(cleaned) > MAX_NAME:
            raise InvalidInput("alias", f"keep it to {MAX_NAME} characters")
        self.repo.set_alias(chat_id, cleaned or None)

    def delete(self, chat_id: int) -> None:
        self.repo.delete(chat_id)
