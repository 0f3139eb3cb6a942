"""Importing chat exports, and reading them back: the use cases behind CLI and web."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from clearheart.domain.chat import Columns, Message
from clearheart.errors import InvalidInput
from clearheart.importers.base import Options, batches
from clearheart.services.clock import Clock
from clearheart.store.chat_repo import ChatInfo, ChatRepo, NewChat

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


Chooser = Callable[[tuple[str, ...]], str]
"""Asks the person which participant they are (a CLI prompt)."""


class ChatService:
    def __init__(self, engine: sa.Engine, clock: Clock) -> None:
        self.repo = ChatRepo(engine)
        self.clock = clock

    def import_chat(self, path: Path, *, fmt: str = "auto", me: str | None = None,
                    options: Options | None = None, ask: Chooser | None = None,
                    require_me: bool = True) -> ImportSummary:
        """Read an export and store it in one transaction; nothing is kept on any error.

        Who the user is comes from `me`, else from the chat's name (a two-person
        chat named after the other person), else from `ask`. With none of these,
        `require_me` decides: refuse (CLI) or leave it for the person to pick (web).
        """
        from clearheart.importers.detect import open_chat

        source = open_chat(path, fmt, options or Options())
        existing = self.repo.find(source.format, source.title)
        target: NewChat | int = existing.id if existing else NewChat(
            source.format, source.title, path.name[:255])

        def choose(participants: tuple[str, ...]) -> str | None:
            return self._choose_me(participants, me, source.title, existing, ask, require_me)

        stored = self.repo.store(target, batches(source), self.clock.now(), choose)
        info = self.repo.get(stored.chat_id)
        return ImportSummary(
            chat_id=info.id, format=source.format, participants=info.participants,
            messages=stored.added, skipped=stored.skipped, first=info.first, last=info.last,
            warnings=tuple(source.warnings), me=info.me,
        )

    @staticmethod
    def _choose_me(participants: tuple[str, ...], me: str | None, title: str | None,
                   existing: ChatInfo | None, ask: Chooser | None,
                   require_me: bool) -> str | None:
        if not participants:
            raise InvalidInput("file", "no messages from any person were found in it")
        listed = ", ".join(participants)
        if me is not None:
            if me not in participants:
                raise InvalidInput("--me", f"{me!r} is not in this chat; the people in it are "
                                           f"{listed}")
            return me
        if existing is not None and existing.me in participants:
            return existing.me
        if title is not None and len(participants) == 2 and title in participants:
            return next(name for name in participants if name != title)
        if ask is not None:
            return ask(participants)
        if require_me:
            raise InvalidInput("--me", f"say which of these people is you: {listed}")
        return None

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
