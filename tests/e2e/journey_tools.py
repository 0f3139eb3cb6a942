"""What the browser journeys share: the running server, a watch on every request, photos."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Request, Route

SHOTS = Path(__file__).parent / "screenshots"
WIDTHS = (1280, 390)


@dataclass
class Server:
    launch_url: str
    base: str
    process: subprocess.Popen[str]
    stderr: Path


@dataclass
class Watch:
    """Every request the page made, and every console error (CSP violations show there)."""

    base: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert self.blocked == [], f"requests tried to leave 127.0.0.1: {self.blocked}"
        outside = [u for u in self.requests
                   if not u.startswith((self.base + "/", "data:"))]
        assert outside == [], outside
        # A 400 (validation) or 404 page is logged by Chromium as a failed load;
        # anything else (a CSP refusal, a script error) is a defect.
        errors = [e for e in self.console_errors
                  if not e.startswith("Failed to load resource: the server responded "
                                      "with a status of 4")]
        assert errors == [], errors


PHONE = {"width": 390, "height": 844}
"""A phone's screen, for journeys that need touch (open_context(..., phone=True))."""


def open_context(browser: Browser, server: Server, *, width: int = 1280,
                 javascript: bool = True, phone: bool = False
                 ) -> tuple[BrowserContext, Page, Watch]:
    """A fresh browser profile whose requests may only go to the server under test; with
    `phone`, a 390 x 844 touch screen at twice the pixels."""
    if phone:
        context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True,
                                      device_scale_factor=2, java_script_enabled=javascript)
    else:
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      java_script_enabled=javascript)
    watch = Watch(server.base)

    def only_local(route: Route, request: Request) -> None:
        if request.url.startswith((server.base + "/", "data:")):
            route.continue_()
        else:
            watch.blocked.append(request.url)
            route.abort()

    context.route("**/*", only_local)
    context.on("request", lambda request: watch.requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda msg: watch.console_errors.append(msg.text)
            if msg.type == "error" else None)
    return context, page, watch


def shoot(page: Page, name: str) -> None:
    """Photograph the page at each width; at neither may it scroll sideways."""
    SHOTS.mkdir(exist_ok=True)
    size = page.viewport_size or {"width": 1280, "height": 900}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{name} scrolls sideways at {width} px ({wide} px wide)"
    page.set_viewport_size(size)


def launch(command: str, home: Path, stderr: Path, *, wait: float = 30,
           env_extra: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> Server:
    """Start `clearheart COMMAND [ARGS] --no-open --port 0` and read its launch URL (first
    line)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLEARHEART_")}
    env["CLEARHEART_HOME"] = str(home)
    env.update(env_extra or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "clearheart", command, *args, "--no-open", "--port", "0"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=stderr.open("w", encoding="utf-8"), text=True, env=env)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], wait)
    assert ready, f"no launch URL within {wait:g} s: {stderr.read_text()}"
    first = process.stdout.readline().strip()
    assert first.startswith("http://127.0.0.1:"), first
    assert "/unlock?k=" in first  # the launch URL adds no word of its own to the history
    return Server(first, first.split("/unlock?k=")[0], process, stderr)


def serve(tmp_path: Path) -> Iterator[Server]:
    """`clearheart serve` on an empty home for one test; afterwards Ctrl-C must stop it cleanly."""
    server = launch("serve", tmp_path / "home", tmp_path / "server.err")
    yield server
    stop_cleanly(server)


def stop_cleanly(server: Server) -> None:
    """Ctrl-C, unless it has stopped already: it must exit 0 with no traceback logged."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        server.process.wait(timeout=20)
    log = server.stderr.read_text()
    assert server.process.returncode == 0, log
    assert "Traceback" not in log, log


def create_vault(page: Page, server: Server, passphrase: str) -> None:
    """First run: open the launch link, choose the passphrase, land on Today."""
    page.goto(server.launch_url)
    page.fill("#passphrase", passphrase)
    page.fill("#confirm", passphrase)
    page.click("text=Create my vault")
    page.wait_for_url(server.base + "/today")
