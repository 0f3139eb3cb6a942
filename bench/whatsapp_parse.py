"""Parsing a 1,000,000-message WhatsApp export, beside the one-regex-per-line floor.

The floor is the least any line-based parser does: read the file as text and
apply one compiled regular expression (date, time, sender, text) to every
line, building nothing. Ours does the whole job: find the chat, learn the line
format and the date order, then produce every message's time, sender, kind,
text and edited flag as Columns, the form the import hands to the store. Both
run in the same process, interleaved, on the same generated file; the peak
memory of a parse is measured in a fresh process.

    .venv/bin/python bench/whatsapp_parse.py [--messages N] [--variant NAME] [--runs R]
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from clearheart.importers import whatsapp
from gen_whatsapp import VARIANTS, generate
from harness import report

FLOOR = re.compile(
    r"\u200e*\[?(\d{1,4})[./-](\d{1,2})[./-](\d{1,4}),? (\d{1,2}):(\d\d)(?::\d\d)?"
    r"(?:[ \u00a0\u202f]?[AaPp]\.?[ \u00a0\u202f]?[Mm]\.?)?\]?(?: -|:)? ([^:]+): (.*)"
)
"""One message line: date, time, sender and text, as a straightforward parser writes it."""

_PEAK = """
import resource, sys
from pathlib import Path
from clearheart.importers import whatsapp
count = sum(len(batch) for batch in whatsapp.open_source(Path(sys.argv[1])).columns())
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def floor(path: Path) -> int:
    matched = 0
    match = FLOOR.match
    with path.open(encoding="utf-8") as text:
        for line in text:
            if match(line) is not None:
                matched += 1
    return matched


def ours(path: Path) -> int:
    return sum(len(batch) for batch in whatsapp.open_source(path).columns())


def timed(fn: Callable[[Path], int], path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = fn(path)
    return time.perf_counter() - start, result


def peak_rss_mb(path: Path) -> tuple[int, float]:
    src = Path(__file__).resolve().parents[1] / "src"
    out = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(src)})
    count, kib = out.stdout.split()
    return int(count), int(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--variant", default="android-24h-dmy", choices=sorted(VARIANTS))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "WhatsApp Chat with Sam.txt"
        start = time.perf_counter()
        size = generate(path, args.messages, variant=args.variant)
        generated_s = time.perf_counter() - start
        floor_s: list[float] = []
        ours_s: list[float] = []
        timed(floor, path)  # warm the page cache and the regex caches
        for _ in range(args.runs):
            seconds, lines = timed(floor, path)
            floor_s.append(seconds)
            seconds, count = timed(ours, path)
            ours_s.append(seconds)
            assert count == args.messages, (count, args.messages)
        parsed, rss_mb = peak_rss_mb(path)
        base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    med_floor, med_ours = statistics.median(floor_s), statistics.median(ours_s)
    report("whatsapp_parse", {
        "goal": "parser at most about 2x the one-regex-per-line floor; memory flat",
        "variant": args.variant,
        "messages": args.messages,
        "file_mb": round(size / 1e6, 1),
        "generate_s": round(generated_s, 2),
        "floor_lines_matched": lines,
        "floor_s": {"median": round(med_floor, 3), "min": round(min(floor_s), 3),
                    "runs": floor_s},
        "ours_s": {"median": round(med_ours, 3), "min": round(min(ours_s), 3), "runs": ours_s},
        "ratio_median": round(med_ours / med_floor, 2),
        "ratio_min": round(min(ours_s) / min(floor_s), 2),
        "messages_per_s": round(args.messages / med_ours),
        "parse_peak_rss_mb": round(rss_mb, 1),
        "parse_peak_messages": parsed,
        "bench_process_rss_mb": round(base_rss, 1),
    })


if __name__ == "__main__":
    main()
