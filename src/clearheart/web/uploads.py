"""Receiving an uploaded chat export: streamed into a private folder, always removed after.

The folder is made with mode 0700 under /dev/shm when this computer has it, so
the plaintext export lives only in memory and never touches the disk; elsewhere
it falls back to a private folder inside the vault home, never /tmp. Whatever
happens, the caller's `with private_folder()` deletes the folder when the import
is over, and a server starting up removes those a killed server left behind.
Sizes are enforced while streaming, so an oversized body is never stored whole.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING

from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header

from clearheart.errors import InvalidInput
from clearheart.store.files import process_alive, scratch_dir

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

log = logging.getLogger("clearheart.web")

SHM = Path("/dev/shm")  # noqa: S108 - mkdtemp makes a fresh 0700 folder in it
PREFIX = "clearheart-upload-"
DEFAULT_NAME = "chat.txt"
MAX_NAME = 120
MAX_FIELDS = 10
MAX_FIELD_BYTES = 4_000
_UNSAFE = re.compile(r"[^\w .()+,-]")


class TooLarge(Exception):
    """The upload passed the size cap; `limit` is the cap in bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def scratch_root() -> Path | None:
    """The shared-memory folder when usable (memory only), else None: the vault's scratch."""
    if SHM.is_dir() and os.access(SHM, os.W_OK | os.X_OK):
        return SHM
    return None


@contextlib.contextmanager
def private_folder(home: Path) -> Iterator[Path]:
    """A fresh folder only this user can enter, removed with everything in it afterwards.

    In memory when /dev/shm is usable; elsewhere inside the vault `home`
    (scratch/), never in the system's shared temporary folder. Its name carries
    this process's id, so a server started later can tell the folder of a
    killed server (see `clean_stale`) from one still receiving.
    """
    root = scratch_root()
    if root is None:
        folder = scratch_dir(home)
    else:
        folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=root))
    try:
        os.chmod(folder, 0o700)
        yield folder
    finally:
        try:
            shutil.rmtree(folder)
        except OSError:
            log.exception("could not remove the upload folder %s", folder)


def clean_stale() -> list[Path]:
    """Remove upload folders left by servers that were killed mid-upload; returns them.

    Such a folder holds a whole chat export in clear text (in memory under
    /dev/shm, until the next reboot). Folders of a process still running are
    left alone (another server of this user may be receiving a file), and so
    are other users' folders.
    """
    root = scratch_root()
    if root is None:
        return []  # the vault's scratch folder: cleaned at every unlock
    removed = []
    for folder in root.glob(f"{PREFIX}*"):
        pid = folder.name[len(PREFIX):].split("-", 1)[0]
        mine = folder.is_dir() and folder.stat().st_uid == os.getuid()
        if mine and pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder)
            removed.append(folder)
    return removed


def safe_name(name: str) -> str:
    """The upload's own file name, reduced to a harmless base name with its extension kept.

    Importers detect formats and chat titles from the name ("WhatsApp Chat with
    Sam.txt", "export.zip"), so it is kept as far as it is safe.
    """
    base = PurePosixPath(name.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    if len(cleaned) > MAX_NAME:
        suffix = PurePosixPath(cleaned).suffix[:12]
        cleaned = cleaned[: MAX_NAME - len(suffix)] + suffix
    return cleaned or DEFAULT_NAME


def _create(path: Path) -> IO[bytes]:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(descriptor, "wb")


async def receive_raw(stream: AsyncIterator[bytes], folder: Path, name: str,
                      limit: int) -> Path:
    """Write a raw request body (the script's upload) to `folder/name`, within `limit` bytes."""
    target = folder / safe_name(name)
    size = 0
    with _create(target) as out:
        async for chunk in stream:
            size += len(chunk)
            if size > limit:
                raise TooLarge(limit)
            out.write(chunk)
    if size == 0:
        raise InvalidInput("file", "the file arrived empty; choose it again")
    return target


@dataclass
class _Collector:
    """Callbacks for python-multipart: small fields into memory, the one file to disk."""

    folder: Path
    limit: int
    fields: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    _header_name: bytes = b""
    _header_value: bytes = b""
    _disposition: bytes = b""
    _name: str = ""
    _data: bytearray = field(default_factory=bytearray)
    _out: IO[bytes] | None = None
    size: int = 0

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.part_begin,
            "on_header_field": self.header_field,
            "on_header_value": self.header_value,
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self._disposition = b""
        self._name = ""
        self._data = bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            if len(self.fields) >= MAX_FIELDS:
                raise InvalidInput("file", "the form sent more fields than it has")
            return
        filename = options[b"filename"].decode("utf-8", "replace")
        if self._name != "file" or self.path is not None or not filename:
            self._name = ""  # another file input, or none chosen: ignore its bytes
            return
        self.path = self.folder / safe_name(filename)
        self._out = _create(self.path)

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self._out is not None:
            self.size += end - start
            if self.size > self.limit:
                raise TooLarge(self.limit)
            self._out.write(data[start:end])
        elif self._name:
            self._data += data[start:end]
            if len(self._data) > MAX_FIELD_BYTES:
                raise InvalidInput(self._name, "this field is far longer than it can be")

    def part_end(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        elif self._name:
            self.fields[self._name] = self._data.decode("utf-8", "replace")

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


async def receive_multipart(stream: AsyncIterator[bytes], content_type: str, folder: Path,
                            limit: int) -> tuple[Path | None, dict[str, str]]:
    """Stream a multipart form (the no-script upload): the `file` part to disk, fields kept."""
    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise InvalidInput("file", "the upload arrived without its parts; try again")
    collector = _Collector(folder, limit)
    try:
        parser = MultipartParser(boundary, collector.callbacks())
        async for chunk in stream:
            parser.write(chunk)
        parser.finalize()
    except FormParserError:
        raise InvalidInput("file", "the upload arrived broken; try again") from None
    finally:
        collector.close()
    if collector.path is not None and collector.size == 0:
        raise InvalidInput("file", "the file arrived empty; choose it again")
    return collector.path, collector.fields
