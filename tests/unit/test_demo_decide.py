"""The demo's decision aid is half-walked: values, ratings, one SURE take, no plan yet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clearheart.demo import build_demo
from clearheart.domain.decide import KEYS, Stage


def test_the_demo_walks_the_aid_halfway(tmp_path: Path) -> None:
    workspace = build_demo(tmp_path / "vault", "demo passphrase for tests", today=date(2026, 6, 30))
    try:
        aid = workspace.decide.aid()
        progress = workspace.decide.progress()
        assert aid.stage is Stage.OPTIONS and aid.started
        assert len(aid.values) >= 4 and any(v.id == "own-1" for v in aid.values)
        assert set(aid.ratings) == set(KEYS)
        assert progress.takes == 1 and progress.before is not None and progress.after is None
        assert aid.questions
        assert workspace.decide.history() == ()
    finally:
        workspace.close()
