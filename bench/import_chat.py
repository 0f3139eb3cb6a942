"""Importing a 1,000,000-message WhatsApp export: us, the floor and the peers, in one run.

- floors: a plain Python loop applying one compiled regex to every line and
  keeping each message's fields (the issue's loop: "about 1 s"), and, stricter,
  the same loop only testing whether each line matches;
- ours: `ChatService.import_chat` into a fresh SQLCipher vault (parse, encrypt,
  store, index), in a child process so its peak memory is its own;
- whatstk 0.9.1 (`df_from_whatsapp`) and, with --chat-miner, chat-miner 0.6.0,
  each in a child process of a separate virtual environment (bench/.peers,
  created on first use), so the project never depends on them.

Goals (issue 3): ours ≤ 5× the one-regex loop, ≥ 4× faster than whatstk, peak
memory under 400 MB. Each figure is the median of --runs runs; both floors and
both ratios are printed.

    .venv/bin/python bench/import_chat.py [--messages N] [--runs K] [--chat-miner]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import report

HERE = Path(__file__).resolve().parent
PEERS = HERE / ".peers"
PEER_PACKAGES = ("whatstk==0.9.1", "chat-miner==0.6.0")

FLOOR = r"""
import re, sys, time
line_re = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4}), (\d{1,2}):(\d{2}) - ([^:]+): (.*)$")
start = time.perf_counter()
rows = []
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        match = line_re.match(line)
        if match:
            rows.append(match.groups())
print(time.perf_counter() - start, len(rows))
"""

MATCH_ONLY = r"""
import re, sys, time
line_re = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4}), (\d{1,2}):(\d{2}) - ([^:]+): (.*)$")
start = time.perf_counter()
n = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        if line_re.match(line):
            n += 1
print(time.perf_counter() - start, n)
"""

OURS = r"""
import os, sys, time
from pathlib import Path
from clearheart.services.workspace import Workspace
from clearheart.store.vault import Vault
home = Path(sys.argv[2])
home.mkdir()
workspace = Workspace(Vault.open_with_key(home, os.urandom(32)))
start = time.perf_counter()
summary = workspace.chats.import_chat(Path(sys.argv[1]), me="Alex Rivera")
elapsed = time.perf_counter() - start
workspace.close()
print(elapsed, summary.messages)
"""

WHATSTK = r"""
import sys, time
from whatstk import df_from_whatsapp
start = time.perf_counter()
df = df_from_whatsapp(sys.argv[1], max_size=None)
print(time.perf_counter() - start, len(df))
"""

CHAT_MINER = r"""
import sys, time, logging
logging.disable(logging.CRITICAL)
from chatminer.chatparsers import WhatsAppParser
start = time.perf_counter()
parser = WhatsAppParser(sys.argv[1])
parser.parse_file()
df = parser.parsed_messages.get_df()
print(time.perf_counter() - start, len(df))
"""


def peers_python() -> Path:
    python = PEERS / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES],
                       check=True)
    return python


def peak_of(python: str, code: str, *args: str) -> tuple[float, int, float]:
    """Run code in a fresh process: (seconds and count it reports, its own peak RSS in MB)."""
    if not Path("/usr/bin/time").exists():
        raise SystemExit("This benchmark needs GNU time: apt-get install time")
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", python, "-c", code, *args], check=True,
                          capture_output=True, text=True)
    seconds, count = proc.stdout.split()[-2:]
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return float(seconds), int(count), peak_kb / 1024


def median_of(runs: int, fn) -> dict[str, float]:  # type: ignore[no-untyped-def]
    samples = [fn() for _ in range(runs)]
    return {"median_s": statistics.median(s[0] for s in samples),
            "messages": samples[0][1],
            "peak_mb": max(s[2] for s in samples)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chat-miner", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from gen_whatsapp import generate

    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "WhatsApp Chat with Sam.txt"
        generate(export, args.messages)
        size_mb = export.stat().st_size / 1e6
        counter = iter(range(1000))
        floor = median_of(args.runs, lambda: peak_of(sys.executable, FLOOR, str(export)))
        strict = median_of(args.runs, lambda: peak_of(sys.executable, MATCH_ONLY, str(export)))
        ours = median_of(args.runs, lambda: peak_of(
            sys.executable, OURS, str(export), str(Path(tmp) / f"vault{next(counter)}")))
        peer_python = str(peers_python())
        whatstk = median_of(args.runs, lambda: peak_of(peer_python, WHATSTK, str(export)))
        result = {
            "export_mb": round(size_mb, 1),
            "floor_one_regex_per_line_keeping_fields": floor,
            "floor_match_only": strict,
            "ours_full_import": ours,
            "whatstk_0_9_1": whatstk,
            "ratio_ours_to_floor": ours["median_s"] / floor["median_s"],
            "ratio_ours_to_match_only": ours["median_s"] / strict["median_s"],
            "speedup_vs_whatstk": whatstk["median_s"] / ours["median_s"],
        }
        if args.chat_miner:
            miner = median_of(1, lambda: peak_of(peer_python, CHAT_MINER, str(export)))
            result["chat_miner_0_6_0"] = miner
            result["speedup_vs_chat_miner"] = miner["median_s"] / ours["median_s"]
        result["meets_goals"] = {
            "at_most_5x_floor": result["ratio_ours_to_floor"] <= 5,
            "at_least_4x_faster_than_whatstk": result["speedup_vs_whatstk"] >= 4,
            "peak_under_400_mb": ours["peak_mb"] < 400,
        }
    report("import_chat", result)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
