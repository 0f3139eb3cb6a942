"""One store contract suite, run against SQLCipher and a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearheart.store import migrate
from clearheart.store.database import postgres_engine
from clearheart.store.vault import Vault


@pytest.fixture(params=["sqlcipher", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """A migrated, empty database on each backend."""
    if request.param == "sqlcipher":
        (tmp_path / "vault").mkdir()
        vault = Vault.open_with_key(tmp_path / "vault", os.urandom(32))
        yield vault.engine
        vault.close()
    else:
        url = request.getfixturevalue("pg_url")
        engine = postgres_engine(url)
        migrate.upgrade(engine, None)
        yield engine
        engine.dispose()
