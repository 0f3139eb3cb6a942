"""Dating again on SQLCipher and PostgreSQL: versions kept, notes with their person, and an
export/re-import that loses nothing; a restored row breaking the rules is refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.dating import Item, NoteDraft
from clearheart.errors import InvalidInput
from clearheart.services import archive
from clearheart.store import dating_repo
from clearheart.store.dating_repo import DatingRepo

AT = datetime(2026, 6, 30, 21, 15, tzinfo=timezone(timedelta(hours=-5)))


def _fill(engine: sa.Engine) -> DatingRepo:
    repo = DatingRepo(engine)
    repo.save_checklist((Item("f2-shrink", "I shrink to fit.", "red-flag", "an idea"),), AT)
    repo.save_checklist((Item("own-1", "Kind to waiters, ünïcode", "own"),), AT)
    repo.save_commitments(("one", "two", "three"), AT)
    person = repo.add_person("Robin", AT)
    repo.add_note(
        person.id,
        NoteDraft(
            date(2026, 6, 1),
            "Coffee.\nEasy.",
            "date",
            {"own-1": "seen"},
            "took-on",
            "matched",
            4,
            "calm",
        ),
        AT,
    )
    return repo


def test_versions_are_kept_and_a_person_goes_with_their_notes(engine: sa.Engine) -> None:
    repo = _fill(engine)
    assert [c.version for c in repo.checklist_versions()] == [1, 2]
    assert repo.checklist().items[0].id == "own-1"
    repo.delete_person(repo.people()[0].id)
    assert repo.people() == () and repo.note_counts() == {}


def test_export_and_restore_lose_nothing(engine: sa.Engine, tmp_path: Path) -> None:
    _fill(engine)
    before = archive.snapshot(engine)
    out = tmp_path / "a.chx"
    archive.export(engine, out, None, AT)
    with engine.begin() as conn:
        for name in ("dating_notes", "dating_people", "dating_commitments", "dating_checklists"):
            conn.execute(sa.text(f"DELETE FROM {name}"))
    opened = archive.open_archive(out, None)
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tags", {"own-1": "maybe"}),
        ("mood", 9),
        ("on_day", "June"),
        ("situation", "party"),
    ],
)
def test_a_restored_note_breaking_the_rules_is_refused(field: str, value: object) -> None:
    row = {
        "id": 1,
        "person_id": 1,
        "on_day": "2026-06-01",
        "created_at": "x",
        "utc_offset": 0,
        "situation": "date",
        "text": "Coffee.",
        "tags": {},
        "answer": None,
        "words_actions": None,
        "mood": None,
        "mood_word": "",
    }
    with pytest.raises(InvalidInput) as problem:
        dating_repo.check_restored_note(row | {field: value})
    assert problem.value.field == field
