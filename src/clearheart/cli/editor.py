"""Writing in the person's editor without leaving the words in /tmp.

click.edit's own temporary file lands in the system temp folder, where a
killed editor leaves the decrypted entry. Here the file is made 0600 in a
fresh 0700 working folder inside the vault home, and the folder is removed
when the editor returns; folders left by a killed command are removed the
next time the editor opens.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from clearheart.store.files import clean_stale_scratch, create_private, scratch_dir


def edit_privately(home: Path, text: str) -> str | None:
    """The text after editing, or None when the editor closed without saving."""
    clean_stale_scratch(home)
    folder = scratch_dir(home)
    try:
        path = folder / "entry.txt"
        with os.fdopen(create_private(path), "w", encoding="utf-8") as handle:
            handle.write(text)
        before = path.stat().st_mtime_ns
        click.edit(filename=str(path))
        if path.stat().st_mtime_ns == before:
            return None
        return path.read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder)
