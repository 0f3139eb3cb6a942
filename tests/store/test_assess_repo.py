"""Questionnaire results and loaded instruments, on SQLCipher and PostgreSQL.

Also the service over them: a bad take or a bad file stores nothing, the safety
pause persists, and everything survives export and restore.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.assess import Result
from clearheart.errors import ContentInvalid, InvalidInput, NotFound
from clearheart.services import archive
from clearheart.services.assess import AssessService
from clearheart.services.safety import SafetyService
from clearheart.store.assess_repo import AssessRepo
from clearheart.store.settings_repo import SettingsRepo

BERLIN = timezone(timedelta(hours=1))
AT = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=BERLIN)
DATA = Path(__file__).resolve().parents[1] / "data" / "instruments"


class Clock:
    def __init__(self) -> None:
        self.moment = AT

    def now(self) -> datetime:
        return self.moment


def _result(at: datetime, subject: str | None = None, worry: float | None = 4.5) -> Result:
    return Result(
        id=None,
        instrument_id="closeness-and-worry",
        instrument_version="1",
        taken_at=at,
        subject=subject,
        answers={"w1": 5, "w2": 4},
        scores={"worry": worry, "distance": None},
    )


def test_results_keep_time_zone_answers_and_scores(engine: sa.Engine) -> None:
    repo = AssessRepo(engine)
    stored = repo.add_result(_result(AT))
    assert stored.id is not None and stored.taken_at == AT
    assert stored.taken_at.utcoffset() == timedelta(hours=1)
    assert stored.answers == {"w1": 5, "w2": 4}
    assert stored.scores == {"worry": 4.5, "distance": None}
    later = repo.add_result(_result(AT + timedelta(days=7), worry=3.0))
    earlier = repo.add_result(_result(AT - timedelta(days=7), worry=6.0))
    assert [r.id for r in repo.results("closeness-and-worry")] == [earlier.id, stored.id, later.id]
    assert repo.counts() == {"closeness-and-worry": 3}
    repo.delete_result(stored.id)
    with pytest.raises(NotFound):
        repo.result(stored.id)
    with pytest.raises(NotFound):
        repo.delete_result(stored.id)


def test_results_per_subject(engine: sa.Engine) -> None:
    repo = AssessRepo(engine)
    repo.add_result(_result(AT, "Robin"))
    repo.add_result(_result(AT + timedelta(days=1), "Sam"))
    repo.add_result(_result(AT + timedelta(days=2), "Robin"))
    repo.add_result(_result(AT))
    assert repo.subjects("closeness-and-worry") == ["Robin", "Sam"]
    assert len(repo.results("closeness-and-worry", "Robin")) == 2
    assert len(repo.results("closeness-and-worry")) == 1
    assert len(repo.results("closeness-and-worry", any_subject=True)) == 4


def test_loaded_instruments_replace_by_id(engine: sa.Engine) -> None:
    repo = AssessRepo(engine)
    repo.put_instrument("mine", "1", "text one", AT)
    repo.put_instrument("mine", "2", "text two", AT + timedelta(hours=1))
    (row,) = repo.loaded()
    assert (row.id, row.version, row.source) == ("mine", "2", "text two")
    repo.delete_instrument("mine")
    assert repo.loaded() == []
    with pytest.raises(NotFound):
        repo.delete_instrument("mine")


def _service(engine: sa.Engine) -> tuple[AssessService, Clock]:
    clock = Clock()
    return AssessService(engine, SafetyService(engine, SettingsRepo(engine), clock), clock), clock


WORRY = {
    "w1": 6,
    "w2": 6,
    "w3": 7,
    "w4": 6,
    "w5": 5,
    "w6": 4,
    "d1": 2,
    "d2": 3,
    "d3": 1,
    "d4": 2,
    "d5": 2,
    "d6": 3,
}


def test_take_scores_stores_and_compares(engine: sa.Engine) -> None:
    service, clock = _service(engine)
    first = service.take("closeness-and-worry", WORRY)
    assert first.changes == () and first.danger == () and first.gate.coaching
    assert first.result.id is not None and first.result.taken_at == AT
    clock.moment = AT + timedelta(days=14)
    second = service.take("closeness-and-worry", {k: "4" for k in WORRY})
    assert [c.subscale for c in second.changes] == ["worry", "distance"]
    assert second.changes[0].before == first.result.scores["worry"]
    assert "14 days apart" in second.changes[0].sentence
    assert service.changes("closeness-and-worry") == second.changes
    history = service.history("closeness-and-worry")
    assert [len(changes) for _, changes in history] == [0, 2]
    assert service.scores(second.result) == second.scores


def test_a_bad_take_stores_nothing(engine: sa.Engine) -> None:
    service, _ = _service(engine)
    service.take("closeness-and-worry", WORRY)
    with pytest.raises(InvalidInput) as caught:
        service.take("closeness-and-worry", {**WORRY, "w3": 9})
    assert caught.value.field == "w3"
    with pytest.raises(InvalidInput, match="not kept per person"):
        service.take("closeness-and-worry", WORRY, subject="Sam")
    with pytest.raises(NotFound):
        service.take("no-such-thing", WORRY)
    assert len(service.results("closeness-and-worry")) == 1


def test_a_danger_sign_pauses_coaching_until_the_person_resumes(engine: sa.Engine) -> None:
    service, clock = _service(engine)
    safe = next(i for i in service.instruments() if i.has_safety)
    item = next(i for i in safe.items if i.safety is not None)
    calm = service.take(safe.id, {item.id: item.scale.min})
    assert calm.danger == () and service.safety.coaching() and calm.gate.coaching
    clock.moment = AT + timedelta(hours=2)
    taken = service.take(safe.id, {item.id: item.scale.max})
    assert taken.danger == (item.id,)
    gate = service.safety.gate()
    assert not gate.coaching and gate.since == clock.moment and taken.gate == gate
    assert [r.code for r in gate.reasons] == [f"questionnaire:{safe.id}/{item.id}"]
    clock.moment = AT + timedelta(days=1)
    service.take(safe.id, {item.id: item.scale.min})
    assert not service.safety.coaching(), "a calm take does not open the gate; the person does"
    opened = service.safety.safe()
    assert opened.coaching and opened.safe_since == clock.moment
    assert service.safety.gate() == opened


def test_per_person_results(engine: sa.Engine) -> None:
    service, clock = _service(engine)
    dating = next(i for i in service.instruments() if i.per_person)
    answers = {dating.items[0].id: dating.items[0].scale.max}
    with pytest.raises(InvalidInput) as caught:
        service.take(dating.id, answers)
    assert caught.value.field == "subject"
    service.take(dating.id, answers, subject="  Robin ")
    clock.moment = AT + timedelta(days=1)
    service.take(dating.id, {**answers, "subject": "Sam"})
    assert service.subjects(dating.id) == ["Sam", "Robin"]
    assert [r.subject for r in service.results(dating.id, "Robin")] == ["Robin"]


def test_loading_an_instrument(engine: sa.Engine) -> None:
    service, _ = _service(engine)
    text = (DATA / "ecr-rs.toml").read_text(encoding="utf-8")
    loaded = service.load(text, "ecr-rs.toml")
    assert loaded.id == "ecr-rs" and loaded.group == "loaded"
    assert service.instruments()[-1].id == "ecr-rs"
    taken = service.take("ecr-rs", {f"i{n:02d}": 4 for n in range(1, 10)})
    assert dict((s.subscale, s.value) for s in taken.scores) == {"avoidance": 4.0, "anxiety": 4.0}
    service.remove_loaded("ecr-rs")
    with pytest.raises(NotFound):
        service.instrument("ecr-rs")
    service.load(text, "ecr-rs.toml")
    assert len(service.results("ecr-rs")) == 1, "results come back when it is loaded again"


def test_a_bad_file_is_refused_and_nothing_is_stored(engine: sa.Engine) -> None:
    service, _ = _service(engine)
    good = (DATA / "ecr-rs.toml").read_text(encoding="utf-8")
    service.load(good, "ecr-rs.toml")
    broken = good.replace('rule = "mean"', 'rule = "median"', 1).replace(
        'version = "1"', 'version = "2"'
    )
    with pytest.raises(ContentInvalid) as caught:
        service.load(broken, "/home/me/ecr-rs.toml")
    assert caught.value.source == "/home/me/ecr-rs.toml"
    assert "'rule' of subscale 'avoidance'" in caught.value.reason
    assert service.instrument("ecr-rs").version == "1"
    builtin = good.replace('id = "ecr-rs"', 'id = "closeness-and-worry"')
    with pytest.raises(ContentInvalid, match="already used by a built-in"):
        service.load(builtin, "x.toml")
    with pytest.raises(InvalidInput, match="built in"):
        service.remove_loaded("closeness-and-worry")
    assert [row.id for row in service.repo.loaded()] == ["ecr-rs"]


def test_results_and_loaded_instruments_survive_export_and_restore(
    engine: sa.Engine, tmp_path: Path
) -> None:
    service, _ = _service(engine)
    service.load((DATA / "ecr-rs.toml").read_text(encoding="utf-8"), "ecr-rs.toml")
    service.take("closeness-and-worry", WORRY)
    service.take("ecr-rs", {f"i{n:02d}": 3 for n in range(1, 10)})
    SettingsRepo(engine).put(
        "safety",
        {"paused": True, "since": AT.isoformat(), "signs": ["am-i-safe/x4"], "resumed_at": None},
    )
    before = archive.snapshot(engine)
    results_before = service.results("closeness-and-worry")
    out = tmp_path / "a.chx"
    archive.export(engine, out, "correct horse battery", datetime(2026, 3, 2, tzinfo=UTC))
    with engine.begin() as conn:
        for table in ("assessment_results", "instruments", "settings"):
            conn.execute(sa.text(f"DELETE FROM {table}"))
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert service.results("closeness-and-worry") == results_before
    assert service.instrument("ecr-rs").title == "ECR-RS (structure only)"
    assert not service.safety.coaching()
