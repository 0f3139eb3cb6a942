"""Settings and archive contract on both backends."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.journal import Draft, Mood
from clearheart.domain.practices import Schedule
from clearheart.domain.preferences import Preferences
from clearheart.errors import VaultNotEmpty
from clearheart.services import archive
from clearheart.store.journal_repo import JournalRepo
from clearheart.store.settings_repo import SettingsRepo

AT = datetime(2026, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=-5)))


def test_settings_put_get_and_overwrite(engine: sa.Engine) -> None:
    repo = SettingsRepo(engine)
    assert repo.get("missing") is None
    repo.put("k", {"a": [1, 2]})
    repo.put("k", {"a": [3]})
    assert repo.get("k") == {"a": [3]}


def test_preferences_round_trip(engine: sa.Engine) -> None:
    repo = SettingsRepo(engine)
    assert repo.preferences() == Preferences()
    prefs = Preferences(display_name="Notes", idle_minutes=5, exit_url="https://example.org/",
                        schedule=Schedule(morning=time(7, 15), weekly_day=2))
    repo.save_preferences(prefs)
    assert repo.preferences() == prefs


def _fill(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    repo.add(Draft("first, with ünïcode and \"quotes\"\nand lines", mood=Mood(2, ("tired",)),
                   tags=("a", "b")), AT)
    repo.add(Draft("", mood=Mood(5, ())), AT + timedelta(days=1))
    SettingsRepo(engine).put("vault_id", "abc123")


def test_snapshot_restore_reproduces_every_row(engine: sa.Engine, tmp_path: Path) -> None:
    _fill(engine)
    document = archive.snapshot(engine, AT)
    out = tmp_path / "a.json"
    archive.export(engine, out, None, AT)
    reread = archive.read(out, None)
    assert reread == document
    # Restore into the same backend after emptying it, then compare snapshots.
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM journal_entries"))
    archive.restore(engine, reread, tmp_path)
    assert archive.snapshot(engine, AT) == document
    # New entries continue after the restored ids.
    new = JournalRepo(engine).add(Draft("after restore"), AT)
    assert new.id == 3


def test_restore_refuses_a_vault_with_entries(engine: sa.Engine, tmp_path: Path) -> None:
    _fill(engine)
    document = archive.snapshot(engine, AT)
    before = archive.snapshot(engine, AT)
    with pytest.raises(VaultNotEmpty):
        archive.restore(engine, document, tmp_path)
    assert archive.snapshot(engine, AT) == before
