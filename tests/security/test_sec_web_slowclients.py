"""Finding 9: connections that never finish their headers must not starve the server.

Raw sockets send half a request and then nothing. The server must close them
after its header timeout, and, past its connection cap, shed the oldest silent
ones so the owner's own request still gets through at once.

CLEARHEART_SLOW_CLIENTS sizes the crowd (CI runs it small).
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from sec_web_tools import running

from clearheart.web.app import AppState

SLOW = int(os.environ.get("CLEARHEART_SLOW_CLIENTS", "300"))
HALF = b"GET /weather HTTP/1.1\r\nHost: 127.0.0.1\r\n"


def half_requests(base: str, count: int) -> list[socket.socket]:
    port = int(base.rsplit(":", 1)[1])
    socks = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(HALF)
        socks.append(sock)
    return socks


def closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


@pytest.mark.stress
def test_half_sent_headers_are_timed_out(tmp_path: Path) -> None:
    with running(AppState(home=tmp_path / "none"), header_timeout=1.0) as run:
        [sock] = half_requests(run.base, 1)
        try:
            assert closed_by_server(sock, within=4.0)
        finally:
            sock.close()


@pytest.mark.stress
def test_a_crowd_of_silent_connections_cannot_starve_the_owner(tmp_path: Path) -> None:
    state = AppState(home=tmp_path / "none")
    with running(state, max_connections=50) as run:
        crowd = half_requests(run.base, SLOW)
        try:
            started = time.monotonic()
            response = run.browser().get("/weather")
            assert response.status_code == 200
            assert time.monotonic() - started < 2.0
            open_now = sum(not closed_by_server(sock, within=0.01) for sock in crowd)
            assert open_now <= 50, f"{open_now} silent connections still held"
        finally:
            for sock in crowd:
                sock.close()
