"""Cold start of `clearheart --help` (goal: under 0.3 s), beside the interpreter's own floor.

Each run is a fresh process, as a person typing the command gets. The floor is
`python -c pass` with the same interpreter; the peer is `python -c "import click"`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import report, summary, timings

RUNS = 21
BIN = Path(sys.executable).with_name("clearheart")


def main() -> None:
    ours = timings(lambda: subprocess.run([str(BIN), "--help"], check=True,
                                          stdout=subprocess.DEVNULL), RUNS, warmup=2)
    floor = timings(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), RUNS, 2)
    peer = timings(lambda: subprocess.run([sys.executable, "-c", "import click"], check=True),
                   RUNS, 2)
    s_ours, s_floor, s_peer = summary(ours), summary(floor), summary(peer)
    report("cli_help", {
        "goal": "median under 300 ms",
        "clearheart_help": s_ours,
        "floor_python_pass": s_floor,
        "peer_import_click": s_peer,
        "ratio_to_floor": s_ours["median_ms"] / s_floor["median_ms"],
        "ratio_to_click_import": s_ours["median_ms"] / s_peer["median_ms"],
        "meets_goal": s_ours["median_ms"] < 300,
    })


if __name__ == "__main__":
    main()
