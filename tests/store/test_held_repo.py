"""The holding pen on both backends: hold, list, decide, journal, log, archives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.errors import InvalidInput, NotFound
from clearheart.services import archive
from clearheart.services.behaviour import BehaviourService
from clearheart.services.journal import JournalService
from clearheart.services.pause import PauseService
from clearheart.services.safety import SafetyService
from clearheart.store.schema import held_drafts, journal_entries
from clearheart.store.settings_repo import SettingsRepo

ZONE = timezone(timedelta(hours=-5))
NOW = datetime(2026, 3, 6, 23, 40, tzinfo=ZONE)  # a Friday, late


class Clock:
    def __init__(self) -> None:
        self.moment = NOW

    def now(self) -> datetime:
        return self.moment


def _service(engine: sa.Engine) -> tuple[PauseService, Clock]:
    clock = Clock()
    safety = SafetyService(engine, SettingsRepo(engine), clock)
    journal = JournalService(engine, clock, safety)
    return PauseService(engine, clock, journal, BehaviourService(engine, clock), safety), clock


def test_a_draft_is_held_word_for_word_with_its_timer(engine: sa.Engine) -> None:
    pause, clock = _service(engine)
    text = 'Why won\'t you answer?? 😢\n"ünïcode" and all'
    held = pause.hold(text)
    again = pause.get(held.id)
    assert again == held
    assert again.text == text and again.status == "holding" and again.rewrite is None
    assert again.created == NOW and again.created.utcoffset() == timedelta(hours=-5)
    assert again.hold_until == (NOW + timedelta(minutes=20)).astimezone(UTC)
    assert again.seconds_left(clock.now()) == 20 * 60
    short = pause.hold("Call me", minutes=5, rewrite="Would you be willing to call me?")
    assert short.minutes == 5 and short.rewrite == "Would you be willing to call me?"
    assert [h.id for h in pause.list()] == [short.id, held.id]


def test_deciding_is_recorded_once(engine: sa.Engine) -> None:
    pause, clock = _service(engine)
    held = pause.hold("Answer me")
    clock.moment = NOW + timedelta(minutes=3)
    sent = pause.decide(held.id, "let-go")
    assert sent.status == "let-go" and sent.decided_at == clock.moment.astimezone(UTC)
    with pytest.raises(InvalidInput, match="already decided"):
        pause.decide(held.id, "sent")
    assert pause.list(status="holding") == ()
    with pytest.raises(NotFound):
        pause.decide(999, "sent")


def test_bad_input_keeps_everything_stored(engine: sa.Engine) -> None:
    pause, _ = _service(engine)
    held = pause.hold("Answer me")
    for bad in (
        lambda: pause.hold("   "),
        lambda: pause.hold("x", minutes=0),
        lambda: pause.hold("x" * 20_001),
        lambda: pause.decide(held.id, "maybe"),
        lambda: pause.hold("a\x00b"),
    ):
        with pytest.raises(InvalidInput):
            bad()
    assert pause.count() == 1 and pause.get(held.id) == held


def test_to_journal_writes_the_draft_and_rewrite_and_logging_a_pause(engine: sa.Engine) -> None:
    pause, _ = _service(engine)
    held = pause.hold("You never answer.")
    pause.keep_rewrite(held.id, "When I texted at nine, I felt alone.")
    entry = pause.to_journal(held.id)
    assert entry.text.startswith("You never answer.")
    assert "When I texted at nine, I felt alone." in entry.text and entry.tags == ("pause",)
    assert pause.get(held.id).status == "journaled"
    with pytest.raises(InvalidInput):
        pause.to_journal(held.id)
    logged = pause.paused_instead("Went for a walk instead.")
    assert logged.kind == "i_paused" and logged.label == "I paused instead of chasing"
    need = pause.need_now("A hug and some sleep", to="journal")
    assert need.text.endswith("A hug and some sleep")  # type: ignore[union-attr]
    with pytest.raises(InvalidInput):
        pause.need_now("sleep", to="nowhere")


def test_export_and_restore_keep_held_drafts(engine: sa.Engine, tmp_path: Path) -> None:
    pause, _ = _service(engine)
    first = pause.hold("ünïcode draft 🌧", rewrite="A calmer one")
    pause.decide(pause.hold("second").id, "sent")
    pause.to_journal(pause.hold("third").id)
    before = archive.snapshot(engine)
    out = tmp_path / "held.chx"
    archive.export(engine, out, "correct horse battery", NOW)
    with engine.begin() as conn:
        conn.execute(sa.delete(held_drafts))
        conn.execute(sa.delete(journal_entries))
    opened = archive.open_archive(out, "correct horse battery")
    assert opened.header["tables"]["held_drafts"] == 3
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert pause.get(first.id) == first
    assert [h.status for h in pause.list()] == ["journaled", "sent", "holding"]
