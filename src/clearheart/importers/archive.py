"""Safe reading of an export (one file, a folder or a zip): every importer reads through here.

Exports come from strangers' phones and from the internet's "chat analyser"
forums, so a file is never trusted: zip members are refused when their names
climb out of the archive (`../x`), are absolute, or are symbolic links; the
central directory's real size is checked against the file and a cap, and its
members counted, *before* Python's zipfile reads it into memory (the count the
end record declares is never trusted); unpacked bytes are counted
while reading (never taken from the headers) against an absolute cap and a
packed/unpacked ratio cap, so a zip bomb stops after a few megabytes. Text is
decoded in chunks of whole lines, which keeps memory flat, lets a line longer
than `Limits.max_line_chars` be refused without reading it all, and lets
invalid UTF-8 be reported with its line.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import BinaryIO, Literal, NamedTuple

from clearheart.importers.base import ImportProblem, Limits

CHUNK_BYTES = 1 << 20
DEFAULT_LIMITS = Limits()
RATIO_FLOOR_BYTES = 1 << 20
"""A member may always unpack to this much, whatever its ratio: tiny files compress oddly."""
_DRIVE = re.compile(r"^[A-Za-z]:")
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class Chunk(NamedTuple):
    """Whole lines of text, each ending in "\\n"; `line` is the number of the first one."""

    line: int
    text: str


def where(path: Path, member: str | None) -> Path:
    """How a file inside an export is named in messages: `export.zip/_chat.txt`."""
    return path if member is None else path / member


def _check_member_name(path: Path, name: str) -> None:
    parts = re.split(r"[/\\]", name)
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        raise ImportProblem(path, f"the archive holds a file with an absolute path ({name!r})")
    if ".." in parts:
        raise ImportProblem(path, f"the archive holds a file whose name leaves it ({name!r})")
    if "\x00" in name:
        raise ImportProblem(path, f"the archive holds a file with a broken name ({name!r})")


_CD_RECORD = b"PK\x01\x02"
_CD_FIXED = struct.Struct("<4s24xHHH12x")
"""A central directory record's signature and its name, extra and comment lengths."""


def _directory_span(path: Path, raw: BinaryIO, size: int) -> tuple[int, int]:
    """Where the central directory really lies: (start, length), from the end record.

    Its length is taken from the end record (or the zip64 one) and must fit in the
    file before the end record, which is also where zipfile looks for it.
    """
    tail_len = min(size, 22 + 0xFFFF + 20)
    raw.seek(size - tail_len)
    tail = raw.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or at + 22 > len(tail):
        raise ImportProblem(
            path, "this zip file is damaged or incomplete (no directory at its end)")
    end = size - tail_len + at
    length = struct.unpack_from("<I", tail, at + 12)[0]
    if length == 0xFFFFFFFF or (at >= 20 and tail[at - 20 : at - 16] == _EOCD64_LOCATOR):
        if at < 20 or tail[at - 20 : at - 16] != _EOCD64_LOCATOR:
            raise ImportProblem(path, "this zip file is damaged (bad zip64 directory)")
        offset = struct.unpack_from("<Q", tail, at - 20 + 8)[0]
        if offset + 56 > size:
            raise ImportProblem(path, "this zip file is damaged (bad zip64 directory)")
        raw.seek(offset)
        record = raw.read(56)
        if record[:4] != _EOCD64:
            raise ImportProblem(path, "this zip file is damaged (bad zip64 directory)")
        length = struct.unpack_from("<Q", record, 40)[0]
        end = end - 20 - 56
    if length > end:
        raise ImportProblem(path, "this zip file is damaged (its directory is larger than "
                                  "the file)")
    return end - length, length


def _zip_entry_count(path: Path, limits: Limits) -> None:
    """Refuse an archive with too many members before zipfile reads its directory.

    The count in the end record is not trusted (zipfile ignores it too): the
    directory's size is checked against the file and `max_zip_directory_bytes`,
    then its records are walked and counted, reading only their fixed headers.
    """
    size = path.stat().st_size
    with path.open("rb") as raw:
        start, length = _directory_span(path, raw, size)
        if length > limits.max_zip_directory_bytes:
            raise ImportProblem(
                path, f"the archive's directory is larger than {limits.max_zip_directory_bytes} "
                      "bytes")
        raw.seek(start)
        directory = raw.read(length)
    entries, at = 0, 0
    while at + _CD_FIXED.size <= len(directory):
        signature, name, extra, comment = _CD_FIXED.unpack_from(directory, at)
        if signature != _CD_RECORD:
            break
        entries += 1
        at += _CD_FIXED.size + name + extra + comment
    if entries > limits.max_zip_members:
        raise ImportProblem(
            path,
            f"the archive holds {entries} files, more than the limit of {limits.max_zip_members}",
        )


def open_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """A zipfile.ZipFile over `path`, once its real directory is known to be within limits.

    Every place that opens a zip (reading an export, and each importer's `sniff`)
    goes through here. ImportProblem when it is over a limit or unreadable.
    """
    _zip_entry_count(path, limits)
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            struct.error, NotImplementedError) as error:
        raise ImportProblem(path, f"this zip file cannot be read ({error})") from None


class _Counter:
    """Unpacked bytes read so far from one export, against its caps."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.total = 0

    def add(self, n: int) -> None:
        self.total += n
        if self.total > self.limits.max_zip_unpacked_bytes:
            raise ImportProblem(
                self.path,
                f"the archive unpacks to more than {self.limits.max_zip_unpacked_bytes} bytes "
                "(a zip bomb?)",
            )


class _CappedMember(io.RawIOBase):
    """A zip member's bytes, counted while read: refuses absolute and ratio overruns."""

    def __init__(self, inner: BinaryIO, info: zipfile.ZipInfo, label: Path, counter: _Counter,
                 limits: Limits) -> None:
        self._inner = inner
        self._label = label
        self._counter = counter
        self._read = 0
        self._cap = min(limits.max_file_bytes,
                        max(RATIO_FLOOR_BYTES, info.compress_size * limits.max_zip_ratio))
        self._ratio_bound = self._cap < limits.max_file_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise ImportProblem(
                self._label, f"this file in the archive is damaged ({error})"
            ) from None
        n = len(data)
        self._read += n
        if self._read > self._cap:
            cap = "its packed size allows" if self._ratio_bound else "the size limit allows"
            raise ImportProblem(
                self._label, f"it unpacks to more than the {self._cap} bytes {cap} (a zip bomb?)"
            )
        self._counter.add(n)
        buffer[:n] = data
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


class _CappedFile(io.RawIOBase):
    """A plain file's bytes, counted while read against `max_file_bytes` (it may be growing)."""

    def __init__(self, inner: BinaryIO, label: Path, limits: Limits) -> None:
        self._inner = inner
        self._label = label
        self._limit = limits.max_file_bytes
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = self._inner.readinto(buffer)  # type: ignore[attr-defined]
        self._read += n
        if self._read > self._limit:
            raise ImportProblem(self._label, f"the file is larger than {self._limit} bytes")
        return int(n)

    def close(self) -> None:
        self._inner.close()
        super().close()


class Export:
    """One export as a person hands it to us: a file, a folder or a zip. Use it with `with`."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self._zip: zipfile.ZipFile | None = None
        self._names: list[str] | None = None
        self._counter = _Counter(path, limits)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise ImportProblem(path, "there is no such file or folder") from None
        except OSError as error:
            raise ImportProblem(path, f"the file cannot be read ({error.strerror})") from None
        self.kind: Literal["file", "folder", "zip"]
        if stat.S_ISDIR(mode):
            self.kind = "folder"
        elif not stat.S_ISREG(mode):
            raise ImportProblem(path, "this is not a regular file or folder")
        elif is_zip(path):
            self.kind = "zip"
            self._open_zip()
        else:
            self.kind = "file"
            if path.stat().st_size > limits.max_file_bytes:
                raise ImportProblem(path, f"the file is larger than {limits.max_file_bytes} bytes")

    def _open_zip(self) -> None:
        archive = open_zip(self.path, self.limits)
        self._zip = archive
        names: list[str] = []
        for info in archive.infolist():
            _check_member_name(self.path, info.filename)
            kind = (info.external_attr >> 16) & 0o170000
            if kind == stat.S_IFLNK:
                archive.close()
                raise ImportProblem(
                    self.path, f"the archive holds a symbolic link ({info.filename!r})"
                )
            if info.flag_bits & 0x1:
                archive.close()
                raise ImportProblem(
                    self.path, f"{info.filename!r} in the archive is password-protected"
                )
            if not info.is_dir():
                names.append(info.filename)
        self._names = names

    def __enter__(self) -> Export:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def names(self) -> list[str]:
        """The files inside, as relative POSIX paths; a single file is `[its name]`."""
        if self._names is None:
            if self.kind == "file":
                self._names = [self.path.name]
            else:
                self._names = self._walk()
        return list(self._names)

    def _walk(self) -> list[str]:
        found: list[str] = []
        for root, dirs, files in os.walk(self.path, followlinks=False):
            for name in [*dirs, *files]:
                full = Path(root, name)
                if full.is_symlink():
                    raise ImportProblem(self.path, f"the folder holds a symbolic link ({full})")
            for name in files:
                found.append(Path(root, name).relative_to(self.path).as_posix())
                if len(found) > self.limits.max_zip_members:
                    raise ImportProblem(
                        self.path,
                        f"the folder holds more than {self.limits.max_zip_members} files",
                    )
        return sorted(found)

    def label(self, name: str) -> Path:
        """The path to name in messages about member `name`."""
        return self.path if self.kind == "file" else where(self.path, name)

    def open_bytes(self, name: str) -> io.BufferedReader:
        """A capped binary stream of one member (or of the file itself)."""
        label = self.label(name)
        if self.kind == "zip":
            assert self._zip is not None
            if name not in (self._names or []):
                raise ImportProblem(label, "there is no such file in the archive")
            info = self._zip.getinfo(name)
            try:
                inner: BinaryIO = self._zip.open(info)  # type: ignore[assignment]
            except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError) as error:
                raise ImportProblem(
                    label, f"this file in the archive cannot be read ({error})"
                ) from None
            return io.BufferedReader(_CappedMember(inner, info, label, self._counter, self.limits),
                                     CHUNK_BYTES)
        target = self.path if self.kind == "file" else self.path / name
        if self.kind == "folder":
            if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
                raise ImportProblem(label, "that name leaves the folder")
            if target.is_symlink():
                raise ImportProblem(label, "this is a symbolic link")
        try:
            raw = target.open("rb", buffering=0)
        except OSError as error:
            raise ImportProblem(label, f"the file cannot be read ({error.strerror})") from None
        return io.BufferedReader(_CappedFile(raw, label, self.limits), CHUNK_BYTES)

    def head(self, name: str, size: int = 4096) -> bytes:
        """The first `size` bytes of a member: for cheap sniffing."""
        with self.open_bytes(name) as stream:
            return stream.read(size)

    def size(self, name: str) -> int:
        """The size a member declares (untrusted: only for choosing, never for safety)."""
        if self.kind == "zip":
            assert self._zip is not None
            return self._zip.getinfo(name).file_size
        target = self.path if self.kind == "file" else self.path / name
        return target.stat().st_size

    def chunks(self, name: str) -> Iterator[Chunk]:
        """Decoded text in chunks of whole lines; see `read_chunks`."""
        with self.open_bytes(name) as stream:
            yield from read_chunks(stream, self.label(name), self.limits)

    def lines(self, name: str, keepends: bool = False) -> Iterator[tuple[int, str]]:
        """(line number, text) for every line of a member, BOM removed, CRLF made LF."""
        for chunk in self.chunks(name):
            number = chunk.line
            pieces = chunk.text.split("\n")
            pieces.pop()
            for piece in pieces:
                yield number, piece + "\n" if keepends else piece
                number += 1

    def read_text(self, name: str) -> str:
        """A whole member as text, for formats that are one document (JSON)."""
        return "".join(chunk.text for chunk in self.chunks(name))


def is_zip(path: Path) -> bool:
    """True when the file starts like a zip archive (cheap: four bytes)."""
    try:
        with path.open("rb") as raw:
            return raw.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False


def read_chunks(stream: BinaryIO, label: Path, limits: Limits) -> Iterator[Chunk]:
    """Decode UTF-8 text into chunks of whole lines, every one ending in "\\n".

    A chunk never ends inside a line, so callers can match line starts with
    one regular expression over the whole chunk. The leading BOM goes, CRLF
    becomes LF, a last line without a newline gets one. A line longer than
    `limits.max_line_chars` or bytes that are not UTF-8 raise ImportProblem
    naming the line. Chunks read at most `max_line_chars` bytes at a time, so
    any line that fits inside one read is short enough and only a line that
    straddles reads needs measuring.
    """
    step = max(1, min(CHUNK_BYTES, limits.max_line_chars))
    carry = b""
    line = 1
    first = True
    while True:
        data = stream.read(step)
        if first:
            first = False
            if not data:
                raise ImportProblem(label, "the file is empty")
            if data.startswith(_UTF16_BOMS):
                raise ImportProblem(label, "the file is saved as UTF-16; it must be UTF-8 text")
            if data.startswith(codecs.BOM_UTF8):
                data = data[3:]
        if not data:
            if carry:
                text = _decode(carry + b"\n", label, line, limits)
                if len(text) - 1 > limits.max_line_chars:
                    raise _too_long(label, line, limits)
                yield Chunk(line, text)
            return
        end = data.rfind(b"\n")
        if end < 0:
            carry += data
            if len(carry) > 4 * limits.max_line_chars:
                raise _too_long(label, line, limits)
            continue
        block = carry + data[: end + 1] if carry else data[: end + 1]
        straddled = bool(carry)
        carry = data[end + 1 :]
        text = _decode(block, label, line, limits)
        if straddled and text.find("\n") > limits.max_line_chars:
            raise _too_long(label, line, limits)
        yield Chunk(line, text)
        line += text.count("\n")


def _too_long(label: Path, line: int, limits: Limits) -> ImportProblem:
    return ImportProblem(label, f"the line is longer than {limits.max_line_chars} characters",
                         line=line)


def _decode(block: bytes, label: Path, line: int, limits: Limits) -> str:
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = line + block.count(b"\n", 0, error.start)
        column = error.start - (block.rfind(b"\n", 0, error.start) + 1) + 1
        raise ImportProblem(
            label,
            f"the text is not valid UTF-8 (byte 0x{block[error.start]:02x} at column {column})",
            line=bad_line,
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text
