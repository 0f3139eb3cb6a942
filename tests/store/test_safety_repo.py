"""The safety gate's history and the person's help settings, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa

from clearheart.domain.safety import SafetyEvent, Source
from clearheart.services import archive
from clearheart.services.help import HelpService
from clearheart.services.safety import LEGACY_KEY, SafetyService
from clearheart.store.safety_repo import SafetyRepo
from clearheart.store.schema import safety_events
from clearheart.store.settings_repo import SettingsRepo

ZONE = timezone(timedelta(hours=2))
AT = datetime(2026, 3, 1, 21, 30, tzinfo=ZONE)


class Clock:
    def __init__(self) -> None:
        self.moment = AT

    def now(self) -> datetime:
        return self.moment


def _services(engine: sa.Engine) -> tuple[SafetyService, HelpService, Clock]:
    clock = Clock()
    settings = SettingsRepo(engine)
    return SafetyService(engine, settings, clock), HelpService(settings, clock), clock


def test_events_keep_their_order_time_zone_and_signs(engine: sa.Engine) -> None:
    repo = SafetyRepo(engine)
    first = repo.add(SafetyEvent(AT, True, Source.JOURNAL, ("fear", "control")))
    repo.add(SafetyEvent(AT - timedelta(hours=1), False, Source.SWITCH))
    events = repo.events()
    assert [e.id for e in events] == [first.id, first.id + 1 if first.id else None]
    assert events[0] == SafetyEvent(AT, True, Source.JOURNAL, ("fear", "control"), first.id)
    assert events[0].at.utcoffset() == timedelta(hours=2)
    assert events[1].unsafe is False and events[1].source is Source.SWITCH


def test_a_source_from_a_newer_version_still_counts(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.insert(safety_events).values(
            at="2026-03-01T19:30:00.000000Z", utc_offset=120, unsafe=True,
            source="something-new", signs=["x"]))
    service, _, _ = _services(engine)
    gate = service.gate()
    assert not gate.coaching and gate.reasons[0].source is Source.IMPORT


def test_the_service_reads_the_older_flag_first_then_the_history(engine: sa.Engine) -> None:
    service, _, clock = _services(engine)
    SettingsRepo(engine).put(LEGACY_KEY, {"paused": True, "since": AT.isoformat(),
                                          "signs": ["am-i-safe/x4"], "resumed_at": None})
    assert not service.coaching()
    assert [r.code for r in service.gate().reasons] == ["questionnaire:am-i-safe/x4"]
    clock.moment = AT + timedelta(days=1)
    assert service.safe().coaching
    assert service.notice("We had a nice dinner.", Source.JOURNAL).kinds == ()
    assert service.coaching()
    noticed = service.notice("He took my keys and my phone and locked me in the bedroom all "
                             "night.", Source.JOURNAL)
    assert noticed.closes
    gate = service.gate()
    assert not gate.coaching and gate.since == clock.moment
    assert [e.source for e in service.history()] == [
        Source.QUESTIONNAIRE, Source.SWITCH, Source.JOURNAL]


def test_the_gate_plan_and_country_survive_export_and_restore(
    engine: sa.Engine, tmp_path: Path
) -> None:
    service, help_, _ = _services(engine)
    service.unsafe()
    service.questionnaire(["am-i-safe/x2"])
    help_.choose_country("gb")
    help_.save_plan({"parts": {"code_word": "blue umbrella"},
                     "people": [{"name": "Mira", "how": "07700 900123"}], "packed": ["id"]})
    before = archive.snapshot(engine)
    gate_before, plan_before = service.gate(), help_.plan()
    out = tmp_path / "a.chx"
    archive.export(engine, out, "correct horse battery", datetime(2026, 3, 2, tzinfo=UTC))
    with engine.begin() as conn:
        for table in ("safety_events", "settings"):
            conn.execute(sa.text(f"DELETE FROM {table}"))
    assert service.coaching()
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert service.gate() == gate_before and help_.plan() == plan_before
    country = help_.country()
    assert country is not None and country.code == "GB"
