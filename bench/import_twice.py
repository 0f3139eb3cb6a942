"""Importing the same 1,000,000-message export twice, the second time under another name.

The second import is recognised by its content while it is read, and only what
is new is written: the same file again adds nothing; with --extend the first
import is the export's first 90% (an earlier export of the same chat) and the
second the whole export, so it adds the last 10%. Each run is a fresh child
process and vault: the first import's seconds, the second's, their ratio, and
the process's peak memory after the first import and after both. Medians of
--runs runs.

    .venv/bin/python bench/import_twice.py [--messages N] [--runs K] [--extend]
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
import os, resource, shutil, sys, time
from pathlib import Path
from clearheart.services.workspace import Workspace
from clearheart.store.vault import Vault
earlier, export, home = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
home.mkdir()
copy = export.with_name("copy of the chat.txt")
shutil.copyfile(export, copy)
workspace = Workspace(Vault.open_with_key(home, os.urandom(32)))
start = time.perf_counter()
first = workspace.chats.import_chat(earlier, me="Alex Rivera")
middle = time.perf_counter()
peak_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
second = workspace.chats.import_chat(copy, me="Alex Rivera")
end = time.perf_counter()
assert second.chat_id == first.chat_id and second.skipped == first.messages, second
assert (second.messages == 0) == (earlier == export), second
assert len(workspace.chats.chats()) == 1
workspace.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(middle - start, end - middle, peak_first / 1024, peak / 1024)
"""


def once(earlier: Path, export: Path, home: Path) -> tuple[float, float, float, float]:
    proc = subprocess.run([sys.executable, "-c", TWICE, str(earlier), str(export), str(home)],
                          check=True, capture_output=True, text=True)
    first, second, peak_first, peak = map(float, proc.stdout.split()[-4:])
    return first, second, peak_first, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--extend", action="store_true",
                        help="first import the first 90%% of the export, then all of it")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from gen_whatsapp import generate

    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "WhatsApp Chat with Sam.txt"
        generate(export, args.messages)
        earlier = export
        if args.extend:
            earlier = Path(tmp) / "WhatsApp Chat with Sam (earlier).txt"
            generate(earlier, args.messages * 9 // 10)
        runs = [once(earlier, export, Path(tmp) / f"vault{n}") for n in range(args.runs)]
        for first, second, peak_first, peak in runs:
            print(f"run: first {first:.2f} s, second {second:.2f} s, ratio {second / first:.2f}, "
                  f"peak after the first {peak_first:.0f} MB, after both {peak:.0f} MB")
        first = statistics.median(r[0] for r in runs)
        second = statistics.median(r[1] for r in runs)
        ratio = statistics.median(r[1] / r[0] for r in runs)
        print(f"median: first {first:.2f} s, second {second:.2f} s, "
              f"second/first {ratio:.2f} (same run), peak after the first "
              f"{max(r[2] for r in runs):.0f} MB, after both {max(r[3] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
