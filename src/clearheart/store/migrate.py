"""Bring a database to the newest schema, with a verified backup first.

A brand-new vault is created at HEAD directly. A vault at an older revision is
first copied to an encrypted backup, which is opened and checked before any
migration touches the original.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from clearheart.errors import MigrationFailed
from clearheart.store.schema import HEAD


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def _alembic_upgrade(engine: sa.Engine, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def script_head() -> str:
    """The head revision according to the migration scripts (for the schema test)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def upgrade(engine: sa.Engine, backup: Callable[[str], Path] | None) -> Path | None:
    """Upgrade to HEAD. `backup(revision)` makes and verifies a copy; returns its path."""
    revision = current_revision(engine)
    if revision == HEAD:
        return None
    saved = backup(revision) if (revision is not None and backup is not None) else None
    try:
        _alembic_upgrade(engine, HEAD)
    except Exception as exc:
        raise MigrationFailed(saved, str(exc)) from exc
    return saved
