"""Texting patterns of an imported chat, and the person's mood beside them.

The report for a long chat takes seconds to work out (every message is read),
so once worked out it is kept, keyed by what it depends on: the chat, the state
of its messages and who the user is, the stretch of time asked for, and the
version and shape of the report itself. It is kept in memory for repeat views
and in the vault (encrypted like everything else, store/report_repo.py) for the
next time the vault is unlocked. A new import, a different "me" or another date
range makes a new key; deleting a chat deletes its reports.
"""

from __future__ import annotations

import gc
import hashlib
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from clearheart.domain.journal import from_stamp, utc_stamp
from clearheart.domain.patterns.periods import period_of
from clearheart.domain.patterns.report import (
    REPORT_VERSION,
    PatternReport,
    Settings,
    build_report,
)
from clearheart.errors import ClearheartError, InvalidInput
from clearheart.services.chats import ChatService
from clearheart.services.journal import JournalService
from clearheart.store.chat_repo import ChatInfo
from clearheart.store.dataclass_json import fingerprint
from clearheart.store.report_repo import ReportRepo
from clearheart.store.schema import journal_entries as journal

Key = tuple[Any, ...]
"""What a report depends on: the chat and the state of its messages, "me", the dates."""
CACHED_REPORTS = 8
"""Reports kept in memory; each is small (counts per week and month), not the messages."""


@dataclass(frozen=True, slots=True)
class MoodPoint:
    """The mean of the mood check-ins (1 to 5) in one week or month."""

    start: date
    mean: float
    checkins: int


@dataclass(eq=False)
class _Job:
    """One report being worked out; anyone else asking for it waits for this one."""

    done: threading.Event = field(default_factory=threading.Event)
    report: PatternReport | None = None
    error: Exception | None = None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one big computation, then restore it.

    A report over a long chat makes a few dozen lists of a million numbers; every
    automatic collection would walk them again for nothing (none can form a cycle),
    which is about a tenth of the time. Other threads simply see no collection
    for those seconds.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_SHAPE = f"{REPORT_VERSION}:{fingerprint(PatternReport)}:{Settings()!r}"
"""What stored reports must match beyond their chat: the report's version and shape."""


def _digest(key: Key) -> str:
    return hashlib.sha256(f"{_SHAPE}|{key!r}".encode()).hexdigest()


class PatternService:
    def __init__(self, chats: ChatService, journal: JournalService) -> None:
        self.chats = chats
        self.journal = journal
        self.stored = ReportRepo(chats.repo.engine)
        self._reports: OrderedDict[Key, PatternReport] = OrderedDict()
        self._jobs: dict[Key, _Job] = {}
        self._failed: dict[Key, Exception] = {}
        self._lock = threading.Lock()

    def _key(self, chat_id: int, since: date | None, until: date | None,
             info: ChatInfo | None) -> tuple[Key, ChatInfo]:
        if since is not None and until is not None and until < since:
            raise InvalidInput("until", "the end date comes before the start date")
        if info is None or info.id != chat_id:
            info = self.chats.get(chat_id)
        if info.me is None:
            raise InvalidInput("me", "say which name in this chat is yours first, so the "
                                     "patterns can be seen from your side")
        key = (chat_id, info.format, info.title, info.participants, info.messages, info.first,
               info.last, info.me, since, until)
        return key, info

    def report(self, chat_id: int, since: date | None = None, until: date | None = None, *,
               info: ChatInfo | None = None) -> PatternReport:
        """Every pattern of one chat, from `since` through `until` (whole days, both kept).

        `info`, when the caller has just read it, saves reading it again: for a long
        chat that read is most of what a repeat view costs.
        """
        key, info = self._key(chat_id, since, until, info)
        with self._lock:
            found = self._take(key)
            if found is not None:
                return found
            job = self._jobs.get(key)
            mine = job is None
            if job is None:
                job = self._jobs[key] = _Job()
        if mine:
            self._work(key, info, job)
        job.done.wait()
        if job.error is not None:
            raise job.error
        assert job.report is not None
        return job.report

    def prepare(self, chat_id: int, since: date | None = None, until: date | None = None, *,
                info: ChatInfo | None = None) -> PatternReport | None:
        """The report if it is ready; else None, with the work started in the background.

        For a long chat the first report takes seconds; the page can say so and look
        again shortly instead of keeping the person staring at a blank tab. A report
        kept in the vault from before is read at once (a fraction of a second).
        """
        key, info = self._key(chat_id, since, until, info)
        with self._lock:
            found = self._take(key)
            if found is not None or key in self._jobs:
                return found
        kept = self._kept(info.id, _digest(key))
        with self._lock:
            if kept is not None:
                self._keep(key, kept)
                return kept
            if key in self._jobs:
                return None
            job = self._jobs[key] = _Job()
        threading.Thread(target=self._work, args=(key, info, job, True), daemon=True,
                         name=f"patterns-{chat_id}").start()
        return None

    def at_hand(self, info: ChatInfo, since: date | None = None, until: date | None = None,
                *, inline_most: int | None = None) -> PatternReport | None:
        """The report a page can show now: worked out on the spot for a chat of at most
        `inline_most` messages (any chat when None), else `prepare`'s answer (None while
        it is still being worked out in the background)."""
        if inline_most is None or info.messages <= inline_most:
            return self.report(info.id, since, until, info=info)
        return self.prepare(info.id, since, until, info=info)

    def _keep(self, key: Key, report: PatternReport) -> None:
        """Hold a report in memory (under the lock), dropping the least recently used."""
        self._reports[key] = report
        self._reports.move_to_end(key)
        while len(self._reports) > CACHED_REPORTS:
            self._reports.popitem(last=False)

    def _take(self, key: Key) -> PatternReport | None:
        """A kept report (marked as recently used), or the error its work ended in."""
        failed = self._failed.pop(key, None)
        if failed is not None:
            raise failed
        found = self._reports.get(key)
        if found is not None:
            self._reports.move_to_end(key)
        return found

    def _work(self, key: Key, info: ChatInfo, job: _Job, background: bool = False) -> None:
        try:
            job.report = self._build(key, info)
        except Exception as exc:  # handed to whoever asks next: the web page or a waiter
            job.error = exc
        with self._lock:
            if self._jobs.get(key) is job:
                del self._jobs[key]
                if job.report is not None:
                    self._keep(key, job.report)
                elif job.error is not None and background:
                    self._failed[key] = job.error  # nobody waits: the next view shows it
        job.done.set()

    def _build(self, key: Key, info: ChatInfo) -> PatternReport:
        """The report from the vault if it was worked out before, else worked out and kept."""
        digest = _digest(key)
        found = self._kept(info.id, digest)
        if found is not None:
            return found
        report = self._work_out(key, info)
        # If it cannot be kept (the vault locked meanwhile), it is still good to show now.
        with suppress(ClearheartError, SQLAlchemyError):
            self.stored.put(info.id, digest, report, self.chats.clock.now())
        return report

    def _kept(self, chat_id: int, digest: str) -> PatternReport | None:
        """A report kept in the vault (reading one makes many small lists: no collections)."""
        with collector_paused():
            return self.stored.get(chat_id, digest, PatternReport)

    def _work_out(self, key: Key, info: ChatInfo) -> PatternReport:
        since, until = key[-2], key[-1]
        assert info.me is not None
        begin = None if since is None else datetime.combine(since, time())
        end = None if until is None else datetime.combine(until, time()) + timedelta(days=1)
        # Streamed block by block (twice: see domain/patterns/timeline_build.py), so the
        # chat is never held whole: a few bytes a message, not its texts.
        messages = partial(self.chats.repo.columns, info.id, begin, end)
        others = tuple(name for name in info.participants if name != info.me)
        with collector_paused():
            return build_report(messages, info.me, others=others, since=begin, until=end)

    def forget(self, chat_id: int) -> None:
        """Drop every kept report of a chat (it was deleted or replaced)."""
        with self._lock:
            for store in (self._reports, self._failed):
                for key in [k for k in store if k[0] == chat_id]:
                    del store[key]

    def clear(self) -> None:
        with self._lock:
            self._reports.clear()
            self._failed.clear()

    def mood(self, since: date | None = None, until: date | None = None,
             unit: Literal["week", "month"] = "week") -> tuple[MoodPoint, ...]:
        """Mean mood of the journal's check-ins per week (Monday first) or month, in order.

        Days are the person's own local days, as each entry was written.
        """
        query = sa.select(journal.c.created_at, journal.c.utc_offset, journal.c.mood).where(
            journal.c.mood.is_not(None))
        # The stored stamps are UTC; a day's edges can be up to 14 hours off either way.
        if since is not None:
            edge = datetime.combine(since, time()).astimezone() - timedelta(days=1)
            query = query.where(journal.c.created_at >= utc_stamp(edge))
        if until is not None:
            edge = datetime.combine(until, time()).astimezone() + timedelta(days=2)
            query = query.where(journal.c.created_at < utc_stamp(edge))
        scores: dict[date, list[int]] = defaultdict(list)
        with self.journal.repo.engine.connect() as conn:
            for stamp, offset, mood in conn.execute(query):
                day = from_stamp(stamp, offset).date()
                if (since is None or day >= since) and (until is None or day <= until):
                    scores[period_of(unit, day)].append(int(mood))
        return tuple(MoodPoint(start, sum(values) / len(values), len(values))
                     for start, values in sorted(scores.items()))
