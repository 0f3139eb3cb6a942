"""Browser sessions, held in memory only: a restart or a lock forgets them all.

A session is one of three kinds (Kind): anonymous (it carries only the CSRF
token the unlock form needs), launching (it came through the one-time launch
URL while the vault was locked or not yet made: only it may create the vault)
or signed in. Ids are looked up by their SHA-256, so the store never compares
a secret byte by byte.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clearheart.domain.safety import Crisis
    from clearheart.services.safety import Noticed

COOKIE = "sid"
MAX_ANONYMOUS = 64
"""Anonymous sessions beyond this many are forgotten, oldest first."""


class Kind(Enum):
    ANONYMOUS = "anonymous"
    LAUNCHING = "launching"
    """Opened the launch URL on a locked or missing vault: may create it, or sign in."""
    SIGNED_IN = "signed in"


@dataclass(eq=False)
class Session:
    id: str
    csrf: str
    kind: Kind
    notice: str | None = field(default=None)
    """A calm one-line message shown once on the next page ("Saved.")."""

    crisis: Crisis | None = field(default=None)
    """Crisis words in what was just saved: the next page shows help first."""
    checkin: Noticed | None = field(default=None)
    """Danger from a partner in what was just saved: the next page asks, or says what it
    rested and how to bring it back."""

    @property
    def authenticated(self) -> bool:
        return self.kind is Kind.SIGNED_IN

    @property
    def launching(self) -> bool:
        return self.kind is Kind.LAUNCHING

    def take_notice(self) -> str | None:
        notice, self.notice = self.notice, None
        return notice

    def take_crisis(self) -> Crisis | None:
        crisis, self.crisis = self.crisis, None
        return crisis

    def take_checkin(self) -> Noticed | None:
        checkin, self.checkin = self.checkin, None
        return checkin


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "replace")).hexdigest()


class SessionStore:
    """Thread-safe: sync routes run in a thread pool."""

    def __init__(self) -> None:
        self._sessions: OrderedDict[str, Session] = OrderedDict()
        self._signed_out: set[str] = set()
        """Digests of signed-in sessions a lock forgot (one per sign-in, so few)."""
        self._lock = threading.Lock()

    def new(self, kind: Kind) -> Session:
        session = Session(id=secrets.token_urlsafe(32), csrf=secrets.token_urlsafe(32), kind=kind)
        with self._lock:
            self._sessions[_digest(session.id)] = session
            self._trim()
        return session

    def get(self, session_id: str | None) -> Session | None:
        if not session_id:
            return None
        with self._lock:
            return self._sessions.get(_digest(session_id))

    def rotate(self, old: Session | None, kind: Kind) -> Session:
        """Replace `old` with a fresh session, so an id seen before login is worthless after."""
        if old is not None:
            self.drop(old)
        return self.new(kind)

    def drop(self, session: Session) -> None:
        with self._lock:
            self._sessions.pop(_digest(session.id), None)

    def clear(self) -> None:
        with self._lock:
            self._signed_out.update(
                key for key, s in self._sessions.items() if s.kind is Kind.SIGNED_IN)
            self._sessions.clear()

    def was_signed_in(self, session_id: str | None) -> bool:
        """True for the id of a signed-in session a lock has since forgotten: the
        person who was signed in, on a page from before the lock. Never true for an
        anonymous or launching id, so only that person's quick exit hides the app."""
        with self._lock:
            return bool(session_id) and _digest(session_id or "") in self._signed_out

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)

    def _trim(self) -> None:
        anonymous = [key for key, s in self._sessions.items() if s.kind is Kind.ANONYMOUS]
        for key in anonymous[: max(0, len(anonymous) - MAX_ANONYMOUS)]:
            del self._sessions[key]
