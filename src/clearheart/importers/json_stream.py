"""Stream JSON out of an export a record at a time, with caps on depth and size.

Exports are untrusted: a JSON file can be truncated, nested thousands deep or
gigabytes long. JsonReader walks a document by hand down to the records (one
message each) and decodes each record with the stdlib's C scanner, so memory
stays flat whatever the file's size and speed stays close to `json.loads`.
Every failure is an ImportProblem naming the file and line, never a
RecursionError or a traceback. Files reach it through `importers.archive`,
which owns zip and folder safety.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from clearheart.importers.archive import Export
from clearheart.importers.base import ImportProblem, Limits

_CHUNK = 1 << 16
_WS = re.compile(r"[ \t\n\r]*")
_X_ESCAPE = re.compile(r"(\\+)x([0-9A-Fa-f]{2})")
_NUMBER_START = frozenset("-0123456789")
_NUMBER_RUN = re.compile(r"[-+0-9.eE]*")
_DECODER = json.JSONDecoder()
TOO_MANY_DIGITS = (f"has a number with more than {sys.get_int_max_str_digits():,} digits, "
                   "far too long to be a real time or id")
"""Python refuses to convert such a number (a plain ValueError, not a JSONDecodeError)."""
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class JsonReader:
    """Steps through one JSON document without holding more than one record in memory.

    `iter_object` and `iter_array` walk containers by hand (the caller consumes
    each value before asking for the next); `value` decodes a record whole,
    `skip` passes over a value of any size. Depth is checked throughout.
    """

    def __init__(
        self, handle: IO[bytes], label: Path, limits: Limits, *, repair_x_escapes: bool = False
    ) -> None:
        self._handle = handle
        self.label = label
        self._limits = limits
        self._record_cap = limits.max_line_chars
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._buf = ""
        self._pos = 0
        self._lines_before = 1
        """The line number of `_buf[0]`."""
        self._offset = 0
        """How many characters were dropped from the front of `_buf`."""
        self._eof = False
        self._started = False
        self._bytes = 0
        self.depth = 0
        self._repair = repair_x_escapes
        self.repaired = 0
        """How many invalid `\\xHH` escapes were repaired (Telegram Desktop writes them)."""

    # errors

    def problem(self, reason: str, at: int | None = None) -> ImportProblem:
        where = self._pos if at is None else at
        line = self._lines_before + self._buf.count("\n", 0, where)
        return ImportProblem(self.label, reason, line)

    # buffer

    def _fill(self) -> None:
        if self._eof:
            return
        if self._pos > _CHUNK:
            self._lines_before += self._buf.count("\n", 0, self._pos)
            self._offset += self._pos
            self._buf = self._buf[self._pos:]
            self._pos = 0
        raw = self._handle.read(_CHUNK)
        self._bytes += len(raw)
        if self._bytes > self._limits.max_file_bytes:
            raise ImportProblem(self.label, "is larger than the limit of "
                                f"{self._limits.max_file_bytes} bytes; raise "
                                "limits.max_file_bytes")
        try:
            text = self._decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            line = self._lines_before + self._buf.count("\n")
            line += exc.object.count(b"\n", 0, exc.start)
            if not raw:
                raise ImportProblem(self.label, "ends in the middle of a character; the file "
                                    "looks cut off", line) from None
            raise ImportProblem(self.label, "is not valid UTF-8 "
                                f"(byte 0x{exc.object[exc.start]:02x})", line) from None
        if not self._started:
            self._started = True
            text = text.removeprefix("\ufeff")
        if not raw:
            self._eof = True
        start = max(0, len(self._buf) - 8)
        self._buf += text
        if self._repair and self._buf.find("\\x", start) >= 0:
            self._repair_escapes(start)

    def _repair_escapes(self, start: int) -> None:
        # Telegram Desktop writes control characters as `\xHH`, which JSON does not
        # allow (tdesktop issue #27571). An odd run of backslashes is a real escape.
        while start > 0 and self._buf[start - 1] == "\\":
            start -= 1

        def fix(match: re.Match[str]) -> str:
            slashes = match.group(1)
            if len(slashes) % 2 == 0:
                return match.group(0)
            self.repaired += 1
            return f"{slashes}u00{match.group(2)}"

        self._buf = self._buf[:start] + _X_ESCAPE.sub(fix, self._buf[start:])

    def _ws(self) -> None:
        while True:
            end = _WS.match(self._buf, self._pos)
            assert end is not None
            self._pos = end.end()
            if self._pos < len(self._buf) or self._eof:
                return
            self._fill()

    def peek(self) -> str:
        """The next significant character, or "" at the end of the file."""
        self._ws()
        return self._buf[self._pos] if self._pos < len(self._buf) else ""

    def _expect(self, chars: str, what: str) -> str:
        found = self.peek()
        if found == "":
            raise self.problem("ends too early; the file looks cut off")
        if found not in chars:
            raise self.problem(f"is not valid JSON here: expected {what}, found {found!r}")
        self._pos += 1
        return found

    # containers, by hand

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > self._limits.max_json_depth:
            raise self.problem(f"is nested more than {self._limits.max_json_depth} levels "
                               "deep; raise limits.max_json_depth if it is genuine")

    def iter_object(self) -> Iterator[str]:
        """Yield each key of the object that starts here; consume its value before the next."""
        self._expect("{", "an object")
        self._enter()
        if self.peek() == "}":
            self._pos += 1
        else:
            while True:
                found = self.peek()
                if found == "":
                    raise self.problem("ends too early; the file looks cut off")
                if found != '"':
                    raise self.problem("is not valid JSON here: expected a quoted key")
                key = self._string()
                self._expect(":", "':'")
                yield key
                if self._expect(",}", "',' or '}'") == "}":
                    break
        self.depth -= 1

    def iter_array(self) -> Iterator[None]:
        """Yield once per element of the array that starts here; consume it each time."""
        self._expect("[", "an array")
        self._enter()
        if self.peek() == "]":
            self._pos += 1
        else:
            while True:
                yield None
                if self._expect(",]", "',' or ']'") == "]":
                    break
        self.depth -= 1

    def _string(self) -> str:
        while True:
            try:
                text, end = _scanstring(self._buf, self._pos + 1, True)
            except json.JSONDecodeError as exc:
                if self._eof:
                    raise self.problem(f"is not valid JSON here: {exc.msg}", exc.pos) from None
                if len(self._buf) - self._pos > self._record_cap:
                    raise self.problem(_record_too_long(self._record_cap)) from None
                self._fill()
                continue
            self._pos = end
            return str(text)

    # records

    def value(self) -> Any:
        """Decode the value that starts here, at most `max_line_chars` characters long."""
        start = self._absolute()
        decoded = self._fast(capped=True)
        if decoded is not _TOO_LONG:
            return decoded
        return self._build(start)

    def skip(self) -> None:
        """Pass over the value that starts here, however large."""
        if self._fast() is not _TOO_LONG:
            return
        if self.peek() == "{":
            for _ in self.iter_object():
                self.skip()
        elif self.peek() == "[":
            for _ in self.iter_array():
                self.skip()
        else:
            raise self.problem(_record_too_long(self._record_cap))

    def _absolute(self) -> int:
        return self._offset + self._pos

    def _build(self, start: int) -> Any:
        # The record did not fit the fast path: decode it member by member, which
        # also pinpoints a syntax error, and refuse it once it passes the cap.
        if self._absolute() - start > self._record_cap:
            raise self.problem(_record_too_long(self._record_cap))
        found = self.peek()
        if found == "{":
            result: dict[str, Any] = {}
            for key in self.iter_object():
                result[key] = self._build(start)
            return result
        if found == "[":
            items: list[Any] = []
            for _ in self.iter_array():
                items.append(self._build(start))
            return items
        decoded = self._fast(capped=True)
        if decoded is _TOO_LONG or self._absolute() - start > self._record_cap:
            raise self.problem(_record_too_long(self._record_cap))
        return decoded

    def _fast(self, *, capped: bool = False) -> Any:
        while True:
            first = self.peek()
            if first == "":
                raise self.problem("ends too early; the file looks cut off")
            try:
                decoded, end = _DECODER.raw_decode(self._buf, self._pos)
            except RecursionError:
                raise self.problem(f"is nested more than {self._limits.max_json_depth} levels "
                                   "deep; raise limits.max_json_depth if it is genuine") from None
            except json.JSONDecodeError as exc:
                if not self._eof:
                    if len(self._buf) - self._pos <= self._record_cap:
                        self._fill()
                        continue
                    return _TOO_LONG
                if exc.msg.startswith("Unterminated") or not self._buf[exc.pos:].strip():
                    raise self.problem("ends too early; the file looks cut off",
                                       len(self._buf)) from None
                raise self.problem(f"is not valid JSON here: {exc.msg}", exc.pos) from None
            except ValueError:
                raise self.problem(TOO_MANY_DIGITS) from None
            if first in _NUMBER_START and not self._eof:
                run = _NUMBER_RUN.match(self._buf, self._pos)
                if run is not None and run.end() == len(self._buf):
                    self._fill()  # the number may go on in the next chunk
                    continue
            if capped and end - self._pos > self._record_cap:
                return _TOO_LONG
            self._check_depth(decoded, self._pos, end)
            self._pos = end
            return decoded

    def _check_depth(self, decoded: Any, start: int, end: int) -> None:
        allowed = self._limits.max_json_depth - self.depth
        if self._buf.count("{", start, end) + self._buf.count("[", start, end) <= allowed:
            return
        if nesting(decoded) > allowed:
            raise self.problem(f"is nested more than {self._limits.max_json_depth} levels "
                               "deep; raise limits.max_json_depth if it is genuine", start)

    def finish(self) -> None:
        """Insist that nothing but whitespace follows the document."""
        if self.peek() != "":
            raise self.problem("has unexpected data after the end of the JSON document")


class _TooLong:
    pass


_TOO_LONG: Any = _TooLong()


def _record_too_long(cap: int) -> str:
    return (f"has a single record longer than {cap} characters; "
            "raise limits.max_line_chars if it is genuine")


def nesting(value: Any) -> int:
    """How deep a decoded JSON value nests, without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item)
    return deepest


def loads_record(text: str, label: Path, line: int, limits: Limits) -> Any:
    """Decode one JSON Lines record, with the same depth and length caps as JsonReader."""
    if len(text) > limits.max_line_chars:
        raise ImportProblem(label, _record_too_long(limits.max_line_chars), line)
    try:
        decoded = json.loads(text)
    except RecursionError:
        decoded = None
        depth_error = True
    except json.JSONDecodeError as exc:
        raise ImportProblem(label, f"is not valid JSON here: {exc.msg}", line) from None
    except ValueError:
        raise ImportProblem(label, TOO_MANY_DIGITS, line) from None
    else:
        depth_error = nesting(decoded) > limits.max_json_depth
    if depth_error:
        raise ImportProblem(label, f"is nested more than {limits.max_json_depth} levels deep; "
                            "raise limits.max_json_depth if it is genuine", line)
    return decoded



@contextmanager
def open_json(
    root: Path, name: str, limits: Limits, *, repair_x_escapes: bool = False
) -> Iterator[JsonReader]:
    """A JsonReader over one file of an export (see `archive.Export` for `root` and `name`)."""
    with Export(root, limits) as export, export.open_bytes(name) as stream:
        yield JsonReader(stream, export.label(name), limits, repair_x_escapes=repair_x_escapes)
