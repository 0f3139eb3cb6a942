"""Journal entries in the database: add, read, page, search, delete."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from clearheart.domain.journal import (
    Draft,
    Entry,
    Mood,
    Practice,
    clean_draft,
    from_stamp,
    offset_minutes,
    utc_stamp,
)
from clearheart.domain.search import fts5_query, terms
from clearheart.errors import InvalidInput
from clearheart.store.database import is_sqlite
from clearheart.store.rows import (
    change_row,
    count_rows,
    fetch_row,
    insert_rows,
    remove_row,
)
from clearheart.store.schema import journal_entries as t


@dataclass(frozen=True, slots=True)
class Page:
    entries: tuple[Entry, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.entries) < self.total


def _content(draft: Draft) -> dict[str, Any]:
    """The columns a person's writing fills; editing replaces exactly these."""
    return {
        "text": draft.text,
        "prompt_id": draft.prompt_id,
        "mood": draft.mood.score if draft.mood else None,
        "emotions": list(draft.mood.words) if draft.mood else [],
        "tags": list(draft.tags),
    }


def _row(draft: Draft, created: datetime) -> dict[str, Any]:
    return {
        "created_at": utc_stamp(created),
        "utc_offset": offset_minutes(created),
        "practice": draft.practice.value if draft.practice else None,
        "practice_day": created.date().isoformat() if draft.practice else None,
        **_content(draft),
    }


def _entry(row: Any) -> Entry:
    mood = Mood(row.mood, tuple(row.emotions)) if row.mood is not None else None
    return Entry(
        id=row.id,
        created=from_stamp(row.created_at, row.utc_offset),
        text=row.text,
        prompt_id=row.prompt_id,
        mood=mood,
        tags=tuple(row.tags),
        practice=Practice(row.practice) if row.practice else None,
    )


def check_restored(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored row reads back and meets the rules of `add`."""
    entry = _entry(SimpleNamespace(**row))
    if row["practice_day"] is not None:
        date.fromisoformat(row["practice_day"])
    if not all(isinstance(word, str) for word in (*row["emotions"], *row["tags"])):
        raise InvalidInput("tags", "mood words and tags must be text")
    clean_draft(Draft(entry.text, entry.prompt_id, entry.mood, entry.tags, entry.practice))


class JournalRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def add(self, draft: Draft, created: datetime) -> Entry:
        """Store a cleaned draft; returns only after the transaction has committed."""
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t).values(**_row(draft, created)).returning(t.c.id)
            ).scalar_one()
        return self.get(new_id)

    def add_many(self, drafts: Iterable[tuple[Draft, datetime]]) -> int:
        """Store many cleaned drafts in one transaction (imports, demo, benchmarks)."""
        return insert_rows(self.engine, t, [_row(draft, created) for draft, created in drafts])

    def get(self, entry_id: int) -> Entry:
        with self.engine.connect() as conn:
            return _entry(fetch_row(conn, t, entry_id, "journal entry"))

    def update(self, entry_id: int, draft: Draft) -> Entry:
        """Replace what was written; the time written and the practice stay as they were."""
        with self.engine.begin() as conn:
            change_row(conn, t, entry_id, "journal entry", _content(draft))
        return self.get(entry_id)

    def delete(self, entry_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, t, entry_id, "journal entry")

    def count(self) -> int:
        with self.engine.connect() as conn:
            return count_rows(conn, t)

    def page(self, offset: int = 0, limit: int = 50) -> Page:
        """Newest first."""
        query = sa.select(t).order_by(t.c.created_at.desc(), t.c.id.desc())
        with self.engine.connect() as conn:
            rows = conn.execute(query.offset(offset).limit(limit)).all()
            total = count_rows(conn, t)
        return Page(tuple(_entry(r) for r in rows), total, offset, limit)

    def all(self) -> Iterator[Entry]:
        """Oldest first, streamed."""
        with self.engine.connect() as conn:
            for row in conn.execute(sa.select(t).order_by(t.c.created_at, t.c.id)):
                yield _entry(row)

    def practice_entries(self, since: date) -> tuple[Entry, ...]:
        query = (
            sa.select(t)
            .where(t.c.practice.is_not(None), t.c.practice_day >= since.isoformat())
            .order_by(t.c.created_at)
        )
        with self.engine.connect() as conn:
            return tuple(_entry(r) for r in conn.execute(query))

    def last_practice_day(self) -> date | None:
        with self.engine.connect() as conn:
            day = conn.execute(sa.select(sa.func.max(t.c.practice_day))).scalar()
        return date.fromisoformat(day) if day else None

    def search(self, query: str, limit: int = 50) -> tuple[Entry, ...]:
        """Entries matching every word of `query` (prefix match on the last), best first."""
        words = terms(query)
        if not words:
            return ()
        with self.engine.connect() as conn:
            if is_sqlite(conn):
                ids = conn.execute(
                    sa.text(
                        "SELECT rowid FROM journal_fts WHERE journal_fts MATCH :q "
                        "ORDER BY bm25(journal_fts) LIMIT :n"
                    ),
                    {"q": fts5_query(words), "n": limit},
                ).scalars().all()
            else:
                ids = self._search_postgres(conn, words, limit)
            return self._in_order(conn, ids)

    @staticmethod
    def _search_postgres(conn: sa.Connection, words: Sequence[str], limit: int) -> list[int]:
        tsquery = " & ".join(f"{w}:*" for w in (_pg_lexeme(w) for w in words) if w)
        if not tsquery:
            return []
        doc = "to_tsvector('simple', text || ' ' || tags::text)"
        return list(
            conn.execute(
                sa.text(
                    f"SELECT id FROM journal_entries WHERE {doc} @@ to_tsquery('simple', :q) "  # noqa: S608
                    f"ORDER BY ts_rank({doc}, to_tsquery('simple', :q)) DESC, id DESC LIMIT :n"
                ),
                {"q": tsquery, "n": limit},
            ).scalars()
        )

    @staticmethod
    def _in_order(conn: sa.Connection, ids: Sequence[int]) -> tuple[Entry, ...]:
        if not ids:
            return ()
        rows = {r.id: r for r in conn.execute(sa.select(t).where(t.c.id.in_(ids)))}
        return tuple(_entry(rows[i]) for i in ids if i in rows)


def _pg_lexeme(word: str) -> str:
    """Keep only characters that cannot break a tsquery."""
    return "".join(ch for ch in word.lower() if ch.isalnum())
