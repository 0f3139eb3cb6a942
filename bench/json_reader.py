"""The importers' own JSON reader beside ijson's C backend (issue 11, section 5).

Reads the `messages` array of a Telegram-shaped export one record at a time, the way
the importers do, with three readers:

- `ours`: `importers.json_stream.JsonReader` (iter_object / iter_array / value),
- `ijson`: `ijson.items(..., "messages.item")` on the yajl2_c backend, no caps,
- `ijson_capped`: ijson's event stream (yajl2_c) with the depth and record-size caps
  counted in Python, since ijson has none of its own; this is what a switch would run.

Speed: median of RUNS wall times over the same file, ratio to `ours` from the same run.
Memory: peak RSS of a fresh process reading the file, minus that process's RSS before
reading (so the interpreter and imports are not counted). Hostile input: what each
reader does with deep nesting, a huge string, a huge number, a cut-off file, a BOM,
invalid UTF-8 and Telegram Desktop's `\\xHH` escapes.

    .venv/bin/python bench/json_reader.py [--messages 300000] [--runs 5]

Needs `pip install ijson` (not a dependency of the project).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from clearheart.importers.base import ImportProblem, Limits
from clearheart.importers.json_stream import JsonReader
from harness import report, summary, timings

LIMITS = Limits()


def write_export(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{"name": "Sam", "type": "personal_chat", "id": 1, "messages": [\n')
        for i in range(count):
            if i:
                out.write(",\n")
            record = {
                "id": i, "type": "message", "date": "2024-01-01T10:00:00",
                "date_unixtime": str(1704103200 + i * 37), "from": "Sam" if i % 3 else "Alex",
                "from_id": "user1" if i % 3 else "user2",
                "text": f"message {i}: are we still on for tonight? ünïcode ✓",
                "text_entities": [{"type": "plain", "text": f"message {i}"}],
            }
            out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n]}\n")


def read_ours(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        reader = JsonReader(handle, path, LIMITS, repair_x_escapes=True)
        for key in reader.iter_object():
            if key != "messages":
                reader.skip()
                continue
            for _ in reader.iter_array():
                reader.value()
                count += 1
        reader.finish()
    return count


def read_ijson(path: Path) -> int:
    import ijson.backends.yajl2_c as ijson

    with path.open("rb") as handle:
        return sum(1 for _ in ijson.items(handle, "messages.item"))


def _capped_items(handle: Any) -> Iterator[Any]:
    """The records of the top-level `messages` array from ijson's basic events, with the
    depth and string-size caps. `basic_parse`, not `parse`: `parse` builds a prefix string
    per event, which grows with depth and makes deep nesting quadratic before any cap
    can see it."""
    import ijson.backends.yajl2_c as ijson
    from ijson.common import ObjectBuilder

    depth = 0
    in_messages = False
    key = None
    builder: ObjectBuilder | None = None
    for event, value in ijson.basic_parse(handle):
        if event in ("start_map", "start_array"):
            depth += 1
            if depth > LIMITS.max_json_depth:
                raise ImportProblem(Path("x"), "is nested too deep")
            if depth == 2 and event == "start_array" and key == "messages":
                in_messages = True
                continue
        elif event in ("end_map", "end_array"):
            depth -= 1
            if depth == 1 and in_messages:
                in_messages = False
                continue
        elif event == "string" and len(value) > LIMITS.max_line_chars:
            raise ImportProblem(Path("x"), "has a record that is too long")
        elif event == "map_key" and depth == 1:
            key = value
        if in_messages:
            if builder is None:
                builder = ObjectBuilder()
            builder.event(event, value)
            if depth == 2:
                yield builder.value
                builder = None


def read_ijson_capped(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in _capped_items(handle))


READERS: dict[str, Callable[[Path], int]] = {
    "ours": read_ours, "ijson": read_ijson, "ijson_capped": read_ijson_capped,
}

HOSTILE: dict[str, bytes] = {
    "deep nesting (100,000 [)": b'{"messages": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}",
    "huge string (64 MB)": b'{"messages": [{"text": "' + b"a" * (64 << 20) + b'"}]}',
    "huge number (100,000 digits)": b'{"messages": [{"id": ' + b"9" * 100_000 + b"}]}",
    "cut off": b'{"messages": [{"id": 1, "text": "hel',
    "BOM first": b'\xef\xbb\xbf{"messages": [{"id": 1}]}',
    "invalid UTF-8": b'{"messages": [{"text": "caf\xe9"}]}',
    "Telegram \\xHH escape": b'{"messages": [{"text": "bell \\x07"}]}',
}


def answer(reader: str, path: Path) -> str:
    """What `reader` does with `path`: a count, or the error's type and first line."""
    try:
        return f"read {READERS[reader](path)} record(s)"
    except ImportProblem as exc:
        return f"ImportProblem: {exc}"
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:100]}"


def hostile(timeout: float = 60) -> dict[str, dict[str, str]]:
    """Each reader's answer to each hostile file, each in a fresh process (a reader may
    crash the interpreter or run for minutes: that is a finding too)."""
    answers: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in HOSTILE.items():
            path = Path(tmp) / "result.json"
            path.write_bytes(data)
            answers[name] = {}
            for reader in READERS:
                code = ("import sys, time; sys.path.insert(0, 'bench'); import json_reader as b; "
                        "start = time.perf_counter(); "
                        f"said = b.answer({reader!r}, __import__('pathlib').Path({str(path)!r})); "
                        "print(f'{said} ({time.perf_counter() - start:.2f} s)')")
                try:
                    done = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                          text=True, timeout=timeout)
                except subprocess.TimeoutExpired:
                    answers[name][reader] = f"still running after {timeout:g} s"
                    continue
                answers[name][reader] = (done.stdout.strip() if done.returncode == 0
                                         else f"crashed (exit {done.returncode})")
    return answers


def peak_mb(reader: str, path: Path) -> float:
    """Peak RSS growth of a fresh process while `reader` reads `path`."""
    code = (
        "import resource, sys; sys.path.insert(0, 'bench'); import json_reader as b; "
        "import ijson.backends.yajl2_c; "
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
        f"b.READERS[{reader!r}](__import__('pathlib').Path({str(path)!r})); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return int(done.stdout) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "result.json"
        write_export(path, args.messages)
        assert all(read(path) == args.messages for read in READERS.values())
        speed = {name: summary(timings(lambda read=read: read(path), args.runs))
                 for name, read in READERS.items()}
        memory = {name: sorted(peak_mb(name, path) for _ in range(3))[1] for name in READERS}
        size_mb = path.stat().st_size / 1e6
    base = speed["ours"]["median_ms"]
    report("json_reader", {
        "messages": args.messages, "file_mb": round(size_mb, 1), "runs": args.runs,
        "speed": {name: {**s, "ratio_to_ours": s["median_ms"] / base} for name, s in speed.items()},
        "peak_rss_growth_mb_median_of_3": memory,
        "hostile": hostile(),
        "rss_of_this_process_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    })


if __name__ == "__main__":
    main()
