"""The draft check starts loading when a vault opens, so the first check at 1 a.m. does
not wait for the models: `on_open` runs once per opening (not when the vault was open
already, nor on a wrong passphrase), and create_app makes it the pause's warm-up."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from webtools import PASSPHRASE

from clearheart.errors import WrongPassphrase
from clearheart.services import draftcheck
from clearheart.web.app import create_app
from clearheart.web.routes import pause
from clearheart.web.state import AppState


def test_opening_a_vault_calls_on_open_once(vault_home: Path) -> None:
    opened: list[str] = []
    state = AppState(home=vault_home, unlock_delay=0.0, on_open=lambda: opened.append("x"))
    with pytest.raises(WrongPassphrase):
        state.unlock("not the passphrase at all")
    assert opened == []
    state.unlock(PASSPHRASE)
    assert opened == ["x"]
    state.unlock(PASSPHRASE)  # already open: only proves the passphrase
    assert opened == ["x"]
    state.lock()
    state.unlock(PASSPHRASE)
    assert opened == ["x", "x"]
    state.lock()


def test_creating_a_vault_calls_on_open(tmp_path: Path) -> None:
    opened: list[str] = []
    state = AppState(home=tmp_path / "home", on_open=lambda: opened.append("x"))
    state.create(PASSPHRASE)
    assert opened == ["x"]
    state.lock()


def test_the_app_warms_the_check_at_unlock(
    vault_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warmed: list[str] = []
    monkeypatch.setattr(pause, "warm", lambda: warmed.append("x"))
    state = AppState(home=vault_home, unlock_delay=0.0)
    create_app(state)
    assert state.on_open is not None and warmed == []
    state.unlock(PASSPHRASE)
    assert warmed == ["x"]
    state.lock()


def test_warming_builds_the_checker_a_check_then_uses() -> None:
    built = draftcheck._built
    built.cache_clear()
    pause.warm()
    deadline = time.monotonic() + 120
    while built.cache_info().currsize == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert built.cache_info().currsize == 1, "the background build never finished"
    misses = built.cache_info().misses
    assert pause.checker() is draftcheck.shared_checker()
    assert built.cache_info().misses == misses  # nothing built a second time
