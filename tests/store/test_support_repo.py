"""The support network on SQLCipher and PostgreSQL: writes checked first, bad input stores
nothing, the safety plan gets copies, nudges rest with the gate, and an export/re-import
loses nothing."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clearheart.domain.safety.plan import MAX_PEOPLE
from clearheart.domain.support import Kind
from clearheart.errors import InvalidInput, NotFound
from clearheart.services import archive
from clearheart.services.help import HelpService
from clearheart.services.safety import SafetyService
from clearheart.services.support import SupportService
from clearheart.store.settings_repo import SettingsRepo

LIMA = timezone(timedelta(hours=-5))
AT = datetime(2026, 6, 30, 21, 15, 30, 250000, tzinfo=LIMA)


class Clock:
    def __init__(self) -> None:
        self.moment = AT

    def now(self) -> datetime:
        return self.moment


def service(engine: sa.Engine) -> SupportService:
    clock, settings = Clock(), SettingsRepo(engine)
    safety = SafetyService(engine, settings, clock, model=lambda: None)
    return SupportService(engine, clock, safety, HelpService(settings, clock))


def filled(engine: sa.Engine) -> SupportService:
    support = service(engine)
    maya = support.add("Maya", ["talk", "fun"], "Wednesdays, and she listens", "07700 900123", 7)
    support.add("Ellie", ["practical"], how="round the corner")
    support.add("Choir", ["company"], every_days=14)
    support.reached(maya.id, date(2026, 6, 1), "long walk, ümlaut and all")
    support.reached(maya.id, note="a quick call")
    return support


def test_people_are_kept_with_their_times_in_touch(engine: sa.Engine) -> None:
    support = filled(engine)
    names = [s.name for s in support.supporters()]
    assert names == ["Choir", "Ellie", "Maya"]
    maya = next(s for s in support.supporters() if s.name == "Maya")
    assert maya.details.good_for == frozenset({Kind.TALK, Kind.FUN})
    assert maya.last == AT.date() and [c.note for c in maya.contacts] == [
        "a quick call",
        "long walk, ümlaut and all",
    ]
    assert maya.added == AT
    edited = support.edit(maya.id, "Maya O.", ["talk"], "", "", None)
    assert edited.details.every_days is None and len(edited.contacts) == 2
    summary = support.summary()
    assert (summary.people, summary.reached, summary.times) == (3, 1, 2)


def test_nudges_come_from_the_chosen_interval_and_rest_with_the_gate(engine: sa.Engine) -> None:
    support = filled(engine)
    assert support.due() == ()
    assert isinstance(support.clock, Clock)
    support.clock.moment = AT + timedelta(days=15)
    assert [d.supporter.name for d in support.due()] == ["Maya", "Choir"]
    assert [d.supporter.name for d in support.nudges(most=1)] == ["Maya"]
    support.safety.unsafe()
    assert support.nudges() == () and len(support.due()) == 2


def test_hard_moments_offer_those_good_for_talk_or_company(engine: sa.Engine) -> None:
    assert [s.name for s in filled(engine).for_hard_moments()] == ["Maya", "Choir"]


BAD: dict[str, Any] = {
    "no name": lambda s, i: s.add("  ", ["talk"]),
    "an unknown kind": lambda s, i: s.add("Jonah", ["gossip"]),
    "an interval of a thousand days": lambda s, i: s.add("Jonah", every_days=1000),
    "too long a note": lambda s, i: s.reached(i, note="x" * 201),
    "a day still to come": lambda s, i: s.reached(i, date(2026, 7, 2)),
    "an edit with no name": lambda s, i: s.edit(i, ""),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_says_what_is_wrong_and_stores_nothing(engine: sa.Engine, name: str) -> None:
    support = filled(engine)
    first = support.supporters()[0].id
    before = archive.snapshot(engine)
    with pytest.raises(InvalidInput) as refused:
        BAD[name](support, first)
    assert refused.value.reason and refused.value.field
    assert archive.snapshot(engine) == before


def test_a_missing_person_is_not_found_and_nothing_changes(engine: sa.Engine) -> None:
    support = filled(engine)
    before = archive.snapshot(engine)
    for write in (
        lambda: support.reached(999),
        lambda: support.edit(999, "X"),
        lambda: support.remove(999),
        lambda: support.add_to_plan(999),
    ):
        with pytest.raises(NotFound):
            write()
    assert archive.snapshot(engine) == before


def test_removing_someone_removes_their_times_in_touch(engine: sa.Engine) -> None:
    support = filled(engine)
    maya = next(s for s in support.supporters() if s.name == "Maya")
    support.remove(maya.id)
    assert len(archive.snapshot(engine)["support_contacts"]) == 0


def test_adding_to_the_safety_plan_copies_name_and_how_and_keeps_the_plan(
    engine: sa.Engine,
) -> None:
    support = filled(engine)
    support.help.save_plan(
        {
            "parts": {"what_helps": "a hot shower"},
            "people": [{"name": "Nurse at the clinic", "how": "", "note": ""}],
        }
    )
    maya = next(s for s in support.supporters() if s.name == "Maya")
    plan = support.add_to_plan(maya.id)
    assert [(p.name, p.how) for p in plan.people] == [
        ("Nurse at the clinic", ""),
        ("Maya", "07700 900123"),
    ]
    assert plan.part("what_helps") == "a hot shower"
    assert support.on_plan() == frozenset({maya.id})
    before = archive.snapshot(engine)
    with pytest.raises(InvalidInput, match="already on your safety plan"):
        support.add_to_plan(maya.id)
    support.remove(maya.id)  # the plan keeps its copy
    assert [p.name for p in support.help.plan().people][-1] == "Maya"
    assert archive.snapshot(engine) != before


def test_a_full_plan_refuses_one_more(engine: sa.Engine) -> None:
    support = filled(engine)
    support.help.save_plan({"people": [{"name": f"P{n}"} for n in range(MAX_PEOPLE)]})
    before = archive.snapshot(engine)
    with pytest.raises(InvalidInput, match=f"already holds {MAX_PEOPLE}"):
        support.add_to_plan(support.supporters()[0].id)
    assert archive.snapshot(engine) == before


def test_the_network_round_trips_through_an_archive(engine: sa.Engine, tmp_path: Path) -> None:
    support = filled(engine)
    before = archive.snapshot(engine)
    assert len(before["support_people"]) == 3 and len(before["support_contacts"]) == 2
    out = tmp_path / "a.chx"
    archive.export(engine, out, "correct horse battery", AT)
    with engine.begin() as conn:
        for table in ("support_contacts", "support_people", "settings"):
            conn.execute(sa.text(f"DELETE FROM {table}"))
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert service(engine).supporters() == support.supporters()


@pytest.mark.parametrize(
    ("table", "change", "field"),
    [
        ("support_people", {"good_for": ["gossip"]}, "good_for"),
        ("support_people", {"every_days": 0}, "every"),
        ("support_people", {"name": " "}, "name"),
        ("support_contacts", {"on_day": "14/03/2026"}, "on_day"),
    ],
)
def test_a_hand_edited_archive_row_is_refused_by_the_rules_of_writes(
    engine: sa.Engine,
    tmp_path: Path,
    table: str,
    change: dict[str, Any],
    field: str,
) -> None:
    from clearheart.errors import ArchiveInvalid

    filled(engine)
    plain = tmp_path / "a.jsonl"
    archive.export(engine, plain, None, AT)
    lines = []
    for raw in plain.read_bytes().splitlines():
        record = json.loads(raw)
        if record.get("table") == table:
            record["row"] |= change
        lines.append(json.dumps(record).encode())
    plain.write_bytes(b"\n".join(lines) + b"\n")
    with engine.begin() as conn:
        for name in ("support_contacts", "support_people", "settings", "safety_events"):
            conn.execute(sa.text(f"DELETE FROM {name}"))
    before = archive.snapshot(engine)
    with pytest.raises(ArchiveInvalid) as refused:
        archive.open_archive(plain, None)
    assert archive.snapshot(engine) == before
    assert f"of {table}): {field} " in refused.value.message
