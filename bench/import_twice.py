"""Importing the same 1,000,000-message export twice, the second time under another name.

The second import is recognised by its content and merged (adding nothing), so
its cost is the first import's parse and write plus the comparison and the
merge check. Each run is a fresh child process and vault: the first import's
seconds, the second's, their ratio, and the process's peak memory (both
imports). Medians of --runs runs.

    .venv/bin/python bench/import_twice.py [--messages N] [--runs K]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

TWICE = r"""
import os, shutil, sys, time
from pathlib import Path
from clearheart.services.workspace import Workspace
from clearheart.store.vault import Vault
export, home = Path(sys.argv[1]), Path(sys.argv[2])
home.mkdir()
copy = export.with_name("copy of the chat.txt")
shutil.copyfile(export, copy)
workspace = Workspace(Vault.open_with_key(home, os.urandom(32)))
start = time.perf_counter()
first = workspace.chats.import_chat(export, me="Alex Rivera")
middle = time.perf_counter()
second = workspace.chats.import_chat(copy, me="Alex Rivera")
end = time.perf_counter()
assert second.chat_id == first.chat_id and second.messages == 0, second
assert len(workspace.chats.chats()) == 1
workspace.close()
print(middle - start, end - middle)
"""


def once(export: Path, home: Path) -> tuple[float, float, float]:
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", TWICE,
                           str(export), str(home)], check=True, capture_output=True, text=True)
    first, second = map(float, proc.stdout.split()[-2:])
    return first, second, int(proc.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from gen_whatsapp import generate

    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "WhatsApp Chat with Sam.txt"
        generate(export, args.messages)
        runs = [once(export, Path(tmp) / f"vault{n}") for n in range(args.runs)]
        for first, second, peak in runs:
            print(f"run: first {first:.2f} s, second {second:.2f} s, "
                  f"ratio {second / first:.2f}, peak {peak:.0f} MB")
        first = statistics.median(r[0] for r in runs)
        second = statistics.median(r[1] for r in runs)
        ratio = statistics.median(r[1] / r[0] for r in runs)
        print(f"median: first {first:.2f} s, second {second:.2f} s, "
              f"second/first {ratio:.2f} (same run), peak {max(r[2] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
