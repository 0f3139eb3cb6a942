"""Attacks on a damaged or missing database: refuse, explain calmly, salvage what reads.

A vault is made once per module (Argon2 is slow on purpose); each test copies its
files, then damages the copy: one flipped bit at an offset, or vault.db removed.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clearheart.services.workspace import Workspace
from clearheart.store.kdf import KdfParams
from clearheart.store.vault import Vault
from in_process import Result, run_main  # type: ignore[import-not-found]

PASSPHRASE = "correct horse battery"
ENTRIES = 400
OFFSETS = 24
CLI_OFFSETS = 12
FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)
"""The weakest Argon2 the key file accepts: every CLI call pays it once."""
STRESS_OFFSETS = int(os.environ.get("CLEARHEART_FLIP_OFFSETS", "200"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed vault with entries, a chat-free mix of tables, and its WAL folded in."""
    home = tmp_path_factory.mktemp("pristine") / "home"
    workspace = Workspace(Vault.create(home, PASSPHRASE, FLOOR))
    try:
        for n in range(ENTRIES):
            workspace.journal.add(f"entry {n} " + "quiet words " * 30, tags=["daily"])
    finally:
        workspace.close()
    assert not (home / "vault.db-wal").exists()
    return home


@pytest.fixture
def home(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(pristine, copy)
    return copy


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., Result]:
    """`cli(home, *args)`: the CLI's main() in this process, as a script would call it."""

    def call(home: Path, *args: str, stdin: str = "") -> Result:
        monkeypatch.setenv("CLEARHEART_HOME", str(home))
        monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
        return run_main(monkeypatch, capsys, args, io.StringIO(stdin))

    return call


def flip(database: Path, offset: int) -> None:
    data = bytearray(database.read_bytes())
    data[offset] ^= 0x10
    database.write_bytes(bytes(data))


def spread(size: int, count: int) -> list[int]:
    """`count` offsets across a file of `size` bytes, first and last byte included."""
    return sorted({round(i * (size - 1) / (count - 1)) for i in range(count)})


def pristine_size(pristine: Path) -> int:
    return (pristine / "vault.db").stat().st_size


# --- a missing database ---------------------------------------------------------------


@pytest.mark.parametrize("damage", ["missing", "empty"])
def test_a_key_without_its_database_is_refused(home: Path, damage: str,
                                               cli: Callable[..., Result]) -> None:
    database = home / "vault.db"
    if damage == "missing":
        database.unlink()
    else:
        database.write_bytes(b"")
    result = cli(home, "journal", "list", "--json")
    assert result.code == 1
    assert result.out == ""
    assert "vault.db" in result.err and "missing or empty" in result.err
    assert "Traceback" not in result.err
    # Nothing new was made: a later restore of the real file still finds its place.
    assert not database.exists() or database.stat().st_size == 0


def test_the_web_unlock_refuses_a_key_without_its_database(home: Path) -> None:
    (home / "vault.db").unlink()
    page = web_unlock(home)
    assert page.status_code == 400
    assert "missing or empty" in page.text
    assert not (home / "vault.db").exists()


# --- a flipped bit ----------------------------------------------------------------------


def test_a_flipped_bit_anywhere_never_shows_a_traceback(pristine: Path, tmp_path: Path,
                                                        cli: Callable[..., Result]) -> None:
    """Every command either works or says calmly that the vault looks damaged."""
    damaged_seen = 0
    for offset in spread(pristine_size(pristine), CLI_OFFSETS):
        home = tmp_path / f"at-{offset}"
        shutil.copytree(pristine, home)
        flip(home / "vault.db", offset)
        for args in (("journal", "list", "--json"), ("journal", "search", "quiet")):
            result = cli(home, *args)
            assert "Traceback" not in result.err and "malformed" not in result.err, (offset, args)
            assert "ERROR CORE" not in result.err
            if result.code != 0:
                assert result.code == 1, (offset, result)
                assert "looks damaged" in result.err, (offset, result.err)
                assert "clearheart salvage" in result.err
                damaged_seen += 1
    assert damaged_seen, "no offset hit a page the commands read: the test proves nothing"


def test_the_web_unlock_of_a_damaged_vault_is_calm(home: Path) -> None:
    """Every unlock looks a setting up by its key; damaging that index page gave a 500."""
    offset = settings_page_offset(home)
    flip(home / "vault.db", offset)
    page = web_unlock(home)
    assert page.status_code == 400
    assert "looks damaged" in page.text
    assert "clearheart salvage" in page.text


def settings_page_offset(home: Path) -> int:
    """The middle of the page holding the settings' key index (read by every unlock)."""
    from clearheart.store import keyfile
    from clearheart.store.database import raw_connection

    key = keyfile.read(home / "vault.key").open(PASSPHRASE)
    conn = raw_connection(home / "vault.db", key)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master "
                            "WHERE tbl_name = 'settings' AND type = 'index'").fetchone()
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    return int((root[0] - 1) * page_size + page_size // 2)


def web_unlock(home: Path) -> object:
    from starlette.testclient import TestClient

    from clearheart.web.app import AppState, create_app
    from clearheart.web.sessions import COOKIE

    base = "http://127.0.0.1:8765"
    state = AppState(home=home, unlock_delay=0.0)
    client = TestClient(create_app(state), base_url=base, raise_server_exceptions=False)
    client.get("/unlock")
    session = state.sessions.get(client.cookies.get(COOKIE) or "")
    assert session is not None
    return client.post("/unlock", data={"passphrase": PASSPHRASE, "csrf": session.csrf},
                       headers={"Origin": base}, follow_redirects=False)


# --- salvage --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def key(pristine: Path) -> bytes:
    from clearheart.store import keyfile

    return keyfile.read(pristine / "vault.key").open(PASSPHRASE)


@pytest.fixture(scope="module")
def originals(pristine: Path, key: bytes) -> dict[int, tuple[object, ...]]:
    """The pristine journal, row by row, as stored."""
    from clearheart.store.database import raw_connection

    conn = raw_connection(pristine / "vault.db", key)
    try:
        return {int(row[0]): tuple(row) for row in conn.execute("SELECT * FROM journal_entries")}
    finally:
        conn.close()


def salvage_at(pristine: Path, key: bytes, offset: int, work: Path
               ) -> tuple[object, dict[int, tuple[object, ...]]]:
    """Flip a bit at `offset` in a copy, salvage it; (report, journal rows saved)."""
    from clearheart.store.salvage import copy_readable

    damaged = work / "damaged"
    shutil.copytree(pristine, damaged)
    flip(damaged / "vault.db", offset)
    (work / "saved").mkdir()
    fresh = Vault.open_with_key(work / "saved", key)
    try:
        report = copy_readable(damaged / "vault.db", key, fresh.engine)
        with fresh.engine.connect() as conn:
            rows = {int(r[0]): tuple(r)
                    for r in conn.exec_driver_sql("SELECT * FROM journal_entries")}
    finally:
        fresh.close()
    return report, rows


def check_salvage_over(pristine: Path, key: bytes, originals: dict[int, tuple[object, ...]],
                       offsets: list[int], tmp_path: Path) -> None:
    """At every offset: the copy never fails, every saved row is exactly a written row,
    saved + lost adds up, and over all offsets almost everything is saved."""
    from clearheart.errors import NothingToSalvage

    kept = unreadable = 0
    for offset in offsets:
        work = tmp_path / f"at-{offset}"
        try:
            report, rows = salvage_at(pristine, key, offset, work)
        except NothingToSalvage:
            unreadable += 1  # the page was part of the schema (sqlite_master)
            continue
        finally:
            shutil.rmtree(work / "damaged", ignore_errors=True)
        for row_id, row in rows.items():
            assert originals[row_id] == row, f"offset {offset}: row {row_id} changed"
        journal = next(t for t in report.tables if t.table == "journal_entries")  # type: ignore[attr-defined]
        assert journal.saved == len(rows)
        if journal.lost is not None:
            assert journal.saved + journal.lost == len(originals), offset
        kept += len(rows)
    assert unreadable <= max(1, len(offsets) // 10), "the schema is a few pages of many"
    assert kept >= 0.85 * len(originals) * len(offsets), "salvage lost far more than one page"


def test_salvage_keeps_every_readable_row_at_many_offsets(
        pristine: Path, key: bytes, originals: dict[int, tuple[object, ...]],
        tmp_path: Path) -> None:
    check_salvage_over(pristine, key, originals, spread(pristine_size(pristine), OFFSETS),
                       tmp_path)


@pytest.mark.stress
def test_salvage_at_hundreds_of_offsets(pristine: Path, key: bytes,
                                        originals: dict[int, tuple[object, ...]],
                                        tmp_path: Path) -> None:
    check_salvage_over(pristine, key, originals,
                       spread(pristine_size(pristine), STRESS_OFFSETS), tmp_path)


def journal_leaf_offset(pristine: Path, key: bytes, work: Path) -> int:
    """An offset in a page of journal rows: flipping it loses a few entries, not all."""
    size = pristine_size(pristine)
    for offset in spread(size, 24)[len(spread(size, 24)) // 2:]:
        report, _ = salvage_at(pristine, key, offset, work / str(offset))
        journal = next(t for t in report.tables if t.table == "journal_entries")  # type: ignore[attr-defined]
        if journal.lost and journal.lost < 50:
            return offset
    raise AssertionError("no offset in the second half of the file holds journal rows")


def test_salvage_command_saves_the_rest_and_it_restores(
        pristine: Path, home: Path, key: bytes, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    flip(home / "vault.db", journal_leaf_offset(pristine, key, tmp_path / "probe"))
    before = {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()}
    assert "looks damaged" in cli(home, "journal", "list").err
    out = tmp_path / "saved.archive"
    result = cli(home, "salvage", "--out", str(out), "--json")
    assert result.code == 0, result.err
    import json

    report = json.loads(result.out)
    journal = report["tables"]["journal_entries"]
    assert 0 < journal["lost"] < 50 and journal["saved"] + journal["lost"] == ENTRIES
    assert out.read_bytes()[:4] == b"SEAL"
    assert {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()} == before
    assert not any((home / "scratch").iterdir())
    fresh = tmp_path / "fresh"
    assert cli(fresh, "restore", str(out)).code == 0
    listed = cli(fresh, "journal", "list", "--json")
    assert len(json.loads(listed.out)) == journal["saved"]
    assert cli(fresh, "journal", "search", "quiet", "--limit", "500").out.count("entry") \
        == journal["saved"]


def test_salvage_of_an_intact_vault_says_nothing_was_lost(
        home: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = cli(home, "salvage", "--out", str(tmp_path / "all.archive"))
    assert result.code == 0, result.err
    assert f"Saved {ENTRIES} rows" in result.out
    assert "Nothing was lost." in result.out


def test_a_page_that_meets_damage_after_unlock_is_calm(
        pristine: Path, home: Path, key: bytes, tmp_path: Path) -> None:
    """Unlock reads little; the journal page reads every entry and meets the damaged page."""
    from starlette.testclient import TestClient

    from clearheart.web.app import AppState, create_app

    flip(home / "vault.db", journal_leaf_offset(pristine, key, tmp_path / "probe"))
    workspace = Workspace.unlock(home, PASSPHRASE)
    state = AppState(home=home, workspace=workspace)
    client = TestClient(create_app(state), base_url="http://127.0.0.1:8765",
                        raise_server_exceptions=False)
    token = state.launch_token
    assert token is not None
    client.get(f"/unlock?k={token}")
    page = client.get("/journal")
    assert page.status_code == 503
    assert "looks damaged" in page.text and "clearheart salvage" in page.text
    workspace.close()


def test_salvage_of_an_unreadable_schema_says_so_calmly(home: Path, tmp_path: Path,
                                                        cli: Callable[..., Result]) -> None:
    flip(home / "vault.db", 100)  # page 1: the start of the schema
    result = cli(home, "salvage", "--out", str(tmp_path / "none.archive"))
    assert result.code == 1
    assert "nothing to save" in result.err and str(home) in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "none.archive").exists()
    assert not any((home / "scratch").iterdir())
