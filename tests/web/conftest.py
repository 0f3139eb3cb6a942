"""In-process web tests: the real app, a real vault in tmp_path, a fake idle clock.

Argon2 costs ~0.4 s per create or unlock, so a module shares one vault and,
where tests do not lock it, one open Workspace.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webtools import BASE, PASSPHRASE, FakeTicker, FixedClock, MakeWeb, TestClient, Web

from clearheart.services.workspace import Workspace
from clearheart.web.app import AppState, create_app


@pytest.fixture(scope="module")
def vault_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("vault") / "home"
    Workspace.create(home, PASSPHRASE).close()
    return home


@pytest.fixture(scope="module")
def wall_clock() -> FixedClock:
    return FixedClock()


@pytest.fixture(scope="module")
def shared_workspace(vault_home: Path, wall_clock: FixedClock) -> Iterator[Workspace]:
    """One open vault for the module's tests that never lock it."""
    workspace = Workspace.unlock(vault_home, PASSPHRASE, wall_clock)
    yield workspace
    workspace.close()


@pytest.fixture
def make_web(vault_home: Path, wall_clock: FixedClock) -> MakeWeb:
    """`make_web(workspace=..., **AppState fields)` → a fresh app and client."""

    def make(workspace: Workspace | None = None, home: Path | None = None,
             **options: Any) -> Web:
        ticker = FakeTicker()
        options.setdefault("unlock_delay", 0.0)
        options.setdefault("workspace_clock", wall_clock)
        state = AppState(home=home or vault_home, workspace=workspace, clock=ticker, **options)
        client = TestClient(create_app(state), base_url=BASE)
        return Web(client, state, ticker)

    return make


@pytest.fixture
def web(make_web: MakeWeb, shared_workspace: Workspace) -> Web:
    """Signed in through the launch URL, on the module's shared open vault."""
    browser = make_web(workspace=shared_workspace)
    browser.launch()
    return browser


@pytest.fixture
def own_workspace(vault_home: Path, wall_clock: FixedClock) -> Iterator[Workspace]:
    """A workspace of its own, for a test that locks (closes) it."""
    workspace = Workspace.unlock(vault_home, PASSPHRASE, wall_clock)
    yield workspace
    workspace.close()


@pytest.fixture
def unsafe_vault(shared_workspace: Workspace) -> Iterator[None]:
    """The safety questionnaire showed danger: the gate is closed, coaching rests."""
    shared_workspace.safety.questionnaire(("am-i-safe/afraid",))
    yield
    shared_workspace.safety.safe()


DEMO_PASSPHRASE = "a demo passphrase here"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A vault holding the demo's calm story (every page has something to show), as of a
    fixed day; one per test module."""
    from datetime import date

    from clearheart.demo import build_demo

    workspace = build_demo(tmp_path_factory.mktemp("demo") / "vault", DEMO_PASSPHRASE,
                           today=date(2026, 6, 30))
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def demo_web(demo: Workspace) -> Web:
    """A browser signed in to the demo vault through the launch URL."""
    state = AppState(home=demo.vault.paths.home, workspace=demo, clock=FakeTicker(),
                     unlock_delay=0.0)
    web = Web(TestClient(create_app(state), base_url=BASE), state, FakeTicker())
    web.launch()
    return web
