"""What the running web app holds: the open vault (or none), sessions, idle time.

Locking is one operation with three effects: the Workspace is closed (its
data key dropped), every session is forgotten, and the next request lands on
the unlock page. Quick exit, "Lock now" and the idle timer all call `lock()`.

The state lock is only ever held for moments (swapping the Workspace in or
out), never across Argon2: an unlock or create derives its key first, under
its turn from Attempts (one at a time, a short queue, a pause after a wrong
passphrase), and only then takes the lock to adopt the opened vault. So
locking, the quick exit and the idle lock never wait behind a guess.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from clearheart.domain.preferences import Preferences
from clearheart.errors import VaultLocked, WrongPassphrase
from clearheart.services import access
from clearheart.services.clock import Clock
from clearheart.services.workspace import Workspace
from clearheart.store.damage import damage_is_reported
from clearheart.web.attempts import Attempts
from clearheart.web.sessions import SessionStore

Ticker = Callable[[], float]
"""Seconds from an arbitrary start (time.monotonic); tests pass a fake one."""


@dataclass(eq=False)
class AppState:
    home: Path
    workspace: Workspace | None = None
    sessions: SessionStore = field(default_factory=SessionStore)
    launch_token: str | None = field(default_factory=lambda: secrets.token_urlsafe(32))
    idle_minutes_override: float | None = None
    """CLEARHEART_IDLE_MINUTES, when set; else the person's own setting applies."""
    clock: Ticker = time.monotonic
    unlock_delay: float = 0.75
    """Seconds a wrong passphrase keeps its turn, on top of Argon2's own cost: with
    one attempt at a time this caps guessing for the whole app."""
    attempts: Attempts = field(default_factory=Attempts)
    demo_passphrase: str | None = None
    """Shown on the unlock page of a throwaway demo vault, and nowhere else."""
    workspace_clock: Clock | None = None
    prefs: Preferences = field(default_factory=Preferences)
    """The open vault's preferences, kept after a lock so the quick exit
    destination and the discreet name still apply on the unlock page."""
    on_open: Callable[[], None] | None = None
    """Called (from the request that opened it) each time a vault is opened or created:
    create_app starts the draft check loading in the background there."""
    last_activity: float = 0.0
    exited: bool = False
    """True from a quick exit until someone signs in again or opens the bare address:
    meanwhile every page of the app, the unlock page too, leads to the quick-exit
    destination, so Back after the exit shows nothing of the app (web/security.py)."""
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def __post_init__(self) -> None:
        self.last_activity = self.clock()
        if self.workspace is not None:
            self.prefs = self.workspace.preferences()

    @property
    def unlocked(self) -> bool:
        return self.workspace is not None

    def require(self) -> Workspace:
        workspace = self.workspace
        if workspace is None:
            raise VaultLocked()
        return workspace

    def vault_exists(self) -> bool:
        return self.workspace is not None or access.vault_exists(self.home)

    # --- idle ------------------------------------------------------------------

    def idle_seconds(self) -> float:
        minutes = self.idle_minutes_override or self.prefs.idle_minutes
        return minutes * 60.0

    def touch(self) -> None:
        self.last_activity = self.clock()

    def check_idle(self) -> bool:
        """Lock if nothing authenticated happened for the idle time; True if it locked.

        Never waits (the guard calls it on the event loop): the lock is only held
        for moments, so a miss is caught by the next request or watcher tick.
        """
        if not self._lock.acquire(blocking=False):
            return False
        try:
            if self.workspace is None:
                return False
            if self.clock() - self.last_activity < self.idle_seconds():
                return False
            self.lock()
            return True
        finally:
            self._lock.release()

    # --- locking and unlocking ---------------------------------------------------

    def lock(self) -> None:
        with self._lock:
            workspace, self.workspace = self.workspace, None
            self.sessions.clear()
            if workspace is not None:
                workspace.close()

    def unlock(self, passphrase: str) -> None:
        """Open the vault, or, when it is already open, prove the passphrase is right.

        Raises WrongPassphrase (after the unlock delay), TooManyAttempts (not tried)
        or another ClearheartError, and changes nothing.
        """
        with self.attempts.turn(), damage_is_reported(self.home):
            try:
                key = access.unwrap(self.home, passphrase)
            except WrongPassphrase:
                time.sleep(self.unlock_delay)
                raise
            opened = None
            if self.workspace is None:
                opened = Workspace.open_unwrapped(self.home, key, self.workspace_clock)
            self._adopt(opened)

    def create(self, passphrase: str) -> None:
        """Make the first vault; VaultExists if one got there first."""
        with self.attempts.turn():
            self._adopt(Workspace.create(self.home, passphrase, self.workspace_clock))

    def _adopt(self, opened: Workspace | None) -> None:
        """Take `opened` as the open vault (None: it is open already) and count as activity.

        Should a vault be open by now anyway, `opened` is closed: one engine only.
        """
        try:
            prefs = opened.preferences() if opened is not None else None
            with self._lock:
                adopted = False
                if opened is not None and prefs is not None and self.workspace is None:
                    self.workspace, self.prefs, opened = opened, prefs, None
                    adopted = True
                self.touch()
            if adopted and self.on_open is not None:
                self.on_open()
        finally:
            if opened is not None:
                opened.close()

    def remember(self, prefs: Preferences) -> None:
        self.prefs = prefs

    # --- the one-time launch token ---------------------------------------------------

    def consume_launch(self, token: str) -> bool:
        """True once for the right token; every later call, right or wrong, is False."""
        with self._lock:
            expected = self.launch_token
            if expected is None:
                return False
            if not hmac.compare_digest(token.encode(), expected.encode()):
                return False
            self.launch_token = None
            return True
