"""Telling a damaged database apart from every other failure.

SQLCipher checks each page's HMAC as it reads it; one flipped bit makes that
page, and only that page, unreadable, and the driver reports it as a
DatabaseError ("database disk image is malformed") from whatever query
happened to touch the page. The edges (CLI, web) turn that into VaultDamaged,
one calm message with the command that saves what can still be read.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from clearheart.errors import VaultDamaged

_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


def is_damage(exc: BaseException) -> bool:
    """Whether `exc` says the database file is damaged (not locked, full or busy).

    Only looks at driver modules already imported, so the CLI's error mapping
    costs nothing on commands that never opened the database.
    """
    kinds: list[type[BaseException]] = []
    for module, name in (("sqlcipher3.dbapi2", "DatabaseError"),
                         ("sqlalchemy.exc", "DatabaseError")):
        loaded = sys.modules.get(module)
        if loaded is not None:
            kinds.append(getattr(loaded, name))
    if not kinds or not isinstance(exc, tuple(kinds)):
        return False
    text = str(exc).lower()
    return any(word in text for word in _DAMAGE_WORDS)


@contextlib.contextmanager
def damage_is_reported(home: Path) -> Iterator[None]:
    """Inside this block, a damaged-database error becomes VaultDamaged(home)."""
    try:
        yield
    except Exception as exc:
        if is_damage(exc):
            raise VaultDamaged(home) from exc
        raise
