"""The user's own messages over time: the draft check run over their side of a chat, with
the other side's weekly reply times beside it.

Only the user's written messages (Kind.TEXT of "me") are read, with the rules and VADER,
not the optional embedding model: about half a millisecond per message on the development
machine, so ten thousand messages of yours take some five seconds. Repeated texts are
checked once. A result is kept in memory only, for a few chats, keyed by the state of the
chat; nothing is written to disk by this service.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clearheart.domain.chat import PERSON_KINDS, Kind
from clearheart.domain.own_messages import OwnReport, read_own
from clearheart.errors import InvalidInput
from clearheart.services.chats import ChatService
from clearheart.store.chat_repo import ChatInfo

if TYPE_CHECKING:
    from clearheart.domain.patterns.report import PatternReport
    from clearheart.services.draftcheck import DraftChecker

KEPT = 4
"""Results held in memory: each is a few hundred small numbers, not the messages."""


@dataclass(frozen=True, slots=True)
class TheirWeek:
    """The other side's week, from the patterns report."""

    start: date
    median_reply: float | None
    """Seconds; None in a week without replies from them."""
    messages: int


def checker() -> DraftChecker:
    """The draft check without the embedding model, shared by the process."""
    from clearheart.services.draftcheck import shared_checker

    return shared_checker(use_model=False)


def check_kinds(text: str) -> Collection[str] | None:
    """The kinds the draft check flags in one message; None for what it cannot read (too
    long, empty, or in a language it does not read)."""
    from clearheart.services.draftcheck import MAX_CHARS

    if not text.strip() or len(text) > MAX_CHARS:
        return None
    reading = checker().check(text)
    return None if reading.unread is not None else reading.kinds


def their_weeks(patterns: PatternReport) -> dict[date, TheirWeek]:
    return {
        week.signals.start: TheirWeek(
            week.signals.start, week.signals.their_median_latency, week.signals.their_messages
        )
        for week in patterns.loop.weeks
    }


class OwnMessageService:
    def __init__(self, chats: ChatService) -> None:
        self.chats = chats
        self._kept: OrderedDict[tuple[Any, ...], OwnReport] = OrderedDict()
        self._lock = threading.Lock()
        self._running: set[tuple[Any, ...]] = set()
        self._failed: dict[tuple[Any, ...], Exception] = {}

    def _key(self, chat_id: int, info: ChatInfo | None) -> tuple[tuple[Any, ...], ChatInfo]:
        if info is None or info.id != chat_id:
            info = self.chats.get(chat_id)
        if info.me is None:
            raise InvalidInput(
                "me",
                "say which name in this chat is yours first, so your own messages can be found",
            )
        return (info.id, info.messages, info.first, info.last, info.me, info.participants), info

    def _found(self, key: tuple[Any, ...]) -> OwnReport | None:
        """A kept result (under the lock), or the error its background work ended in."""
        failed = self._failed.pop(key, None)
        if failed is not None:
            raise failed
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def report(self, chat_id: int, *, info: ChatInfo | None = None) -> OwnReport:
        """The user's side of one chat, counted by week and hour (worked out now if need be)."""
        key, info = self._key(chat_id, info)
        with self._lock:
            found = self._found(key)
        return found if found is not None else self._work(key, info)

    def prepare(self, chat_id: int, *, info: ChatInfo | None = None) -> OwnReport | None:
        """The result if it is ready; else None, with the reading started in the background.

        A long chat takes a few seconds (about half a millisecond per message of yours);
        the page can say so and look again instead of keeping a blank tab waiting.
        """
        key, info = self._key(chat_id, info)
        with self._lock:
            found = self._found(key)
            if found is not None or key in self._running:
                return found
            self._running.add(key)
        threading.Thread(
            target=self._background, args=(key, info), daemon=True, name=f"own-messages-{chat_id}"
        ).start()
        return None

    def _background(self, key: tuple[Any, ...], info: ChatInfo) -> None:
        try:
            self._work(key, info)
        except Exception as exc:  # shown by the next view, through _found
            with self._lock:
                self._failed[key] = exc
        finally:
            with self._lock:
                self._running.discard(key)

    def _work(self, key: tuple[Any, ...], info: ChatInfo) -> OwnReport:
        assert info.me is not None
        columns = self.chats.columns(info.id)
        mine: list[int] = []
        texts: list[str] = []
        theirs: list[int] = []
        me = info.me
        for seconds, sender, kind, text in zip(
            columns.seconds, columns.senders, columns.kinds, columns.texts, strict=True
        ):
            if sender == me:
                if kind is Kind.TEXT:
                    mine.append(seconds)
                    texts.append(text)
            elif sender and kind in PERSON_KINDS:
                theirs.append(seconds)
        report = read_own(mine, texts, theirs, check_kinds)
        with self._lock:
            self._kept[key] = report
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        return report

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
