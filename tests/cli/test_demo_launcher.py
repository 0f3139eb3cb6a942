"""`scripts/demo` says what it is doing while it installs (issue 11: a minute of silence
reads as a hang).

The script runs from a copy of the project whose `.venv` holds stand-ins for Python
and `clearheart`, so the test installs nothing: it checks that each step is named
before it starts, that pip is left to show its own progress, and that the demo's
own output (its launch address) still comes alone on stdout.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PYTHON_STANDIN = """#!/usr/bin/env bash
echo "python $*" >> "$(dirname "$0")/calls"
echo "pip says: Collecting things"
"""
CLEARHEART_STANDIN = """#!/usr/bin/env bash
echo "http://127.0.0.1:1/unlock?k=x"
"""


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts" / "demo", root / "scripts" / "demo")
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, text in (("python", PYTHON_STANDIN), ("clearheart", CLEARHEART_STANDIN)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    return root


def test_each_step_is_named_and_pip_shows_its_progress(tmp_path: Path) -> None:
    root = _project(tmp_path)
    done = subprocess.run(
        [root / "scripts" / "demo", "--story", "calm"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )

    steps = [line for line in done.stderr.splitlines() if line.startswith("==> ")]
    assert [s.split("]")[0] for s in steps] == ["==> [1/2", "==> [2/2"], done.stderr
    assert "Installing" in steps[0] and "minutes" in steps[0]
    assert "Starting the demo" in steps[1]
    assert "pip says: Collecting things" in done.stderr
    assert done.stdout == "http://127.0.0.1:1/unlock?k=x\n"

    call = (root / ".venv" / "bin" / "calls").read_text()
    assert "-m pip install" in call
    assert "--quiet" not in call
    assert "--progress-bar on" in call
