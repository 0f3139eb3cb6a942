"""Passphrase attempts, one at a time: a short queue, the rest turned away at once.

Each attempt runs Argon2 (deliberately slow and memory-hungry) and, when wrong,
a pause; it holds its turn for both, so guesses are throttled to one per
Argon2-plus-pause for the whole app, however many clients send them. A few
attempts may wait for their turn (the person typing their passphrase while
someone else is guessing gets in a moment later); any beyond that, or one that
waited too long, gets TooManyAttempts at once and was never tried. Nothing
here touches the app's state lock: locking never waits for an attempt.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from clearheart.errors import TooManyAttempts

QUEUE = 2
"""Attempts that may wait while one runs."""
PATIENCE = 10.0
"""Seconds an attempt waits for its turn before it is turned away."""


class Attempts:
    def __init__(self, queue: int = QUEUE, patience: float = PATIENCE) -> None:
        self.queue = queue
        self.patience = patience
        self._turn = threading.Lock()
        self._count = threading.Lock()
        self._admitted = 0
        """The running attempt and those waiting."""

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Run the body as the only attempt, or raise TooManyAttempts without running it."""
        with self._count:
            if self._admitted > self.queue:
                raise TooManyAttempts()
            self._admitted += 1
        try:
            if not self._turn.acquire(timeout=self.patience):
                raise TooManyAttempts()
            try:
                yield
            finally:
                self._turn.release()
        finally:
            with self._count:
                self._admitted -= 1
