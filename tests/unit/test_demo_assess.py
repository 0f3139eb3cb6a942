"""The demo's questionnaires: taken over time along the story, scored like anyone's, safe."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from clearheart.demo.assess import TAKES, answers_for, store_demo_assessments
from clearheart.demo.story import story_start
from clearheart.domain.assess import score
from clearheart.services.workspace import Workspace
from clearheart.store.kdf import KdfParams
from clearheart.store.vault import Vault

TODAY = date(2025, 3, 14)
FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)


def _workspace(home: Path) -> Workspace:
    return Workspace(Vault.create(home, "demo passphrase for tests", FLOOR))


def test_each_take_lands_near_its_targets_and_never_switches_on_the_safety_view(
        tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    start = story_start(TODAY)
    assert store_demo_assessments(workspace, start) == len(TAKES)
    assert workspace.safety.coaching()
    for take in TAKES:
        at = datetime.combine(start + timedelta(days=take.day), time(21, 10)).astimezone()
        results = [r for r in workspace.assess.results(take.instrument) if r.taken_at == at]
        assert len(results) == 1, take
        for subscale, target in take.targets.items():
            value = results[0].scores[subscale]
            assert value is not None and abs(value - target) <= 0.75, (take, subscale, value)
    worry = [r.scores["worry"] for r in workspace.assess.results("closeness-and-worry")]
    assert max(worry) == worry[1], "worry peaks while the partner pulls back, then eases"
    assert workspace.assess.changes("how-satisfied"), "a change since the last take is shown"
    workspace.close()


def test_nothing_after_now_is_written_and_sheets_are_deterministic(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    start = story_start(TODAY)
    until = datetime.combine(start + timedelta(days=60), time()).astimezone()
    written = store_demo_assessments(workspace, start, until)
    assert written == sum(1 for t in TAKES if t.day < 60)
    instrument = workspace.assess.instrument("closeness-and-worry")
    one = answers_for(instrument, {"worry": 4.0}, random.Random(5))
    assert one == answers_for(instrument, {"worry": 4.0}, random.Random(5))
    assert score(instrument, one)
    workspace.close()
