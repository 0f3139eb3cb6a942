"""How long the first draft check in the web app takes after the vault is unlocked.

    .venv/bin/python bench/first_check.py [--runs N] [--delays 0,2]

Each run is a fresh process (the checker is built once per process): it makes a vault,
builds the web app, unlocks (which starts the checker loading in the background), waits
`delay` seconds (the time a person takes to reach the pause and paste a message), then
times one POST /pause/check through the whole app, page and all. The same run without
the background start (the vault's `on_open` left empty) is the floor: what the first
check cost before. Medians over N runs per delay; writes bench/out/first_check.json.
Goal (issue 16): the first check answers within 300 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from typing import Any

from harness import report

GOAL_MS = 300.0
DRAFT = "You never answer me. Whatever, I guess I don't matter to you at all."

_RUN = """
import json, re, sys, tempfile, time
from pathlib import Path
from starlette.testclient import TestClient
from clearheart.services.workspace import Workspace
from clearheart.web.app import create_app
from clearheart.web.routes.unlock import launch_path
from clearheart.web.state import AppState

delay, warm, draft = float(sys.argv[1]), sys.argv[2] == "1", sys.argv[3]
home = Path(tempfile.mkdtemp()) / "home"
Workspace.create(home, "a bench passphrase here").close()
state = AppState(home=home, unlock_delay=0.0)
if not warm:
    state.on_open = lambda: None
client = TestClient(create_app(state), base_url="http://127.0.0.1:8765")
state.unlock("a bench passphrase here")
opened = time.perf_counter()
assert client.get(launch_path(state.launch_token), follow_redirects=False).status_code == 303
csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/pause").text).group(1)
time.sleep(max(0.0, delay - (time.perf_counter() - opened)))
start = time.perf_counter()
page = client.post("/pause/check", data={"draft": draft, "csrf": csrf},
                   headers={"Origin": "http://127.0.0.1:8765"})
took = time.perf_counter() - start
assert page.status_code == 200, page.status_code
print(json.dumps({"ms": took * 1000}))
"""


def one(delay: float, warm: bool) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(delay), "1" if warm else "0", DRAFT],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(done.stdout.strip().splitlines()[-1])["ms"])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delays", default="0,2", help="seconds after unlock, comma-separated")
    args = parser.parse_args()
    result: dict[str, Any] = {"runs": args.runs, "goal_ms": GOAL_MS, "delays": {}}
    for delay in (float(d) for d in args.delays.split(",")):
        warm = [one(delay, True) for _ in range(args.runs)]
        cold = [one(delay, False) for _ in range(args.runs)]
        result["delays"][f"{delay:g}s"] = {
            "warmed_median_ms": round(statistics.median(warm), 1),
            "warmed_max_ms": round(max(warm), 1),
            "not_warmed_median_ms": round(statistics.median(cold), 1),
            "ratio_to_not_warmed": round(statistics.median(warm) / statistics.median(cold), 3),
            "goal_met": statistics.median(warm) <= GOAL_MS,
        }
    report("first_check", result)


if __name__ == "__main__":
    main()
