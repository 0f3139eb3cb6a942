"""Attacks on plaintext left behind: in `ps`, in /tmp, in world-readable files and folders.

Every file that can hold plaintext is created 0600 from its first byte in a 0700
folder inside the vault home, whatever the umask; stale working files are removed.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from clearheart.store.kdf import KdfParams
from clearheart.store.vault import Vault
from in_process import Result, run_main  # type: ignore[import-not-found]

PASSPHRASE = "correct horse battery"
FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)


class Terminal(io.StringIO):
    """Standard input that says it is a terminal, so commands open the editor."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The common default umask, under which new files are world-readable."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    Vault.create(home, PASSPHRASE, FLOOR).close()
    return home


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., Result]:
    """`cli(home, *args, stdin=...)`: the CLI's main() in this process, as a script would."""

    def call(home: Path, *args: str, stdin: io.StringIO | None = None) -> Result:
        monkeypatch.setenv("CLEARHEART_HOME", str(home))
        monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
        return run_main(monkeypatch, capsys, args, stdin)

    return call


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


# --- text on the command line -------------------------------------------------------------


def test_text_given_as_an_argument_is_warned_about(home: Path, cli: Callable[..., Result]
                                                   ) -> None:
    result = cli(home, "journal", "add", "a private thought")
    assert result.code == 0
    assert "process list" in result.err and "shell history" in result.err
    piped = cli(home, "journal", "add", "-", stdin=io.StringIO("another private thought"))
    assert piped.code == 0 and piped.err == ""
    implicit = cli(home, "journal", "add", stdin=io.StringIO("one more private thought"))
    assert implicit.code == 0 and implicit.err == ""


def test_the_help_offers_stdin_and_the_editor_first(cli: Callable[..., Result],
                                                    tmp_path: Path) -> None:
    text = cli(tmp_path, "journal", "add", "--help").out
    assert "standard input" in text and "editor" in text
    assert "process list" in text


# --- the editor ----------------------------------------------------------------------------


def editor_script(tmp_path: Path, new_text: str) -> tuple[Path, Path]:
    """An $EDITOR that records where it was asked to edit, with that file's mode."""
    log = tmp_path / "editor.log"
    script = tmp_path / "editor.py"
    script.write_text(
        "import os, stat, sys\n"
        "path = sys.argv[-1]\n"
        "mode = stat.S_IMODE(os.stat(path).st_mode)\n"
        "folder = stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode)\n"
        f"open({str(log)!r}, 'w').write(f'{{path}} {{mode:o}} {{folder:o}}')\n"
        f"open(path, 'w').write({new_text!r})\n")
    return script, log


@pytest.mark.parametrize("args", [("journal", "edit", "1"), ("journal", "add")])
def test_the_editor_works_on_a_private_file_inside_the_vault_home(
        home: Path, tmp_path: Path, cli: Callable[..., Result], args: tuple[str, ...],
        monkeypatch: pytest.MonkeyPatch, loose_umask: None) -> None:
    cli(home, "journal", "add", "-", stdin=io.StringIO("the first private words"))
    script, log = editor_script(tmp_path, "rewritten in the editor")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = cli(home, *args, stdin=Terminal())
    assert result.code == 0, result.err
    path, mode, folder = log.read_text().split()
    assert Path(path).is_relative_to(home), f"the entry was written to {path}"
    assert (mode, folder) == ("600", "700")
    assert not Path(path).exists(), "the plaintext file outlived the command"
    listed = cli(home, "journal", "list", "--json").out
    assert "rewritten in the editor" in listed


def test_a_working_folder_left_by_a_killed_edit_is_removed(home: Path,
                                                           cli: Callable[..., Result]) -> None:
    from clearheart.store.files import scratch_dir

    left = scratch_dir(home)
    (left / "entry.txt").write_text("the words of an edit that was killed")
    dead = left.with_name(f"999999999-{left.name.split('-', 1)[1]}")
    left.rename(dead)
    cli(home, "journal", "add", "-", stdin=io.StringIO("a later entry"))
    assert not dead.exists()


# --- exports ---------------------------------------------------------------------------------


@pytest.mark.parametrize("plain", [True, False])
def test_an_export_is_private_from_its_first_byte(home: Path, tmp_path: Path, plain: bool,
                                                  cli: Callable[..., Result],
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  loose_umask: None) -> None:
    """A killed export leaves its partial file; it must never have been readable by others."""
    from clearheart.services import archive

    cli(home, "journal", "add", "-", stdin=io.StringIO("a private thought"))
    out = tmp_path / "out" / "all.jsonl"
    out.parent.mkdir()
    seen: list[bool] = []
    real_lines = archive.lines

    def watched(*args: object, **kwargs: object) -> Iterator[bytes]:
        for line in real_lines(*args, **kwargs):  # type: ignore[arg-type]
            partial = [p for p in out.parent.iterdir() if p != out]
            seen.extend(private(p) for p in partial)
            yield line

    monkeypatch.setattr(archive, "lines", watched)
    args = ("export", "--out", str(out), *(("--plain", "--yes") if plain else ()))
    assert cli(home, *args).code == 0
    assert seen and all(seen)
    assert private(out)


# --- folders and database files -------------------------------------------------------------


def test_an_existing_home_folder_is_made_private(tmp_path: Path, loose_umask: None) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    Vault.create(home, PASSPHRASE, FLOOR).close()
    assert private(home)
    home.chmod(0o755)  # a vault made by an earlier version
    from clearheart.store.vault import Vault as Reopened

    Reopened.unlock(home, PASSPHRASE).close()
    assert private(home)


def test_a_new_vault_has_private_wal_files_from_the_start(tmp_path: Path,
                                                          loose_umask: None) -> None:
    """The web app creates the vault and keeps it open: its -wal and -shm hold pages."""
    from clearheart.store.journal_repo import JournalRepo

    home = tmp_path / "home"
    vault = Vault.create(home, PASSPHRASE, FLOOR)
    try:
        JournalRepo(vault.engine).count()
        files = [home / "vault.db", home / "vault.db-wal", home / "vault.db-shm"]
        assert all(f.exists() for f in files)
        assert [f.name for f in files if not private(f)] == []
    finally:
        vault.close()


# --- uploads -------------------------------------------------------------------------------------


def test_uploads_left_by_a_killed_server_are_removed_at_start(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from starlette.testclient import TestClient

    from clearheart.web import uploads
    from clearheart.web.app import AppState, create_app

    shm = tmp_path / "shm"
    shm.mkdir()
    monkeypatch.setattr(uploads, "SHM", shm)
    with uploads.private_folder(tmp_path / "home") as live:
        stale = live.with_name(live.name.replace(str(os.getpid()), "999999999", 1))
        stale.mkdir(mode=0o700)
        (stale / "chat.txt").write_text("a whole chat, in clear text")
        with TestClient(create_app(AppState(home=tmp_path / "home"))):
            pass
        assert not stale.exists()
        assert live.exists(), "an upload in progress in this process is left alone"


def test_without_shared_memory_uploads_stay_inside_the_vault_home(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loose_umask: None) -> None:
    from clearheart.web import uploads

    monkeypatch.setattr(uploads, "scratch_root", lambda: None)
    home = tmp_path / "home"
    with uploads.private_folder(home) as folder:
        assert folder.is_relative_to(home / "scratch")
        assert private(folder) and private(folder.parent)
    assert not folder.exists()


def test_a_backup_is_private_from_its_first_byte(tmp_path: Path, loose_umask: None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked at the moment SQLCipher starts writing the copy, not only at the end."""
    from datetime import UTC, datetime

    from clearheart.store import backup

    home = tmp_path / "home"
    vault = Vault.create(home, PASSPHRASE, FLOOR)
    modes: list[bool] = []
    real = backup.raw_connection

    def watched(path: Path, key: bytes) -> object:
        modes.extend(private(p) for p in (home / "backups").glob("vault-*"))
        return real(path, key)

    monkeypatch.setattr(backup, "raw_connection", watched)
    try:
        made = vault.backup(datetime(2026, 12, 7, tzinfo=UTC))
    finally:
        vault.close()
    assert modes and all(modes)
    assert private(made)
