"""The behaviour log on both backends: store, page, change, delete, cycle steps, archives."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.behaviour import Draft
from clearheart.errors import InvalidInput, NotFound
from clearheart.services import archive
from clearheart.services.behaviour import BehaviourService
from clearheart.store.behaviour_repo import BehaviourRepo
from clearheart.store.schema import behaviour_log, cycle_maps

ZONE = timezone(timedelta(hours=-5))
NOW = datetime(2026, 3, 6, 20, 0, tzinfo=ZONE)  # a Friday evening


class Clock:
    def now(self) -> datetime:
        return NOW


def _map(engine: sa.Engine, title: str, steps: list[str], updated: str) -> int:
    with engine.begin() as conn:
        return int(
            conn.execute(
                sa.insert(cycle_maps)
                .values(
                    title=title,
                    steps=[{"id": s, "role": "trigger", "text": f"{s} text"} for s in steps],
                    created_at=updated,
                    updated_at=updated,
                )
                .returning(cycle_maps.c.id)
            ).scalar_one()
        )


def _rows(engine: sa.Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [
            tuple(r) for r in conn.execute(sa.select(behaviour_log).order_by(behaviour_log.c.id))
        ]


def test_an_entry_keeps_its_local_time_note_and_kind(engine: sa.Engine) -> None:
    repo = BehaviourRepo(engine)
    at = datetime(2026, 3, 5, 23, 30, tzinfo=ZONE)
    stored = repo.add(Draft("bid_toward", at, 'ünïcode "quoted"\nsecond line'), NOW)
    again = repo.get(stored.id)
    assert again == stored
    assert again.at == at and again.at.utcoffset() == timedelta(hours=-5)
    assert again.day == date(2026, 3, 5)  # the local day, though UTC is already the 6th
    assert again.note == 'ünïcode "quoted"\nsecond line'
    assert again.created_at == NOW.astimezone(UTC)
    assert again.label == "They turned toward me"


def test_pages_are_newest_first_and_filter_by_time_and_kind(engine: sa.Engine) -> None:
    service = BehaviourService(engine, Clock())
    for day, kind in [(1, "bid_toward"), (2, "bid_away"), (3, "bid_toward"), (4, "conflict")]:
        service.add(kind, at=datetime(2026, 3, day, 12, 0, tzinfo=ZONE))
    page = service.list(limit=3)
    assert [e.day.day for e in page.entries] == [4, 3, 2]
    assert page.total == 4 and page.has_more
    assert [e.day.day for e in service.list(offset=3, limit=3).entries] == [1]
    assert [e.day.day for e in service.list(kind="bid-toward").entries] == [3, 1]
    window = service.list(since=date(2026, 3, 2), until=date(2026, 3, 3))
    assert [e.day.day for e in window.entries] == [3, 2] and window.total == 2
    with pytest.raises(InvalidInput):
        service.list(since=date(2026, 3, 3), until=date(2026, 3, 2))
    with pytest.raises(InvalidInput):
        service.list(kind="nope")
    with pytest.raises(InvalidInput):
        service.list(limit=0)


def test_edit_and_delete(engine: sa.Engine) -> None:
    service = BehaviourService(engine, Clock())
    first = service.add("bid_away", note="one")
    changed = service.edit(first.id, "bid_toward", note="two")
    assert (changed.kind, changed.note, changed.at) == ("bid_toward", "two", first.at)
    service.delete(first.id)
    with pytest.raises(NotFound):
        service.get(first.id)
    with pytest.raises(NotFound):
        service.delete(first.id)
    with pytest.raises(NotFound):
        service.edit(first.id, "bid_toward")


def test_bad_input_keeps_every_stored_entry_intact(engine: sa.Engine) -> None:
    service = BehaviourService(engine, Clock())
    keep = service.add("quality_time", note="a walk")
    service.add("need_met")
    before = _rows(engine)
    bad_calls = [
        lambda: service.add("hugged"),
        lambda: service.add("bid_toward", note="x" * 2001),
        lambda: service.add("bid_toward", at=NOW + timedelta(hours=1)),
        lambda: service.add("bid_toward", step="nowhere"),
        lambda: service.edit(keep.id, "hugged", note="changed"),
        lambda: service.edit(keep.id, "quality_time", note="a\x00b"),
        lambda: service.add_many([Draft("bid_toward", NOW), Draft("nope", NOW)]),
    ]
    for call in bad_calls:
        with pytest.raises(InvalidInput):
            call()
    assert _rows(engine) == before


def test_a_step_is_checked_against_its_cycle_map(engine: sa.Engine) -> None:
    service = BehaviourService(engine, Clock())
    old = _map(engine, "Old loop", ["trigger", "feel"], "2026-01-01T00:00:00.000000Z")
    new = _map(engine, "New loop", ["trigger", "do"], "2026-02-01T00:00:00.000000Z")
    assert service.repo.step_ids(old) == ("trigger", "feel")
    assert service.repo.step_ids(9999) is None
    # A step alone goes to the newest map that has it.
    assert service.add("i_pursued", step="trigger").cycle_map_id == new
    assert service.add("i_pursued", step="feel").cycle_map_id == old
    chosen = service.add("i_pursued", step="trigger", map_id=old)
    assert (chosen.cycle_map_id, chosen.cycle_step) == (old, "trigger")
    with pytest.raises(InvalidInput) as caught:
        service.add("i_pursued", step="do", map_id=old)
    assert caught.value.field == "step" and "trigger, feel" in caught.value.reason
    with pytest.raises(InvalidInput) as caught:
        service.add("i_pursued", step="do", map_id=9999)
    assert caught.value.field == "map"
    choices = service.cycle_steps()
    assert [(c.map_title, c.step_id) for c in choices] == [
        ("New loop", "trigger"),
        ("New loop", "do"),
        ("Old loop", "trigger"),
        ("Old loop", "feel"),
    ]


def test_weekly_summary_uses_local_days(engine: sa.Engine) -> None:
    service = BehaviourService(engine, Clock())
    # Sunday 1 March, 23:00 local: Monday 04:00 UTC, yet it belongs to the week of 23 Feb.
    service.add("bid_toward", at=datetime(2026, 3, 1, 23, 0, tzinfo=ZONE))
    service.add("bid_away", at=datetime(2026, 3, 2, 9, 0, tzinfo=ZONE))
    summary = service.weekly()
    assert [(w.start, w.answered) for w in summary.weeks] == [
        (date(2026, 2, 23), 1),
        (date(2026, 3, 2), 1),
    ]
    assert service.weekly(since=date(2026, 3, 2)).entries == 1
    assert len(service.weekly(until=date(2026, 3, 20)).weeks) == 4


def test_export_and_restore_keep_log_entries(engine: sa.Engine, tmp_path: Path) -> None:
    service = BehaviourService(engine, Clock())
    loop = _map(engine, "Loop", ["trigger"], "2026-01-01T00:00:00.000000Z")
    service.add("i_pursued", note="ünïcode note", step="trigger")
    service.add("bid_toward", at=datetime(2026, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=9))))
    before = archive.snapshot(engine)
    out = tmp_path / "log.chx"
    archive.export(engine, out, "correct horse battery", NOW)
    with engine.begin() as conn:
        conn.execute(sa.delete(behaviour_log))
        conn.execute(sa.delete(cycle_maps))
    opened = archive.open_archive(out, "correct horse battery")
    assert opened.header["tables"]["behaviour_log"] == 2
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    restored = service.list().entries
    assert {e.cycle_map_id for e in restored} == {loop, None}
    assert restored[-1].at.utcoffset() == timedelta(hours=9)
    assert service.add("need_met").id == 3  # ids continue after the restored ones
