"""Cycle maps on SQLCipher and PostgreSQL: store, change, list, delete, count log links, archive."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from clearheart.demo.cycle import load_demo_cycle, store_demo_cycle
from clearheart.domain.cycle import CycleMap, Step, clean_map
from clearheart.errors import InvalidInput, NotFound
from clearheart.services import archive
from clearheart.services.cycle import CycleService
from clearheart.services.safety import SafetyService
from clearheart.store.cycle_repo import CycleRepo
from clearheart.store.schema import behaviour_log
from clearheart.store.settings_repo import SettingsRepo

BERLIN = timezone(timedelta(hours=1))
AT = datetime(2026, 2, 3, 21, 15, 30, 250000, tzinfo=BERLIN)


class Clock:
    def __init__(self) -> None:
        self.moment = AT

    def now(self) -> datetime:
        return self.moment


def example() -> CycleMap:
    return clean_map(CycleMap(None, "Friday nights", (
        Step("", "trigger", "Plans for the weekend are still open on Friday."),
        Step("", "my_feeling", "Afraid I am an afterthought, with \u00fcml\u00e4uts & \"quotes\"."),
        Step("", "my_action", "I ask about Saturday, then ask again."),
        Step("", "partner_action", "Replies get shorter."),
    )))


def log(engine: sa.Engine, map_id: int | None, step: str | None, n: int = 1) -> None:
    """Behaviour-log rows as the log service writes them (this suite only reads them)."""
    stamp = "2026-02-01T10:00:00.000000Z"
    with engine.begin() as conn:
        conn.execute(sa.insert(behaviour_log), [
            {"at": stamp, "utc_offset": 60, "kind": "i_pursued", "note": None,
             "cycle_map_id": map_id, "cycle_step": step, "created_at": stamp}
            for _ in range(n)])


def test_add_get_update_list_and_not_found(engine: sa.Engine) -> None:
    repo = CycleRepo(engine)
    first = repo.add(example(), AT)
    assert first.id is not None
    assert first.title == "Friday nights"
    assert first.steps == example().steps
    assert first.created_at == first.updated_at == AT
    assert first.created_at is not None and first.created_at.utcoffset() == timedelta(0)
    assert repo.get(first.id) == first
    # A change keeps the creation time; the list is the newest change first.
    second = repo.add(replace(example(), title="Sunday"), AT + timedelta(hours=1))
    assert [m.id for m in repo.all()] == [second.id, first.id]
    changed = repo.update(first.id, replace(first, title="Friday nights, again"),
                          AT + timedelta(days=1))
    assert changed.created_at == AT
    assert changed.updated_at == (AT + timedelta(days=1)).astimezone(UTC)
    assert [m.id for m in repo.all()] == [first.id, second.id]
    with pytest.raises(NotFound):
        repo.update(999, example(), AT)
    with pytest.raises(NotFound):
        repo.get(999)


def test_step_counts_read_the_log_and_delete_leaves_entries_unlinked(engine: sa.Engine) -> None:
    repo = CycleRepo(engine)
    stored = repo.add(example(), AT)
    other = repo.add(example(), AT)
    assert stored.id is not None and other.id is not None
    assert repo.step_counts(stored.id) == {}
    log(engine, stored.id, "s1", 3)
    log(engine, stored.id, "s3")
    log(engine, stored.id, None, 2)
    log(engine, other.id, "s1", 5)
    log(engine, None, None)
    assert repo.step_counts(stored.id) == {"s1": 3, "s3": 1}
    assert repo.linked_count(stored.id) == 6
    repo.delete(stored.id)
    with pytest.raises(NotFound):
        repo.get(stored.id)
    with pytest.raises(NotFound):
        repo.delete(stored.id)
    with engine.connect() as conn:
        linked = conn.execute(sa.select(behaviour_log.c.cycle_map_id)).scalars().all()
    assert linked.count(None) == 7 and linked.count(other.id) == 5  # ON DELETE SET NULL


def test_the_service_keeps_ids_stable_and_bad_input_keeps_the_map(engine: sa.Engine) -> None:
    clock = Clock()
    service = CycleService(engine, clock, SafetyService(engine, SettingsRepo(engine), clock))
    saved = service.save(example())
    assert saved.id is not None
    assert [s.id for s in saved.steps] == ["s1", "s2", "s3", "s4"]
    log(engine, saved.id, "s4", 2)
    # The last step is taken out, then a new one is added: it must not inherit s4's entries.
    without = service.save(replace(saved, steps=saved.steps[:3]))
    again = service.save(replace(without, steps=(*without.steps,
                                                 Step("", "partner_action", "Quiet."))))
    assert [s.id for s in again.steps] == ["s1", "s2", "s3", "s5"]
    assert service.step_counts(saved.id) == {}  # s4 is no longer on the map
    # A file without ids keeps the ids of unchanged steps.
    kept = service.save_current(None, [Step("", s.role, s.text) for s in again.steps])
    assert [s.id for s in kept.steps] == ["s1", "s2", "s3", "s5"]
    # Bad input: a clear error, and the stored map is exactly as it was.
    for bad in (replace(kept, title=""),
                replace(kept, steps=(*kept.steps, Step("", "villain", "x"))),
                replace(kept, steps=(*kept.steps, Step("", "my_action", "x" * 201))),
                replace(kept, steps=())):
        with pytest.raises(InvalidInput):
            service.save(bad)
        assert service.get(saved.id) == kept
    with pytest.raises(InvalidInput):
        service.start_from_example()
    assert service.list() == (kept,)
    with pytest.raises(NotFound):
        service.save(replace(kept, id=999))


def test_the_example_the_svg_and_the_demo_map(engine: sa.Engine) -> None:
    clock = Clock()
    service = CycleService(engine, clock, SafetyService(engine, SettingsRepo(engine), clock))
    assert service.current() is None
    started = service.start_from_example()
    assert service.current() == started
    assert started.title == service.copy().example.title
    assert started.id is not None
    log(engine, started.id, "s2", 4)
    svg = service.svg(started.id)
    assert "4 log entries" in svg and started.title in svg
    assert "log entries" not in service.svg(started.id, counts=False)
    with pytest.raises(NotFound):
        service.step_counts(999)
    service.delete(started.id)

    # The demo's map: saved in versions on their story days, with stable ids.
    versions = load_demo_cycle()
    assert len(versions) >= 2
    workspace = SimpleNamespace(cycle=service)
    start = date(2025, 1, 1)
    halfway = datetime.combine(start + timedelta(days=versions[0].day + 1), AT.time(), BERLIN)
    early = store_demo_cycle(workspace, start, halfway)  # type: ignore[arg-type]
    assert early is not None
    assert [s.id for s in service.get(early).steps] == [s.id for s in versions[0].steps]
    service.delete(early)
    map_id = store_demo_cycle(workspace, start)  # type: ignore[arg-type]
    assert map_id is not None
    final = service.get(map_id)
    assert final.steps == versions[-1].steps
    assert len(service.list()) == 1  # one map, changed, not one per version
    assert {s.id for s in versions[0].steps} <= {s.id for s in final.steps}
    assert final.created_at is not None and final.updated_at is not None
    days = final.updated_at.astimezone().date() - final.created_at.astimezone().date()
    assert days.days == versions[-1].day - versions[0].day


def test_maps_survive_export_and_restore(engine: sa.Engine, tmp_path: Path) -> None:
    """Every row comes back (the archive's encryption is tested with the archive)."""
    repo = CycleRepo(engine)
    first = repo.add(example(), AT)
    second = repo.add(replace(example(), title="Another"), AT + timedelta(minutes=5))
    assert first.id is not None
    log(engine, first.id, "s1", 2)
    before = archive.snapshot(engine)
    out = tmp_path / "maps.jsonl"
    archive.export(engine, out, None, AT)
    with engine.begin() as conn:
        conn.execute(sa.delete(behaviour_log))
        conn.execute(sa.text("DELETE FROM cycle_maps"))
    opened = archive.open_archive(out, None)
    assert opened.header["tables"]["cycle_maps"] == 2
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert repo.all() == (second, first)
    assert repo.step_counts(first.id) == {"s1": 2}
    assert repo.add(example(), AT).id == 3  # new maps continue after the restored ids
