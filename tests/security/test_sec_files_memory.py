"""Attacks on key material left in memory after a lock.

What a test can prove in Python: the one buffer the vault owns is zeroed in
place, and nothing reachable from the locked vault, workspace or web app still
holds the key (as bytes or as the hex text SQLCipher is given). Copies Python
cannot clear are listed in docs/security.md.
"""

from __future__ import annotations

import gc
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearheart.services.workspace import Workspace
from clearheart.store.kdf import KdfParams
from clearheart.store.vault import Vault

PASSPHRASE = "correct horse battery"
FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)
WALK_LIMIT = 200_000


def holders(root: object, key: bytes) -> list[str]:
    """Type names of objects reachable from `root` that still contain the key.

    Walks referents breadth first, staying out of modules, classes and
    functions' globals (shared by the whole program, not state of this vault).
    """
    needles = (key, key.hex(), key.hex().upper())
    seen: set[int] = set()
    queue = [root]
    found = []
    while queue and len(seen) < WALK_LIMIT:
        item = queue.pop()
        if id(item) in seen or isinstance(item, (types.ModuleType, type)):
            continue
        seen.add(id(item))
        if isinstance(item, (bytes, bytearray)):
            if key in item:
                found.append(type(item).__name__)
            continue
        if isinstance(item, str):
            if any(n in item for n in needles[1:]):
                found.append("str")
            continue
        if isinstance(item, types.FunctionType):
            queue.extend(c.cell_contents for c in item.__closure__ or () if _filled(c))
            queue.extend(item.__defaults__ or ())
            continue
        queue.extend(gc.get_referents(item))
    return found


def _filled(cell: types.CellType) -> bool:
    try:
        cell.cell_contents  # noqa: B018
    except ValueError:
        return False
    return True


@pytest.fixture
def open_vault(tmp_path: Path) -> Iterator[tuple[Workspace, bytes]]:
    from clearheart.store import keyfile

    home = tmp_path / "home"
    Vault.create(home, PASSPHRASE, FLOOR).close()
    workspace = Workspace.unlock(home, PASSPHRASE)
    key = keyfile.read(home / "vault.key").open(PASSPHRASE)
    yield workspace, key
    workspace.close()


def test_the_walk_finds_the_key_while_the_vault_is_open(
        open_vault: tuple[Workspace, bytes]) -> None:
    """Without this, a walk that finds nothing would prove nothing."""
    workspace, key = open_vault
    workspace.journal.add("a private thought")
    assert holders(workspace, key)


def test_after_a_lock_the_key_buffer_is_zeroed_and_nothing_holds_the_key(
        open_vault: tuple[Workspace, bytes]) -> None:
    workspace, key = open_vault
    workspace.journal.add("a private thought")
    buffer = workspace.vault._key
    assert bytes(buffer) == key
    workspace.close()
    assert isinstance(buffer, bytearray) and buffer == bytearray(len(key))
    assert holders(workspace, key) == []


def test_after_a_web_lock_the_app_holds_no_key(open_vault: tuple[Workspace, bytes]) -> None:
    from clearheart.web.app import AppState, create_app

    workspace, key = open_vault
    state = AppState(home=workspace.vault.paths.home, workspace=workspace)
    app = create_app(state)
    buffer = workspace.vault._key
    state.lock()
    assert buffer == bytearray(len(key))
    assert holders(app, key) == [] and holders(state, key) == []
