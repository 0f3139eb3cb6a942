"""Peak memory of `patterns` on a long chat, beside the import of that same chat.

    .venv/bin/python bench/pattern_memory.py [--messages N] [--seed S] [--runs R]

Builds a vault holding one generated two-person WhatsApp chat of N messages (default
10,000,000; gen_whatsapp.py, deterministic for a seed) and keeps it under
bench/out/pattern_memory/ keyed by N and seed, because writing and importing ten million
messages takes many minutes. The import runs once, in a child process, when the vault is
built; its peak RSS is kept beside the vault as the peer figure: the same messages, read
once, by the other big job on a chat.

Then, R times (default 3), a fresh child process opens the vault with its data key (no
Argon2id: its 128 MiB would hide what the patterns take), drops any report kept from a
run before, and works out the report exactly as `clearheart patterns` does
(PatternService.report). Each child reports its own peak RSS (getrusage) and wall time.
Prints the median peak, the import's peak and their ratio; writes
bench/out/pattern_memory.json. Goal (issue 10): at most 400 MB at 10M messages.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import OUT, report

HERE = Path(__file__).resolve().parent
GOAL_MB = 400.0
ME = "Alex Rivera"

IMPORT = r"""
import json, os, resource, sys, time
from pathlib import Path
from clearheart.services.workspace import Workspace
from clearheart.store.vault import Vault
export, home, key = Path(sys.argv[1]), Path(sys.argv[2]), bytes.fromhex(sys.argv[3])
home.mkdir()
workspace = Workspace(Vault.open_with_key(home, key))
start = time.perf_counter()
summary = workspace.chats.import_chat(export, me=sys.argv[4])
elapsed = time.perf_counter() - start
workspace.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "messages": summary.messages, "peak_mb": peak}))
"""

PATTERNS = r"""
import json, os, resource, sys, time
from pathlib import Path
from clearheart.services.patterns import PatternService
from clearheart.services.workspace import Workspace
from clearheart.store.vault import Vault
home, key = Path(sys.argv[1]), bytes.fromhex(sys.argv[2])
workspace = Workspace(Vault.open_with_key(home, key))
with workspace.chats.repo.engine.begin() as conn:
    conn.exec_driver_sql("DELETE FROM pattern_reports")
(chat,) = workspace.chats.chats()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
report = PatternService(workspace.chats, workspace.journal).report(chat.id)
elapsed = time.perf_counter() - start
workspace.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "messages": report.basis.messages, "peak_mb": peak,
                  "opened_mb": before}))
"""


def child(code: str, *args: str) -> dict[str, float]:
    """Run code in a fresh interpreter that imports this worktree; its JSON line."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, env=env)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def vault(messages: int, seed: int) -> tuple[Path, bytes, dict[str, float]]:
    """The cached vault for (messages, seed), built (and its import measured) if missing."""
    folder = OUT / "pattern_memory" / f"n{messages}-s{seed}"
    home, facts = folder / "home", folder / "import.json"
    if not facts.exists():
        sys.path.insert(0, str(HERE))
        from gen_whatsapp import generate

        if home.exists():
            raise SystemExit(f"{home} is left from an interrupted build: remove it first")
        folder.mkdir(parents=True, exist_ok=True)
        key = os.urandom(32)
        with tempfile.TemporaryDirectory() as tmp:
            export = Path(tmp) / "WhatsApp Chat with Sam.txt"
            print(f"writing a {messages:,}-message export ...", flush=True)
            generate(export, messages, seed=seed)
            print("importing it (measured once, kept) ...", flush=True)
            imported = child(IMPORT, str(export), str(home), key.hex(), ME)
        facts.write_text(json.dumps({"key": key.hex(), **imported}, indent=2) + "\n")
    kept = json.loads(facts.read_text())
    return home, bytes.fromhex(kept.pop("key")), kept


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    home, key, imported = vault(args.messages, args.seed)
    runs = [child(PATTERNS, str(home), key.hex()) for _ in range(args.runs)]
    peak = statistics.median(r["peak_mb"] for r in runs)
    result = {
        "messages": args.messages,
        "seed": args.seed,
        "patterns": {
            "median_peak_mb": peak,
            "peaks_mb": [r["peak_mb"] for r in runs],
            "opened_vault_mb": statistics.median(r["opened_mb"] for r in runs),
            "median_s": statistics.median(r["seconds"] for r in runs),
            "runs": len(runs),
        },
        "peer_import": imported,
        "ratio_patterns_to_import_peak": peak / imported["peak_mb"],
        "goal_mb": GOAL_MB,
        "meets_goal": peak <= GOAL_MB if args.messages >= 10_000_000 else None,
    }
    report("pattern_memory", result)


if __name__ == "__main__":
    main()
