"""Running the app: a loopback socket, the launch URL, uvicorn, a clean stop."""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
import threading
import webbrowser
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from clearheart.web.state import AppState

if TYPE_CHECKING:
    import uvicorn

HOST = "127.0.0.1"
HEADER_TIMEOUT = 10.0
"""Seconds a connection has to send a request's headers (web/connections.py)."""
MAX_CONNECTIONS = 100
"""Connections open at once; past it the oldest silent one is closed."""
KEEP_ALIVE = 5
"""Seconds an idle keep-alive connection stays open."""
MAX_HEADERS = 16 * 1024
"""Bytes of request line and headers (h11's own default, stated)."""


def bind(port: int, *, fallback: bool) -> socket.socket:
    """A listening socket on 127.0.0.1 only. Port 0, or a taken port with `fallback`,
    gets a free one; a taken port without `fallback` raises OSError."""
    try:
        return _listen(port)
    except OSError:
        if not fallback or port == 0:
            raise
    return _listen(0)


def _listen(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    return sock


def launch_url(port: int, token: str) -> str:
    """The one-time sign-in address printed on start (see web/routes/unlock.py)."""
    from clearheart.web.routes.unlock import launch_path

    return f"http://{HOST}:{port}{launch_path(token)}"


def make_server(state: AppState, *, header_timeout: float = HEADER_TIMEOUT,
                max_connections: int = MAX_CONNECTIONS) -> uvicorn.Server:
    """The uvicorn server for `state`'s app, quiet and loopback-minded.

    Slow or silent clients are bounded (web/connections.py): a request's headers
    must arrive within `header_timeout`, an idle keep-alive connection closes after
    KEEP_ALIVE seconds, at most `max_connections` stay open, and headers may not
    exceed h11's 16 KiB.
    """
    import uvicorn

    from clearheart.web.app import create_app
    from clearheart.web.connections import guarded_protocol

    return uvicorn.Server(uvicorn.Config(
        create_app(state),
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        lifespan="on",
        http=guarded_protocol(header_timeout, max_connections),
        timeout_keep_alive=KEEP_ALIVE,
        h11_max_incomplete_event_size=MAX_HEADERS,
    ))


def serve(state: AppState, sock: socket.socket, *, open_browser: bool,
          out: TextIO | None = None) -> None:
    """Print the launch URL as the first line of stdout, open a browser, serve until
    Ctrl-C; the vault is locked (Workspace closed) however this ends."""
    out = out or sys.stdout
    port = int(sock.getsockname()[1])
    url = launch_url(port, state.launch_token or "")
    server = make_server(state)
    with _stop_on(signal.SIGINT, signal.SIGTERM, server=server):
        try:
            print(url, file=out, flush=True)
            print(f"Clearheart is open at http://{HOST}:{port} for this computer only. "
                  "Press Ctrl-C to stop.", file=sys.stderr, flush=True)
            if open_browser:
                threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
            if not server.should_exit:
                server.run(sockets=[sock])
        finally:
            state.lock()
            sock.close()
    print("Stopped. Everything is locked.", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _stop_on(*signals: signal.Signals, server: uvicorn.Server) -> Iterator[None]:
    """Turn Ctrl-C (and SIGTERM) into a clean stop at any moment, even before uvicorn
    installs its own handlers or after it re-raises the signal on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        server.should_exit = True

    previous = {sig: signal.signal(sig, stop) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
