"""The vault on disk: create, unlock, passphrase change, backups, migrations."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.domain.journal import Draft
from clearheart.errors import (
    BackupFailed,
    MigrationFailed,
    PassphraseRejected,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from clearheart.store import migrate, schema
from clearheart.store.backup import integrity_ok, verify
from clearheart.store.journal_repo import JournalRepo
from clearheart.store.kdf import KdfParams
from clearheart.store.vault import Vault, VaultPaths

FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_create_unlock_and_files_are_private(home: Path) -> None:
    vault = Vault.create(home, "correct horse", FLOOR)
    JournalRepo(vault.engine).add(Draft("hello"), NOW)
    vault.close()
    again = Vault.unlock(home, "correct horse")
    assert [e.text for e in JournalRepo(again.engine).all()] == ["hello"]
    assert integrity_ok(again.engine)
    again.close()
    paths = VaultPaths(home)
    assert oct(paths.keyfile.stat().st_mode & 0o777) == "0o600"
    assert oct(paths.database.stat().st_mode & 0o777) == "0o600"
    assert oct(home.stat().st_mode & 0o777) == "0o700"


def test_database_is_encrypted_on_disk(home: Path) -> None:
    Vault.create(home, "correct horse", FLOOR).close()
    head = VaultPaths(home).database.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_create_refuses_an_existing_vault(home: Path) -> None:
    Vault.create(home, "correct horse", FLOOR).close()
    before = VaultPaths(home).keyfile.read_bytes()
    with pytest.raises(VaultExists):
        Vault.create(home, "another horse", FLOOR)
    assert VaultPaths(home).keyfile.read_bytes() == before


def test_wrong_passphrase_and_missing_vault(home: Path) -> None:
    with pytest.raises(VaultMissing):
        Vault.unlock(home, "correct horse")
    Vault.create(home, "correct horse", FLOOR).close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, "wrong horse!")


def test_a_wrong_data_key_cannot_open_the_database(home: Path) -> None:
    Vault.create(home, "correct horse", FLOOR).close()
    with pytest.raises(WrongPassphrase):
        Vault.open_with_key(home, os.urandom(32))


def test_change_passphrase_rewraps_only_the_key(home: Path) -> None:
    vault = Vault.create(home, "correct horse", FLOOR)
    JournalRepo(vault.engine).add(Draft("kept"), NOW)
    vault.checkpoint()
    db_before = VaultPaths(home).database.read_bytes()
    with pytest.raises(PassphraseRejected):
        vault.change_passphrase("short")
    vault.change_passphrase("battery staple")
    vault.close()
    assert VaultPaths(home).database.read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, "correct horse")
    again = Vault.unlock(home, "battery staple")
    assert [e.text for e in JournalRepo(again.engine).all()] == ["kept"]
    again.close()


def test_schema_head_matches_the_migration_scripts() -> None:
    assert migrate.script_head() == schema.HEAD


def test_migrated_schema_matches_the_metadata(home: Path) -> None:
    vault = Vault.create(home, "correct horse", FLOOR)
    inspector = sa.inspect(vault.engine)
    assert set(schema.TABLES + schema.DERIVED) == set(schema.metadata.sorted_tables)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name
    vault.close()


def test_backup_is_encrypted_verified_and_complete(home: Path) -> None:
    vault = Vault.create(home, "correct horse", FLOOR)
    JournalRepo(vault.engine).add(Draft("in the backup"), NOW)
    copy = vault.backup(NOW, "manual")
    assert copy.parent == VaultPaths(home).backups
    assert b"in the backup" not in copy.read_bytes()
    counts = {table.name: 0 for table in schema.TABLES} | {"journal_entries": 1}
    verify(copy, vault._key, counts)
    with pytest.raises(BackupFailed):
        verify(copy, vault._key, counts | {"journal_entries": 2})
    with pytest.raises(BackupFailed):
        vault.backup(NOW, "manual")  # same name: never overwritten
    vault.close()


def test_migration_takes_a_verified_backup_first_and_keeps_data_on_failure(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault.create(home, "correct horse", FLOOR)
    JournalRepo(vault.engine).add(Draft("precious"), NOW)
    vault.close()
    # Pretend a newer release expects a revision the scripts cannot reach.
    monkeypatch.setattr(migrate, "HEAD", "9999")
    with pytest.raises(MigrationFailed) as failure:
        Vault.unlock(home, "correct horse", now=NOW)
    backup = failure.value.backup
    assert backup is not None and backup.exists()
    assert f"schema-{schema.HEAD}" in backup.name
    monkeypatch.undo()
    again = Vault.unlock(home, "correct horse")
    assert [e.text for e in JournalRepo(again.engine).all()] == ["precious"]
    verify(backup, again._key, {table.name: 0 for table in schema.TABLES} | {"journal_entries": 1})
    again.close()


def _downgrade(vault: Vault, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrate.__file__).parent / "migrations"))
    with vault.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, target)


def test_upgrade_from_the_first_released_schema_keeps_everything(home: Path) -> None:
    vault = Vault.create(home, "correct horse", FLOOR)
    _downgrade(vault, "0001")
    assert migrate.current_revision(vault.engine) == "0001"
    JournalRepo(vault.engine).add(Draft("written before chats existed"), NOW)
    vault.close()
    again = Vault.unlock(home, "correct horse", now=NOW)
    assert migrate.current_revision(again.engine) == schema.HEAD
    assert [e.text for e in JournalRepo(again.engine).all()] == ["written before chats existed"]
    backups = list(VaultPaths(home).backups.glob("*schema-0001*"))
    assert len(backups) == 1
    verify(backups[0], again._key, {"journal_entries": 1, "settings": 0})
    again.close()


def test_a_closed_vault_forgets_its_key_and_opens_no_connection(home: Path) -> None:
    from clearheart.errors import VaultLocked

    vault = Vault.create(home, "correct horse", FLOOR)
    vault.close()
    with pytest.raises(VaultLocked):
        JournalRepo(vault.engine).count()


def test_a_damaged_database_is_not_blamed_on_the_passphrase(home: Path) -> None:
    from clearheart.errors import VaultDamaged

    Vault.create(home, "correct horse", FLOOR).close()
    database = VaultPaths(home).database
    damaged = bytearray(database.read_bytes())
    damaged[:64] = bytes(64)
    database.write_bytes(bytes(damaged))
    with pytest.raises(VaultDamaged, match="passphrase is right"):
        Vault.unlock(home, "correct horse")


def test_chat_blocks_written_as_json_at_0002_read_back_the_same_after_upgrade(home: Path) -> None:
    """0003 repacks every stored chat block; the downgrade writes the 0002 JSON form."""
    from datetime import datetime

    from clearheart.domain.chat import Kind, Message, in_columns
    from clearheart.store.chat_repo import ChatRepo, NewChat

    odd = "tab\there, unit\x1fseparator, a lone \ud800 surrogate, ünïcode"
    sent = [Message(datetime(2026, 1, 1, 9, i % 60, i // 60), "Sam" if i % 3 else "Alex",
                    Kind.MEDIA if i % 10 == 4 else Kind.TEXT, odd if i == 7 else f"hi {i}",
                    edited=i % 5 == 0)
            for i in range(1300)]
    vault = Vault.create(home, "correct horse", FLOOR)
    chat = ChatRepo(vault.engine).store(NewChat("whatsapp", "Sam", "a.txt"), in_columns(sent),
                                        NOW, lambda names, current: "Alex")
    _downgrade(vault, "0002")
    with vault.engine.connect() as conn:
        data = conn.execute(sa.text("SELECT data FROM chat_blocks ORDER BY id")).scalars().all()
    assert len(data) == 3 and data[0].startswith("[[")
    vault.close()
    again = Vault.unlock(home, "correct horse", now=NOW)
    assert migrate.current_revision(again.engine) == schema.HEAD
    assert list(ChatRepo(again.engine).messages(chat.chat_id)) == sent
    again.close()


def test_upgrade_from_0010_adds_the_lesson_reads_and_keeps_everything(home: Path) -> None:
    from clearheart.store.lesson_reads_repo import LessonReadsRepo

    vault = Vault.create(home, "correct horse", FLOOR)
    _downgrade(vault, "0010")
    assert "lesson_reads" not in sa.inspect(vault.engine).get_table_names()
    JournalRepo(vault.engine).add(Draft("written before lessons were read"), NOW)
    vault.close()
    again = Vault.unlock(home, "correct horse", now=NOW)
    assert migrate.current_revision(again.engine) == schema.HEAD == "0011"
    assert [e.text for e in JournalRepo(again.engine).all()] == ["written before lessons were read"]
    assert LessonReadsRepo(again.engine).opened("the-loop", 1, NOW).lesson_id == "the-loop"
    assert len(list(VaultPaths(home).backups.glob("*schema-0010*"))) == 1
    again.close()
