"""Run the real `clearheart` command in a subprocess, as scripts would, or its `main()` in
this process (`call_main`) where a test makes many calls."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from in_process import Result, run_main  # type: ignore[import-not-found]

PASSPHRASE = "correct horse battery"


Run = Callable[..., Result]


def _env(home: Path, **extra: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLEARHEART_")}
    env.update({"CLEARHEART_HOME": str(home), "CLEARHEART_PASSPHRASE": PASSPHRASE})
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """`run(*args, input=..., home=..., **ENV)` → Result. Home defaults to tmp_path/home."""

    def call(*args: str, input: str | None = None, home: Path | None = None,
             **env: str | None) -> Result:
        proc = subprocess.run(
            [sys.executable, "-m", "clearheart", *args],
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            env=_env(home or tmp_path / "home", **env),
            timeout=60,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return call


@pytest.fixture
def call_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """`call_main(*args, input=...)` → Result: the CLI's `main()` run in this process."""

    def call(*args: str, input: str = "") -> Result:
        return run_main(monkeypatch, capsys, args, io.StringIO(input))

    return call


@pytest.fixture
def vault(call_main: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`call_main` on a new vault at tmp_path/home, its passphrase in the environment."""
    monkeypatch.setenv("CLEARHEART_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
    assert call_main("init").code == 0
    return call_main
