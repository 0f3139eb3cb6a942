"""The PostgreSQL fixtures give each test a real, empty, private database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres_fixture")]

TABLE = "fixture_probe_notes"
# Databases handed out by pg_url so far in this process; the xdist group keeps
# both parametrised runs in one worker so the second sees the first's name.
_handed_out: list[str] = []


def _database_names(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.scalars(sa.text("SELECT datname FROM pg_database")))
    finally:
        engine.dispose()


@pytest.mark.parametrize("label", ["first", "second"])
def test_pg_url_is_a_fresh_isolated_database(pg_url: str, postgres_url: str, label: str) -> None:
    engine = sa.create_engine(pg_url)
    try:
        name = engine.url.database
        assert name is not None
        assert name != sa.make_url(postgres_url).database
        assert sa.inspect(engine).get_table_names() == [], "pg_url must start empty"

        notes = sa.Table(
            TABLE,
            sa.MetaData(),
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("body", sa.Text, nullable=False),
        )
        with engine.begin() as conn:
            notes.create(conn)
            conn.execute(notes.insert(), [{"body": label}])
        with engine.connect() as conn:
            assert conn.scalars(sa.select(notes.c.body)).all() == [label]
    finally:
        engine.dispose()

    session_engine = sa.create_engine(postgres_url)
    try:
        assert TABLE not in sa.inspect(session_engine).get_table_names()
    finally:
        session_engine.dispose()

    existing = _database_names(postgres_url)
    assert name in existing
    assert name not in _handed_out, "two pg_url uses must get different databases"
    assert not existing.intersection(_handed_out), "earlier pg_url databases must be dropped"
    _handed_out.append(name)
