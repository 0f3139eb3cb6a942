"""`clearheart serve` and `clearheart demo` as real processes on a real socket."""

from __future__ import annotations

import re
import signal
import socket
from pathlib import Path

import httpx
import pytest
from webtools import PASSPHRASE, serve_command

from clearheart.services.workspace import Workspace
from clearheart.web.server import bind, launch_url

LAUNCH = re.compile(r"^http://127\.0\.0\.1:(\d+)/unlock\?k=[A-Za-z0-9_-]{43}$")


def test_bind_uses_loopback_only_and_port_zero_picks_one() -> None:
    sock = bind(0, fallback=False)
    try:
        host, port = sock.getsockname()
        assert host == "127.0.0.1"
        assert port > 0
    finally:
        sock.close()


def test_a_taken_default_port_falls_back_and_an_explicit_one_does_not() -> None:
    taken = bind(0, fallback=False)
    port = taken.getsockname()[1]
    try:
        other = bind(port, fallback=True)
        assert other.getsockname()[1] != port
        other.close()
        with pytest.raises(OSError):
            bind(port, fallback=False)
    finally:
        taken.close()


def test_launch_url_shape() -> None:
    assert launch_url(8765, "abc") == "http://127.0.0.1:8765/unlock?k=abc"


def test_serve_prints_the_launch_url_first_and_stops_cleanly(tmp_path: Path) -> None:
    served = serve_command("serve", "--no-open", "--port", "0",
                           env={"CLEARHEART_HOME": str(tmp_path / "home")})
    try:
        assert LAUNCH.match(served.launch_url), served.launch_url
        with httpx.Client(base_url=served.base) as client:
            launched = client.get(served.launch_url)
            assert launched.status_code == 303
            assert launched.headers["location"] == "/unlock"  # no vault yet: create one
            page = client.get("/unlock")
            assert "Choose a passphrase" in page.text
            assert client.get("/today").headers["location"] == "/unlock"
            foreign = client.get("/unlock", headers={"Host": "attacker.example"})
            assert foreign.status_code == 400
    finally:
        code, err = served.stop()
    assert code == 0, err
    assert "Stopped. Everything is locked." in err
    assert "Traceback" not in err
    assert served.launch_url.split("k=")[1] not in err  # the token: once, on stdout only


def test_serve_unlocks_at_start_with_the_passphrase_from_the_environment(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    workspace = Workspace.create(home, PASSPHRASE)
    workspace.journal.add("A line written before the server started.")
    workspace.close()
    served = serve_command("serve", "--no-open", "--port", "0", env={
        "CLEARHEART_HOME": str(home), "CLEARHEART_PASSPHRASE": PASSPHRASE})
    try:
        with httpx.Client(base_url=served.base) as client:
            launched = client.get(served.launch_url)
            assert launched.headers["location"] == "/today"
            assert "A line written before the server started." in client.get("/journal").text
            again = httpx.get(served.launch_url)
            assert again.headers["location"] == "/unlock"  # the launch URL works once
    finally:
        code, err = served.stop()
    assert code == 0, err


def test_the_default_port_falls_back_when_taken(tmp_path: Path) -> None:
    taken = bind(0, fallback=False)
    port = taken.getsockname()[1]
    try:
        served = serve_command("serve", "--no-open", env={
            "CLEARHEART_HOME": str(tmp_path / "home"), "CLEARHEART_PORT": str(port)})
        match = LAUNCH.match(served.launch_url)
        assert match and int(match.group(1)) != port
        code, _ = served.stop()
        assert code == 0
    finally:
        taken.close()


def test_an_explicit_taken_port_is_one_calm_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        served = serve_command("serve", "--no-open", "--port", str(port),
                               env={"CLEARHEART_HOME": str(tmp_path / "home")})
        code, err = served.stop()
    assert served.launch_url == ""
    assert code == 1
    assert f"Port {port} is in use. Try --port 0 to pick a free one." in err
    assert "Traceback" not in err


def test_the_demo_serves_a_throwaway_story(tmp_path: Path) -> None:
    served = serve_command("demo", "--no-open", "--port", "0",
                           env={"CLEARHEART_HOME": str(tmp_path / "untouched")}, timeout=120)
    try:
        assert LAUNCH.match(served.launch_url), served.launch_url
        with httpx.Client(base_url=served.base) as client:
            assert client.get(served.launch_url).headers["location"] == "/today"
            journal = client.get("/journal")
            assert journal.status_code == 200
            assert journal.text.count('<article class="card entry"') == 30
    finally:
        code, err = served.stop()
    assert code == 0, err
    assert not (tmp_path / "untouched").exists()  # the demo never touches the real vault
    folders = re.findall(r"(/\S*clearheart-demo-\S*)", err)
    assert all(not Path(f).exists() for f in folders)


def test_stopping_with_a_browser_still_connected_and_by_sigterm(tmp_path: Path) -> None:
    served = serve_command("serve", "--no-open", "--port", "0",
                           env={"CLEARHEART_HOME": str(tmp_path / "home")})
    client = httpx.Client(base_url=served.base)  # a keep-alive connection stays open
    try:
        assert client.get("/unlock").status_code == 200
        served.process.send_signal(signal.SIGTERM)
        code, err = served.stop()
    finally:
        client.close()
    assert code == 0, err
    assert "Stopped. Everything is locked." in err
