"""The decision aid on SQLCipher and PostgreSQL: every write checked first, every plan
version kept, the gate respected, and an export/re-import that loses nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.decide import ITEMS, Option, Plan, Stage, Value
from clearheart.errors import InvalidInput
from clearheart.services import archive
from clearheart.services.decide import DecideService
from clearheart.services.safety import SafetyService
from clearheart.store.settings_repo import SettingsRepo

LIMA = timezone(timedelta(hours=-5))
AT = datetime(2026, 6, 30, 21, 15, 30, 250000, tzinfo=LIMA)


class Clock:
    def __init__(self) -> None:
        self.moment = AT

    def now(self) -> datetime:
        return self.moment


def service(engine: sa.Engine) -> DecideService:
    clock = Clock()
    return DecideService(
        engine, clock, SafetyService(engine, SettingsRepo(engine), clock, model=lambda: None)
    )


def walked(engine: sa.Engine) -> DecideService:
    """An aid walked to a plan, then a change of mind."""
    aid = service(engine)
    aid.start()
    aid.save_values([Value("being-seen", 3), Value("own-1", 2, "Quiet Sundays, \u00fcml\u00e4ut")])
    aid.rate({"both_willing": "not-sure", "needs_unmet": "mostly"})
    aid.take_sure(dict.fromkeys(ITEMS, "no"), AT - timedelta(days=9))
    aid.take_sure({**dict.fromkeys(ITEMS, "yes"), "support": "no"})
    aid.set_order(["let-go", "together", "pause"])
    aid.save_questions(["What would a fair time frame be?"])
    aid.choose(
        Plan(
            Option.TOGETHER,
            date(2026, 8, 1),
            experiments=("a walk each Sunday",),
            check_in="the first of the month",
        )
    )
    aid.choose(
        Plan(
            Option.PAUSE,
            date(2026, 7, 30),
            pause_days=30,
            boundaries=("texts on Sundays only",),
            note="for now",
        ),
        AT + timedelta(hours=1),
    )
    return aid


def test_a_walk_through_is_stored_and_every_version_kept(engine: sa.Engine) -> None:
    aid = walked(engine)
    state = aid.aid()
    assert state.stage is Stage.PLAN
    assert state.started_at == AT
    assert [v.id for v in state.values] == ["being-seen", "own-1"]
    assert state.own_order == (Option.LET_GO, Option.TOGETHER, Option.PAUSE)
    assert aid.order() == state.own_order
    assert state.questions == ("What would a fair time frame be?",)
    progress = aid.progress()
    assert (
        progress.before and progress.before.score,
        progress.after and progress.after.score,
        progress.takes,
    ) == (0, 3, 2)
    versions = aid.history()
    assert [v.plan.option for v in versions] == [Option.TOGETHER, Option.PAUSE]
    assert versions[0].plan.experiments == ("a walk each Sunday",)
    latest = aid.plan()
    assert latest is not None and latest.plan.pause_days == 30
    assert latest.made_at == AT + timedelta(hours=1)


BAD = {
    "an unknown option": lambda a: a.set_order(["stay", "pause", "together"]),
    "a weight out of range": lambda a: a.save_values([Value("freedom", 9)]),
    "a review date in the past": lambda a: a.choose(Plan(Option.LET_GO, date(2026, 6, 29))),
    "too long a text": lambda a: a.choose(
        Plan(Option.LET_GO, date(2026, 7, 1), no_contact="x" * 5000)
    ),
    "an unknown rating": lambda a: a.rate({"partner_type": "mostly"}),
    "half a SURE take": lambda a: a.take_sure({"sure": "yes"}),
    "an unknown stage": lambda a: a.go("verdict"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_says_what_is_wrong_and_stores_nothing(engine: sa.Engine, name: str) -> None:
    aid = walked(engine)
    before = archive.snapshot(engine)
    with pytest.raises(InvalidInput) as refused:
        BAD[name](aid)
    assert refused.value.reason and refused.value.field
    assert archive.snapshot(engine) == before


def test_every_write_rests_while_the_gate_is_closed(engine: sa.Engine) -> None:
    aid = walked(engine)
    aid.safety.unsafe()
    before = archive.snapshot(engine)
    for write in (
        aid.start,
        lambda: aid.go("options"),
        lambda: aid.rate({}),
        lambda: aid.take_sure(dict.fromkeys(ITEMS, "yes")),
        lambda: aid.choose(Plan(Option.LET_GO, date(2026, 7, 1))),
    ):
        with pytest.raises(InvalidInput, match="rests while you may not be safe"):
            write()
    assert archive.snapshot(engine) == before
    assert aid.resting() and aid.reflections()  # the quiet prompts only
    assert not any(p.coaching for p in aid.reflections())


def test_the_aid_round_trips_through_an_archive(engine: sa.Engine, tmp_path: Path) -> None:
    aid = walked(engine)
    before = archive.snapshot(engine)
    assert len(before["decision_plans"]) == 2 and len(before["decision_sure"]) == 2
    out = tmp_path / "a.chx"
    archive.export(engine, out, "correct horse battery", AT)
    with engine.begin() as conn:
        for table in (
            "decision_plans",
            "decision_sure",
            "decision_aid",
            "safety_events",
            "settings",
        ):
            conn.execute(sa.text(f"DELETE FROM {table}"))
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    again = service(engine)
    assert again.aid() == aid.aid() and again.history() == aid.history()
    assert again.takes() == aid.takes()


def test_an_archive_from_before_the_aid_still_restores(engine: sa.Engine, tmp_path: Path) -> None:
    """Schema 0005 had no decision tables: its archives restore, and the aid starts empty."""
    import json

    SettingsRepo(engine).put("vault_id", "abc123")
    before = archive.snapshot(engine)
    plain = tmp_path / "now.jsonl"
    archive.export(engine, plain, None, AT)
    header, *rows = plain.read_bytes().splitlines(keepends=True)
    old = json.loads(header)
    old["schema"] = "0005"
    for name in ("decision_aid", "decision_sure", "decision_plans"):
        del old["tables"][name]
    (tmp_path / "old.jsonl").write_bytes(json.dumps(old).encode() + b"\n" + b"".join(rows))
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM settings"))
    opened = archive.open_archive(tmp_path / "old.jsonl", None)
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert service(engine).aid().stage is Stage.NOT_STARTED
