"""The promise on SQLCipher and PostgreSQL: every version kept, pins and set-aside nudges
stored, bad input refused with nothing stored, the gate respected, and an export/re-import
that loses nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.promise import Part
from clearheart.errors import InvalidInput, NotFound
from clearheart.services import archive
from clearheart.services.assess import AssessService
from clearheart.services.behaviour import BehaviourService
from clearheart.services.chats import ChatService
from clearheart.services.evidence import EvidenceService
from clearheart.services.journal import JournalService
from clearheart.services.nudges import NudgeService
from clearheart.services.promise import PromiseService
from clearheart.services.safety import SafetyService
from clearheart.store.settings_repo import SettingsRepo

LIMA = timezone(timedelta(hours=-5))
AT = datetime(2026, 6, 30, 21, 15, 30, 250000, tzinfo=LIMA)


class Clock:
    def now(self) -> datetime:
        return AT


@dataclass
class Services:
    safety: SafetyService
    journal: JournalService
    promise: PromiseService
    nudges: NudgeService


def services(engine: sa.Engine) -> Services:
    clock = Clock()
    safety = SafetyService(engine, SettingsRepo(engine), clock, model=lambda: None)
    journal = JournalService(engine, clock, safety)
    evidence = EvidenceService(
        BehaviourService(engine, clock),
        AssessService(engine, safety, clock),
        ChatService(engine, clock),
        journal,
        clock,
    )
    return Services(
        safety,
        journal,
        PromiseService(engine, clock, safety, journal, evidence),
        NudgeService(engine, clock, safety, journal),
    )


def written(engine: sa.Engine) -> Services:
    w = services(engine)
    entry = w.journal.add("Sunday again on my own, \u00fcml\u00e4ut and all.")
    w.promise.save(
        [
            Part("us", "What I hoped we would be", "Two people who plan a weekend together."),
            Part("hard-times", "When it was hard", "", ("attempts_ignored",)),
            Part("me", "What I hoped I would feel", "Calm, most days."),
            Part("own-1", "Home", "A kitchen with two voices in it.", ("needs_unmet",)),
        ]
    )
    w.promise.save([Part("us", "What I hoped we would be", "Plans, kept.")], AT + timedelta(1))
    w.promise.pin("us", entry.id)
    w.nudges.dismiss(entry.id, "highs")
    return w


def test_every_version_is_kept_and_pins_sit_beside_their_part(engine: sa.Engine) -> None:
    w = written(engine)
    assert [len(v.parts) for v in w.promise.history()] == [4, 1]
    assert w.promise.parts()[0].text == "Plans, kept."
    view = w.promise.view()
    assert view.versions == 2 and view.parts[0].pinned == (1,)
    assert w.promise.pin("us", 1) is False


@pytest.mark.parametrize(
    ("parts", "field"),
    [
        ([Part("us", "", "words")], "heading-us"),
        ([Part("us", "x" * 121, "words")], "heading-us"),
        ([Part("us", "Us", "x" * 4001)], "text-us"),
        ([Part("us", "Us", "")], "text"),
        ([Part("mine", "Mine", "words")], "part"),
        ([Part("us", "Us", "a"), Part("us", "Us", "b")], "part"),
        ([Part("own-1", "Home", "words", ("nope",))], "looks_at"),
    ],
)
def test_bad_input_says_what_is_wrong_and_stores_nothing(
    engine: sa.Engine, parts: list[Part], field: str
) -> None:
    w = written(engine)
    before = archive.snapshot(engine)
    with pytest.raises(InvalidInput) as caught:
        w.promise.save(parts)
    assert caught.value.field == field and caught.value.reason
    with pytest.raises(InvalidInput, match="no part own-2"):
        w.promise.pin("own-2", 1)
    with pytest.raises(NotFound):
        w.promise.pin("us", 99)
    with pytest.raises(NotFound):
        w.promise.unpin("me", 1)
    with pytest.raises(InvalidInput, match="no nudge"):
        w.nudges.dismiss(1, "sad")
    assert archive.snapshot(engine) == before


def test_every_write_rests_while_the_gate_is_closed(engine: sa.Engine) -> None:
    w = written(engine)
    w.safety.unsafe()
    before = archive.snapshot(engine)
    for write in (
        lambda: w.promise.save([Part("us", "Us", "words")]),
        lambda: w.promise.pin("us", 1),
        lambda: w.promise.unpin("us", 1),
    ):
        with pytest.raises(InvalidInput, match="rests while you may not be safe"):
            write()
    assert archive.snapshot(engine) == before
    assert w.nudges.recent() == ()


def test_deleting_an_entry_takes_its_pin_and_set_aside_nudges(engine: sa.Engine) -> None:
    w = written(engine)
    w.journal.delete(1)
    snap = archive.snapshot(engine)
    assert snap["promise_pins"] == [] and snap["nudge_dismissals"] == []


def test_the_promise_round_trips_through_an_archive(engine: sa.Engine, tmp_path: Path) -> None:
    w = written(engine)
    before = archive.snapshot(engine)
    assert len(before["promise_versions"]) == 2 and len(before["promise_pins"]) == 1
    out = tmp_path / "a.chx"
    archive.export(engine, out, "correct horse battery", AT)
    with engine.begin() as conn:
        for table in (
            "nudge_dismissals",
            "promise_pins",
            "promise_versions",
            "journal_entries",
            "safety_events",
            "settings",
        ):
            conn.execute(sa.text(f"DELETE FROM {table}"))
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    again = services(engine)
    assert again.promise.history() == w.promise.history()
    assert again.promise.pins() == w.promise.pins()
