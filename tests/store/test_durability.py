"""Crash safety and confidentiality of the vault on disk.

- kill -9 during journal writes, again and again: no acknowledged entry is
  ever lost, and the vault still opens and passes its integrity checks;
- a canary written through every path never appears in plaintext anywhere
  under the data folder (database, WAL, backups, exports).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from clearheart.domain.journal import Practice
from clearheart.services import archive
from clearheart.services.workspace import Workspace
from clearheart.store.backup import integrity_ok
from clearheart.store.journal_repo import JournalRepo
from clearheart.store.vault import Vault

KILLS = int(os.environ.get("CLEARHEART_KILL_ROUNDS", "100"))
WRITER = Path(__file__).with_name("crash_writer.py")


def _one_round(home: Path, key: bytes, round_no: int, rng: random.Random) -> set[str]:
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(home), str(round_no)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(key.hex() + "\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, 0.08))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    acked = set()
    for line in proc.stdout.read().splitlines():
        # A line cut by the kill is not an acknowledgement.
        parts = line.split(" ")
        if len(parts) == 3 and parts[0] == "ack":
            acked.add(parts[2])
    proc.stdout.close()
    proc.stdin.close()
    return acked


@pytest.mark.stress
def test_kill_minus_nine_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    home = tmp_path / "vault"
    home.mkdir()
    key = os.urandom(32)
    Vault.open_with_key(home, key).close()
    rng = random.Random(20261122)
    acknowledged: set[str] = set()
    for round_no in range(KILLS):
        acknowledged |= _one_round(home, key, round_no, rng)
    assert len(acknowledged) > KILLS  # the writer really was writing when killed
    vault = Vault.open_with_key(home, key)
    try:
        assert integrity_ok(vault.engine)
        stored = set()
        for entry in JournalRepo(vault.engine).all():
            round_no, n = entry.text.split(" ")[1], entry.text.split(" ")[3]
            stored.add(f"{round_no}:{n}")
        missing = acknowledged - stored
        assert not missing, f"{len(missing)} acknowledged entries lost"
        assert JournalRepo(vault.engine).search("round")
    finally:
        vault.close()


CANARY = "zebracanary7Q4"


def _plaintext_hits(folder: Path) -> list[str]:
    needles = [CANARY.encode(), CANARY.lower().encode(), CANARY.encode("utf-16-le")]
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(n in data for n in needles):
                hits.append(str(path.relative_to(folder)))
    return hits


def test_canary_never_appears_in_plaintext_under_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    workspace = Workspace.create(home, "correct horse battery")
    try:
        for i in range(200):
            workspace.journal.add(f"entry {i} mentions {CANARY} and more words {i}",
                                  tags=[f"{CANARY}tag"], mood=3, emotions=["calm"])
        workspace.practices.complete(Practice.MORNING_INTENTION, f"intention {CANARY}")
        assert workspace.journal.search(CANARY)
        for entry in workspace.journal.all()[:50]:
            workspace.journal.delete(entry.id)
        # While open, the WAL holds recent pages: it must be encrypted too.
        assert (home / "vault.db-wal").exists()
        assert _plaintext_hits(home) == []
        workspace.vault.backup(datetime.now(UTC), "canary")
        archive.export(workspace.vault.engine, home / "export.chx", "correct horse battery",
                       datetime.now(UTC))
        assert _plaintext_hits(home) == []
    finally:
        workspace.close()
    assert _plaintext_hits(home) == []
    # The check itself can fail: a plain export is found at once.
    again = Workspace.unlock(home, "correct horse battery")
    try:
        archive.export(again.vault.engine, home / "plain.json", None, datetime.now(UTC))
    finally:
        again.close()
    assert _plaintext_hits(home) == ["plain.json"]
