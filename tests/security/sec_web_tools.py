"""Helpers for the web attack tests: the real app, in process or on a real socket.

Argon2 is the cheapest the floor allows (64 MiB, t=3), as in tests/unit, so a
flood of guesses costs the machine little while still running the real KDF.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from clearheart.services.workspace import Workspace
from clearheart.store.kdf import KdfParams
from clearheart.store.vault import Vault
from clearheart.web.app import AppState, create_app
from clearheart.web.routes.unlock import launch_path
from clearheart.web.sessions import COOKIE

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PASSPHRASE = "correct horse battery"
BASE = "http://127.0.0.1:8765"
FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)


def cheap_vault(home: Path) -> Path:
    """A vault whose key file uses the floor's Argon2 cost."""
    Vault.create(home, PASSPHRASE, FLOOR).close()
    return home


def open_workspace(home: Path) -> Workspace:
    return Workspace.unlock(home, PASSPHRASE)


def csrf_in(page: str) -> str:
    match = re.search(r'name="csrf" value="([^"]*)"', page)
    assert match, "the page carries no csrf field"
    return match.group(1)


class Ticker:
    """Monotonic seconds that follow the real clock, plus whatever a test adds."""

    def __init__(self) -> None:
        import time

        self._now = time.monotonic
        self.extra = 0.0

    def __call__(self) -> float:
        return self._now() + self.extra

    def advance(self, seconds: float) -> None:
        self.extra += seconds


@dataclass
class Browser:
    """One browser on the in-process app: its own cookie jar, posting as browsers do."""

    client: TestClient | httpx.Client
    origin: str = BASE
    csrf: str = ""

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        kwargs.setdefault("follow_redirects", False)
        response = self.client.get(path, **kwargs)
        if 'name="csrf"' in response.text:
            self.csrf = csrf_in(response.text)
        return response

    def post(self, path: str, data: dict[str, str] | None = None,
             **kwargs: Any) -> httpx.Response:
        body = {"csrf": self.csrf, **(data or {})}
        kwargs.setdefault("follow_redirects", False)
        response = self.client.post(path, data=body, headers={"Origin": self.origin}, **kwargs)
        if 'name="csrf"' in response.text:
            self.csrf = csrf_in(response.text)
        return response

    @property
    def session_id(self) -> str | None:
        return self.client.cookies.get(COOKIE)


def in_process(state: AppState) -> Browser:
    return Browser(TestClient(create_app(state), base_url=BASE))


def launch(browser: Browser, state: AppState) -> httpx.Response:
    """Open the launch URL (following to wherever it leads) and keep the page's token."""
    token = state.launch_token
    assert token is not None
    return browser.get(launch_path(token), follow_redirects=True)


@dataclass
class Running:
    """The real app on a real loopback socket, served by uvicorn in a thread."""

    base: str
    state: AppState

    def browser(self) -> Browser:
        return Browser(httpx.Client(base_url=self.base, timeout=30), origin=self.base)


@contextmanager
def running(state: AppState, **limits: float) -> Iterator[Running]:
    """Serve `state` as `clearheart serve` does (web/server.py's own server settings)."""
    from clearheart.web.server import bind, make_server

    sock = bind(0, fallback=False)
    server = make_server(state, **limits)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            thread.join(0.02)
            assert thread.is_alive(), "the server did not start"
        yield Running(base=f"http://127.0.0.1:{sock.getsockname()[1]}", state=state)
    finally:
        server.should_exit = True
        thread.join(30)
        state.lock()
        sock.close()
