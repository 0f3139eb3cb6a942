"""Shared fixtures: a throwaway PostgreSQL cluster and Debian's Chromium.

Both come from Debian packages (``postgresql``, ``chromium``) so the tests
exercise the real things. On a laptop without them the tests that need them
are skipped with a loud reason; under CI (``CI`` set) their absence is a
failure, because CI installs them and no test may be skipped there.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PG_SUPERUSER = "postgres"
PG_SESSION_DB = "clearheart_test"
PG_START_TIMEOUT_S = 60
# Durability is irrelevant for a throwaway cluster; skipping fsync keeps it fast.
PG_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> NoReturn:
    """Skip loudly on a developer machine; fail in CI, where nothing may be skipped."""
    banner = f"!!! {reason} !!!"
    if _in_ci():
        pytest.fail(f"{banner} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(banner)


# --- PostgreSQL --------------------------------------------------------------


def _pg_bindir() -> Path | None:
    """The newest Debian PostgreSQL bin directory holding initdb and pg_ctl."""

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", path.parent.name))

    candidates = [
        bindir
        for bindir in Path("/usr/lib/postgresql").glob("*/bin")
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file()
    ]
    return max(candidates, key=version, default=None)


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root but neither a 'postgres' nor a 'nobody' user exists")


def _as_user(user: pwd.struct_passwd | None, argv: list[str]) -> list[str]:
    """Prefix argv so it runs as user; initdb and postgres refuse to run as root."""
    if user is None:
        return argv
    if shutil.which("runuser"):
        return ["runuser", "-u", user.pw_name, "--", *argv]
    if shutil.which("setpriv"):
        return [
            "setpriv",
            f"--reuid={user.pw_uid}",
            f"--regid={user.pw_gid}",
            "--init-groups",
            *argv,
        ]
    raise RuntimeError("running as root but neither runuser nor setpriv is available")


def _temp_base(user: pwd.struct_passwd | None) -> str | None:
    """A parent directory the cluster's user can traverse (TMPDIR may be root-only)."""
    if user is None:
        return None
    base = tempfile.gettempdir()
    if os.stat(base).st_mode & stat.S_IXOTH:
        return base
    return "/tmp"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
    )


def _admin_execute(port: int, *statements: str) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=port, user=PG_SUPERUSER, dbname="postgres", autocommit=True
    ) as conn:
        for statement in statements:
            conn.execute(statement)


def _pg_url(port: int, dbname: str) -> str:
    return f"postgresql+psycopg://{PG_SUPERUSER}@127.0.0.1:{port}/{dbname}"


def _port_of(url: str) -> int:
    match = re.search(r"@127\.0\.0\.1:(\d+)/", url)
    assert match, url
    return int(match.group(1))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for this session (one per xdist worker).

    Yields the URL of its ``clearheart_test`` database. Tests that must not
    see each other's data use ``pg_url`` instead.
    """
    bindir = _pg_bindir()
    if bindir is None:
        _unavailable(
            "PostgreSQL server binaries not found; install Debian's postgresql "
            "to run the store suite against it"
        )
    user = _unprivileged_user() if os.geteuid() == 0 else None
    tmp = Path(tempfile.mkdtemp(prefix="clearheart-pg-", dir=_temp_base(user)))
    data = tmp / "data"
    log = tmp / "server.log"
    if user is not None:
        os.chown(tmp, user.pw_uid, user.pw_gid)

    def pg_ctl(*args: str) -> subprocess.CompletedProcess[str]:
        return _run(_as_user(user, [str(bindir / "pg_ctl"), "-D", str(data), *args]), tmp)

    started = False
    try:
        init = _run(
            _as_user(
                user,
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    PG_SUPERUSER,
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync",
                ],
            ),
            tmp,
        )
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{init.stdout}\n{init.stderr}")
        # Appending keeps the file's owner (the cluster user) intact.
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"\nunix_socket_directories = '{tmp}'\n")
            for key, value in PG_SETTINGS.items():
                conf.write(f"{key} = {value}\n")

        # Another process may grab the free port between probe and bind; retry.
        errors: list[str] = []
        for _attempt in range(3):
            port = _free_port()
            start = pg_ctl(
                "-l", str(log), "-w", "-t", str(PG_START_TIMEOUT_S), "-o", f"-p {port}", "start"
            )
            if start.returncode == 0:
                started = True
                break
            server_log = log.read_text(errors="replace") if log.exists() else ""
            errors.append(f"{start.stdout}\n{start.stderr}\n{server_log}")
        if not started:
            raise RuntimeError("pg_ctl start failed:\n" + "\n---\n".join(errors))

        ready = _run(
            [str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-t", "30"], tmp
        )
        if ready.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not become ready: {ready.stdout}{ready.stderr}")
        _admin_execute(port, f'CREATE DATABASE "{PG_SESSION_DB}"')
        yield _pg_url(port, PG_SESSION_DB)
    finally:
        if started:
            pg_ctl("-m", "immediate", "-w", "stop")
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_url: str) -> Iterator[str]:
    """A fresh, empty database in the session cluster, dropped after the test."""
    port = _port_of(postgres_url)
    name = f"t_{uuid.uuid4().hex}"
    _admin_execute(port, f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(port, name)
    finally:
        # FORCE ends connections a test left open (e.g. an undisposed engine).
        _admin_execute(port, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- Chromium ----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(
            f"Chromium not found at {CHROMIUM}; install Debian's chromium to run the browser tests"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed; pip install -e '.[dev]'")

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
