"""The few statements every repository repeats: a row by its id, change or delete it, count.

Each names what it looked for (`noun`) so a missing row is reported as the
person would say it: "journal entry 12 was not found".
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from clearheart.errors import NotFound


def fetch_row(conn: sa.Connection, table: sa.Table, row_id: int | str, noun: str) -> sa.Row[Any]:
    """The row whose primary key `id` is `row_id`; NotFound when there is none."""
    row = conn.execute(sa.select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise NotFound(noun, str(row_id))
    return row


def change_row(conn: sa.Connection, table: sa.Table, row_id: int | str, noun: str,
           values: dict[str, Any]) -> None:
    """Set `values` on the row `row_id`; NotFound (and nothing changed) when there is none."""
    if conn.execute(sa.update(table).where(table.c.id == row_id).values(**values)).rowcount == 0:
        raise NotFound(noun, str(row_id))


def remove_row(conn: sa.Connection, table: sa.Table, row_id: int | str, noun: str) -> None:
    """Delete the row `row_id`; NotFound when there is none."""
    if conn.execute(sa.delete(table).where(table.c.id == row_id)).rowcount == 0:
        raise NotFound(noun, str(row_id))


def insert_rows(engine: sa.Engine, table: sa.Table, rows: list[dict[str, Any]]) -> int:
    """Insert `rows` in one transaction (all or nothing); returns how many."""
    if rows:
        with engine.begin() as conn:
            conn.execute(sa.insert(table), rows)
    return len(rows)


def count_rows(conn: sa.Connection, table: sa.Table) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
