"""Working out the patterns of a long chat must not take memory out of all proportion.

Finding 11 of issue 10: `patterns` on a ten-million-message chat took 2.5 GB while the
import stayed at 181 MB. The goal is at most 400 MB at 10M messages, about 40 bytes a
message above what the process holds once the vault is open. The test imports a generated
chat, work its report out in a fresh process, and measure that process's peak (getrusage)
above its peak just before. CI runs them at CLEARHEART_MEMORY_MESSAGES messages (200,000
unless set).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from clearheart.domain.chat import Columns, Kind
from clearheart.services.workspace import Workspace
from clearheart.store.chat_repo import NewChat
from clearheart.store.vault import Vault

MESSAGES = int(os.environ.get("CLEARHEART_MEMORY_MESSAGES", "200000"))
GOAL_BYTES = 400e6 / 10_000_000
"""Bytes a message the 400 MB goal at 10M allows (the open vault's own memory aside)."""

_CHILD = r"""
import json, os, resource, sys
from pathlib import Path
from clearheart.services.patterns import PatternService
from clearheart.services.workspace import Workspace
from clearheart.store.vault import Vault
workspace = Workspace(Vault.open_with_key(Path(sys.argv[1]), bytes.fromhex(sys.argv[2])))
(chat,) = workspace.chats.chats()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = PatternService(workspace.chats, workspace.journal).report(chat.id)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workspace.close()
print(json.dumps({"grew_kib": after - before, "messages": report.basis.messages}))
"""
_TEXTS = ("ok", "want to grab dinner on friday?", "haha that is so funny", "see you at 8",
          "are you free tomorrow night?", "love you", "on my way home now, traffic is bad")


def _chat(n: int) -> Columns:
    """A two-person chat of n messages, a few minutes to a day apart, as the store takes it."""
    start = datetime(2018, 1, 1)
    seconds = [int((start - datetime(1970, 1, 1)).total_seconds()) + 97 * i * (1 + i % 7)
               for i in range(n)]
    senders = ["Alex" if (i // 3) % 2 else "Sam" for i in range(n)]
    texts = [f"{_TEXTS[i % len(_TEXTS)]} {i}" for i in range(n)]
    return Columns(seconds, senders, [Kind.TEXT] * n, texts, [False] * n)


@pytest.fixture(scope="module")
def grown_bytes(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Bytes a message the report's process grew by, above its peak with the vault open."""
    home = tmp_path_factory.mktemp("memory") / "vault"
    home.mkdir()
    key = os.urandom(32)
    workspace = Workspace(Vault.open_with_key(home, key))
    try:
        workspace.chats.repo.store(NewChat("whatsapp", "Sam", "chat.txt"), [_chat(MESSAGES)],
                                   datetime(2024, 1, 1, tzinfo=UTC), lambda names: "Alex")
    finally:
        workspace.close()
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(home), key.hex()],
                          capture_output=True, text=True, check=False, timeout=600,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found["messages"] == MESSAGES
    return float(found["grew_kib"] * 1024 / MESSAGES)


@pytest.mark.stress
def test_report_memory_per_message_meets_the_400_mb_goal(grown_bytes: float) -> None:
    """The texts and times are not held as Python objects (domain/patterns/timeline_build.py):
    the report's process grows by a few dozen bytes a message, not the 307 it took before."""
    assert grown_bytes <= GOAL_BYTES, f"{grown_bytes:.0f} bytes a message"
