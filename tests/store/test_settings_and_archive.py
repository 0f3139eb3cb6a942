"""Settings and archive contract on both backends."""

from __future__ import annotations

import json
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


@pytest.mark.parametrize("passphrase", [None, "correct horse battery"])
def test_export_restore_reproduces_every_row(engine: sa.Engine, tmp_path: Path,
                                             passphrase: str | None) -> None:
    _fill(engine)
    before = archive.snapshot(engine)
    out = tmp_path / "a.chx"
    assert archive.export(engine, out, passphrase, AT) == 3
    opened = archive.open_archive(out, passphrase)
    assert opened.header["tables"]["journal_entries"] == 2
    # Restore into the same backend after emptying it, then compare snapshots.
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM journal_entries"))
    assert archive.restore(engine, opened, tmp_path) == 3
    opened.close()
    assert archive.snapshot(engine) == before
    # New entries continue after the restored ids.
    new = JournalRepo(engine).add(Draft("after restore"), AT)
    assert new.id == 3


def test_restore_refuses_a_vault_with_entries(engine: sa.Engine, tmp_path: Path) -> None:
    _fill(engine)
    out = tmp_path / "a.jsonl"
    archive.export(engine, out, None, AT)
    before = archive.snapshot(engine)
    opened = archive.open_archive(out, None)
    with pytest.raises(VaultNotEmpty):
        archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before


def test_damaged_or_cut_archives_are_refused_before_anything_is_written(
    engine: sa.Engine, tmp_path: Path
) -> None:
    from clearheart.errors import ArchiveInvalid

    _fill(engine)
    plain = tmp_path / "a.jsonl"
    archive.export(engine, plain, None, AT)
    lines = plain.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(lines[:-1]))
    with pytest.raises(ArchiveInvalid, match="fewer rows"):
        archive.open_archive(cut, None)
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_bytes(lines[0] + b'{"table": "journal_entries", "row": {"id": 1}}\n')
    with pytest.raises(ArchiveInvalid, match="wrong columns"):
        archive.open_archive(wrong, None)
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_bytes(lines[0] + b'{"table": "secrets", "row": {}}\n')
    with pytest.raises(ArchiveInvalid, match="unknown table"):
        archive.open_archive(unknown, None)


def test_a_chat_round_trips_through_an_archive(engine: sa.Engine, tmp_path: Path) -> None:
    from clearheart.domain.chat import Kind, Message, in_columns
    from clearheart.store.chat_repo import ChatRepo, NewChat

    repo = ChatRepo(engine)
    sent = [Message(datetime(2026, 1, 1, 9, i), "Sam" if i % 2 else "Alex", Kind.TEXT, f"hi {i}")
            for i in range(30)]
    chat = repo.store(NewChat("whatsapp", "Sam", "a.txt"), in_columns(sent), AT,
                      lambda names, current: "Alex")
    before = archive.snapshot(engine)
    out = tmp_path / "chat.chx"
    archive.export(engine, out, "correct horse battery", AT)
    repo.delete(chat.chat_id)
    opened = archive.open_archive(out, "correct horse battery")
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert archive.snapshot(engine) == before
    assert list(repo.messages(chat.chat_id)) == sent


def test_an_archive_from_an_earlier_schema_restores(engine: sa.Engine, tmp_path: Path) -> None:
    """An archive written before the reflection tables existed (schema 0002) still restores."""
    from clearheart.errors import ArchiveInvalid
    from clearheart.store.schema import HEAD

    _fill(engine)
    before = archive.snapshot(engine)
    plain = tmp_path / "new.jsonl"
    archive.export(engine, plain, None, AT)
    header, *rows = plain.read_bytes().splitlines(keepends=True)
    old_header = json.loads(header)
    assert old_header["schema"] == HEAD
    old_header["schema"] = "0002"
    for name in ("instruments", "assessment_results", "cycle_maps", "behaviour_log",
                 "held_drafts", "decision_aid", "decision_sure", "decision_plans",
                 "nocontact_rules", "nocontact_contacts", "urges", "unsent_letters"):
        del old_header["tables"][name]
    old = tmp_path / "old.jsonl"
    old.write_bytes(json.dumps(old_header).encode() + b"\n" + b"".join(rows))
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM journal_entries"))
    opened = archive.open_archive(old, None)
    assert archive.restore(engine, opened, tmp_path) == 3
    opened.close()
    assert archive.snapshot(engine) == before

    old_header["schema"] = "9999"
    future = tmp_path / "future.jsonl"
    future.write_bytes(json.dumps(old_header).encode() + b"\n" + b"".join(rows))
    with pytest.raises(ArchiveInvalid, match="schema 9999"):
        archive.open_archive(future, None)


def test_chat_blocks_in_an_0002_archive_are_repacked_on_restore(engine: sa.Engine,
                                                                 tmp_path: Path) -> None:
    import base64

    from clearheart.domain.chat import Kind, Message, in_columns
    from clearheart.store import chat_codec
    from clearheart.store.chat_repo import ChatRepo, NewChat

    repo = ChatRepo(engine)
    sent = [Message(datetime(2026, 1, 1, 9, i), "Sam" if i % 2 else "Alex", Kind.TEXT,
                    f"hi {i} \x1f") for i in range(40)]
    chat = repo.store(NewChat("whatsapp", "Sam", "a.txt"), in_columns(sent), AT,
                      lambda n, current: "Alex")
    plain = tmp_path / "now.jsonl"
    archive.export(engine, plain, None, AT)
    header, *rows = plain.read_bytes().splitlines(keepends=True)
    old_header = json.loads(header)
    old_header["schema"] = "0002"
    for name in ("instruments", "assessment_results", "cycle_maps", "behaviour_log",
                 "held_drafts", "decision_aid", "decision_sure", "decision_plans",
                 "nocontact_rules", "nocontact_contacts", "urges", "unsent_letters"):
        del old_header["tables"][name]
    old_rows = []
    for raw in rows:
        record = json.loads(raw)
        if record["table"] == "chat_blocks":
            row = record["row"]
            seconds, senders, kinds, edited, texts = chat_codec.unpack(
                base64.b64decode(row.pop("payload")))
            row["data"] = json.dumps([list(r) for r in zip(seconds, senders, kinds, texts,
                                                            edited, strict=True)])
        old_rows.append(json.dumps(record).encode() + b"\n")
    old = tmp_path / "old.jsonl"
    old.write_bytes(json.dumps(old_header).encode() + b"\n" + b"".join(old_rows))
    repo.delete(chat.chat_id)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM journal_entries"))
    opened = archive.open_archive(old, None)
    archive.restore(engine, opened, tmp_path)
    opened.close()
    assert list(repo.messages(chat.chat_id)) == sent

    broken = tmp_path / "broken.jsonl"
    bad = [raw.replace(b'"payload":"', b'"payload":"%%') for raw in rows]
    broken.write_bytes(header + b"".join(bad))
    from clearheart.errors import ArchiveInvalid
    with pytest.raises(ArchiveInvalid, match="not base64"):
        archive.open_archive(broken, None)
