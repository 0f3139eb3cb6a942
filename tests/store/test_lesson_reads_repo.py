"""Which lessons were read, on SQLCipher and PostgreSQL: an opening is recorded with the
lesson's version, a second one moves only the last time, an unknown lesson stores nothing,
forgetting clears only this, and an export/re-import loses nothing."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.lesson_reads import next_unread
from clearheart.errors import ArchiveInvalid, NotFound
from clearheart.services import archive
from clearheart.services.assess import AssessService
from clearheart.services.behaviour import BehaviourService
from clearheart.services.chats import ChatService
from clearheart.services.cycle import CycleService
from clearheart.services.evidence import EvidenceService
from clearheart.services.journal import JournalService
from clearheart.services.lessons import LessonService
from clearheart.services.safety import SafetyService
from clearheart.store.settings_repo import SettingsRepo

OSLO = timezone(timedelta(hours=1))
AT = datetime(2026, 12, 3, 22, 40, 5, 125000, tzinfo=OSLO)


class Clock:
    def __init__(self) -> None:
        self.moment = AT

    def now(self) -> datetime:
        return self.moment


def lessons(engine: sa.Engine, clock: Clock | None = None) -> LessonService:
    clock = clock or Clock()
    safety = SafetyService(engine, SettingsRepo(engine), clock, model=lambda: None)
    journal = JournalService(engine, clock, safety)
    evidence = EvidenceService(
        BehaviourService(engine, clock),
        AssessService(engine, safety, clock),
        ChatService(engine, clock),
        journal,
        clock,
    )
    return LessonService(engine, clock, safety, evidence, CycleService(engine, clock, safety))


def test_opening_records_the_time_and_version_and_reopening_moves_only_the_last(
    engine: sa.Engine,
) -> None:
    clock = Clock()
    service = lessons(engine, clock)
    first = service.opened("the-loop")
    assert first is not None
    assert (first.lesson_id, first.version) == ("the-loop", service.lesson("the-loop").version)
    assert first.first_opened == first.last_opened == AT
    clock.moment = AT + timedelta(days=9, hours=3)
    service.opened("the-loop")
    (read,) = service.reads()
    assert read.first_opened == AT and read.last_opened == AT + timedelta(days=9, hours=3)
    assert read.last_opened.utcoffset() == timedelta(hours=1)


def test_an_unknown_lesson_says_so_and_stores_nothing(engine: sa.Engine) -> None:
    service = lessons(engine)
    service.opened("the-loop")
    before = archive.snapshot(engine)
    with pytest.raises(NotFound) as caught:
        service.opened("no-such-lesson")
    assert "no-such-lesson" in caught.value.message
    assert archive.snapshot(engine) == before


def test_the_marks_say_read_changed_since_and_what_comes_next(engine: sa.Engine) -> None:
    service = lessons(engine)
    every = service.all().lessons
    service.opened(every[0].id)
    service.opened(every[2].id)
    newer = dataclasses.replace(every[2], version=every[2].version + 1)
    marks = service.marked([every[0], every[1], newer])
    assert [m.read is not None for m in marks] == [True, False, True]
    assert [m.changed_since for m in marks] == [False, False, True]
    assert next_unread(marks) == every[1]
    for lesson in every:
        service.opened(lesson.id)
    assert next_unread(service.marked(every)) is None


def test_a_coaching_lesson_opened_while_resting_is_not_counted(engine: sa.Engine) -> None:
    service = lessons(engine)
    coaching = next(x for x in service.all().lessons if x.coaching)
    service.safety.unsafe()
    assert service.opened(coaching.id) is None
    assert service.opened("the-loop") is not None
    assert [r.lesson_id for r in service.reads()] == ["the-loop"]


def test_a_refused_write_leaves_the_lesson_unmarked_not_unshown(engine: sa.Engine) -> None:
    service = lessons(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE lesson_reads"))
    service.note_opened(service.lesson("the-loop"))  # no exception: the page still shows


def test_forgetting_clears_only_the_reads(engine: sa.Engine) -> None:
    service = lessons(engine)
    service.evidence.journal.add("A quiet evening.")
    service.opened("the-loop")
    service.opened("not-a-verdict")
    before = archive.snapshot(engine)
    assert service.forget() == 2
    after = archive.snapshot(engine)
    assert after["lesson_reads"] == [] and service.reads() == ()
    assert {k: v for k, v in after.items() if k != "lesson_reads"} == {
        k: v for k, v in before.items() if k != "lesson_reads"
    }
    assert service.forget() == 0


def test_the_reads_round_trip_through_an_archive(engine: sa.Engine, tmp_path: Path) -> None:
    clock = Clock()
    service = lessons(engine, clock)
    service.opened("the-loop")
    clock.moment = AT + timedelta(days=40)
    service.opened("missing-the-promise")
    service.opened("the-loop")
    before = archive.snapshot(engine)
    out = tmp_path / "a.chx"
    archive.export(engine, out, "correct horse battery", AT)
    with engine.begin() as conn:
        for table in ("lesson_reads", "safety_events", "settings"):
            conn.execute(sa.text(f"DELETE FROM {table}"))
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert lessons(engine).reads() == service.reads()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"lesson_id": "The Loop!"}, "lesson_id"),
        ({"version": 0}, "version"),
        ({"updated_at": "2026-01-01T00:00:00.000000Z"}, "updated_at"),
    ],
)
def test_an_archive_with_a_bad_read_is_refused_before_anything_is_written(
    engine: sa.Engine, tmp_path: Path, values: dict[str, object], field: str
) -> None:
    import json

    service = lessons(engine)
    service.opened("the-loop")
    plain = tmp_path / "plain.jsonl"
    archive.export(engine, plain, None, AT)
    bad = [
        json.dumps({**r, "row": {**r["row"], **values}})
        if r.get("table") == "lesson_reads"
        else json.dumps(r)
        for r in map(json.loads, plain.read_bytes().splitlines())
    ]
    broken = tmp_path / "bad.jsonl"
    broken.write_text("\n".join(bad) + "\n")
    with pytest.raises(ArchiveInvalid, match=f"of lesson_reads\\): {field}"):
        archive.open_archive(broken, None)
