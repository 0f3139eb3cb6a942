"""Helpers for the in-process web tests (fixtures live in conftest.py)."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx

from clearheart.web.app import AppState
from clearheart.web.routes.unlock import LAUNCH_PATH, launch_path
from clearheart.web.sessions import COOKIE

with warnings.catch_warnings():
    # Starlette nudges towards httpx2; httpx is what the dev extra installs.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PASSPHRASE = "correct horse battery"
BASE = "http://127.0.0.1:8765"
ORIGIN = BASE
# A Tuesday morning: the morning intention is open, the evening one not yet.
TUESDAY_9AM = datetime.fromisoformat("2025-03-04T09:00:00+01:00")
FORBIDDEN_IN_TITLES = ("relationship", "partner", "abuse", "breakup")


class FakeTicker:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class FixedClock:
    """The services' wall clock, fixed (or moved) by the test."""

    moment: datetime = TUESDAY_9AM

    def now(self) -> datetime:
        return self.moment


@dataclass
class Web:
    """One browser: a TestClient with its cookie jar, plus the app's state."""

    client: TestClient
    state: AppState
    ticker: FakeTicker
    extra_headers: dict[str, str] = field(default_factory=dict)

    @property
    def session_id(self) -> str | None:
        return self.client.cookies.get(COOKIE)

    @property
    def csrf(self) -> str:
        session = self.state.sessions.get(self.session_id)
        assert session is not None, "this client has no session yet"
        return session.csrf

    def launch(self) -> httpx.Response:
        token = self.state.launch_token
        assert token is not None
        response = self.client.get(launch_path(token), follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/today"
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        kwargs.setdefault("follow_redirects", False)
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict[str, Any] | None = None, *, csrf: bool = True,
             origin: str | None = ORIGIN, headers: dict[str, str] | None = None,
             **kwargs: Any) -> httpx.Response:
        """A form post as a browser sends it: Origin header and the csrf field."""
        body = dict(data or {})
        if csrf and "csrf" not in body:
            body["csrf"] = self.csrf
        sent = dict(headers or {})
        if origin is not None:
            sent.setdefault("Origin", origin)
        kwargs.setdefault("follow_redirects", False)
        return self.client.post(path, data=body, headers=sent, **kwargs)


MakeWeb = Callable[..., Web]


def title_of(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match, "page has no <title>"
    return match.group(1).strip()


def field_errors(html: str) -> list[str]:
    return re.findall(r'class="field-error"[^>]*>([^<]*)<', html)


@dataclass
class Served:
    """`clearheart serve` (or `demo`) running as a subprocess."""

    process: subprocess.Popen[str]
    launch_url: str

    @property
    def base(self) -> str:
        return self.launch_url.split(LAUNCH_PATH)[0]

    def stop(self) -> tuple[int, str]:
        """Ctrl-C, then the exit code and everything it wrote to stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        _, err = self.process.communicate(timeout=30)
        return self.process.returncode, err


def serve_command(*args: str, env: dict[str, str], timeout: float = 60) -> Served:
    """Start `clearheart <args>` and wait for the first line of stdout."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CLEARHEART_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "clearheart", *args], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**clean, **env},
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready:
        process.kill()
        raise AssertionError(f"no first line within {timeout} s: {process.communicate()}")
    return Served(process, process.stdout.readline().strip())
