"""Uvicorn's h11 protocol with what it lacks: a header deadline and a connection cap.

Uvicorn times out idle keep-alive connections, but never a connection that
sends half a request's headers and then nothing: enough of those exhaust the
process's file descriptors. So each connection gets `header_timeout` seconds to
finish a request's headers (from when it opens, and again after each
response); then it is closed. And at most `max_connections` stay open: one more
sheds the oldest connection still waiting for headers (a browser just opens
another) or, when every one is busy with a request, is itself closed at once.
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


def guarded_protocol(header_timeout: float, max_connections: int) -> type[H11Protocol]:
    """The protocol class for uvicorn.Config(http=...), with these limits."""

    class Guarded(H11Protocol):
        opened = 0.0
        deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self.opened = self.loop.time()
            self._arm()
            if len(self.connections) > max_connections:
                self._shed()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()

        def waiting_for_headers(self) -> bool:
            return self.conn.their_state is h11.IDLE and not self.transport.is_closing()

        def _arm(self) -> None:
            self._disarm()
            self.deadline = self.loop.call_later(header_timeout, self._headers_due)

        def _disarm(self) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
                self.deadline = None

        def _headers_due(self) -> None:
            self.deadline = None
            if self.waiting_for_headers():
                self.transport.close()

        def _shed(self) -> None:
            idle = [c for c in self.connections
                    if c is not self and isinstance(c, Guarded) and c.waiting_for_headers()]
            victim = min(idle, key=lambda c: c.opened) if idle else self
            victim.transport.close()

    return Guarded
