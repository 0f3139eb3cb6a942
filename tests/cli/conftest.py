"""Run the real `clearheart` command in a subprocess, as scripts would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSPHRASE = "correct horse battery"


@dataclass
class Result:
    code: int
    out: str
    err: str


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
