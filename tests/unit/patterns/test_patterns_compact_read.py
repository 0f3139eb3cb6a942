"""The report worked out from the vault equals, field by field, the one kept from before.

Reading a chat back compactly (arrays streamed from the store, the plan scan chunk by
chunk) must not change one figure. The golden files were written by the code before that
change (`CLEARHEART_WRITE_GOLDEN=1` writes them again, for a deliberate change of figures,
together with REPORT_VERSION).
"""

from __future__ import annotations

import json
import os
import random
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clearheart.cli.pattern_commands import jsonable
from clearheart.domain.chat import Kind, Message, in_columns
from clearheart.domain.patterns.report import build_report
from clearheart.services.patterns import PatternService
from clearheart.services.workspace import Workspace
from clearheart.store.chat_repo import NewChat
from clearheart.store.vault import Vault

GOLDEN = Path(__file__).parents[2] / "data" / "patterns"
WHATSAPP = Path(__file__).parents[2] / "data" / "whatsapp"
REFUSED = {"ambiguous.txt", "invalid-date.txt", "no-messages.txt", "preamble.txt"}
"""Exports the importer refuses on purpose (tests/importers cover why)."""
_WORDS = ("ok", "want to grab dinner on friday?", "see you tomorrow", "can't make it, sorry",
          "how about thursday instead?", "haha", "love you", "are you free tonight?",
          "something came up, I need to cancel", "it's a date", "\x00odd", "yes!", "what?")


def generated(n: int, seed: int) -> list[Message]:
    """A three-person chat with notices, media, calls, bursts, silences and a clock step back."""
    rng = random.Random(seed)
    at = datetime(2019, 3, 1, 9, 0)
    people = ("Alex", "Sam", "Kim")
    messages = []
    for i in range(n):
        at += timedelta(seconds=rng.choice((5, 40, 300, 3600, 7200, 60_000, 200_000)))
        if i == n // 2:
            at -= timedelta(hours=2)  # a clock change: messages out of order
        roll = rng.random()
        kind = (Kind.SYSTEM if roll < 0.01 else Kind.CALL if roll < 0.02 else
                Kind.MEDIA if roll < 0.06 else Kind.DELETED if roll < 0.07 else Kind.TEXT)
        sender = "" if kind is Kind.SYSTEM else rng.choice(people[:2] if rng.random() < .9
                                                           else people)
        messages.append(Message(at, sender, kind, rng.choice(_WORDS), rng.random() < .02))
    return messages


def _workspace(tmp_path: Path) -> Workspace:
    home = tmp_path / "vault"
    home.mkdir()
    return Workspace(Vault.open_with_key(home, os.urandom(32)))


def _vault_report(tmp_path: Path, messages: list[Message], me: str) -> dict[str, object]:
    workspace = _workspace(tmp_path)
    try:
        stored = workspace.chats.repo.store(
            NewChat("whatsapp", "t", "t.txt"), in_columns(messages, 97),
            datetime(2024, 1, 1, tzinfo=UTC), lambda names, current: me)
        service = PatternService(workspace.chats, workspace.journal)
        found = service.report(stored.chat_id)
        since = messages[len(messages) // 3].ts.date()
        until = messages[2 * len(messages) // 3].ts.date()
        windowed = service.report(stored.chat_id, since, until)
        return {"all": jsonable(found), "window": jsonable(windowed)}
    finally:
        workspace.close()


def _check(name: str, found: dict[str, object]) -> None:
    path = GOLDEN / f"{name}.json.gz"
    text = json.dumps(found, sort_keys=True, indent=0)
    if os.environ.get("CLEARHEART_WRITE_GOLDEN"):
        path.write_bytes(zlib.compress(text.encode(), 9))
    golden = json.loads(zlib.decompress(path.read_bytes()))
    for part in golden:  # field by field, so a failure names the figure that moved
        for field in golden[part]:
            assert found[part][field] == golden[part][field], f"{part}.{field}"  # type: ignore[index]
    assert found == golden


@pytest.mark.parametrize(("n", "seed"), [(6000, 1), (400, 2)])
def test_generated_chat_reads_back_to_the_same_report(tmp_path: Path, n: int, seed: int) -> None:
    _check(f"generated-{n}-{seed}", _vault_report(tmp_path, generated(n, seed), "Alex"))


def test_report_from_the_vault_equals_the_report_from_messages(tmp_path: Path) -> None:
    messages = generated(3000, 3)
    found = _vault_report(tmp_path, messages, "Alex")["all"]
    direct = build_report(messages, "Alex",
                          others=("Sam", "Kim"))
    assert found == jsonable(direct)


@pytest.mark.parametrize(
    "export", sorted(p.name for p in WHATSAPP.glob("*.txt") if p.name not in REFUSED))
def test_fixture_exports_give_the_same_report(tmp_path: Path, export: str) -> None:
    workspace = _workspace(tmp_path)
    try:
        summary = workspace.chats.import_chat(WHATSAPP / export, require_me=False)
        info = workspace.chats.get(summary.chat_id)
        workspace.chats.set_me(info.id, info.participants[0])
        found = jsonable(PatternService(workspace.chats, workspace.journal).report(info.id))
    finally:
        workspace.close()
    _check(f"whatsapp-{export.removesuffix('.txt').replace(' ', '_')}", {"all": found})
