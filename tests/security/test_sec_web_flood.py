"""Finding 2: a flood of wrong passphrases must never hold up locking.

Real threads post wrong passphrases at the real app on a real socket (real
Argon2, at the floor's cost). Meanwhile "Lock now", the quick exit and the idle
lock must each finish within 200 ms, and guesses beyond the short queue get a
calm 429 at once instead of waiting their turn.

CLEARHEART_FLOOD_CLIENTS sizes the flood (CI runs it small).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sec_web_tools import Running, Ticker, cheap_vault, launch, open_workspace, running

from clearheart.web.app import AppState

CLIENTS = int(os.environ.get("CLEARHEART_FLOOD_CLIENTS", "8"))
WITHIN = 0.2
"""Seconds lock, the quick exit and the idle lock may take under the flood."""
WARM_UP = 1.5
"""Seconds of flood before the owner acts: Argon2 is surely running by then."""


@dataclass
class Flood:
    statuses: list[int] = field(default_factory=list)
    calm_429s: int = 0
    slowest: float = 0.0
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


def guess(run: Running, flood: Flood, number: int) -> None:
    browser = run.browser()
    try:
        browser.get("/unlock")
        attempt = 0
        while not flood.stop.is_set():
            attempt += 1
            started = time.monotonic()
            response = browser.post("/unlock", {"passphrase": f"wrong guess {number}.{attempt}"})
            flood.slowest = max(flood.slowest, time.monotonic() - started)
            flood.statuses.append(response.status_code)
            if response.status_code == 429 and "wait a moment" in response.text:
                flood.calm_429s += 1
    except httpx.HTTPError as exc:
        flood.failures.append(repr(exc))


@contextmanager
def flooded(run: Running) -> Iterator[Flood]:
    flood = Flood()
    threads = [threading.Thread(target=guess, args=(run, flood, n), daemon=True)
               for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(WARM_UP)
    try:
        yield flood
    finally:
        flood.stop.set()
        for thread in threads:
            thread.join(60)


def served(tmp_path: Path, **options: object) -> tuple[AppState, Ticker]:
    home = cheap_vault(tmp_path / "vault")
    ticker = Ticker()
    state = AppState(home=home, workspace=open_workspace(home), clock=ticker,
                     **options)  # type: ignore[arg-type]
    return state, ticker


@pytest.mark.stress
@pytest.mark.parametrize("how", ["lock", "quick exit"])
def test_lock_and_quick_exit_win_over_a_flood_of_guesses(tmp_path: Path, how: str) -> None:
    state, _ = served(tmp_path)
    with running(state) as run:
        owner = run.browser()
        launch(owner, state)
        assert owner.get("/today").status_code == 200
        with flooded(run) as flood:
            started = time.monotonic()
            response = owner.post("/lock" if how == "lock" else "/exit")
            took = time.monotonic() - started
            assert response.status_code == 303
            assert not state.unlocked
        assert took < WITHIN, f"{how} took {took:.2f} s under the flood"
        assert not flood.failures


@pytest.mark.stress
def test_the_idle_lock_wins_over_a_flood_of_guesses(tmp_path: Path) -> None:
    state, ticker = served(tmp_path, idle_minutes_override=0.1)
    with running(state) as run:
        owner = run.browser()
        launch(owner, state)
        with flooded(run) as flood:
            ticker.advance(7)  # past the six-second limit
            started = time.monotonic()
            while state.unlocked and time.monotonic() - started < 5:
                time.sleep(0.005)
            took = time.monotonic() - started
            assert owner.get("/today").headers["location"] == "/unlock"
        assert took < WITHIN, f"the idle lock took {took:.2f} s under the flood"
        assert not flood.failures


@pytest.mark.stress
def test_guesses_beyond_the_queue_are_turned_away_calmly(tmp_path: Path) -> None:
    state, _ = served(tmp_path)
    with running(state) as run, flooded(run) as flood:
        time.sleep(1.0)
    assert not flood.failures
    assert flood.calm_429s > 0, sorted(set(flood.statuses))
    assert set(flood.statuses) <= {400, 429}
    assert flood.slowest < 10, f"a guess waited {flood.slowest:.1f} s"
