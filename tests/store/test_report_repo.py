"""Pattern reports kept in the vault: worked out once, read back by the next unlock."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from clearheart.demo.chat import CHAT_SEED, demo_chat_messages
from clearheart.domain.chat import in_columns
from clearheart.domain.patterns.report import PatternReport
from clearheart.services import patterns as pattern_service
from clearheart.services.chats import ChatService
from clearheart.services.journal import JournalService
from clearheart.store.chat_repo import NewChat
from clearheart.store.report_repo import KEEP_PER_CHAT, ReportRepo
from clearheart.store.schema import pattern_reports

NOW = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment


def _services(engine: sa.Engine) -> tuple[ChatService, pattern_service.PatternService]:
    chats = ChatService(engine, FixedClock(NOW))
    return chats, pattern_service.PatternService(chats, JournalService(engine, FixedClock(NOW)))


def _chat(chats: ChatService) -> int:
    messages = demo_chat_messages(date(2025, 1, 1), date(2025, 6, 30), random.Random(CHAT_SEED))
    stored = chats.repo.store(NewChat("whatsapp", "Sam", "a.txt"), in_columns(messages), NOW,
                              lambda names, current: "Alex")
    return stored.chat_id


def _refuse(*args: Any, **kwargs: Any) -> PatternReport:
    raise AssertionError("the report was worked out again")


def test_the_next_unlock_reads_the_kept_report_instead_of_working_it_out(
        engine: sa.Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    chats, first = _services(engine)
    chat_id = _chat(chats)
    made = first.report(chat_id)
    _, later = _services(engine)  # a new service: nothing in memory
    monkeypatch.setattr(pattern_service, "build_report", _refuse)
    assert later.report(chat_id) == made
    # Another stretch of time is another report: that one is worked out.
    with pytest.raises(AssertionError, match="worked out again"):
        later.report(chat_id, since=date(2025, 3, 1))


def test_a_changed_chat_or_me_is_worked_out_again_and_old_reports_are_pruned(
        engine: sa.Engine) -> None:
    chats, service = _services(engine)
    chat_id = _chat(chats)
    before = service.report(chat_id)
    chats.set_me(chat_id, "Sam")
    after = service.report(chat_id)
    assert after.me == "Sam" and before.me == "Alex"
    for month in range(2, 2 + KEEP_PER_CHAT + 1):
        service.report(chat_id, since=date(2025, month, 1))
    with engine.connect() as conn:
        kept = conn.execute(sa.select(sa.func.count()).select_from(pattern_reports)).scalar()
    assert kept == KEEP_PER_CHAT


def test_damaged_or_outdated_reports_are_worked_out_again(engine: sa.Engine) -> None:
    chats, service = _services(engine)
    chat_id = _chat(chats)
    made = service.report(chat_id)
    with engine.begin() as conn:
        conn.execute(sa.update(pattern_reports).values(payload=b"not a report"))
    _, later = _services(engine)
    assert later.report(chat_id) == made
    repo = ReportRepo(engine)
    repo.put(chat_id, "k", (1, 2), NOW)  # some other shape, as an older version might keep
    assert repo.get(chat_id, "k", PatternReport) is None


def test_deleting_the_chat_deletes_its_reports(engine: sa.Engine) -> None:
    chats, service = _services(engine)
    chat_id = _chat(chats)
    service.report(chat_id)
    chats.repo.delete(chat_id)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(pattern_reports)).scalar() == 0


def test_the_page_gets_a_kept_report_at_once_without_waiting(
        engine: sa.Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    chats, first = _services(engine)
    chat_id = _chat(chats)
    made = first.report(chat_id)
    _, later = _services(engine)
    monkeypatch.setattr(pattern_service, "build_report", _refuse)
    assert later.prepare(chat_id) == made  # no "working on it" page in between
    assert later.prepare(chat_id) is later.prepare(chat_id)  # then from memory
