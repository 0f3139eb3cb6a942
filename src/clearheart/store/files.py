"""Durable and private files: write aside, fsync, rename, fsync the folder; 0600 files
in 0700 folders from the first byte, so plaintext is never readable by others."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_dir(folder: Path) -> Path:
    """Create a folder only the owner can read; an existing one is tightened to 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def create_private(path: Path) -> int:
    """A new file only the owner can read, 0600 from its first byte (whatever the umask).

    Returns the open descriptor (write only); refuses a path that already exists,
    so a planted file or link is never written through.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    os.fchmod(fd, 0o600)
    return fd


def copy_private(source: Path, target: Path) -> None:
    """Copy a file into a new private file (see create_private)."""
    with open(source, "rb") as src, os.fdopen(create_private(target), "wb") as dst:
        shutil.copyfileobj(src, dst)


SCRATCH = "scratch"
"""The folder inside the vault home for short-lived working files (0700)."""


def scratch_dir(home: Path) -> Path:
    """A new private working folder inside the vault home, never in /tmp.

    Named after this process, so `clean_stale_scratch` can tell a folder left
    by a killed process from one still in use.
    """
    root = private_dir(home / SCRATCH)
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))


def clean_stale_scratch(home: Path) -> list[Path]:
    """Remove working folders whose process is gone (killed mid-edit, say); returns them."""
    root = home / SCRATCH
    if not root.is_dir():
        return []
    removed = []
    for folder in root.iterdir():
        pid = folder.name.split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder)
            removed.append(folder)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (one of another user counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
